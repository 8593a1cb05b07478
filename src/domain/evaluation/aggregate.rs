//! What the kommune sees across plans, for one period: the figures the 2010 evaluation drew by
//! hand (Figur 1 and 2, "443 aktiviteter … 255 (58%)"), and how a plan, or every plan, moved from
//! one period to the next.
//!
//! Counting rules, so the numbers can be explained:
//! - A plan counts once per period; of two copies of the same plan and period, the one updated
//!   last counts (`gather` keeps only that one anyway).
//! - Good progress is the one level the data marks `good`. The share is of every activity in the
//!   period, those not yet assessed included, as the source's 255 of 443 is of every activity.
//! - An activity for several target groups counts under each of them.
//! - A challenge counts the plans that named it.

use super::period::Period;
use super::scheme::{scheme, Challenge, Choice, ProgressLevel, RatingLevel};
use super::{Activity, Strategiskabelon};
use crate::domain::collections::stable_sort_by;

/// `part` of `whole` in whole percent, rounded half up (255 of 443 is 58); `None` of nothing.
pub fn percent(part: usize, whole: usize) -> Option<u32> {
    (whole > 0).then(|| ((part * 200 + whole) / (whole * 2)) as u32)
}

/// Every period something is gathered for, newest first.
pub fn periods(skabeloner: &[Strategiskabelon]) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    for s in skabeloner {
        if !periods.contains(&s.period) {
            periods.push(s.period);
        }
    }
    stable_sort_by(&mut periods, |a, b| b.cmp(a));
    periods
}

/// The strategiskabeloner of one period, one per plan (the one updated last).
pub fn of_period(skabeloner: &[Strategiskabelon], period: Period) -> Vec<&Strategiskabelon> {
    let mut chosen: Vec<&Strategiskabelon> = Vec::new();
    for s in skabeloner.iter().filter(|s| s.period == period) {
        match chosen.iter().position(|c| c.plan.id == s.plan.id) {
            Some(at) if chosen[at].updated_at < s.updated_at => chosen[at] = s,
            Some(_) => {}
            None => chosen.push(s),
        }
    }
    chosen
}

fn progress_of(activity: &Activity) -> Option<&'static ProgressLevel> {
    activity.progress.as_deref().and_then(|id| scheme().progress_level(id))
}

fn is_good(activity: &Activity) -> bool {
    progress_of(activity).is_some_and(|level| level.good)
}

/// One plan in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow<'a> {
    pub skabelon: &'a Strategiskabelon,
    pub activities: usize,
    pub good: usize,
    /// Each rated collaboration with the plan's level (if rated) and comment.
    pub ratings: Vec<(&'static Choice, Option<&'static RatingLevel>, &'a str)>,
}

impl PlanRow<'_> {
    /// The most severe level the plan gave either collaboration.
    pub fn worst(&self) -> Option<&'static RatingLevel> {
        self.ratings.iter().filter_map(|(_, level, _)| *level).max_by_key(|level| level.severity)
    }

    /// The plan says a collaboration "rummer større udfordringer".
    pub fn major_challenges(&self) -> bool {
        self.worst().is_some_and(|level| level.id == scheme().worst_rating().id)
    }

    pub fn good_percent(&self) -> Option<u32> {
        percent(self.good, self.activities)
    }
}

/// How the plans rated one collaboration (a row of Figur 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingCounts {
    pub collaboration: &'static Choice,
    /// Every level, in the data's order, with how many plans chose it.
    pub levels: Vec<(&'static RatingLevel, usize)>,
    /// Plans that did not rate it.
    pub unrated: usize,
}

/// A challenge and the plans that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeCount<'a> {
    pub challenge: &'static Challenge,
    pub plans: usize,
    /// The plans' comments, with the plan's strategiskabelon.
    pub comments: Vec<(&'a Strategiskabelon, &'a str)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview<'a> {
    pub period: Period,
    /// Plans saying "rummer større udfordringer" first, then by their worst rating, then by name.
    pub plans: Vec<PlanRow<'a>>,
    pub activities: usize,
    pub good: usize,
    /// Every progress level, in the data's order, with its count (Figur 2).
    pub progress: Vec<(&'static ProgressLevel, usize)>,
    pub not_assessed: usize,
    /// Both collaborations (Figur 1).
    pub ratings: Vec<RatingCounts>,
    /// Every target group, in the data's order, with its number of activities.
    pub target_groups: Vec<(&'static Choice, usize)>,
    pub without_target_group: usize,
    /// Named challenges, most plans first; challenges no plan named are left out.
    pub challenges: Vec<ChallengeCount<'a>>,
}

impl Overview<'_> {
    /// The share with good progress: the figure the source gives as "255 (58%)".
    pub fn good_percent(&self) -> Option<u32> {
        percent(self.good, self.activities)
    }

    pub fn plans_with_major_challenges(&self) -> impl Iterator<Item = &PlanRow<'_>> {
        self.plans.iter().filter(|row| row.major_challenges())
    }
}

