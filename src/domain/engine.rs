//! The readiness engine: the single place that decides what applies, the verdict, the scores,
//! the open actions and the warnings. The UI and the report only show what it decides.

use super::assessment::{Answer, Assessment, Profile, Status};
use super::catalogue::{Catalogue, Condition, Item, Kind, PLAN_TYPE_QUESTION};
use super::collections::stable_sort_by;
use super::date;

/// Whether an item counts for this plan, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// The profile says it applies.
    Applies,
    /// It applies until the profile is completed or a "don't know" is clarified.
    Unclear,
    /// The profile says it does not apply.
    DoesNotApply,
    /// The profile says it does not apply, but the user included it with a reason.
    IncludedByUser,
    /// The user answered Ikke relevant and gave a reason; the municipality judges the reason.
    NotRelevant,
}

impl Applicability {
    /// True when the item's answer counts towards the verdict and the scores.
    pub fn counts(self) -> bool {
        matches!(self, Applicability::Applies | Applicability::Unclear | Applicability::IncludedByUser)
    }
}

/// What the profile alone says about an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileRule {
    Applies,
    Unclear,
    DoesNotApply,
}

/// The option the profile chose for a condition's question (the plan type or a profile question).
fn chosen<'a>(profile: &'a Profile, condition: &Condition) -> Option<&'a str> {
    if condition.question == PLAN_TYPE_QUESTION {
        profile.plan_type.as_deref()
    } else {
        profile.conditions.get(condition.question).map(String::as_str)
    }
}

pub fn profile_rule(catalogue: &Catalogue, profile: &Profile, item: &Item) -> ProfileRule {
    let mut rule = ProfileRule::Applies;
    for condition in item.applies_when {
        let chosen = chosen(profile, condition);
        let unclear = chosen.is_some_and(|option| {
            catalogue
                .profile_question(condition.question)
                .and_then(|question| question.options.iter().find(|o| o.id == option))
                .is_some_and(|option| option.unclear)
        });
        match chosen {
            Some(option) if !condition.any_of.contains(&option) => return ProfileRule::DoesNotApply,
            Some(_) if !unclear => {}
            _ => rule = ProfileRule::Unclear,
        }
    }
    rule
}

/// An override of applicability counts only with a reason, in both directions.
fn reasoned(reason: &str) -> bool {
    !reason.trim().is_empty()
}

pub fn applicability(catalogue: &Catalogue, profile: &Profile, item: &Item, answer: Option<&Answer>) -> Applicability {
    let by_profile = match profile_rule(catalogue, profile, item) {
        ProfileRule::Applies => Applicability::Applies,
        ProfileRule::Unclear => Applicability::Unclear,
        ProfileRule::DoesNotApply if answer.and_then(|a| a.included_anyway.as_deref()).is_some_and(reasoned) => {
            Applicability::IncludedByUser
        }
        // Ikke relevant is not asked of the kommune for an item the profile already rules out.
        ProfileRule::DoesNotApply => return Applicability::DoesNotApply,
    };
    match answer {
        Some(answer) if answer.status == Status::NotRelevant && reasoned(&answer.not_relevant_reason) => {
            Applicability::NotRelevant
        }
        _ => by_profile,
    }
}

/// What an answer counts as: Opfyldt with a required element unticked is only partly met, since
/// an item is met only when all of its elements are.
pub fn counted_status(item: &Item, answer: Option<&Answer>) -> Status {
    match answer {
        None => Status::Unanswered,
        Some(answer) if answer.status == Status::Met && unticked_required(item, answer) > 0 => Status::PartlyMet,
        Some(answer) => answer.status,
    }
}

fn unticked_required(item: &Item, answer: &Answer) -> usize {
    item.required_elements().filter(|e| !answer.elements.contains(e.id)).count()
}

/// The verdict over the deciding items, ordered from best to worst (`Ord` is severity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Every deciding item is met, with every required element ticked.
    Ready,
    /// Every deciding item is met or Ikke relevant with a reason, and at least one is Ikke
    /// relevant: ready only if the kommune accepts those reasons, so never a plain "Klar".
    ReadyIfAccepted,
    /// None is not met or unanswered, but some are partly met.
    AlmostReady,
    /// Some deciding items are unanswered (or the plan type is not chosen).
    Incomplete,
    /// At least one deciding item is not met.
    NotReady,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::ReadyIfAccepted => "ready-if-accepted",
            Verdict::AlmostReady => "almost-ready",
            Verdict::Incomplete => "incomplete",
            Verdict::NotReady => "not-ready",
        }
    }
}

