//! The app's addresses. Every screen has its own, kept in the URL's hash (`#/…`) so that reload
//! and the back button work on any static host, under any sub-path, with no rewrite rules.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    Profile {
        id: String,
    },
    Overview {
        id: String,
    },
    /// `from_check`: opened from "Tjek dine svar", so saving returns there.
    Item {
        id: String,
        item: String,
        from_check: bool,
    },
    Check {
        id: String,
    },
    Report {
        id: String,
    },
    /// "Læs jeres plan": give the tool the plan itself.
    Plan {
        id: String,
    },
    Projector {
        id: String,
        item: String,
    },
    Group,
    Compare {
        before: String,
        after: String,
    },
    Data,
    /// The plan's own strategiskabeloner, and starting one.
    Skabeloner,
    /// Filling in one strategiskabelon.
    Skabelon {
        id: String,
    },
    SkabelonPrint {
        id: String,
    },
    /// A strategiskabelon against the same plan's previous period.
    SkabelonCompare {
        id: String,
    },
    /// The kommune's evaluation across plans: gathered strategiskabeloner.
    Evaluation,
    /// One gathered plan's strategiskabelon for one period (`Period::key`).
    EvaluationPlan {
        plan: String,
        period: String,
    },
    /// The kommune's reviews of applications: start one from an organisation's export file.
    Reviews,
    /// One review: the kommune's verdict, the progress and every item, objections first.
    Review {
        id: String,
    },
    /// The caseworker's decisions on one item of a review.
    ReviewItem {
        id: String,
        item: String,
    },
    /// "Kommunens tilbagemelding": the printable document and the feedback file.
    ReviewFeedback {
        id: String,
    },
    NotFound,
}

impl Route {
    /// Parses a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        if !parts.iter().all(|part| is_safe_segment(part)) {
            return Route::NotFound;
        }
        let from_check = query.split('&').any(|pair| pair == "fra=tjek");
        let owned = |s: &str| s.to_owned();
        match parts.as_slice() {
            [] => Route::Start,
            ["vurdering", id, "profil"] => Route::Profile { id: owned(id) },
            ["vurdering", id] | ["vurdering", id, "oversigt"] => Route::Overview { id: owned(id) },
            ["vurdering", id, "punkt", item] => Route::Item { id: owned(id), item: owned(item), from_check },
            ["vurdering", id, "tjek"] => Route::Check { id: owned(id) },
            ["vurdering", id, "rapport"] => Route::Report { id: owned(id) },
            ["vurdering", id, "plan"] => Route::Plan { id: owned(id) },
            ["vurdering", id, "projektor", item] => Route::Projector { id: owned(id), item: owned(item) },
            ["gruppe"] => Route::Group,
            ["sammenlign", before, after] => Route::Compare { before: owned(before), after: owned(after) },
            ["data"] => Route::Data,
            ["evaluering"] => Route::Evaluation,
            ["gennemgang"] => Route::Reviews,
            ["gennemgang", id] => Route::Review { id: owned(id) },
            ["gennemgang", id, "punkt", item] => Route::ReviewItem { id: owned(id), item: owned(item) },
            ["gennemgang", id, "tilbagemelding"] => Route::ReviewFeedback { id: owned(id) },
            ["strategiskabeloner"] => Route::Skabeloner,
            ["strategiskabelon", id] => Route::Skabelon { id: owned(id) },
            ["strategiskabelon", id, "udskrift"] => Route::SkabelonPrint { id: owned(id) },
            ["strategiskabelon", id, "sammenlign"] => Route::SkabelonCompare { id: owned(id) },
            ["evaluering", "plan", plan, period] => Route::EvaluationPlan { plan: owned(plan), period: owned(period) },
            _ => Route::NotFound,
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Start | Route::NotFound => "#/".into(),
            Route::Profile { id } => format!("#/vurdering/{id}/profil"),
            Route::Overview { id } => format!("#/vurdering/{id}/oversigt"),
            Route::Item { id, item, from_check } => {
                let query = if *from_check { "?fra=tjek" } else { "" };
                format!("#/vurdering/{id}/punkt/{item}{query}")
            }
            Route::Check { id } => format!("#/vurdering/{id}/tjek"),
            Route::Report { id } => format!("#/vurdering/{id}/rapport"),
            Route::Plan { id } => format!("#/vurdering/{id}/plan"),
            Route::Projector { id, item } => format!("#/vurdering/{id}/projektor/{item}"),
            Route::Group => "#/gruppe".into(),
            Route::Compare { before, after } => format!("#/sammenlign/{before}/{after}"),
            Route::Data => "#/data".into(),
            Route::Evaluation => "#/evaluering".into(),
            Route::Reviews => "#/gennemgang".into(),
            Route::Review { id } => format!("#/gennemgang/{id}"),
            Route::ReviewItem { id, item } => format!("#/gennemgang/{id}/punkt/{item}"),
            Route::ReviewFeedback { id } => format!("#/gennemgang/{id}/tilbagemelding"),
            Route::Skabeloner => "#/strategiskabeloner".into(),
            Route::Skabelon { id } => format!("#/strategiskabelon/{id}"),
            Route::SkabelonPrint { id } => format!("#/strategiskabelon/{id}/udskrift"),
            Route::SkabelonCompare { id } => format!("#/strategiskabelon/{id}/sammenlign"),
            Route::EvaluationPlan { plan, period } => format!("#/evaluering/plan/{plan}/{period}"),
        }
    }

    /// The assessment a route belongs to, if any.
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Route::Profile { id }
            | Route::Overview { id }
            | Route::Item { id, .. }
            | Route::Check { id }
            | Route::Report { id }
            | Route::Plan { id }
            | Route::Projector { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The kommune's review the page shows, if any.
    pub fn review_id(&self) -> Option<&str> {
        match self {
            Route::Review { id } | Route::ReviewItem { id, .. } | Route::ReviewFeedback { id } => Some(id),
            _ => None,
        }
    }

    /// The plan's own strategiskabelon a route shows, if any.
    pub fn skabelon_id(&self) -> Option<&str> {
        match self {
            Route::Skabelon { id } | Route::SkabelonPrint { id } | Route::SkabelonCompare { id } => Some(id),
            _ => None,
        }
    }
}

