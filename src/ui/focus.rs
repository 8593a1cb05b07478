//! Moving focus after an action. A component that appears because of the action is on screen a
//! frame later, so focus waits for it (a few frames at most).

use leptos::prelude::*;

use crate::browser::page;

const FRAMES: u8 = 10;

/// Focuses the element with this id as soon as it exists.
pub fn when_shown(id: impl Into<String>) {
    let id = id.into();
    retry(FRAMES, move || page::focus_id(&id));
}

/// Focuses the page's main heading as soon as it exists, names the tab after it, and returns
/// its text through `then` (to announce the new page). When focus is on that heading already,
/// whoever put it there has said so: a screen from a part that arrives within these frames is
/// landed on both by the page change and by the screen itself, and is announced once.
pub fn heading_when_shown(then: impl Fn(String) + 'static) {
    retry(FRAMES, move || {
        if page::main_heading_has_focus() {
            return true;
        }
        let landed = page::focus_main_heading();
        if landed {
            then(page::title_from_heading());
        }
        landed
    });
}

fn retry(frames: u8, attempt: impl Fn() -> bool + 'static) {
    request_animation_frame(move || {
        if !attempt() && frames > 1 {
            retry(frames - 1, attempt);
        }
    });
}
