//! Ranking passages against each catalogue item (BM25 over Danish stems, compounds included).
//!
//! **Query.** An item's query is the stems of its verbatim Danish text, its elements' texts, its
//! title and the search terms of the item and its elements (catalogue data, see
//! `Item::search_terms`); each stem keeps the highest weight of the places it comes from
//! (`W_TEXT`, `W_TITLE`, `W_TERM`). A search term of several words ("kommunale tilbud") is also
//! a phrase that counts, at `W_TERM`, where its words stand together; its words alone count only
//! `W_TEXT`. An element's query is its text and its own search terms.
//!
//! **Specificity.** A stem that many items' queries share ("helhedsplan", "kommune") tells
//! little about which item a passage addresses: its weight is multiplied by the catalogue's own
//! inverse document frequency, `(ln(1 + items / n) / ln(1 + items))^SPECIFICITY_POWER`.
//!
//! **Words.** Lower-case, split at anything that is not a letter (æ, ø, å and accents are
//! letters), Danish stop words dropped, stemmed with the Danish Snowball stemmer.
//!
//! **Compounds.** Danish writes compounds as one word: "styregruppemødet" must meet
//! "styregruppe", and "inddragelse" must meet "borgerinddragelse". A passage stem that is not in
//! the query counts for the longest query stem that it starts or ends with, or that starts or
//! ends with it, when the shorter of the two has at least `MIN_PART` letters, at `COMPOUND`
//! of a full match.
//!
//! **Score.** Okapi BM25 (`K1`, `B`) with the heading path as a second field: a query stem in the
//! passage's own heading counts `H_INNER` times, in an outer heading `H_OUTER` times, on top of
//! its count in the text (a section called "Borgerinddragelse" is about that, all through).
//!
//! **Strength.** Scores are divided by a reference score, `REF_TERMS` search terms that each
//! occur once in an average passage and in no other passage of the plan, so thresholds mean the
//! same for every item and every plan length: `STRONG` and above is "stærk", `WEAK` and above
//! "svag", below it the passage is no hit. An element's passage is the one that scores best on
//! the element's query plus `ELEMENT_ITEM_SHARE` of the item's, among those whose text holds a
//! word of the element and that reach `WEAK` so; only an item with a "stærk" hit has element
//! passages at all (evidence or silence: an element named beside a passage reads as found).
//!
//! The constants were tuned on the test plans in `tests/plans/`: `cargo run --release --example
//! scan_quality` prints the figures.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use super::{Hit, ItemFindings, Passage, Strength};
use crate::domain::catalogue::{Catalogue, Element, Item};

/// BM25's term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25's length normalisation.
pub const B: f32 = 0.75;
/// Weight of a stem from the item's verbatim text or an element's text.
pub const W_TEXT: f32 = 1.0;
/// Weight of a stem from the item's title.
pub const W_TITLE: f32 = 1.5;
/// Weight of a stem from a search term.
pub const W_TERM: f32 = 2.0;
/// How much a compound or part match counts, against a full match.
pub const COMPOUND: f32 = 0.7;
/// The shorter stem of a compound match has at least this many letters.
pub const MIN_PART: usize = 5;
/// How often a query stem in the passage's own heading counts.
pub const H_INNER: f32 = 2.0;
/// How often a query stem in an outer heading counts.
pub const H_OUTER: f32 = 1.0;
/// The reference score is that of this many rare search terms, each once.
pub const REF_TERMS: f32 = 5.0;
/// From this normalised score on, a hit is "stærk".
pub const STRONG: f32 = 0.55;
/// From this normalised score on, a passage is a hit ("svag").
pub const WEAK: f32 = 0.25;
/// An element's passage is ranked on the element's own score plus this share of the item's.
pub const ELEMENT_ITEM_SHARE: f32 = 0.5;
/// At most this many hits per item.
pub const MAX_HITS: usize = 3;
/// How sharply a stem shared by many items' queries loses weight (see `Specificity`).
pub const SPECIFICITY_POWER: f32 = 2.0;
/// A single word is marked in a hit when its stem weighs at least this (after specificity).
pub const MARK_WEIGHT: f32 = 0.3;

