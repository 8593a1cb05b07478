//! The kommune's evaluation (K12: "indgår i Københavns Kommunes halvårlige evalueringskoncept").
//!
//! A running plan fills in a *strategiskabelon* per period: its activities with target groups and
//! progress, two ratings of the collaboration, and the challenges it meets. The kommune gathers
//! every plan's file and sees the picture the 2010 evaluation drew by hand.
//!
//! - `scheme`: the lists (target groups, progress scale, ratings, challenges) as data, from
//!   `catalogues/evaluation.toml`.
//! - this module: the strategiskabelon and `Edit`, the one way it changes.
//! - `period`: half-years and years.
//! - `file`: the stored record, the export file, strict reading, and gathering many files.
//! - `aggregate`: the overview across plans, and comparisons of periods.
//! - `wording`: how refusals and outcomes read.
//!
//! The serde attributes below are the stored and exported form (docs/file-format.md). Change
//! nothing there without a migration in `file`.

pub mod aggregate;
pub mod file;
pub mod period;
pub mod scheme;
pub mod wording;

use serde::{Deserialize, Deserializer, Serialize};

use super::assessment::{Assessment, CatalogueRef};
use super::catalogue::Catalogue;
use super::collections::{TextMap, TextSet};
pub use period::{Half, Period};
use scheme::scheme;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Strategiskabelon {
    pub id: String,
    /// The catalogue whose items activities may be linked to.
    pub catalogue: CatalogueRef,
    /// RFC 3339 time stamps, set by the caller (the domain has no clock).
    pub created_at: String,
    pub updated_at: String,
    pub plan: Plan,
    pub period: Period,
    /// In the plan's own order.
    pub activities: Vec<Activity>,
    /// Keyed by the id of a rated collaboration (`scheme().collaborations`). A collaboration
    /// with no entry is not rated.
    pub ratings: TextMap<Rating>,
    /// Keyed by challenge id: the challenges the plan names, each with a comment.
    pub challenges: TextMap<ChallengeNote>,
}

/// Which plan reports. Strategiskabeloner of one plan share `id` across periods, which is how
/// the kommune tells a plan's newer file from another plan's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub housing_area: String,
    /// The assessment this plan's first strategiskabelon was started from, if any.
    #[serde(deserialize_with = "nullable")]
    pub assessment: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Activity {
    /// Unique within the strategiskabelon, and kept when activities are copied into the next
    /// period, so two periods' activities can be matched even when one is renamed.
    pub id: String,
    pub name: String,
    /// Target group ids (`scheme().target_groups`).
    pub target_groups: TextSet,
    /// Ids of the catalogue's items (krav-areas) the activity serves.
    pub items: TextSet,
    /// A progress level id (`scheme().progress`), or `null` while not assessed.
    #[serde(deserialize_with = "nullable")]
    pub progress: Option<String>,
    /// Why, in one line.
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// A rating level id (`scheme().rating_levels`), or `null` while only a comment is given.
    #[serde(deserialize_with = "nullable")]
    pub level: Option<String>,
    pub comment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeNote {
    /// For "andet", what the challenge is.
    pub comment: String,
}

/// An optional field that must be written all the same, as `null` when empty.
fn nullable<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::deserialize(deserializer)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    Name,
    Organisation,
    HousingArea,
}

