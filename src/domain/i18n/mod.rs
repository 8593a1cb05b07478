//! Languages and the UI's own texts. Catalogue texts carry both languages in the catalogue;
//! everything else the user reads is a `Msg`, defined once in `messages.rs` with its Danish and
//! English text side by side. A message without both texts does not compile, and the tests
//! below check that none is empty and that both languages use the same placeholders.

mod messages;

pub use messages::Msg;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Danish: the default and the authority.
    #[default]
    Da,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 code, for `lang` attributes and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }
}

/// Defines `Msg` from `Name { da: "…", en: "…" }` entries. Omitting a language is a compile
/// error, which is how a missing translation is caught.
macro_rules! define_messages {
    ($($name:ident { da: $da:literal, en: $en:literal $(,)? })*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        const DA: &[&str] = &[$($da),*];
        const EN: &[&str] = &[$($en),*];

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub fn get(self, lang: $crate::domain::i18n::Lang) -> &'static str {
                match lang {
                    $crate::domain::i18n::Lang::Da => DA[self as usize],
                    $crate::domain::i18n::Lang::En => EN[self as usize],
                }
            }
        }
    };
}
pub(crate) use define_messages;

impl Msg {
    /// The text with each `{name}` placeholder replaced.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.get(lang).trim().is_empty(), "{msg:?} is empty in {}", lang.code());
            }
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for msg in Msg::ALL {
            assert_eq!(placeholders(msg.get(Lang::Da)), placeholders(msg.get(Lang::En)), "{msg:?}");
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = Msg::ProgressCount.fill(Lang::Da, &[("done", "3"), ("total", "13")]);
        assert!(text.contains('3') && text.contains("13") && !text.contains('{'), "{text}");
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}