/// Danish function words that say nothing about what a passage is about.
const STOP_WORDS: &str = "\
    ad af al alle alt anden andet andre at bl blev blive bliver både bør da de dem den denne dens der \
    deres det dette dig din dine disse dit dog du efter eller en end ene er et etc for fordi fra fx få \
    gennem god ham han hans har havde have hele hen hende hendes her hhv hos hun hvad hvem hver hvilke \
    hvilken hvis hvor hvordan hvorfor hvorledes hvornår i ikke ind inden ingen jeg jer jo kan kun kunne \
    man mange med meget mellem men mere mest mig min mine mit mod mv må ned nogen noget nogle nu når og \
    også om op os over på samt sig sin sine sit skal skulle som så sådan til ud uden under var ved vi \
    vil ville vor vores være været";

/// Words of a text: the word as written (a slice of the text) and its stem; stop words dropped.
pub(crate) struct Analyzer {
    stemmer: Stemmer,
    stop_words: HashSet<&'static str>,
}

pub(crate) struct Token<'a> {
    pub word: &'a str,
    pub stem: String,
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer { stemmer: Stemmer::create(Algorithm::Danish), stop_words: STOP_WORDS.split_whitespace().collect() }
    }

    pub fn tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let mut out = Vec::new();
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() < 2 {
                continue;
            }
            let lower = word.to_lowercase();
            if self.stop_words.contains(lower.as_str()) {
                continue;
            }
            out.push(Token { word, stem: self.stemmer.stem(&lower).into_owned() });
        }
        out
    }
}

/// A query: single stems and phrases (search terms of several words), each with its weight.
#[derive(Default)]
struct Query {
    stems: HashMap<String, f32>,
    /// A phrase's stems, in order, and its weight.
    phrases: Vec<(Vec<String>, f32)>,
}

impl Query {
    /// Every word of a text, at `weight` (a stem keeps the highest weight it is given).
    fn add_words(&mut self, analyzer: &Analyzer, text: &str, weight: f32) {
        for token in analyzer.tokens(text) {
            let entry = self.stems.entry(token.stem).or_insert(0.0);
            *entry = entry.max(weight);
        }
    }

    /// A search term: one word at `W_TERM`; a phrase at `W_TERM` as a whole, its words at
    /// `W_TEXT` ("hvert halve år" is telling, "år" alone is not).
    fn add_term(&mut self, analyzer: &Analyzer, term: &str) {
        let stems: Vec<String> = analyzer.tokens(term).into_iter().map(|t| t.stem).collect();
        if stems.len() < 2 {
            self.add_words(analyzer, term, W_TERM);
            return;
        }
        self.add_words(analyzer, term, W_TEXT);
        if !self.phrases.iter().any(|(p, _)| *p == stems) {
            self.phrases.push((stems, W_TERM));
        }
    }

    /// What the catalogue counts: each stem, and each phrase by its stems joined with spaces.
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        self.stems.keys().cloned().chain(self.phrases.iter().map(|(p, _)| p.join(" ")))
    }
}

fn item_query(analyzer: &Analyzer, catalogue: &Catalogue, item: &Item) -> Query {
    let mut query = Query::default();
    query.add_words(analyzer, item.text.da(), W_TEXT);
    for element in item.elements {
        query.add_words(analyzer, element.text.da(), W_TEXT);
    }
    query.add_words(analyzer, item.title.da, W_TITLE);
    let element_terms = item.elements.iter().flat_map(|e| item.element_search_terms(catalogue, e).iter());
    for term in item.search_terms(catalogue).iter().chain(element_terms) {
        query.add_term(analyzer, term);
    }
    query
}

fn element_query(analyzer: &Analyzer, catalogue: &Catalogue, item: &Item, element: &Element) -> Query {
    let mut query = Query::default();
    query.add_words(analyzer, element.text.da(), W_TEXT);
    for term in item.element_search_terms(catalogue, element) {
        query.add_term(analyzer, term);
    }
    query
}

/// How much a stem or phrase tells one item from the others: 1 when only one item's query has
/// it, falling towards 0 the more items share it ("helhedsplan" is in nearly all). The
/// catalogue's own inverse document frequency, raised to `SPECIFICITY_POWER`.
struct Specificity {
    items: f32,
    counts: HashMap<String, usize>,
}

