//! The read-only part of an item's page: what the municipality says, what it looks like in
//! practice, when it applies, and why it exists. Also used by the projector view.

use super::html::{Html, Markup};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;

/// The requirement quoted verbatim (Danish, the authority), with the translation in English.
pub fn requirement(html: &mut Html, catalogue: &Catalogue, item: &Item, lang: Lang) {
    html.open("section", &[("class", Some("requirement")), ("aria-labelledby", Some("requirement-heading"))]);
    html.open("h2", &[("id", Some("requirement-heading")), ("class", Some("requirement__heading"))]);
    html.text(Msg::RequirementSays.get(lang));
    let kind_class = match item.kind {
        crate::domain::catalogue::Kind::Krav => "kind-tag kind-tag--krav",
        crate::domain::catalogue::Kind::Anbefaling => "kind-tag kind-tag--anbefaling",
        crate::domain::catalogue::Kind::Forudsaetning => "kind-tag kind-tag--forudsaetning",
    };
    html.el("span", kind_class, wording::kind(item.kind).get(lang));
    html.close("h2");
    // Each krav completes the document's sentence "Hvis en helhedsplan skal opnå kommunal
    // medfinansiering er det en forudsætning;", so it is quoted with it.
    if item.kind == crate::domain::catalogue::Kind::Krav {
        html.element("p", &[("class", Some("requirement__lead")), ("lang", Some("da"))], catalogue.preamble.da());
        if lang == Lang::En {
            html.element(
                "p",
                &[("class", Some("requirement__translation")), ("lang", Some("en"))],
                catalogue.preamble.en(),
            );
        }
    }
    if lang == Lang::En {
        html.element("p", &[("class", Some("requirement__translation")), ("lang", Some("en"))], item.text.en());
    }
    html.open("blockquote", &[("class", Some("requirement__quote")), ("lang", Some("da"))]);
    if lang == Lang::En {
        html.open("span", &[("class", Some("requirement__original")), ("lang", Some("en"))]);
        html.text(Msg::ReportDanishOriginal.get(lang)).raw(": ").close("span");
    }
    html.text(item.text.da()).close("blockquote");
    let citation =
        Msg::QuotedFrom.fill(lang, &[("title", catalogue.source.title.da), ("date", catalogue.source.date.get(lang))]);
    html.el("p", "requirement__cite", &citation);
    html.close("section");
}

/// The evaluation's findings behind the item, quoted (Danish) and translated (English).
pub fn why(html: &mut Html, catalogue: &Catalogue, item: &Item, lang: Lang) {
    html.element("p", &[], &Msg::WhyIntro.fill(lang, &[("title", catalogue.evidence.title.get(lang))]));
    for quote in item.why {
        html.element("blockquote", &[("class", Some("evidence-quote")), ("lang", Some("da"))], quote.da());
        if lang == Lang::En {
            html.element("p", &[("class", Some("evidence-quote__translation")), ("lang", Some("en"))], quote.en());
        }
    }
}

/// Everything above the answer form on an item's page.
pub fn item_text(catalogue: &Catalogue, item: &Item, lang: Lang) -> Markup {
    let mut html = Html::new();
    requirement(&mut html, catalogue, item, lang);
    html.open("section", &[("class", Some("practice"))]);
    html.element("h2", &[], Msg::InPractice.get(lang));
    html.element("p", &[], item.explanation.get(lang));
    html.open("p", &[])
        .el("strong", "", &format!("{}: ", Msg::AppliesTo.get(lang)))
        .text(item.applies.get(lang))
        .close("p");
    html.close("section");
    html.open("details", &[("class", Some("details"))]);
    html.element("summary", &[], Msg::WhyThisItem.get(lang));
    html.open("div", &[]);
    why(&mut html, catalogue, item, lang);
    html.close("div").close("details");
    html.finish()
}