/// Which items decide the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Type 1 or 2: the krav decide.
    Krav,
    /// Without co-financing: the forudsætning decides; the krav are good practice.
    Prerequisite,
    /// No plan type chosen yet.
    NoPlanType,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub met: usize,
    pub partly_met: usize,
    pub not_met: usize,
    pub not_relevant: usize,
    pub unanswered: usize,
}

impl Counts {
    fn add(&mut self, status: Status, applicability: Applicability) {
        match (applicability, status) {
            (Applicability::NotRelevant, _) => self.not_relevant += 1,
            (_, Status::Met) => self.met += 1,
            (_, Status::PartlyMet) => self.partly_met += 1,
            (_, Status::NotMet) => self.not_met += 1,
            // Ikke relevant without a reason is not yet an answer.
            (_, Status::Unanswered | Status::NotRelevant) => self.unanswered += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.met + self.partly_met + self.not_met + self.not_relevant + self.unanswered
    }

    pub fn answered(&self) -> usize {
        self.total() - self.unanswered
    }
}

/// A score: met counts 1, partly met 1/2, over the items that count. None when nothing counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    /// Twice the points, so partly met stays an integer.
    pub half_points: usize,
    pub of: usize,
}

impl Score {
    pub fn percent(&self) -> Option<u32> {
        (self.of > 0).then(|| ((self.half_points * 100 + self.of) / (2 * self.of)) as u32)
    }