impl Specificity {
    fn new(queries: &[Query]) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for query in queries {
            for key in query.keys() {
                *counts.entry(key).or_insert(0) += 1;
            }
        }
        Specificity { items: queries.len().max(1) as f32, counts }
    }

    fn of(&self, key: &str) -> f32 {
        let n = self.counts.get(key).copied().unwrap_or(1).max(1) as f32;
        ((1.0 + self.items / n).ln() / (1.0 + self.items).ln()).powf(SPECIFICITY_POWER)
    }
}

/// Whether two different stems are a compound and its part: the shorter, of at least `MIN_PART`
/// letters, begins or ends the longer. `Links` finds these pairs without comparing every pair;
/// this is the plain statement its test compares with.
#[cfg(test)]
fn compound_of(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short != long && short.chars().count() >= MIN_PART && (long.starts_with(short) || long.ends_with(short))
}

/// The plan's passages as stems: the corpus that every query is ranked against.
struct Corpus<'a> {
    /// Distinct stems of texts and headings.
    vocabulary: Vec<String>,
    /// Per passage: its text's tokens (word as written, stem index), and the stems alone.
    text: Vec<Vec<(&'a str, u32)>>,
    stems: Vec<Vec<u32>>,
    /// Per passage: the stems of its own heading, and of the headings above it, in order.
    inner: Vec<Vec<u32>>,
    outer: Vec<Vec<u32>>,
    average_length: f32,
}

impl<'a> Corpus<'a> {
    fn new(analyzer: &Analyzer, passages: &'a [Passage]) -> Self {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut vocabulary = Vec::new();
        let mut intern = |stem: String| -> u32 {
            *index.entry(stem).or_insert_with_key(|stem| {
                vocabulary.push(stem.clone());
                (vocabulary.len() - 1) as u32
            })
        };
        let mut text = Vec::with_capacity(passages.len());
        let mut inner = Vec::with_capacity(passages.len());
        let mut outer = Vec::with_capacity(passages.len());
        for passage in passages {
            text.push(analyzer.tokens(&passage.text).into_iter().map(|t| (t.word, intern(t.stem))).collect::<Vec<_>>());
            let (own, above) = match passage.path.split_last() {
                Some((own, above)) => (own.as_str(), above),
                None => ("", &[][..]),
            };
            inner.push(analyzer.tokens(own).into_iter().map(|t| intern(t.stem)).collect());
            outer.push(above.iter().flat_map(|h| analyzer.tokens(h)).map(|t| intern(t.stem)).collect());
        }
        let total: usize = text.iter().map(Vec::len).sum();
        let average_length = if passages.is_empty() { 1.0 } else { (total as f32 / passages.len() as f32).max(1.0) };
        let stems = text.iter().map(|tokens| tokens.iter().map(|(_, stem)| *stem).collect()).collect();
        Corpus { vocabulary, text, stems, inner, outer, average_length }
    }

    fn len(&self) -> usize {
        self.text.len()
    }

    /// BM25's inverse document frequency of a term found in `n` passages.
    fn idf(&self, n: usize) -> f32 {
        let total = self.len() as f32;
        (1.0 + (total - n as f32 + 0.5) / (n as f32 + 0.5)).ln()
    }

    /// What a passage must score to be 1.0: `REF_TERMS` search terms, each once in an average
    /// passage and found in that passage only.
    fn reference(&self) -> f32 {
        REF_TERMS * W_TERM * self.idf(1)
    }
}

/// Which corpus stems count for which query stems, worked out once for all the queries: the
/// same stem, or a compound and its part (`compound_of`), found through prefixes and suffixes
/// rather than by comparing every pair.
struct Links {
    /// Every stem of every query (phrase words included), by id.
    ids: HashMap<String, u32>,
    /// Per query stem id: the corpus stems that count for it, and how much (1 or `COMPOUND`).
    matches: Vec<Vec<(u32, f32)>>,
    /// Per query stem id: its length, so that the longest (most specific) match wins.
    lengths: Vec<usize>,
}