/// The overview across every plan's strategiskabelon for `period`.
pub fn overview(skabeloner: &[Strategiskabelon], period: Period) -> Overview<'_> {
    let lists = scheme();
    let chosen = of_period(skabeloner, period);
    let mut progress: Vec<(&'static ProgressLevel, usize)> = lists.progress.iter().map(|l| (l, 0)).collect();
    let mut target_groups: Vec<(&'static Choice, usize)> = lists.target_groups.iter().map(|g| (g, 0)).collect();
    let mut ratings: Vec<RatingCounts> = lists
        .collaborations
        .iter()
        .map(|collaboration| RatingCounts {
            collaboration,
            levels: lists.rating_levels.iter().map(|l| (l, 0)).collect(),
            unrated: 0,
        })
        .collect();
    let mut challenges: Vec<ChallengeCount> =
        lists.challenges.iter().map(|challenge| ChallengeCount { challenge, plans: 0, comments: Vec::new() }).collect();
    let (mut activities, mut good, mut not_assessed, mut without_target_group) = (0, 0, 0, 0);
    let mut plans = Vec::with_capacity(chosen.len());

    for s in chosen {
        for activity in &s.activities {
            activities += 1;
            match progress_of(activity) {
                Some(level) => {
                    if let Some(slot) = progress.iter_mut().find(|(l, _)| l.id == level.id) {
                        slot.1 += 1;
                    }
                    good += usize::from(level.good);
                }
                None => not_assessed += 1,
            }
            if activity.target_groups.is_empty() {
                without_target_group += 1;
            }
            for (group, count) in target_groups.iter_mut() {
                *count += usize::from(activity.target_groups.contains(group.id));
            }
        }
        let mut row_ratings = Vec::with_capacity(ratings.len());
        for counts in ratings.iter_mut() {
            let rating = s.rating(counts.collaboration.id);
            let level = s.rating_level(counts.collaboration.id);
            match level.and_then(|level| counts.levels.iter_mut().find(|(l, _)| l.id == level.id)) {
                Some(slot) => slot.1 += 1,
                None => counts.unrated += 1,
            }
            row_ratings.push((counts.collaboration, level, rating.map_or("", |r| r.comment.as_str())));
        }
        for count in challenges.iter_mut() {
            if let Some(note) = s.challenges.get(count.challenge.id) {
                count.plans += 1;
                if !note.comment.trim().is_empty() {
                    count.comments.push((s, note.comment.as_str()));
                }
            }
        }
        let good_here = s.activities.iter().filter(|a| is_good(a)).count();
        plans.push(PlanRow { skabelon: s, activities: s.activities.len(), good: good_here, ratings: row_ratings });
    }

    stable_sort_by(&mut plans, |a, b| {
        let severity = |row: &PlanRow| row.worst().map_or(-1, |level| i32::from(level.severity));
        severity(b).cmp(&severity(a)).then_with(|| a.skabelon.plan.name.cmp(&b.skabelon.plan.name))
    });
    challenges.retain(|c| c.plans > 0);
    stable_sort_by(&mut challenges, |a, b| b.plans.cmp(&a.plans));
    Overview {
        period,
        plans,
        activities,
        good,
        progress,
        not_assessed,
        ratings,
        target_groups,
        without_target_group,
        challenges,
    }
}

// --- Comparing periods ----------------------------------------------------------------------------

/// How an activity moved from one period to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Movement {
    /// Higher on the progress scale.
    Up,
    Down,
    Same,
    /// Marked as ended in the later period.
    Ended,
    /// Only in the later period (or running again after it had ended).
    New,
    /// Only in the earlier period, and not marked as ended there.
    Dropped,
    /// In both, but not assessed in one of them.
    NotAssessed,
}

impl Movement {
    pub const ALL: [Movement; 7] = [
        Movement::Up,
        Movement::Down,
        Movement::Same,
        Movement::Ended,
        Movement::New,
        Movement::Dropped,
        Movement::NotAssessed,
    ];

    /// For files, classes and tests.
    pub fn key(self) -> &'static str {
        match self {
            Movement::Up => "up",
            Movement::Down => "down",
            Movement::Same => "same",
            Movement::Ended => "ended",
            Movement::New => "new",
            Movement::Dropped => "dropped",
            Movement::NotAssessed => "not-assessed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityChange<'a> {
    pub before: Option<&'a Activity>,
    pub after: Option<&'a Activity>,
    pub movement: Movement,
}

impl ActivityChange<'_> {
    /// The activity's name now (or, when dropped, then).
    pub fn name(&self) -> &str {
        self.after.or(self.before).map_or("", |a| a.name.as_str())
    }

