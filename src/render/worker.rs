//! Everything the first screen does not need, behind one text-in, text-out function: every page
//! after the start page (its fixed forms and its read-only documents), the report and its file,
//! the workshop's group view, comparison and consensus, and the checking of imported and the
//! writing of exported files. The app runs it in a Web Worker (`src/bin/worker.rs`) that loads
//! after the first screen; the main WebAssembly keeps the start page, the state, the engine (for
//! live warnings and progress) and the event handling. See ARCHITECTURE.md, "The worker".
//!
//! Messages are JSON. A request: `{"id": 7, "op": "report", "lang": "da", …}`; a reply:
//! `{"id": 7, "ok": "<text>"}` or `{"id": 7, "error": "<message for the user>"}`.

use super::data::{Confirm, DataView, Unreadable};
use super::html::Html;
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::{self, Catalogue, Item};
use crate::domain::engine::{self, Applicability, Judgement};
use crate::domain::exchange;
use crate::domain::file_format::{self, decode_record_json, encode_record};
use crate::domain::i18n::{self, Lang, Msg};
use crate::domain::json::{self, Json, ObjectWriter};
use crate::domain::route::Route;
use crate::domain::{wording, workshop};

/// What the worker says once it listens. Not JSON, so no reply can be mistaken for it.
pub const READY: &str = "ready";

/// One parsed request.
struct Request {
    members: Vec<(String, Json)>,
    lang: Lang,
}

impl Request {
    fn field(&self, name: &str) -> Option<&Json> {
        self.members.iter().find(|(key, _)| key == name).map(|(_, value)| value)
    }

    /// A text field; empty when missing.
    fn text(&self, name: &str) -> &str {
        match self.field(name) {
            Some(Json::String(text)) => text,
            _ => "",
        }
    }

    fn flag(&self, name: &str) -> bool {
        self.field(name) == Some(&Json::Bool(true))
    }

    fn record(&self, name: &str) -> Result<Assessment, String> {
        let value = self.field(name).ok_or_else(|| format!("missing {name}"))?;
        decode_record_json(value).map_err(|e| wording::read_error(&e, self.lang))
    }

    fn records(&self, name: &str) -> Result<Vec<Assessment>, String> {
        match self.field(name) {
            Some(Json::Array(items)) => items
                .iter()
                .map(|item| decode_record_json(item).map_err(|e| wording::read_error(&e, self.lang)))
                .collect(),
            _ => Err(format!("missing {name}")),
        }
    }

    fn item(&self) -> Result<&'static Item, String> {
        catalogue::current().item(self.text("item")).ok_or_else(|| Msg::ItemMissingText.get(self.lang).to_owned())
    }
}

/// Answers one request. `when` formats a time stamp for people (in the reader's time zone).
/// Never panics: a request it cannot read gets an error reply.
pub fn handle(request: &str, when: &dyn Fn(&str) -> String) -> String {
    let Ok(Json::Object(members)) = json::parse(request) else {
        return reply(0, Err("the request is not a JSON object".into()));
    };
    let id = match members.iter().find(|(key, _)| key == "id") {
        Some((_, Json::Number(n))) => n.parse().unwrap_or(0),
        _ => 0,
    };
    let lang = match members.iter().find(|(key, _)| key == "lang") {
        Some((_, Json::String(code))) => Lang::from_code(code).unwrap_or_default(),
        _ => Lang::default(),
    };
    let request = Request { members, lang };
    let op = request.text("op").to_owned();
    reply(id, answer(&op, &request, when))
}

