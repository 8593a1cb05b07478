//! How documents name things, shared by every document: the funding period, and the part of a
//! file name made from a plan's name.

use crate::domain::catalogue::Catalogue;

/// The funding period the catalogue's rules are for, as people write it: "2011–2014".
pub fn period(catalogue: &Catalogue) -> String {
    catalogue.period.replace('-', "–")
}

/// A text as plain lowercase letters, digits and dashes, for file names.
pub fn slug(text: &str) -> String {
    // ASCII lowercasing only: full Unicode case tables would cost 11 KB of WebAssembly.
    let mut slug = String::new();
    for ch in text.chars() {
        match ch {
            'æ' | 'Æ' => slug.push_str("ae"),
            'ø' | 'Ø' => slug.push_str("oe"),
            'å' | 'Å' => slug.push_str("aa"),
            c if c.is_ascii_alphanumeric() => slug.push(c.to_ascii_lowercase()),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "plan" } else { slug };
    slug[..slug.len().min(60)].to_owned()
}
