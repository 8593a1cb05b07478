//! Time and identity from the browser: the domain takes both as plain values.

use js_sys::Date;

/// Now, as an RFC 3339 UTC time stamp.
pub fn now() -> String {
    Date::new_0().to_iso_string().into()
}

/// Today's local date, `YYYY-MM-DD`: deadlines are local dates.
pub fn today() -> String {
    let date = Date::new_0();
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// A time stamp shown as local `HH:MM`.
pub fn local_time(timestamp: &str) -> String {
    let date = Date::new(&timestamp.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A time stamp shown as local `D.M.YYYY HH:MM`, the Danish way.
pub fn local_date_time(timestamp: &str) -> String {
    let date = Date::new(&timestamp.into());
    if date.get_time().is_nan() {
        return timestamp.to_owned();
    }
    format!(
        "{}.{}.{} {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// A fresh id for an assessment: time plus randomness, lowercase letters and digits only.
pub fn new_id() -> String {
    let millis = Date::now() as u64;
    let random = (js_sys::Math::random() * f64::from(1u32 << 30)) as u64;
    format!("{millis:x}-{random:x}")
}