/// One change a user makes. Like `assessment::Edit`, an edit is applied to the freshest stored
/// copy, so two tabs editing different fields keep each other's work. Edits that name an
/// activity, level or challenge that is not there change nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    PlanText(PlanField, String),
    Period(Period),
    /// Appends an empty activity. The caller makes the id (unique, like an assessment's), so an
    /// edit replayed on another tab's copy cannot land on a different activity.
    AddActivity {
        id: String,
    },
    RemoveActivity {
        id: String,
    },
    /// Moves an activity one place up (`up`) or down in the list.
    MoveActivity {
        id: String,
        up: bool,
    },
    ActivityName {
        id: String,
        name: String,
    },
    ActivityTargetGroup {
        id: String,
        group: String,
        chosen: bool,
    },
    ActivityItem {
        id: String,
        item: String,
        linked: bool,
    },
    ActivityProgress {
        id: String,
        progress: Option<String>,
    },
    ActivityReason {
        id: String,
        reason: String,
    },
    RatingLevel {
        collaboration: String,
        level: Option<String>,
    },
    RatingComment {
        collaboration: String,
        comment: String,
    },
    Challenge {
        id: String,
        chosen: bool,
    },
    /// The comment of a chosen challenge; ignored for one that is not chosen.
    ChallengeComment {
        id: String,
        comment: String,
    },
}

/// What a new strategiskabelon starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    pub id: String,
    pub plan: Plan,
    pub period: Period,
}

impl Strategiskabelon {
    pub fn new(start: Start, catalogue: &Catalogue, now: &str) -> Self {
        Strategiskabelon {
            id: start.id,
            catalogue: CatalogueRef { id: catalogue.id.into(), version: catalogue.version.into() },
            created_at: now.into(),
            updated_at: now.into(),
            plan: start.plan,
            period: start.period,
            activities: Vec::new(),
            ratings: TextMap::new(),
            challenges: TextMap::new(),
        }
    }

    /// A strategiskabelon for the plan an assessment describes: its name, organisation and
    /// housing area carry over, and the assessment's id becomes the plan's id, so every period
    /// started from it is the same plan.
    pub fn from_assessment(id: String, assessment: &Assessment, period: Period, now: &str) -> Self {
        let profile = &assessment.profile;
        let plan = Plan {
            id: assessment.id.clone(),
            name: profile.plan_name.clone(),
            organisation: profile.organisation.clone(),
            housing_area: profile.housing_area.clone(),
            assessment: Some(assessment.id.clone()),
        };
        let catalogue =
            CatalogueRef { id: assessment.catalogue.id.clone(), version: assessment.catalogue.version.clone() };
        Strategiskabelon {
            catalogue,
            ..Strategiskabelon::new(Start { id, plan, period }, super::catalogue::current(), now)
        }
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    fn activity_mut(&mut self, id: &str) -> Option<&mut Activity> {
        self.activities.iter_mut().find(|a| a.id == id)
    }

    pub fn rating(&self, collaboration: &str) -> Option<&Rating> {
        self.ratings.get(collaboration)
    }

    /// The rating level chosen for a collaboration, if any.
    pub fn rating_level(&self, collaboration: &str) -> Option<&'static scheme::RatingLevel> {
        self.rating(collaboration)?.level.as_deref().and_then(|id| scheme().rating_level(id))
    }

