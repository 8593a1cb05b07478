//! Where the user is: the route, from the address.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::route::Route;

#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    /// Counts the times the page was asked to be built again from what is stored now: text
    /// fields are uncontrolled (a save never moves a caret), so a change made in another tab
    /// shows in them only when the page is built anew, which the user chooses.
    rebuilds: RwSignal<u32>,
    /// Whether the user has gone to another page since the app started.
    moved: RwSignal<bool>,
}

impl Navigation {
    pub fn new() -> Navigation {
        Navigation {
            route: RwSignal::new(Route::parse(&page::hash())),
            rebuilds: RwSignal::new(0),
            moved: RwSignal::new(false),
        }
    }

    /// The address changed.
    pub fn follow_address(&self) {
        let route = Route::parse(&page::hash());
        if self.route.with_untracked(|now| *now != route) {
            self.moved.set(true);
        }
        self.route.set(route);
    }

    /// Whether the page on screen was reached from another (not opened with the app).
    pub fn has_moved(&self) -> bool {
        self.moved.get_untracked()
    }

    /// Builds the current page again.
    pub fn rebuild(&self) {
        self.rebuilds.update(|n| *n += 1);
    }

    /// Read by the shell, so the page is built again after `rebuild`.
    pub fn track_rebuilds(&self) -> u32 {
        self.rebuilds.get()
    }
}

impl Default for Navigation {
    fn default() -> Self {
        Navigation::new()
    }
}