fn answer(op: &str, r: &Request, when: &dyn Fn(&str) -> String) -> Result<String, String> {
    let lang = r.lang;
    let catalogue = catalogue::current();
    let today = r.text("today");
    match op {
        "english" => i18n::install_english(r.text("table")).map(|()| String::new()),
        // The pages after the first.
        "profile-form" => r.record("record").map(|a| super::profile::form(catalogue, &a, lang)),
        "overview-summary" => r.record("record").map(|a| overview_summary(catalogue, &judge(&a, today), lang)),
        "overview-tasks" => {
            r.record("record").map(|a| super::overview::task_list(catalogue, &judge(&a, today), &a.id, lang))
        }
        "item-header" => {
            let item = r.item()?;
            let id = r.text("assessmentId").to_owned();
            let (back, label) = if r.flag("fromCheck") {
                (Route::Check { id }.href(), Msg::BackToCheck)
            } else {
                (Route::Overview { id }.href(), Msg::BackToOverview)
            };
            Ok(super::item::header(catalogue, item, &back, label, lang))
        }
        "item-text" => r.item().map(|item| super::item::item_text(catalogue, item, lang)),
        "item-form" => {
            let (item, a) = (r.item()?, r.record("record")?);
            let answer = a.answer(item.id).cloned().unwrap_or_default();
            let applicability = judge(&a, today).state(item.id).map_or(Applicability::Applies, |s| s.applicability);
            Ok(super::item::answer_form(item, &answer, applicability, lang))
        }
        "item-pager" => {
            r.item().map(|item| super::item::pager(catalogue, item, r.text("assessmentId"), r.flag("fromCheck"), lang))
        }
        "check" => r.record("record").map(|a| {
            let judgement = judge(&a, today);
            overview_summary(catalogue, &judgement, lang)
                + &super::answers::check_answers(catalogue, &a, &judgement, lang)
        }),
        "projector" => {
            let (item, a) = (r.item()?, r.record("record")?);
            Ok(super::workshop::projector(catalogue, item, &a, lang))
        }
        "data-top" => r.records("records").map(|assessments| {
            let persisted = match r.text("persisted") {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            let last_export = Some(r.text("lastExport").to_owned()).filter(|at| !at.is_empty());
            let view = DataView {
                assessments: &assessments,
                last_export,
                persisted,
                unreadable: &[],
                confirm: &Confirm::Nothing,
            };
            super::data::storage_and_export(&view, lang, when)
        }),
        "data-bottom" => Ok(data_bottom(r)),
        // The report, the workshop, files.
        "report" => r.record("record").map(|a| report(catalogue, &a, today, lang)),
        "report-file" => r.record("record").map(|a| {
            let body = report(catalogue, &a, today, lang);
            let name = super::report::plan_name(&a, lang);
            let title = Msg::ReportTitle.fill(lang, &[("plan", &name)]);
            super::report::standalone(&body, r.text("css"), &name, &title, lang)
        }),
        "group" => r
            .records("participants")
            .map(|list| super::workshop::group_view(&workshop::summarise(catalogue, &list), lang)),
        "compare" => {
            let (before, after) = (r.record("before")?, r.record("after")?);
            let comparison = workshop::compare(catalogue, &before, &after, today);
            Ok(super::workshop::comparison(&before, &after, &comparison, lang))
        }
        "consensus" => r.records("participants").map(|list| {
            encode_record(&workshop::consensus(
                catalogue,
                &list,
                r.text("assessmentId").to_owned(),
                r.text("name"),
                r.text("now"),
            ))
        }),
        "import" => import(r.field("files"), lang),
        "export" => r.records("records").map(|list| exchange::export(&list, r.text("now"))),
        other => Err(format!("unknown operation {other:?}")),
    }
}

fn judge(assessment: &Assessment, today: &str) -> Judgement {
    let catalogue = catalogue::find(&assessment.catalogue.id).unwrap_or_else(catalogue::current);
    engine::judge(catalogue, assessment, today)
}

/// The verdict so far, and the profile's warnings (overview and check pages).
fn overview_summary(catalogue: &Catalogue, judgement: &Judgement, lang: Lang) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", Some("overview-summary"))]);
    super::verdict_panel(&mut html, judgement, Msg::CurrentVerdict, lang);
    html.close("div");
    let warnings: Vec<String> = judgement.profile_warnings().map(|w| wording::warning(catalogue, w, lang)).collect();
    if !warnings.is_empty() {
        html.open("div", &[("class", Some("notice notice--warning"))]).open("ul", &[]);
        for warning in &warnings {
            html.element("li", &[], warning);
        }
        html.close("ul").close("div");
    }
    html.finish()
}

fn report(catalogue: &'static Catalogue, assessment: &Assessment, today: &str, lang: Lang) -> String {
    super::report::report(catalogue, assessment, &judge(assessment, today), today, lang)
}

