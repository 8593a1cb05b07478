//! Workshops: gathering several participants' answers, finding where they disagree, starting a
//! consensus assessment from what everyone agreed on, and comparing two assessments over time.

use super::assessment::{Assessment, Edit, ProfileField, Status};
use super::catalogue::{Catalogue, Item};
use super::engine::{self, Verdict};

/// How far apart the participants' answers to one item are.
///
/// The statuses form a scale: Ikke opfyldt (0), Delvist opfyldt (1), Opfyldt (2). Participants
/// *disagree* when their answers are more than one step apart (someone says met, someone not
/// met), or when some call the item not relevant while others judge it on the scale. Answers one
/// step apart *differ*. Unanswered participants are left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Agreement {
    Disagree,
    Differ,
    Agree,
    /// Fewer than two participants answered.
    TooFewAnswers,
}

fn scale(status: Status) -> Option<u8> {
    match status {
        Status::NotMet => Some(0),
        Status::PartlyMet => Some(1),
        Status::Met => Some(2),
        Status::NotRelevant | Status::Unanswered => None,
    }
}

pub fn agreement(statuses: &[Status]) -> Agreement {
    let answered: Vec<Status> = statuses.iter().copied().filter(|s| s.is_answered()).collect();
    if answered.len() < 2 {
        return Agreement::TooFewAnswers;
    }
    let on_scale: Vec<u8> = answered.iter().filter_map(|s| scale(*s)).collect();
    let not_relevant = answered.len() - on_scale.len();
    if not_relevant > 0 && !on_scale.is_empty() {
        return Agreement::Disagree;
    }
    match (on_scale.iter().min(), on_scale.iter().max()) {
        (Some(low), Some(high)) if high - low >= 2 => Agreement::Disagree,
        (Some(low), Some(high)) if high - low == 1 => Agreement::Differ,
        _ => Agreement::Agree,
    }
}

/// A participant's name: who filled it in, or the plan's name, or their number.
pub fn participant_name(assessment: &Assessment, number: usize) -> String {
    [assessment.profile.assessor.trim(), assessment.profile.plan_name.trim()]
        .into_iter()
        .find(|name| !name.is_empty())
        .map_or_else(|| format!("#{number}"), str::to_owned)
}

/// Everything the group view shows for one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemSummary {
    pub item: &'static Item,
    /// How many chose each status, in the order of `Status::CHOICES`, then unanswered.
    pub counts: [usize; 5],
    pub agreement: Agreement,
    /// Every participant's note on the item, with their name.
    pub notes: Vec<(String, String)>,
}

impl ItemSummary {
    pub fn count(&self, status: Status) -> usize {
        match status {
            Status::Met => self.counts[0],
            Status::PartlyMet => self.counts[1],
            Status::NotMet => self.counts[2],
            Status::NotRelevant => self.counts[3],
            Status::Unanswered => self.counts[4],
        }
    }
}

/// Per item: the counts, the agreement and the notes. Sorted with the most disagreement first,
/// so a workshop spends its time where views differ; the catalogue's order otherwise.
pub fn summarise(catalogue: &'static Catalogue, participants: &[Assessment]) -> Vec<ItemSummary> {
    let mut summaries: Vec<ItemSummary> = catalogue
        .items()
        .map(|item| {
            let statuses: Vec<Status> = participants.iter().map(|p| p.status(item.id)).collect();
            let mut counts = [0; 5];
            for status in &statuses {
                let slot = Status::CHOICES.iter().position(|s| s == status).unwrap_or(4);
                counts[slot] += 1;
            }
            let notes = participants
                .iter()
                .enumerate()
                .filter_map(|(n, p)| {
                    let note = p.answer(item.id)?.notes.trim();
                    (!note.is_empty()).then(|| (participant_name(p, n + 1), note.to_owned()))
                })
                .collect();
            ItemSummary { item, counts, agreement: agreement(&statuses), notes }
        })
        .collect();
    super::collections::stable_sort_by(&mut summaries, |a, b| a.agreement.cmp(&b.agreement));
    summaries
}

/// A consensus assessment to start the workshop from: an item's status and elements are filled
/// in where every participant gave the same answer, and left open otherwise.
pub fn consensus(catalogue: &Catalogue, participants: &[Assessment], id: String, name: &str, now: &str) -> Assessment {
    let mut result = Assessment::new(id, catalogue, now);
    result.apply(&Edit::ProfileText(ProfileField::PlanName, name.to_owned()), now);
    let Some(first) = participants.first() else { return result };
    let same = |value: &dyn Fn(&Assessment) -> String| participants.iter().all(|p| value(p) == value(first));
    for field in [ProfileField::Organisation, ProfileField::HousingArea] {
        let value = |a: &Assessment| match field {
            ProfileField::Organisation => a.profile.organisation.clone(),
            _ => a.profile.housing_area.clone(),
        };
        if same(&value) {
            result.apply(&Edit::ProfileText(field, value(first)), now);
        }
    }
    if same(&|a| a.profile.plan_type.clone().unwrap_or_default()) {
        result.apply(&Edit::PlanType(first.profile.plan_type.clone()), now);
    }
    for question in catalogue.profile_questions {
        let option = |a: &Assessment| a.profile.conditions.get(question.id).cloned().unwrap_or_default();
        if same(&option) && !option(first).is_empty() {
            result.apply(&Edit::Condition { question: question.id.into(), option: Some(option(first)) }, now);
        }
    }
    for item in catalogue.items() {
        let status = first.status(item.id);
        if !status.is_answered() || participants.iter().any(|p| p.status(item.id) != status) {
            continue;
        }
        result.apply(&Edit::Status { item: item.id.into(), status }, now);
        for element in item.elements {
            let everyone =
                participants.iter().all(|p| p.answer(item.id).is_some_and(|a| a.elements.contains(element.id)));
            if everyone {
                result.apply(&Edit::Element { item: item.id.into(), element: element.id.into(), ticked: true }, now);
            }
        }
    }
    result
}

/// One item in a comparison of two assessments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    pub item: &'static Item,
    pub before: Status,
    pub after: Status,
}

impl ItemChange {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub verdict_before: Verdict,
    pub verdict_after: Verdict,
    pub items: Vec<ItemChange>,
    /// Actions open before that are no longer open: (item, what the action was).
    pub closed_actions: Vec<(&'static Item, String)>,
    /// Actions open now that were not open before.
    pub new_actions: Vec<(&'static Item, String)>,
}

/// What changed from `before` (say, last year's assessment) to `after` (this year's).
pub fn compare(catalogue: &'static Catalogue, before: &Assessment, after: &Assessment, today: &str) -> Comparison {
    let (then, now) = (engine::judge(catalogue, before, today), engine::judge(catalogue, after, today));
    let items = catalogue
        .items()
        .map(|item| ItemChange { item, before: before.status(item.id), after: after.status(item.id) })
        .collect();
    let open_in = |judgement: &engine::Judgement, item: &Item| judgement.actions.iter().any(|a| a.item.id == item.id);
    let closed_actions =
        then.actions.iter().filter(|a| !open_in(&now, a.item)).map(|a| (a.item, a.description.clone())).collect();
    let new_actions =
        now.actions.iter().filter(|a| !open_in(&then, a.item)).map(|a| (a.item, a.description.clone())).collect();
    Comparison { verdict_before: then.verdict, verdict_after: now.verdict, items, closed_actions, new_actions }
}
