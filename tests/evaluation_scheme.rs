//! The evaluation's lists against their source: every quote in `catalogues/evaluation.toml`
//! appears word for word in the evaluation (`../shared/seeds/`), labels marked as the source's
//! wording are in their quote, and the lists hold what the issue asks for.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/sources.rs"]
mod sources;

use helhedsplan_tjek::domain::evaluation::aggregate::percent;
use helhedsplan_tjek::domain::evaluation::scheme::scheme;

/// Collapses whitespace and drops markdown emphasis, which the plain-text extraction adds.
fn normalise(text: &str) -> String {
    text.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The evaluation, normalised; None without the sources (a clone of the repository alone).
fn evaluation() -> Option<String> {
    sources::read(&format!("seeds/{}", scheme().source.seed_file)).map(|text| normalise(&text))
}

/// A quote with " … " for words left out: each part must be in the source, in order.
fn quoted_in(source: &str, quote: &str) -> bool {
    let mut rest = source;
    for part in quote.split('…').map(normalise).filter(|p| !p.is_empty()) {
        match rest.find(&part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// The parts of a text inside «…».
fn guillemets(text: &str) -> Vec<&str> {
    text.split('«').skip(1).filter_map(|rest| rest.split_once('»').map(|(quote, _)| quote)).collect()
}

fn every_quote() -> Vec<(String, &'static str)> {
    let s = scheme();
    let mut quotes: Vec<(String, &'static str)> =
        s.quotes.iter().map(|q| (format!("quote {}", q.id), q.text.da)).collect();
    quotes.push(("reference".into(), s.reference.quote.da));
    quotes.push(("progress".into(), s.progress_quote));
    for (what, list) in [("target group", s.target_groups), ("collaboration", s.collaborations)] {
        quotes.extend(list.iter().filter_map(|c| c.quote.map(|q| (format!("{what} {}", c.id), q))));
    }
    quotes.extend(s.rating_levels.iter().map(|l| (format!("rating level {}", l.id), l.quote)));
    quotes.extend(s.challenges.iter().filter_map(|c| c.quote.map(|q| (format!("challenge {}", c.id), q))));
    quotes.extend(guillemets(s.progress_help.da).into_iter().map(|q| ("progress help".to_owned(), q)));
    quotes
}

#[test]
fn every_quote_appears_word_for_word_in_the_evaluation() {
    let quotes = every_quote();
    assert!(quotes.len() >= 20, "the lists quote their source: {}", quotes.len());
    let Some(source) = evaluation() else { return };
    for (at, quote) in quotes {
        assert!(quoted_in(&source, quote), "{at}: not found verbatim in the evaluation: {quote}");
    }
}

#[test]
fn the_verbatim_check_can_fail() {
    let Some(source) = evaluation() else { return };
    assert!(quoted_in(&source, "vurderes fremdriften at være god"));
    // One changed word, a paraphrase, and parts out of order must not pass.
    assert!(!quoted_in(&source, "vurderes fremdriften at være høj"));
    assert!(!quoted_in(&source, "samarbejdet rummer store udfordringer"));
    assert!(!quoted_in(&source, "Fagligt Forum for Områdebaserede indsatser … Strategiskabeloner"));
}

#[test]
fn source_wording_labels_are_in_their_quotes() {
    let s = scheme();
    let verbatim: Vec<&str> = s
        .rating_levels
        .iter()
        .filter(|l| l.verbatim)
        .map(|l| l.label.da)
        .chain(s.target_groups.iter().filter(|g| g.verbatim).map(|g| g.label.da))
        .collect();
    assert_eq!(verbatim, ["fungerer godt", "børn og unge", "kvinder"]);
    for level in s.rating_levels {
        assert!(!level.verbatim || level.quote.contains(level.label.da), "{}", level.id);
    }
    let Some(source) = evaluation() else { return };
    for label in verbatim {
        assert!(source.contains(label), "{label}");
    }
}

#[test]
fn the_lists_hold_what_the_evaluation_names() {
    let s = scheme();
    let groups: Vec<&str> = s.target_groups.iter().map(|g| g.label.da).collect();
    assert_eq!(groups, ["børn og unge", "kvinder", "unge 18–25 år", "voksne", "ældre", "alle beboere"]);
    let levels: Vec<&str> = s.progress.iter().map(|l| l.label.da).collect();
    assert_eq!(levels, ["God fremdrift", "Nogen fremdrift", "Ingen fremdrift endnu", "Ikke startet", "Afsluttet"]);
    assert_eq!(s.good_level().label.da, "God fremdrift");
    let ratings: Vec<&str> = s.rating_levels.iter().map(|l| l.label.da).collect();
    assert_eq!(ratings, ["fungerer godt", "rummer mindre udfordringer", "rummer større udfordringer"]);
    assert_eq!(s.worst_rating().id, "stoerre-udfordringer");
    let collaborations: Vec<&str> = s.collaborations.iter().map(|c| c.id).collect();
    assert_eq!(collaborations, ["kommunen", "tvaerkommunalt"]);
    let challenges: Vec<&str> = s.challenges.iter().map(|c| c.id).collect();
    assert_eq!(
        challenges,
        [
            "frivillighed",
            "forankring",
            "unge-18-25",
            "lokaler",
            "personaleudskiftning",
            "tvaers-af-forvaltningerne",
            "andet"
        ]
    );
    assert!(s.challenge("andet").unwrap().other);
    // The help text says that the scale is the tool's own, in both languages.
    assert!(s.progress_help.da.contains("værktøjets egen") && s.progress_help.en().contains("tool's own"));
}

#[test]
fn the_reference_figure_is_the_sources_and_our_share_rounds_like_it() {
    let r = &scheme().reference;
    assert_eq!((r.plans, r.activities, r.good, r.percent), (21, 443, 255, 58));
    assert_eq!(percent(r.good as usize, r.activities as usize), Some(r.percent));
    assert!(r.quote.da.contains("255 (58%)"));
}

#[test]
fn every_label_has_an_english_text_that_is_not_the_danish() {
    let s = scheme();
    let labels = s
        .target_groups
        .iter()
        .chain(s.collaborations)
        .map(|c| c.label)
        .chain(s.progress.iter().map(|l| l.label))
        .chain(s.rating_levels.iter().map(|l| l.label))
        .chain(s.challenges.iter().map(|c| c.label))
        .chain(s.quotes.iter().map(|q| q.text));
    for label in labels {
        assert!(!label.en().trim().is_empty());
        assert_ne!(label.da, label.en(), "the English is a copy of the Danish");
    }
}
