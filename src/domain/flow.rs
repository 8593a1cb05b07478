//! The way through an assessment: the items that apply under the profile, in questionnaire
//! order. "Næste" and "Forrige", "Punkt n af N" and the progress counts all follow it, so they
//! agree. Items that do not apply stay reachable from the overview, outside this path.

use super::catalogue::Item;
use super::engine::{Applicability, Judgement};

/// The items on the path: every item except those the profile rules out (and the user has not
/// included).
pub fn path(judgement: &Judgement) -> impl Iterator<Item = &'static Item> + '_ {
    judgement.items.iter().filter(|state| state.applicability != Applicability::DoesNotApply).map(|state| state.item)
}

/// "Punkt n af N": the item's place on the path (from 1) and the path's length; None for an item
/// that is not on it.
pub fn position(judgement: &Judgement, item_id: &str) -> Option<(usize, usize)> {
    let at = path(judgement).position(|item| item.id == item_id)?;
    Some((at + 1, path(judgement).count()))
}

/// The items before and after `item_id` on the path. For an item off the path, its nearest
/// neighbours on it, so "Næste" from there still leads on.
pub fn neighbours(judgement: &Judgement, item_id: &str) -> (Option<&'static Item>, Option<&'static Item>) {
    let Some(at) = judgement.items.iter().position(|state| state.item.id == item_id) else { return (None, None) };
    let on_path = |state: &&crate::domain::engine::ItemState| state.applicability != Applicability::DoesNotApply;
    let before = judgement.items[..at].iter().rev().find(on_path).map(|state| state.item);
    let after = judgement.items[at + 1..].iter().find(on_path).map(|state| state.item);
    (before, after)
}