    /// The chosen challenges whose comment must say what they are ("Andet") and is still
    /// blank. A strategiskabelon with any is saved as it is typed, but not sent to the kommune:
    /// the export waits, and the kommune's import refuses such a file (`file::read_file`).
    pub fn challenges_missing_comment(&self) -> Vec<&'static scheme::Challenge> {
        scheme()
            .challenges
            .iter()
            .filter(|c| c.other)
            .filter(|c| self.challenges.get(c.id).is_some_and(|note| note.comment.trim().is_empty()))
            .collect()
    }

    /// A readable name, even before the plan is named.
    pub fn display_name(&self) -> Option<&str> {
        let name = self.plan.name.trim();
        (!name.is_empty()).then_some(name)
    }

    /// Applies an edit and stamps `updated_at`. Ratings that become blank are dropped, so the
    /// stored form stays canonical.
    pub fn apply(&mut self, edit: &Edit, now: &str) {
        match edit {
            Edit::PlanText(field, value) => {
                let target = match field {
                    PlanField::Name => &mut self.plan.name,
                    PlanField::Organisation => &mut self.plan.organisation,
                    PlanField::HousingArea => &mut self.plan.housing_area,
                };
                value.clone_into(target);
            }
            Edit::Period(period) => self.period = *period,
            Edit::AddActivity { id } => {
                if self.activity(id).is_none() {
                    self.activities.push(Activity { id: id.clone(), ..Activity::default() });
                }
            }
            Edit::RemoveActivity { id } => self.activities.retain(|a| a.id != *id),
            Edit::MoveActivity { id, up } => {
                if let Some(at) = self.activities.iter().position(|a| a.id == *id) {
                    let to = if *up { at.checked_sub(1) } else { Some(at + 1).filter(|&n| n < self.activities.len()) };
                    if let Some(to) = to {
                        self.activities.swap(at, to);
                    }
                }
            }
            Edit::ActivityName { id, name } => {
                if let Some(activity) = self.activity_mut(id) {
                    name.clone_into(&mut activity.name);
                }
            }
            Edit::ActivityTargetGroup { id, group, chosen } => {
                if let Some(activity) = self.activity_mut(id) {
                    toggle(&mut activity.target_groups, group, *chosen);
                }
            }
            Edit::ActivityItem { id, item, linked } => {
                if let Some(activity) = self.activity_mut(id) {
                    toggle(&mut activity.items, item, *linked);
                }
            }
            Edit::ActivityProgress { id, progress } => {
                if let Some(activity) = self.activity_mut(id) {
                    activity.progress.clone_from(progress);
                }
            }
            Edit::ActivityReason { id, reason } => {
                if let Some(activity) = self.activity_mut(id) {
                    reason.clone_into(&mut activity.reason);
                }
            }
            Edit::RatingLevel { collaboration, level } => {
                self.ratings.get_or_default(collaboration).level.clone_from(level);
                self.drop_blank_rating(collaboration);
            }
            Edit::RatingComment { collaboration, comment } => {
                comment.clone_into(&mut self.ratings.get_or_default(collaboration).comment);
                self.drop_blank_rating(collaboration);
            }
            Edit::Challenge { id, chosen } => {
                if *chosen {
                    self.challenges.get_or_default(id);
                } else {
                    self.challenges.remove(id);
                }
            }
            Edit::ChallengeComment { id, comment } => {
                if self.challenges.contains_key(id) {
                    comment.clone_into(&mut self.challenges.get_or_default(id).comment);
                }
            }
        }
        now.clone_into(&mut self.updated_at);
    }

    fn drop_blank_rating(&mut self, collaboration: &str) {
        if self.ratings.get(collaboration).is_some_and(|r| *r == Rating::default()) {
            self.ratings.remove(collaboration);
        }
    }

    /// The strategiskabelon for the next period: the same plan, and this period's activities
    /// that are still running, with their names, target groups and linked items.
    ///
    /// Activity ids are kept, so the two periods can be compared activity by activity. Progress
    /// and its reason are *reset*: the evaluation counts what the plan assessed for each
    /// period, and a carried-over "God fremdrift" would be reported again without anyone having
    /// judged it. Activities marked as ended are not copied. Ratings and challenges are the
    /// period's own and start empty.
    pub fn next_period(&self, id: String, now: &str) -> Strategiskabelon {
        let activities = self
            .activities
            .iter()
            .filter(|a| !a.progress.as_deref().and_then(|p| scheme().progress_level(p)).is_some_and(|l| l.ended))
            .map(|a| Activity { progress: None, reason: String::new(), ..a.clone() })
            .collect();
        Strategiskabelon {
            id,
            catalogue: self.catalogue.clone(),
            created_at: now.into(),
            updated_at: now.into(),
            plan: self.plan.clone(),
            period: self.period.next(),
            activities,
            ratings: TextMap::new(),
            challenges: TextMap::new(),
        }
    }
}

fn toggle(set: &mut TextSet, value: &str, on: bool) {
    if on {
        set.insert(value.to_owned());
    } else {
        set.remove(value);
    }
}