    pub fn progress_before(&self) -> Option<&'static ProgressLevel> {
        self.before.and_then(progress_of)
    }

    pub fn progress_after(&self) -> Option<&'static ProgressLevel> {
        self.after.and_then(progress_of)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodComparison<'a> {
    pub before: &'a Strategiskabelon,
    pub after: &'a Strategiskabelon,
    /// The later period's activities in their order, then those dropped.
    pub changes: Vec<ActivityChange<'a>>,
}

impl PeriodComparison<'_> {
    pub fn count(&self, movement: Movement) -> usize {
        self.changes.iter().filter(|c| c.movement == movement).count()
    }
}

/// Names compared as people would: case, and spaces around and between words, do not count.
fn same_name(a: &str, b: &str) -> bool {
    let words = |text: &str| text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    !a.trim().is_empty() && words(a) == words(b)
}

fn movement(before: &Activity, after: &Activity) -> Movement {
    match (progress_of(before), progress_of(after)) {
        (None, _) | (_, None) => Movement::NotAssessed,
        (Some(then), Some(now)) => match (then.scale, now.scale) {
            (Some(then), Some(now)) if now > then => Movement::Up,
            (Some(then), Some(now)) if now < then => Movement::Down,
            (Some(_), Some(_)) => Movement::Same,
            (_, None) if then.ended => Movement::Same,
            (_, None) => Movement::Ended,
            (None, Some(_)) => Movement::New,
        },
    }
}

/// Two periods of one plan, activity by activity: matched by id (kept when activities are
/// copied into the next period), then, among those left, by name.
pub fn compare_periods<'a>(before: &'a Strategiskabelon, after: &'a Strategiskabelon) -> PeriodComparison<'a> {
    let mut unmatched: Vec<&Activity> = before.activities.iter().collect();
    let mut pairs: Vec<(Option<&Activity>, &Activity)> = Vec::with_capacity(after.activities.len());
    for activity in &after.activities {
        let by_id = unmatched.iter().position(|b| b.id == activity.id);
        pairs.push((by_id.map(|at| unmatched.remove(at)), activity));
    }
    for pair in pairs.iter_mut().filter(|(then, _)| then.is_none()) {
        if let Some(at) = unmatched.iter().position(|b| same_name(&b.name, &pair.1.name)) {
            pair.0 = Some(unmatched.remove(at));
        }
    }
    let mut changes: Vec<ActivityChange> = pairs
        .into_iter()
        .map(|(then, now)| ActivityChange {
            before: then,
            after: Some(now),
            movement: then.map_or(Movement::New, |then| movement(then, now)),
        })
        .collect();
    for then in unmatched {
        let ended = progress_of(then).is_some_and(|level| level.ended);
        // An activity that had ended is expected to be gone; it is no news.
        if !ended {
            changes.push(ActivityChange { before: Some(then), after: None, movement: Movement::Dropped });
        }
    }
    PeriodComparison { before, after, changes }
}

/// One plan in the comparison of two periods across plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTrend<'a> {
    pub before: Option<&'a Strategiskabelon>,
    pub after: Option<&'a Strategiskabelon>,
    /// When the plan reported in both periods.
    pub comparison: Option<PeriodComparison<'a>>,
}

impl PlanTrend<'_> {
    pub fn name(&self) -> &str {
        self.after.or(self.before).map_or("", |s| s.plan.name.as_str())
    }
}

/// This period against an earlier one, across every plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend<'a> {
    pub before: Overview<'a>,
    pub after: Overview<'a>,
    /// Every plan that reported in either period, by name.
    pub plans: Vec<PlanTrend<'a>>,
}

impl Trend<'_> {
    /// Across every plan that reported in both periods: how many activities moved each way.
    pub fn count(&self, movement: Movement) -> usize {
        self.plans.iter().filter_map(|p| p.comparison.as_ref()).map(|c| c.count(movement)).sum()
    }
}

pub fn trend(skabeloner: &[Strategiskabelon], before: Period, after: Period) -> Trend<'_> {
    let (then, now) = (of_period(skabeloner, before), of_period(skabeloner, after));
    let mut plans: Vec<PlanTrend> = now
        .iter()
        .map(|s| {
            let earlier = then.iter().find(|t| t.plan.id == s.plan.id).copied();
            PlanTrend { before: earlier, after: Some(s), comparison: earlier.map(|e| compare_periods(e, s)) }
        })
        .collect();
    for s in then.iter().filter(|t| !now.iter().any(|n| n.plan.id == t.plan.id)) {
        plans.push(PlanTrend { before: Some(s), after: None, comparison: None });
    }
    stable_sort_by(&mut plans, |a, b| a.name().cmp(b.name()));
    Trend { before: overview(skabeloner, before), after: overview(skabeloner, after), plans }
}