impl Links {
    fn new(queries: &[&Query], corpus: &Corpus) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut lengths = Vec::new();
        for query in queries {
            let words = query.stems.keys().chain(query.phrases.iter().flat_map(|(words, _)| words.iter()));
            for stem in words {
                ids.entry(stem.clone()).or_insert_with(|| {
                    lengths.push(stem.len());
                    (lengths.len() - 1) as u32
                });
            }
        }
        // The proper prefixes and suffixes of query stems that are long enough to be a part.
        let mut parts: HashMap<&str, Vec<u32>> = HashMap::new();
        for (stem, &id) in &ids {
            for part in proper_ends(stem) {
                parts.entry(part).or_default().push(id);
            }
        }
        let mut matches = vec![Vec::new(); lengths.len()];
        for (c, stem) in corpus.vocabulary.iter().enumerate() {
            let c = c as u32;
            if let Some(&id) = ids.get(stem.as_str()) {
                matches[id as usize].push((c, 1.0));
            }
            // The corpus stem is a compound of a query stem, or a part of one.
            let mut related: Vec<u32> = proper_ends(stem).filter_map(|part| ids.get(part).copied()).collect();
            related.extend(parts.get(stem.as_str()).into_iter().flatten().copied());
            related.sort_unstable();
            related.dedup();
            for id in related {
                matches[id as usize].push((c, COMPOUND));
            }
        }
        Links { ids, matches, lengths }
    }
}

/// A stem's beginnings and endings of at least `MIN_PART` letters, itself excluded.
fn proper_ends(stem: &str) -> impl Iterator<Item = &str> {
    let bounds: Vec<usize> = stem.char_indices().map(|(at, _)| at).skip(1).collect();
    let letters = bounds.len() + 1;
    bounds.into_iter().enumerate().flat_map(move |(n, at)| {
        // `at` is where letter n + 1 starts: the prefix has n + 1 letters, the suffix the rest.
        let (prefix_letters, suffix_letters) = (n + 1, letters - (n + 1));
        let prefix = (prefix_letters >= MIN_PART).then(|| &stem[..at]);
        let suffix = (suffix_letters >= MIN_PART).then(|| &stem[at..]);
        prefix.into_iter().chain(suffix)
    })
}

/// A query resolved against the corpus. Terms are the single stems, then the phrases.
struct Resolved {
    /// Per term: its weight times its specificity.
    weights: Vec<f32>,
    /// Per corpus stem: the single stem it counts for, and how much (1 or `COMPOUND`).
    target: Vec<Option<(u32, f32)>>,
    /// Per corpus stem: the phrases it can stand in (phrase, word's place, how much).
    phrase_words: Vec<Vec<(u32, u32, f32)>>,
    /// Per phrase: its number of words.
    phrase_lengths: Vec<usize>,
}

impl Resolved {
    fn new(query: &Query, specificity: &Specificity, links: &Links, corpus: &Corpus) -> Self {
        let stems: Vec<(&String, &f32)> = query.stems.iter().collect();
        // Per corpus stem: (term, factor, length of the query stem); exact beats compound, then
        // the longer query stem.
        let mut target: Vec<Option<(u32, f32)>> = vec![None; corpus.vocabulary.len()];
        let mut best_length = vec![0usize; corpus.vocabulary.len()];
        for (term, (stem, _)) in stems.iter().enumerate() {
            let id = links.ids[stem.as_str()] as usize;
            for &(c, factor) in &links.matches[id] {
                let c = c as usize;
                let better = match target[c] {
                    None => true,
                    Some((_, old)) => factor > old || (factor == old && links.lengths[id] > best_length[c]),
                };
                if better {
                    target[c] = Some((term as u32, factor));
                    best_length[c] = links.lengths[id];
                }
            }
        }
        let mut phrase_words: Vec<Vec<(u32, u32, f32)>> = vec![Vec::new(); corpus.vocabulary.len()];
        for (k, (words, _)) in query.phrases.iter().enumerate() {
            for (j, word) in words.iter().enumerate() {
                for &(c, factor) in &links.matches[links.ids[word.as_str()] as usize] {
                    phrase_words[c as usize].push((k as u32, j as u32, factor));
                }
            }
        }
        let weights = stems
            .iter()
            .map(|(stem, weight)| **weight * specificity.of(stem))
            .chain(query.phrases.iter().map(|(words, weight)| weight * specificity.of(&words.join(" "))))
            .collect();
        let phrase_lengths = query.phrases.iter().map(|(words, _)| words.len()).collect();
        Resolved { weights, target, phrase_words, phrase_lengths }
    }

