//! The period a strategiskabelon reports on: a half-year ("1. halvår 2027") or a whole year.
//! K12 asks for a half-yearly evaluation; the 2010 evaluation was yearly, so both are allowed.
//!
//! In files a period is a text: `"2027-H1"`, `"2027-H2"` or `"2027"`.

use std::cmp::Ordering;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Unexpected};
use serde::{Serialize, Serializer};

use crate::domain::i18n::{Lang, Msg};

/// What a refused period was expected to be; `strict_json` turns a refusal naming this into
/// `ProblemKind::BadPeriod`.
pub const PERIOD_EXPECTED: &str = "a period such as 2027-H1, 2027-H2 or 2027";

/// Years outside this range are refused: a typing error, not a plan.
pub const FIRST_YEAR: u16 = 2000;
pub const LAST_YEAR: u16 = 2100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Half {
    First,
    Second,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: u16,
    /// `None` for the whole year.
    pub half: Option<Half>,
}

impl Period {
    pub fn half_year(year: u16, half: Half) -> Period {
        Period { year, half: Some(half) }
    }

    pub fn whole_year(year: u16) -> Period {
        Period { year, half: None }
    }

    /// The period after this one, of the same length.
    pub fn next(self) -> Period {
        match self.half {
            Some(Half::First) => Period::half_year(self.year, Half::Second),
            Some(Half::Second) => Period::half_year(self.year.saturating_add(1), Half::First),
            None => Period::whole_year(self.year.saturating_add(1)),
        }
    }

    /// The period before this one, of the same length.
    pub fn previous(self) -> Period {
        match self.half {
            Some(Half::First) => Period::half_year(self.year.saturating_sub(1), Half::Second),
            Some(Half::Second) => Period::half_year(self.year, Half::First),
            None => Period::whole_year(self.year.saturating_sub(1)),
        }
    }

    /// The form files use: `2027-H1`, `2027-H2`, `2027`.
    pub fn key(self) -> String {
        match self.half {
            Some(Half::First) => format!("{}-H1", self.year),
            Some(Half::Second) => format!("{}-H2", self.year),
            None => self.year.to_string(),
        }
    }

    pub fn parse(text: &str) -> Option<Period> {
        let (year, half) = match text.split_once('-') {
            Some((year, "H1")) => (year, Some(Half::First)),
            Some((year, "H2")) => (year, Some(Half::Second)),
            Some(_) => return None,
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        (FIRST_YEAR..=LAST_YEAR).contains(&year).then_some(Period { year, half })
    }

    /// As people write it: "1. halvår 2027", "2. halvår 2027", "2027" (and in English).
    pub fn label(self, lang: Lang) -> String {
        let year = self.year.to_string();
        match self.half {
            Some(Half::First) => Msg::EvalPeriodFirstHalf.fill(lang, &[("year", &year)]),
            Some(Half::Second) => Msg::EvalPeriodSecondHalf.fill(lang, &[("year", &year)]),
            None => Msg::EvalPeriodYear.fill(lang, &[("year", &year)]),
        }
    }

    /// Orders by when a period ends, then by when it starts: 1. halvår, the whole year,
    /// 2. halvår.
    fn order(self) -> (u16, u8, u8) {
        match self.half {
            Some(Half::First) => (self.year, 1, 1),
            None => (self.year, 2, 1),
            Some(Half::Second) => (self.year, 2, 2),
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order().cmp(&other.order())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&text), &PERIOD_EXPECTED))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_each_other() {
        let h1 = Period::half_year(2027, Half::First);
        assert_eq!(h1.next(), Period::half_year(2027, Half::Second));
        assert_eq!(h1.next().next(), Period::half_year(2028, Half::First));
        assert_eq!(h1.next().next().previous().previous(), h1);
        assert_eq!(Period::whole_year(2027).next(), Period::whole_year(2028));
        assert_eq!(Period::whole_year(2027).previous(), Period::whole_year(2026));
    }

    #[test]
    fn periods_are_written_and_read_as_text() {
        for text in ["2027-H1", "2027-H2", "2027"] {
            assert_eq!(Period::parse(text).map(Period::key).as_deref(), Some(text));
        }
        for bad in ["", "2027-H3", "27-H1", "2027-h1", "20271", "1999", "2101-H1", "２０２７", "2027-", "-H1"] {
            assert_eq!(Period::parse(bad), None, "{bad:?} was accepted");
        }
    }

    #[test]
    fn periods_sort_by_when_they_end() {
        let mut periods = [
            Period::half_year(2028, Half::First),
            Period::half_year(2027, Half::Second),
            Period::whole_year(2027),
            Period::half_year(2027, Half::First),
        ];
        periods.sort();
        let keys: Vec<String> = periods.iter().map(|p| p.key()).collect();
        assert_eq!(keys, ["2027-H1", "2027", "2027-H2", "2028-H1"]);
    }

    #[test]
    fn periods_read_as_people_write_them() {
        assert_eq!(Period::half_year(2027, Half::First).label(Lang::Da), "1. halvår 2027");
        assert_eq!(Period::half_year(2027, Half::Second).label(Lang::Da), "2. halvår 2027");
        assert_eq!(Period::whole_year(2027).label(Lang::Da), "2027");
        assert_eq!(Period::half_year(2027, Half::First).label(Lang::En), "First half of 2027");
    }
}
