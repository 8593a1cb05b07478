//! The app's state, one store per concern, each provided by context (`provide_all`) and taken
//! by the components that need it with `expect_context`. A store owns its signals and the
//! operations that change them; it calls `browser` to keep things and `domain` to decide
//! them, and decides nothing itself.
//!
//! | store | owns |
//! | --- | --- |
//! | `Navigation` | the route, and building the page again |
//! | `Settings` | the language and when the last backup was exported |
//! | `Notices` | the save state, the last confirmation (with its undo) and the live region |
//! | `Assessments` | the user's own assessments: list, edit, create, duplicate, delete, undo, other tabs' writes, records set aside |
//! | `Participants` | participants' answers gathered for a workshop |
//! | `Plans` | the plan read for each assessment, from IndexedDB, read once and cached |
//!
//! A new side of the app (the kommune's evaluation, its review of an application) adds a store
//! of its own here, beside these, and provides it in `provide_all`.

pub mod assessments;
pub mod evaluations;
pub mod feedbacks;
pub mod navigation;
pub mod notices;
pub mod participants;
pub mod plans;
pub mod reviews;
pub mod settings;
pub mod strategiskabeloner;

pub use assessments::Assessments;
pub use evaluations::Evaluations;
pub use feedbacks::Feedbacks;
pub use navigation::Navigation;
pub use notices::{Notices, SaveState};
pub use participants::Participants;
pub use plans::Plans;
pub use reviews::Reviews;
pub use settings::Settings;
pub use strategiskabeloner::Strategiskabeloner;

use leptos::prelude::*;

/// Makes every store and provides it to the components below.
pub fn provide_all() {
    let notices = Notices::new();
    let settings = Settings::load(notices);
    let feedbacks = Feedbacks::load(notices);
    let assessments = Assessments::load(notices, feedbacks);
    provide_context(Navigation::new());
    provide_context(notices);
    provide_context(settings);
    provide_context(assessments);
    provide_context(Participants::load(notices));
    provide_context(Plans::new());
    provide_context(Evaluations::load(notices));
    provide_context(Reviews::load(notices));
    provide_context(feedbacks);
    provide_context(Strategiskabeloner::load(notices));
}

/// The stores that hold what "Slet alle mine data" deletes from local storage, taken where the
/// data page is built, so that after the deletion each forgets what it held.
#[derive(Clone, Copy)]
pub struct Forgetting {
    assessments: Assessments,
    participants: Participants,
    settings: Settings,
    strategiskabeloner: Strategiskabeloner,
    evaluations: Evaluations,
    reviews: Reviews,
    feedbacks: Feedbacks,
}

impl Forgetting {
    pub fn new() -> Forgetting {
        Forgetting {
            assessments: expect_context(),
            participants: expect_context(),
            settings: expect_context(),
            strategiskabeloner: expect_context(),
            evaluations: expect_context(),
            reviews: expect_context(),
            feedbacks: expect_context(),
        }
    }

    pub fn forget(&self) {
        self.assessments.forget();
        self.participants.forget();
        self.settings.forget();
        self.strategiskabeloner.forget();
        self.evaluations.forget();
        self.reviews.forget();
        self.feedbacks.forget();
    }
}

impl Default for Forgetting {
    fn default() -> Self {
        Forgetting::new()
    }
}