    /// The phrases that start at each place of a sequence of stems: (place, phrase, how much;
    /// a compound word counts `COMPOUND`).
    fn phrases_in<'s>(&'s self, stems: &'s [u32]) -> impl Iterator<Item = (usize, usize, f32)> + 's {
        stems.iter().enumerate().flat_map(move |(at, &first)| {
            self.phrase_words[first as usize].iter().filter(|(_, j, _)| *j == 0).filter_map(move |&(k, _, factor)| {
                let length = self.phrase_lengths[k as usize];
                if at + length > stems.len() {
                    return None;
                }
                (1..length)
                    .try_fold(factor, |least, j| {
                        self.phrase_words[stems[at + j] as usize]
                            .iter()
                            .find(|(k2, j2, _)| *k2 == k && *j2 as usize == j)
                            .map(|(_, _, f)| least.min(*f))
                    })
                    .map(|count| (at, k as usize, count))
            })
        })
    }

    /// Every passage's score, divided by the corpus's reference score.
    fn scores(&self, corpus: &Corpus) -> Vec<f32> {
        let singles = self.weights.len() - self.phrase_lengths.len();
        let terms = self.weights.len();
        let mut frequencies: Vec<Vec<(u32, f32)>> = Vec::with_capacity(corpus.len());
        let mut found_in = vec![0usize; terms];
        let mut tf = vec![0.0f32; terms];
        for p in 0..corpus.len() {
            for (stems, field_weight) in
                [(&corpus.stems[p], 1.0), (&corpus.inner[p], H_INNER), (&corpus.outer[p], H_OUTER)]
            {
                for &stem in stems.iter() {
                    if let Some((q, factor)) = self.target[stem as usize] {
                        tf[q as usize] += factor * field_weight;
                    }
                }
                for (_, k, count) in self.phrases_in(stems) {
                    tf[singles + k] += count * field_weight;
                }
            }
            let mut sparse = Vec::new();
            for (q, f) in tf.iter_mut().enumerate() {
                if *f > 0.0 {
                    found_in[q] += 1;
                    sparse.push((q as u32, *f));
                    *f = 0.0;
                }
            }
            frequencies.push(sparse);
        }
        let idf: Vec<f32> = found_in.iter().map(|&n| corpus.idf(n)).collect();
        let reference = corpus.reference();
        frequencies
            .iter()
            .enumerate()
            .map(|(p, tf)| {
                let length = corpus.stems[p].len() as f32;
                let norm = K1 * (1.0 - B + B * length / corpus.average_length);
                let score: f32 = tf
                    .iter()
                    .map(|&(q, f)| self.weights[q as usize] * idf[q as usize] * f * (K1 + 1.0) / (f + norm))
                    .sum();
                score / reference
            })
            .collect()
    }

    /// The words of a passage's text that count for the query, as written, each once: those of
    /// a phrase it contains, and those of a single stem that weighs at least `MARK_WEIGHT`.
    fn words(&self, corpus: &Corpus, passage: usize) -> Vec<String> {
        let tokens = &corpus.text[passage];
        let mut marked: Vec<bool> = tokens
            .iter()
            .map(|(_, stem)| self.target[*stem as usize].is_some_and(|(q, _)| self.weights[q as usize] >= MARK_WEIGHT))
            .collect();
        for (at, k, _) in self.phrases_in(&corpus.stems[passage]) {
            marked[at..at + self.phrase_lengths[k]].iter_mut().for_each(|m| *m = true);
        }
        let mut words: Vec<String> = Vec::new();
        for (i, (word, _)) in tokens.iter().enumerate() {
            if marked[i] && !words.iter().any(|w| w == word) {
                words.push((*word).to_owned());
            }
        }
        words
    }
}

fn strength(score: f32) -> Strength {
    if score >= STRONG {
        Strength::Strong
    } else {
        Strength::Weak
    }
}