/// The order strategiskabeloner are listed in: newest period first; within a period, by plan name.
pub fn newest_period_first(list: &mut [Strategiskabelon]) {
    super::collections::stable_sort_by(list, |a, b| {
        b.period.cmp(&a.period).then_with(|| a.plan.name.cmp(&b.plan.name))
    });
}

/// A name for a plan in lists: its name, or "Unavngiven plan".
pub fn display_name(skabelon: &Strategiskabelon, lang: super::i18n::Lang) -> String {
    skabelon
        .display_name()
        .map(str::to_owned)
        .unwrap_or_else(|| super::i18n::Msg::EvalUntitledPlan.get(lang).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue;

    const NOW: &str = "2027-01-10T09:00:00.000Z";
    const LATER: &str = "2027-07-02T09:00:00.000Z";

    fn skabelon() -> Strategiskabelon {
        let plan = Plan { id: "p1".into(), name: "Plan Nord".into(), ..Plan::default() };
        let start = Start { id: "s1".into(), plan, period: Period::half_year(2027, Half::First) };
        let mut s = Strategiskabelon::new(start, catalogue::current(), NOW);
        for (id, name, progress) in
            [("a1", "Lektiecafé", Some("god")), ("a2", "Kvindeklub", Some("afsluttet")), ("a3", "Syværksted", None)]
        {
            s.apply(&Edit::AddActivity { id: id.into() }, NOW);
            s.apply(&Edit::ActivityName { id: id.into(), name: name.into() }, NOW);
            s.apply(&Edit::ActivityProgress { id: id.into(), progress: progress.map(Into::into) }, NOW);
            s.apply(&Edit::ActivityReason { id: id.into(), reason: "fordi".into() }, NOW);
        }
        s.apply(&Edit::ActivityTargetGroup { id: "a1".into(), group: "boern-og-unge".into(), chosen: true }, NOW);
        s.apply(&Edit::ActivityItem { id: "a1".into(), item: "faelles-analyse".into(), linked: true }, NOW);
        s
    }

    #[test]
    fn edits_change_only_what_they_name() {
        let mut s = skabelon();
        assert_eq!(s.activities.len(), 3);
        s.apply(&Edit::AddActivity { id: "a1".into() }, LATER);
        assert_eq!(s.activities.len(), 3, "an id already there adds nothing");
        s.apply(&Edit::ActivityName { id: "nowhere".into(), name: "x".into() }, LATER);
        assert!(s.activities.iter().all(|a| a.name != "x"));
        assert_eq!(s.updated_at, LATER);
        s.apply(&Edit::MoveActivity { id: "a3".into(), up: true }, LATER);
        s.apply(&Edit::MoveActivity { id: "a1".into(), up: true }, LATER);
        let order: Vec<&str> = s.activities.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(order, ["a1", "a3", "a2"], "the first stays first");
        s.apply(&Edit::MoveActivity { id: "a2".into(), up: false }, LATER);
        s.apply(&Edit::RemoveActivity { id: "a3".into() }, LATER);
        let order: Vec<&str> = s.activities.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(order, ["a1", "a2"]);
        s.apply(&Edit::ActivityTargetGroup { id: "a1".into(), group: "boern-og-unge".into(), chosen: false }, LATER);
        assert!(s.activity("a1").unwrap().target_groups.is_empty());
    }

    #[test]
    fn blank_ratings_are_dropped_and_challenge_comments_need_the_challenge() {
        let mut s = skabelon();
        let level =
            |level: Option<&str>| Edit::RatingLevel { collaboration: "kommunen".into(), level: level.map(Into::into) };
        s.apply(&level(Some("fungerer-godt")), NOW);
        assert_eq!(s.rating_level("kommunen").map(|l| l.id), Some("fungerer-godt"));
        s.apply(&level(None), NOW);
        assert!(s.ratings.is_empty(), "no level and no comment is no rating");
        s.apply(&Edit::RatingComment { collaboration: "kommunen".into(), comment: "Møder hver måned".into() }, NOW);
        assert_eq!(s.rating("kommunen").map(|r| r.level.clone()), Some(None));
        s.apply(&Edit::ChallengeComment { id: "lokaler".into(), comment: "ingen lokaler".into() }, NOW);
        assert!(s.challenges.is_empty(), "a comment alone does not choose a challenge");
        s.apply(&Edit::Challenge { id: "lokaler".into(), chosen: true }, NOW);
        s.apply(&Edit::ChallengeComment { id: "lokaler".into(), comment: "ingen lokaler".into() }, NOW);
        assert_eq!(s.challenges.get("lokaler").map(|c| c.comment.as_str()), Some("ingen lokaler"));
        s.apply(&Edit::Challenge { id: "lokaler".into(), chosen: false }, NOW);
        assert!(s.challenges.is_empty());
    }

    #[test]
    fn the_other_challenge_needs_a_comment_before_it_is_sent() {
        let mut s = skabelon();
        assert!(s.challenges_missing_comment().is_empty());
        s.apply(&Edit::Challenge { id: "lokaler".into(), chosen: true }, NOW);
        assert!(s.challenges_missing_comment().is_empty(), "a named challenge needs no comment");
        s.apply(&Edit::Challenge { id: "andet".into(), chosen: true }, NOW);
        let missing: Vec<&str> = s.challenges_missing_comment().iter().map(|c| c.id).collect();
        assert_eq!(missing, ["andet"]);
        s.apply(&Edit::ChallengeComment { id: "andet".into(), comment: "   ".into() }, NOW);
        assert_eq!(s.challenges_missing_comment().len(), 1, "blanks are no comment");
        s.apply(&Edit::ChallengeComment { id: "andet".into(), comment: "Hærværk".into() }, NOW);
        assert!(s.challenges_missing_comment().is_empty());
    }

    #[test]
    fn the_next_period_keeps_running_activities_and_resets_their_progress() {
        let mut s = skabelon();
        s.apply(&Edit::RatingLevel { collaboration: "kommunen".into(), level: Some("fungerer-godt".into()) }, NOW);
        s.apply(&Edit::Challenge { id: "lokaler".into(), chosen: true }, NOW);
        let next = s.next_period("s2".into(), LATER);
        assert_eq!((next.id.as_str(), next.period), ("s2", Period::half_year(2027, Half::Second)));
        assert_eq!(next.plan, s.plan);
        let copied: Vec<(&str, &str)> = next.activities.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
        assert_eq!(copied, [("a1", "Lektiecafé"), ("a3", "Syværksted")], "the ended activity is left behind");
        let first = &next.activities[0];
        assert_eq!((first.progress.as_deref(), first.reason.as_str()), (None, ""));
        assert!(first.target_groups.contains("boern-og-unge") && first.items.contains("faelles-analyse"));
        assert!(next.ratings.is_empty() && next.challenges.is_empty());
        assert_eq!((next.created_at.as_str(), next.updated_at.as_str()), (LATER, LATER));
    }

    #[test]
    fn a_strategiskabelon_from_an_assessment_carries_its_profile() {
        let mut a = Assessment::new("vurdering-1".into(), catalogue::current(), NOW);
        a.profile.plan_name = "Mjølnerparken".into();
        a.profile.organisation = "Bo-Vita".into();
        a.profile.housing_area = "Mjølnerparken".into();
        let s = Strategiskabelon::from_assessment("s9".into(), &a, Period::whole_year(2027), NOW);
        assert_eq!(s.plan.id, "vurdering-1");
        assert_eq!(s.plan.assessment.as_deref(), Some("vurdering-1"));
        assert_eq!((s.plan.name.as_str(), s.plan.organisation.as_str()), ("Mjølnerparken", "Bo-Vita"));
        assert_eq!(s.catalogue, a.catalogue);
    }
}