/// "Dine data": records that could not be read (each `{key, originalKey, raw}`), and deleting.
fn data_bottom(r: &Request) -> String {
    let text = |value: &Json, name: &str| match value {
        Json::Object(members) => members.iter().find_map(|(key, v)| match v {
            Json::String(text) if key == name => Some(text.clone()),
            _ => None,
        }),
        _ => None,
    };
    let unreadable: Vec<Unreadable> = match r.field("unreadable") {
        Some(Json::Array(entries)) => entries
            .iter()
            .map(|entry| {
                let raw = text(entry, "raw").unwrap_or_default();
                let reason = match file_format::decode_record(&raw) {
                    Err(problem) => wording::read_error(&problem, r.lang),
                    Ok(_) => String::new(),
                };
                Unreadable {
                    key: text(entry, "key").unwrap_or_default(),
                    original_key: text(entry, "originalKey").unwrap_or_default(),
                    reason,
                    bytes: raw.chars().count(),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let confirm = match r.text("confirm") {
        "all" => Confirm::DeleteAll,
        "" => Confirm::Nothing,
        key => Confirm::DeleteQuarantined(key.to_owned()),
    };
    let view =
        DataView { assessments: &[], last_export: None, persisted: None, unreadable: &unreadable, confirm: &confirm };
    super::data::unreadable_and_delete(&view, r.lang)
}

/// Checks every file (`{name, text}`, or `{name, bytes}` for one too large to read); all must
/// pass. The result is one stored record per line.
fn import(files: Option<&Json>, lang: Lang) -> Result<String, String> {
    let Some(Json::Array(files)) = files else { return Err("missing files".into()) };
    let several = files.len() > 1;
    let mut lines = Vec::new();
    for file in files {
        let member = |name: &str| match file {
            Json::Object(members) => members.iter().find(|(key, _)| key == name).map(|(_, v)| v),
            _ => None,
        };
        let name = match member("name") {
            Some(Json::String(name)) => name.as_str(),
            _ => "",
        };
        let checked = match (member("text"), member("bytes")) {
            (Some(Json::String(text)), _) => exchange::import(text),
            (_, Some(Json::Number(bytes))) => {
                Err(exchange::ImportError::TooLarge { bytes: bytes.parse().unwrap_or(0) })
            }
            _ => Err(exchange::ImportError::Empty),
        };
        match checked {
            Ok(assessments) => lines.extend(assessments.iter().map(encode_record)),
            Err(error) => {
                let reason = wording::import_error(&error, lang);
                return Err(if several { format!("{name}: {reason}") } else { reason });
            }
        }
    }
    Ok(lines.join("\n"))
}

fn reply(id: u64, result: Result<String, String>) -> String {
    let mut out = String::new();
    let mut object = ObjectWriter::new(&mut out);
    object.raw("id", &id.to_string());
    match result {
        Ok(text) => object.string("ok", &text),
        Err(message) => object.string("error", &message),
    }
    object.end();
    out
}

/// Reads a reply: the request's id, and its text or error.
pub fn read_reply(reply: &str) -> Option<(u64, Result<String, String>)> {
    let Ok(Json::Object(members)) = json::parse(reply) else { return None };
    let id = members.iter().find_map(|(key, value)| match (key.as_str(), value) {
        ("id", Json::Number(n)) => n.parse().ok(),
        _ => None,
    })?;
    members.iter().find_map(|(key, value)| match (key.as_str(), value) {
        ("ok", Json::String(text)) => Some((id, Ok(text.clone()))),
        ("error", Json::String(text)) => Some((id, Err(text.clone()))),
        _ => None,
    })
}

/// Builds a request: the id, the operation, the language, then the caller's fields.
pub fn request(id: u64, op: &str, lang: Lang, fields: impl FnOnce(&mut ObjectWriter)) -> String {
    let mut out = String::new();
    let mut object = ObjectWriter::new(&mut out);
    object.raw("id", &id.to_string());
    object.string("op", op);
    object.string("lang", lang.code());
    fields(&mut object);
    object.end();
    out
}

/// Records as a JSON array, for a request's field.
pub fn records(list: &[Assessment]) -> String {
    let records: Vec<String> = list.iter().map(encode_record).collect();
    format!("[{}]", records.join(","))
}

/// The stored records of an `import` or `consensus` reply.
pub fn imported_records(lines: &str) -> Vec<Assessment> {
    lines.lines().filter_map(|line| file_format::decode_record(line).ok()).collect()
}