/// For each item of the catalogue, in its order: the passages that seem to address it (at most
/// `MAX_HITS`, best first, none when no passage reaches `WEAK`), and for each element the passage
/// that seems to cover it.
pub fn rank(catalogue: &Catalogue, passages: &[Passage]) -> Vec<ItemFindings> {
    let analyzer = Analyzer::new();
    let corpus = Corpus::new(&analyzer, passages);
    let queries: Vec<Query> = catalogue.items().map(|item| item_query(&analyzer, catalogue, item)).collect();
    let element_queries: Vec<Vec<Query>> = catalogue
        .items()
        .map(|item| item.elements.iter().map(|element| element_query(&analyzer, catalogue, item, element)).collect())
        .collect();
    let specificity = Specificity::new(&queries);
    let links = Links::new(&queries.iter().chain(element_queries.iter().flatten()).collect::<Vec<_>>(), &corpus);
    catalogue
        .items()
        .zip(queries.iter().zip(&element_queries))
        .map(|(item, (query, element_queries))| {
            let query = Resolved::new(query, &specificity, &links, &corpus);
            let scores = query.scores(&corpus);
            let mut order: Vec<usize> = (0..passages.len()).filter(|&p| scores[p] >= WEAK).collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            let hits: Vec<Hit> = order
                .iter()
                .take(MAX_HITS)
                .map(|&p| Hit {
                    passage: passages[p].id,
                    score: scores[p],
                    strength: strength(scores[p]),
                    words: query.words(&corpus, p),
                })
                .collect();
            let elements = item
                .elements
                .iter()
                .zip(element_queries)
                .map(|(element, element_query)| {
                    // Evidence or silence: without a strong hit the plan does not seem to be about
                    // the item, and a passage named beside one of its elements would read as found.
                    if hits.first().is_none_or(|hit| hit.strength != Strength::Strong) {
                        return (element.id.to_owned(), None);
                    }
                    let own = Resolved::new(element_query, &specificity, &links, &corpus);
                    let own_scores = own.scores(&corpus);
                    // The element's own words must be in the passage's text, not only in its heading.
                    let best = (0..passages.len())
                        .filter(|&p| own_scores[p] > 0.0 && !own.words(&corpus, p).is_empty())
                        .map(|p| (p, own_scores[p] + ELEMENT_ITEM_SHARE * scores[p]))
                        .filter(|&(_, score)| score >= WEAK)
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
                    let hit = best.map(|(p, score)| {
                        let mut words = own.words(&corpus, p);
                        for word in query.words(&corpus, p) {
                            if !words.contains(&word) {
                                words.push(word);
                            }
                        }
                        Hit { passage: passages[p].id, score, strength: strength(score), words }
                    });
                    (element.id.to_owned(), hit)
                })
                .collect();
            ItemFindings { item: item.id.to_owned(), hits, elements }
        })
        .collect()
}

