//! Calendar dates as the `YYYY-MM-DD` strings that `<input type="date">` produces. Such strings
//! sort in date order, so the engine compares them directly and needs no date library.

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        text.get(range).filter(|part| part.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days_in_month).contains(&day)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (or the date part of a time stamp).
pub fn day_number(text: &str) -> Option<i64> {
    let date = text.get(..10).filter(|d| is_iso_date(d))?;
    let (y, m, d): (i64, i64, i64) = (date[0..4].parse().ok()?, date[5..7].parse().ok()?, date[8..10].parse().ok()?);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// True for a UTC time stamp `YYYY-MM-DDTHH:MM:SS…Z` (what `Date.toISOString` writes) or
/// `…+00:00` (what many other tools write for UTC, such as Python's `isoformat`). Other offsets
/// are refused: stamps are compared as text, which holds only while they share one zone.
pub fn is_timestamp(text: &str) -> bool {
    let Some(stamp) = text.strip_suffix('Z').or_else(|| text.strip_suffix("+00:00")) else { return false };
    let Some((date, time)) = stamp.split_once('T') else { return false };
    let (clock, fraction) = match time.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (time, None),
    };
    let field = |at: usize, below: u32| {
        clock
            .get(at..at + 2)
            .filter(|f| f.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|f| f.parse::<u32>().ok())
            .is_some_and(|value| value < below)
    };
    is_iso_date(date)
        && clock.len() == 8
        && clock.as_bytes()[2] == b':'
        && clock.as_bytes()[5] == b':'
        // 60 seconds: a leap second, which RFC 3339 allows.
        && field(0, 24)
        && field(3, 60)
        && field(6, 61)
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_dates_only() {
        assert!(is_iso_date("2026-11-21"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("2026-04-31"));
        assert!(!is_iso_date("26-11-21"));
        assert!(!is_iso_date("2026/11/21"));
        assert!(!is_iso_date("2026-1a-21"));
        assert!(!is_iso_date(""));
        assert!(!is_iso_date("2026-11-2é"));
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2);
        assert_eq!(day_number("2026-11-21T10:00:00.000Z").unwrap() - day_number("2026-11-07").unwrap(), 14);
        assert_eq!(day_number("not a date"), None);
    }

    #[test]
    fn accepts_iso_timestamps() {
        assert!(is_timestamp("2026-11-21T09:30:00.000Z"));
        assert!(is_timestamp("2026-11-21T09:30:00Z"));
        assert!(!is_timestamp("2026-11-21 09:30:00Z"));
        assert!(!is_timestamp("2026-11-21T09:30:00"));
        assert!(!is_timestamp("yesterday"));
        assert!(!is_timestamp("éééééééééééééééééééééé"));
    }

    #[test]
    fn refuses_a_clock_that_is_not_hh_mm_ss() {
        assert!(is_timestamp("2026-11-21T23:59:60Z"));
        assert!(!is_timestamp("2026-11-21T10:00:000Z"), "three digits of seconds");
        assert!(!is_timestamp("2026-11-21T10:0000:0Z"));
        assert!(!is_timestamp("2026-11-21T24:00:00Z"));
        assert!(!is_timestamp("2026-11-21T10:60:00Z"));
        assert!(!is_timestamp("2026-11-21T10:00:00.Z"), "a point without fractions");
        assert!(!is_timestamp("2026-11-21T10:00:00.1.2Z"));
        assert!(!is_timestamp("2026-11-21T1é:00:00Z"));
    }

    #[test]
    fn accepts_utc_written_as_an_offset_but_no_other_offset() {
        assert!(is_timestamp("2026-11-21T09:30:00+00:00"));
        assert!(is_timestamp("2026-11-21T09:30:00.123456+00:00"));
        assert!(!is_timestamp("2026-11-21T09:30:00+01:00"));
        assert!(!is_timestamp("2026-11-21T09:30:00-00:00"));
        assert!(!is_timestamp("2026-11-21T09:30:00+00:00Z"));
        assert!(!is_timestamp("2026-11-21T09:30+00:00"));
        assert!(!is_timestamp("+00:00"));
    }
}
