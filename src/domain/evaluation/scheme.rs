//! The evaluation's lists as static data: target groups, the progress scale, the two rated
//! collaborations and their levels, the challenges, and the passages quoted from the source.
//!
//! The content lives in `catalogues/evaluation.toml`; `build.rs` validates it and generates
//! `SCHEME`, included at the bottom of this file. Nothing here is hand-written content.

use crate::domain::catalogue::{SourceDoc, Text};
use crate::domain::i18n::Lang;

#[derive(Debug)]
pub struct Scheme {
    /// The evaluation document the quotes come from.
    pub source: SourceDoc,
    pub quotes: &'static [Quote],
    /// The 2010 round's figure of good progress, to set beside a period's.
    pub reference: Reference,
    /// Says that the scale is the tool's own, and which level the evaluation counts.
    pub progress_help: Text,
    /// The source's words for good progress.
    pub progress_quote: &'static str,
    /// Best first, as the screens list them.
    pub progress: &'static [ProgressLevel],
    pub target_groups: &'static [Choice],
    /// The two collaborations each plan rates (Figur 1).
    pub collaborations: &'static [Choice],
    /// In order of severity, from "fungerer godt".
    pub rating_levels: &'static [RatingLevel],
    pub challenges: &'static [Challenge],
}

/// A passage quoted from the source: `text.da` is verbatim (" … " marks words left out).
#[derive(Debug, PartialEq, Eq)]
pub struct Quote {
    pub id: &'static str,
    pub text: Text,
}

#[derive(Debug)]
pub struct Reference {
    pub plans: u32,
    pub activities: u32,
    pub good: u32,
    pub percent: u32,
    /// The source's sentence, verbatim in Danish.
    pub quote: Text,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ProgressLevel {
    pub id: &'static str,
    pub label: Text,
    /// Position on the scale, higher is better; `None` for a level off the scale (ended).
    pub scale: Option<u8>,
    /// The level the evaluation counts as good progress.
    pub good: bool,
    /// The activity is over: off the scale, and not copied into the next period.
    pub ended: bool,
}

/// A target group or a rated collaboration.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub label: Text,
    /// The Danish label is the source's own wording (shown in Danish, marked `lang="da"`).
    pub verbatim: bool,
    /// The source's words it is taken from.
    pub quote: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct RatingLevel {
    pub id: &'static str,
    pub label: Text,
    pub verbatim: bool,
    pub quote: &'static str,
    /// 0 is "fungerer godt"; the highest is the one the summary lists first.
    pub severity: u8,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Challenge {
    pub id: &'static str,
    pub label: Text,
    pub quote: Option<&'static str>,
    /// "Andet": the comment says what the challenge is.
    pub other: bool,
}

impl Scheme {
    pub fn quote(&self, id: &str) -> Option<&'static Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    pub fn progress_level(&self, id: &str) -> Option<&'static ProgressLevel> {
        self.progress.iter().find(|l| l.id == id)
    }

    pub fn target_group(&self, id: &str) -> Option<&'static Choice> {
        self.target_groups.iter().find(|g| g.id == id)
    }

    pub fn collaboration(&self, id: &str) -> Option<&'static Choice> {
        self.collaborations.iter().find(|c| c.id == id)
    }

    pub fn rating_level(&self, id: &str) -> Option<&'static RatingLevel> {
        self.rating_levels.iter().find(|l| l.id == id)
    }

    pub fn challenge(&self, id: &str) -> Option<&'static Challenge> {
        self.challenges.iter().find(|c| c.id == id)
    }

    /// The help text about the progress scale, split around the source's words it quotes
    /// (`progress_quote`), which stay Danish in the English text too, so a page can mark them:
    /// (before, quoted, after). The quote is empty when the text quotes nothing.
    pub fn progress_help_parts(&self, lang: Lang) -> (&'static str, &'static str, &'static str) {
        let text = self.progress_help.get(lang);
        match text.find(self.progress_quote) {
            Some(at) => {
                let end = at + self.progress_quote.len();
                (&text[..at], &text[at..end], &text[end..])
            }
            None => (text, "", ""),
        }
    }

    /// The level the evaluation counts ("God fremdrift"); build.rs guarantees exactly one.
    pub fn good_level(&self) -> &'static ProgressLevel {
        self.progress.iter().find(|l| l.good).expect("build.rs checks that one level is good")
    }

    /// The most severe rating ("rummer større udfordringer").
    pub fn worst_rating(&self) -> &'static RatingLevel {
        self.rating_levels.last().expect("build.rs checks that there are rating levels")
    }
}

/// The evaluation's lists.
pub fn scheme() -> &'static Scheme {
    &SCHEME
}

include!(concat!(env!("OUT_DIR"), "/evaluation.rs"));
