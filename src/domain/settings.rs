//! The settings of this browser, not of any assessment, as kept in local storage under
//! `SETTINGS_KEY`: `{"lang": "en", "lastExport": "2026-11-21T09:00:00.000Z"}`.
//!
//! Unlike assessments, settings are read leniently: they are preferences the app wrote itself,
//! so unknown fields are ignored, a missing one is `None`, and the caller uses the defaults when
//! the text cannot be read at all. Fields that are not set are left out when written, as they
//! always were.

use serde::{Deserialize, Serialize};

/// The local-storage key of the settings.
pub const SETTINGS_KEY: &str = "helhedsplan-tjek:settings";

#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The chosen language's code (`da`, `en`), or none: Danish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// When the last export file was made (RFC 3339), for the backup reminder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_export: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Settings, serde_json::Error> {
        serde_json::from_str(text)
    }

    #[test]
    fn the_stored_form_reads_and_writes_as_before() {
        let stored = r#"{"lang":"en","lastExport":"2026-11-21T09:00:00.000Z"}"#;
        let settings = read(stored).unwrap();
        assert_eq!(
            settings,
            Settings { lang: Some("en".into()), last_export: Some("2026-11-21T09:00:00.000Z".into()) }
        );
        assert_eq!(serde_json::to_string(&settings).unwrap(), stored);
        let danish = Settings { lang: Some("da".into()), last_export: None };
        assert_eq!(serde_json::to_string(&danish).unwrap(), r#"{"lang":"da"}"#);
        assert_eq!(serde_json::to_string(&Settings::default()).unwrap(), "{}");
    }

    #[test]
    fn missing_and_unknown_fields_are_tolerated() {
        assert_eq!(read("{}").unwrap(), Settings::default());
        assert_eq!(read(r#"{"lang":null}"#).unwrap(), Settings::default());
        assert_eq!(
            read(r#"{"lastExport":"2026-11-21T09:00:00.000Z","theme":"dark"}"#).unwrap(),
            Settings { lang: None, last_export: Some("2026-11-21T09:00:00.000Z".into()) }
        );
        assert!(read(r#"{"lang":5}"#).is_err(), "the caller falls back to the defaults");
    }
}