/// Every passage's normalised score for every item, in catalogue order: what `rank` keeps the
/// best of. For measuring the ranking (`examples/scan_quality.rs`), not for the app.
pub fn scores(catalogue: &Catalogue, passages: &[Passage]) -> Vec<Vec<f32>> {
    let analyzer = Analyzer::new();
    let corpus = Corpus::new(&analyzer, passages);
    let queries: Vec<Query> = catalogue.items().map(|item| item_query(&analyzer, catalogue, item)).collect();
    let specificity = Specificity::new(&queries);
    let links = Links::new(&queries.iter().collect::<Vec<_>>(), &corpus);
    queries.iter().map(|query| Resolved::new(query, &specificity, &links, &corpus).scores(&corpus)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue;

    fn stems(text: &str) -> Vec<String> {
        Analyzer::new().tokens(text).into_iter().map(|t| t.stem).collect()
    }

    fn passage(id: u32, path: &[&str], text: &str) -> Passage {
        Passage { id, path: path.iter().map(|s| s.to_string()).collect(), page: None, text: text.into() }
    }

    /// Filler passages, so that idf means something in small test corpora.
    fn plan(mut own: Vec<Passage>) -> Vec<Passage> {
        let filler = [
            "Lektiecaféen har åbent tirsdag og torsdag i fælleshuset, og frivillige studerende hjælper børnene.",
            "Fritidsjobindsatsen hjælper unge mellem 13 og 17 år med at finde et fritidsjob i lokalområdet.",
            "Familiekurserne giver forældre redskaber til at støtte deres børn i skolen.",
            "Budgettet fordeler sig på løn, aktiviteter og administration over de fire år.",
            "Området har 1.400 beboere fordelt på tre afdelinger med mange børnefamilier.",
        ];
        for text in filler {
            own.push(passage(own.len() as u32, &["Aktiviteter"], text));
        }
        own
    }

    fn findings<'a>(all: &'a [ItemFindings], item: &str) -> &'a ItemFindings {
        all.iter().find(|f| f.item == item).unwrap()
    }

    #[test]
    fn stop_words_are_dropped_and_danish_letters_kept() {
        assert_eq!(stems("Det er vigtigt at styregruppen mødes"), vec!["vigt", "styregrup", "mød"]);
        assert_eq!(stems("Fællesarealer og udearealer"), vec!["fællesareal", "udeareal"]);
    }

    #[test]
    fn every_search_term_of_the_catalogue_has_a_word_that_counts() {
        let analyzer = Analyzer::new();
        let catalogue = catalogue::current();
        for item in catalogue.items() {
            let element_terms = item.elements.iter().flat_map(|e| item.element_search_terms(catalogue, e).iter());
            let terms = item.search_terms(catalogue).iter().chain(element_terms);
            for term in terms {
                assert!(!analyzer.tokens(term).is_empty(), "{}: {term:?} is only stop words", item.id);
            }
        }
    }

    #[test]
    fn stemming_meets_inflected_forms() {
        assert_eq!(stems("evalueringer"), stems("evaluering"));
        assert_eq!(stems("styregruppen"), stems("styregruppe"));
        assert_eq!(stems("lokaludvalget"), stems("lokaludvalg"));
    }

    #[test]
    fn compounds_meet_their_parts() {
        let [meeting, group] = [stems("styregruppemødet"), stems("styregruppe")].map(|s| s[0].clone());
        assert!(compound_of(&meeting, &group));
        assert!(compound_of(&stems("inddragelse")[0], &stems("borgerinddragelse")[0]));
        // Short stems do not make compounds: "mål" is no part of "målgruppe" here.
        assert!(!compound_of("mål", "målgrup"));
        assert!(!compound_of("styregrup", "styregrup"));
    }

    #[test]
    fn links_find_exactly_the_compound_pairs() {
        let analyzer = Analyzer::new();
        let text = "Styregruppemødet, styregruppen og borgerinddragelsen; inddragelse af beboerne i \
                    beboerhuset, kompetenceudvikling og udvikling; målgruppen og målene.";
        let passages = vec![passage(0, &["Ét afsnit"], text)];
        let corpus = Corpus::new(&analyzer, &passages);
        let catalogue = catalogue::current();
        let queries: Vec<Query> = catalogue.items().map(|item| item_query(&analyzer, catalogue, item)).collect();
        let links = Links::new(&queries.iter().collect::<Vec<_>>(), &corpus);
        for (stem, &id) in &links.ids {
            let mut found = links.matches[id as usize].clone();
            found.sort_by_key(|(c, _)| *c);
            let expected: Vec<(u32, f32)> = corpus
                .vocabulary
                .iter()
                .enumerate()
                .filter_map(|(c, other)| match other == stem {
                    true => Some((c as u32, 1.0)),
                    false => compound_of(other, stem).then_some((c as u32, COMPOUND)),
                })
                .collect();
            assert_eq!(found, expected, "{stem}");
        }
    }

    #[test]
    fn a_compound_in_the_plan_finds_the_item() {
        let catalogue = catalogue::current();
        let passages = plan(vec![passage(
            0,
            &["Ledelse"],
            "På styregruppemødet i januar blev kommissoriet og beslutningskompetencen vedtaget.",
        )]);
        let all = rank(catalogue, &passages);
        let k11 = findings(&all, "styregruppe-afklaring");
        assert_eq!(k11.hits.first().map(|h| h.passage), Some(0));
        assert!(k11.hits[0].words.contains(&"styregruppemødet".to_string()), "{:?}", k11.hits[0].words);
    }

    #[test]
    fn inflected_forms_in_the_plan_find_the_item() {
        let catalogue = catalogue::current();
        let passages = plan(vec![passage(
            0,
            &["Opfølgning"],
            "Helhedsplanen deltager i kommunens halvårlige evalueringer og udfylder statusrapporterne.",
        )]);
        let all = rank(catalogue, &passages);
        let k12 = findings(&all, "halvaarlig-evaluering");
        assert_eq!(k12.hits.first().map(|h| h.passage), Some(0));
        assert!(k12.hits[0].words.contains(&"evalueringer".to_string()));
    }

    #[test]
    fn the_heading_path_counts() {
        let catalogue = catalogue::current();
        let text = "Vi har holdt møder i opgangene og på legepladsen og spurgt beboerne, hvad de ønsker sig.";
        let passages = plan(vec![passage(0, &["3. Borgerinddragelse"], text), passage(1, &["4. Budget"], text)]);
        let all = rank(catalogue, &passages);
        let k7 = findings(&all, "borgerinddragelse");
        assert_eq!(k7.hits.first().map(|h| h.passage), Some(0));
    }

    #[test]
    fn an_unrelated_plan_finds_nothing() {
        let catalogue = catalogue::current();
        let passages = plan(vec![passage(
            0,
            &["Køkkenet"],
            "Opskriften kræver to æg, mel, sukker og en knivspids salt. Bag kagen i tyve minutter.",
        )]);
        let all = rank(catalogue, &passages);
        assert_eq!(all.len(), catalogue.item_count());
        for findings in &all {
            assert!(findings.hits.iter().all(|h| h.passage != 0), "{} found the recipe", findings.item);
            assert!(findings.hits.iter().all(|h| h.strength == Strength::Weak), "{} has a strong hit", findings.item);
        }
        // No hit, then no element hit.
        let k8 = findings(&all, "fysiske-tiltag");
        assert!(k8.hits.is_empty());
        assert!(k8.elements.iter().all(|(_, hit)| hit.is_none()));
    }

    #[test]
    fn every_item_is_answered_in_catalogue_order_with_at_most_three_hits() {
        let catalogue = catalogue::current();
        assert!(rank(catalogue, &[]).iter().all(|f| f.hits.is_empty()));
        let all = rank(catalogue, &plan(Vec::new()));
        let ids: Vec<&str> = catalogue.items().map(|i| i.id).collect();
        assert_eq!(all.iter().map(|f| f.item.as_str()).collect::<Vec<_>>(), ids);
        for (findings, item) in all.iter().zip(catalogue.items()) {
            assert!(findings.hits.len() <= MAX_HITS);
            assert_eq!(findings.elements.len(), item.elements.len());
        }
    }

    #[test]
    fn an_item_without_a_strong_hit_suggests_no_passage_for_its_elements() {
        let catalogue = catalogue::current();
        // Styregrupper, mentioned in passing: the plan is not about områdefornyelse.
        let passages = plan(vec![passage(
            0,
            &["Organisering", "Styregruppens medlemmer"],
            "Styregruppen består af beboerrepræsentanter fra afdelingsbestyrelserne og en repræsentant fra \
             kommunen. Der er repræsentation fra alle afdelinger i styregruppen.",
        )]);
        let all = rank(catalogue, &passages);
        let k10 = findings(&all, "omraadefornyelse");
        assert!(k10.hits.iter().all(|h| h.strength == Strength::Weak), "{:?}", k10.hits);
        assert!(k10.elements.iter().all(|(_, hit)| hit.is_none()), "{:?}", k10.elements);
        // The same passage is strong for the steering group's composition, and its elements get it.
        let a1 = findings(&all, "styregruppe-sammensaetning");
        assert_eq!(a1.hits.first().map(|h| h.strength), Some(Strength::Strong));
        assert!(a1.elements.iter().any(|(_, hit)| hit.as_ref().is_some_and(|h| h.passage == 0)), "{:?}", a1.elements);
    }

    #[test]
    fn elements_get_their_own_best_passage() {
        let catalogue = catalogue::current();
        let passages = plan(vec![
            passage(
                0,
                &["6. Fysiske forhold"],
                "Boligerne trænger til renovering, især køkkener og badeværelser i de store lejligheder.",
            ),
            passage(
                1,
                &["6. Fysiske forhold"],
                "Udearealerne er mørke og utrygge; vi ønsker ny belysning og en bedre legeplads.",
            ),
        ]);
        let all = rank(catalogue, &passages);
        let k8 = findings(&all, "fysiske-tiltag");
        let element = |id: &str| k8.elements.iter().find(|(e, _)| e == id).unwrap().1.as_ref().map(|h| h.passage);
        assert_eq!(element("boliger"), Some(0));
        assert_eq!(element("faellesarealer-ude"), Some(1));
    }
}