/// Ids and item ids are lowercase letters, digits and dashes; anything else is not ours.
fn is_safe_segment(segment: &str) -> bool {
    segment.len() <= 64 && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_a_round_trip() {
        let routes = [
            Route::Start,
            Route::Profile { id: "a1".into() },
            Route::Overview { id: "a1".into() },
            Route::Item { id: "a1".into(), item: "faelles-analyse".into(), from_check: false },
            Route::Item { id: "a1".into(), item: "faelles-analyse".into(), from_check: true },
            Route::Check { id: "a1".into() },
            Route::Report { id: "a1".into() },
            Route::Plan { id: "a1".into() },
            Route::Projector { id: "a1".into(), item: "sekretariat".into() },
            Route::Group,
            Route::Compare { before: "a1".into(), after: "b2".into() },
            Route::Data,
            Route::Skabeloner,
            Route::Skabelon { id: "s1".into() },
            Route::SkabelonPrint { id: "s1".into() },
            Route::SkabelonCompare { id: "s1".into() },
            Route::Evaluation,
            Route::EvaluationPlan { plan: "plan-nord".into(), period: "2027-H1".into() },
            Route::Reviews,
            Route::Review { id: "r1".into() },
            Route::ReviewItem { id: "r1".into(), item: "sekretariat".into() },
            Route::ReviewFeedback { id: "r1".into() },
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn empty_and_bare_hashes_are_the_start_page() {
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/"), Route::Start);
    }

    #[test]
    fn unknown_or_unsafe_addresses_are_not_found() {
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse("#/vurdering/a1/punkt/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#/vurdering/a%20b/profil"), Route::NotFound);
    }

    #[test]
    fn a_review_s_pages_name_the_review_and_no_assessment() {
        for route in ["#/gennemgang/r1", "#/gennemgang/r1/punkt/sekretariat", "#/gennemgang/r1/tilbagemelding"] {
            let route = Route::parse(route);
            assert_eq!(route.review_id(), Some("r1"));
            assert_eq!(route.assessment_id(), None);
        }
        assert_eq!(Route::Reviews.review_id(), None);
        assert_eq!(Route::Overview { id: "a1".into() }.review_id(), None);
    }

    #[test]
    fn an_assessment_address_without_a_screen_opens_its_overview() {
        assert_eq!(Route::parse("#/vurdering/a1"), Route::Overview { id: "a1".into() });
    }
}