    fn add(&mut self, status: Status) {
        self.of += 1;
        self.half_points += match status {
            Status::Met => 2,
            Status::PartlyMet => 1,
            _ => 0,
        };
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionScore {
    pub section_id: &'static str,
    pub score: Score,
}

/// Where an item stands in the task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    InProgress,
    Answered,
    NotRelevant,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemState {
    pub item: &'static Item,
    /// The status as answered.
    pub status: Status,
    /// What the status counts as in counts, scores and the verdict (`counted_status`).
    pub counted: Status,
    pub applicability: Applicability,
    pub progress: Progress,
    /// The item is one the verdict is decided over (`Judgement::deciding` counts these): of the
    /// deciding kind, and it counts or is Ikke relevant with a reason.
    pub deciding: bool,
    /// The user's reason for overriding applicability, for the kommune to judge: the Ikke
    /// relevant reason when `NotRelevant`, the inclusion reason when `IncludedByUser`.
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAction {
    pub item: &'static Item,
    pub status: Status,
    pub description: String,
    pub owner: String,
    pub deadline: String,
    pub overdue: bool,
}

/// The field of the item page (or the profile) a warning belongs next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Status,
    Elements,
    NotRelevantReason,
    ActionDescription,
    ActionOwner,
    ActionDeadline,
    IncludeAnyway,
    PlanType,
    ProfileQuestion(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// Opfyldt, but some elements are not ticked.
    MetWithUntickedElements {
        unticked: usize,
    },
    /// Ikke opfyldt, yet every element is ticked.
    NotMetWithAllElementsTicked,
    NotRelevantWithoutReason,
    /// Not fully met and no action planned.
    NoAction,
    ActionWithoutOwner,
    ActionWithoutDeadline,
    DeadlinePassed {
        deadline: String,
    },
    DeadlineInvalid,
    IncludedWithoutReason,
    /// The plan type is not chosen, so no verdict can be given.
    PlanTypeMissing,
    /// A profile question (by id) is unanswered; the items depending on it count until it is.
    ProfileQuestionMissing(&'static str),
    /// "Don't know" to a profile question (by id): something to clarify.
    ProfileQuestionUnclear(&'static str),
    /// The profile's answers contradict each other: a catalogue's `profile_conflicts` entry (by
    /// id), worded by its own text.
    ProfileConflict(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The item it concerns; None for the profile.
    pub item: Option<&'static Item>,
    pub field: Field,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub basis: Basis,
    /// Counts over the items that decide the verdict.
    pub deciding: Counts,
    /// Counts over every item that counts or was marked not relevant.
    pub all: Counts,
    pub sections: Vec<SectionScore>,
    pub overall: Score,
    /// Every item of the catalogue, in order.
    pub items: Vec<ItemState>,
    /// Sorted by deadline; actions without a deadline last.
    pub actions: Vec<OpenAction>,
    pub warnings: Vec<Warning>,
}

impl Judgement {
    pub fn state(&self, item_id: &str) -> Option<&ItemState> {
        self.items.iter().find(|state| state.item.id == item_id)
    }

    pub fn warnings_for<'a>(&'a self, item_id: &'a str) -> impl Iterator<Item = &'a Warning> + 'a {
        self.warnings.iter().filter(move |w| w.item.is_some_and(|item| item.id == item_id))
    }

    /// The warnings about one field: of the item `item_id`, or of the profile when None.
    pub fn warnings_on<'a>(&'a self, item_id: Option<&'a str>, field: Field) -> impl Iterator<Item = &'a Warning> + 'a {
        self.warnings.iter().filter(move |w| w.field == field && w.item.map(|item| item.id) == item_id)
    }

    pub fn profile_warnings(&self) -> impl Iterator<Item = &Warning> + '_ {
        self.warnings.iter().filter(|w| w.item.is_none())
    }

    /// The deciding items marked Ikke relevant with a reason (in `ItemState::reason`): what the
    /// kommune must accept before a `ReadyIfAccepted` plan is ready.
    pub fn reasons_to_accept(&self) -> Vec<&ItemState> {
        self.items.iter().filter(|state| state.deciding && state.applicability == Applicability::NotRelevant).collect()
    }
}

/// Judges an assessment against a catalogue. `today` is `YYYY-MM-DD`, for overdue deadlines.
pub fn judge(catalogue: &'static Catalogue, assessment: &Assessment, today: &str) -> Judgement {
    let profile = &assessment.profile;
    let plan_type = profile.plan_type.as_deref().and_then(|id| catalogue.plan_type(id));
    let basis = match plan_type {
        Some(plan_type) if plan_type.cofinancing => Basis::Krav,
        Some(_) => Basis::Prerequisite,
        None => Basis::NoPlanType,
    };
    let deciding_kind = match basis {
        Basis::Krav => Some(Kind::Krav),
        Basis::Prerequisite => Some(Kind::Forudsaetning),
        Basis::NoPlanType => None,
    };

    let mut warnings = profile_warnings(catalogue, profile);
    let mut deciding = Counts::default();
    let mut all = Counts::default();
    let mut overall = Score { half_points: 0, of: 0 };
    let mut sections = Vec::new();
    let mut items = Vec::new();
    let mut actions = Vec::new();

    for section in catalogue.sections {
        let mut score = Score { half_points: 0, of: 0 };
        for item in section.items {
            let answer = assessment.answer(item.id);
            let status = answer.map(|a| a.status).unwrap_or_default();
            let counted = counted_status(item, answer);
            let applicability = applicability(catalogue, profile, item, answer);
            if applicability.counts() {
                score.add(counted);
                overall.add(counted);
            }
            let in_scope = applicability.counts() || applicability == Applicability::NotRelevant;
            let is_deciding = in_scope && Some(item.kind) == deciding_kind;
            if in_scope {
                all.add(counted, applicability);
                if is_deciding {
                    deciding.add(counted, applicability);
                }
            }
            if let Some(answer) = answer {
                item_warnings(item, answer, applicability, today, &mut warnings);
                if let Some(action) = open_action(item, answer, today) {
                    actions.push(action);
                }
            }
            let reason = answer.and_then(|a| match applicability {
                Applicability::NotRelevant => Some(a.not_relevant_reason.clone()),
                Applicability::IncludedByUser => a.included_anyway.clone(),
                _ => None,
            });
            let progress = progress(answer);
            items.push(ItemState { item, status, counted, applicability, progress, deciding: is_deciding, reason });
        }
        sections.push(SectionScore { section_id: section.id, score });
    }

    // A stable sort keeps catalogue order among equal deadlines.
    stable_sort_by(&mut actions, |a, b| match (a.deadline.is_empty(), b.deadline.is_empty()) {
        (false, false) => a.deadline.cmp(&b.deadline),
        (empty_a, empty_b) => empty_a.cmp(&empty_b),
    });

    let verdict = if basis == Basis::NoPlanType { Verdict::Incomplete } else { verdict_from(&deciding) };
    Judgement { verdict, basis, deciding, all, sections, overall, items, actions, warnings }
}

/// The worst that holds. A known blocker outranks missing answers: "not ready" is news even when
/// half is unanswered.
fn verdict_from(counts: &Counts) -> Verdict {
    if counts.not_met > 0 {
        Verdict::NotReady
    } else if counts.unanswered > 0 {
        Verdict::Incomplete
    } else if counts.partly_met > 0 {
        Verdict::AlmostReady
    } else if counts.not_relevant > 0 {
        Verdict::ReadyIfAccepted
    } else {
        Verdict::Ready
    }
}

fn progress(answer: Option<&Answer>) -> Progress {
    match answer {
        None => Progress::NotStarted,
        Some(answer) => match answer.status {
            Status::Unanswered => Progress::InProgress,
            Status::NotRelevant if !reasoned(&answer.not_relevant_reason) => Progress::InProgress,
            Status::NotRelevant => Progress::NotRelevant,
            _ => Progress::Answered,
        },
    }
}

fn profile_warnings(catalogue: &Catalogue, profile: &Profile) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if profile.plan_type.as_deref().and_then(|id| catalogue.plan_type(id)).is_none() {
        warnings.push(Warning { item: None, field: Field::PlanType, kind: WarningKind::PlanTypeMissing });
    }
    for question in catalogue.profile_questions {
        let chosen = profile.conditions.get(question.id);
        let option = chosen.and_then(|id| question.options.iter().find(|o| o.id == id.as_str()));
        let kind = match option {
            None => WarningKind::ProfileQuestionMissing(question.id),
            Some(option) if option.unclear => WarningKind::ProfileQuestionUnclear(question.id),
            Some(_) => continue,
        };
        warnings.push(Warning { item: None, field: Field::ProfileQuestion(question.id), kind });
    }
    let holds = |condition: &Condition| chosen(profile, condition).is_some_and(|o| condition.any_of.contains(&o));
    for conflict in catalogue.profile_conflicts {
        let Some(last) = conflict.when.last() else { continue };
        if conflict.when.iter().all(holds) {
            // Next to the last condition's question: the catalogue orders them so.
            let field = match last.question {
                PLAN_TYPE_QUESTION => Field::PlanType,
                question => Field::ProfileQuestion(question),
            };
            warnings.push(Warning { item: None, field, kind: WarningKind::ProfileConflict(conflict.id) });
        }
    }
    warnings
}

fn item_warnings(
    item: &'static Item,
    answer: &Answer,
    applicability: Applicability,
    today: &str,
    out: &mut Vec<Warning>,
) {
    let mut warn = |field, kind| out.push(Warning { item: Some(item), field, kind });
    let unticked = unticked_required(item, answer);
    match answer.status {
        Status::Met if unticked > 0 => warn(Field::Elements, WarningKind::MetWithUntickedElements { unticked }),
        Status::NotMet if item.elements.iter().all(|e| answer.elements.contains(e.id)) => {
            warn(Field::Elements, WarningKind::NotMetWithAllElementsTicked)
        }
        Status::NotRelevant if !reasoned(&answer.not_relevant_reason) => {
            warn(Field::NotRelevantReason, WarningKind::NotRelevantWithoutReason)
        }
        _ => {}
    }
    if answer.included_anyway.as_deref().is_some_and(|reason| !reasoned(reason)) {
        warn(Field::IncludeAnyway, WarningKind::IncludedWithoutReason);
    }
    let open = matches!(answer.status, Status::PartlyMet | Status::NotMet);
    let action = &answer.action;
    if open && applicability.counts() && action.description.trim().is_empty() {
        warn(Field::ActionDescription, WarningKind::NoAction);
    }
    if action_is_open(answer) {
        if action.owner.trim().is_empty() {
            warn(Field::ActionOwner, WarningKind::ActionWithoutOwner);
        }
        if action.deadline.is_empty() {
            warn(Field::ActionDeadline, WarningKind::ActionWithoutDeadline);
        } else if !date::is_iso_date(&action.deadline) {
            warn(Field::ActionDeadline, WarningKind::DeadlineInvalid);
        } else if action.deadline.as_str() < today {
            warn(Field::ActionDeadline, WarningKind::DeadlinePassed { deadline: action.deadline.clone() });
        }
    }
}

/// An action is open while its item is not met and the user has written something down for it.
fn action_is_open(answer: &Answer) -> bool {
    matches!(answer.status, Status::Unanswered | Status::PartlyMet | Status::NotMet) && !answer.action.is_empty()
}

fn open_action(item: &'static Item, answer: &Answer, today: &str) -> Option<OpenAction> {
    action_is_open(answer).then(|| {
        let action = &answer.action;
        OpenAction {
            item,
            status: answer.status,
            description: action.description.clone(),
            owner: action.owner.clone(),
            deadline: action.deadline.clone(),
            overdue: date::is_iso_date(&action.deadline) && action.deadline.as_str() < today,
        }
    })
}

/// Items that started or stopped counting between two judgements of the same catalogue, with
/// whether each counts now. The UI uses it to say what a profile change did.
pub fn applicability_changes(before: &Judgement, after: &Judgement) -> Vec<(&'static Item, bool)> {
    before
        .items
        .iter()
        .zip(&after.items)
        .filter(|(was, now)| was.applicability.counts() != now.applicability.counts())
        .map(|(_, now)| (now.item, now.applicability.counts()))
        .collect()
}
