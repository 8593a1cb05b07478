//! The worker's requests and replies (render::worker), natively: every operation, and that a
//! request it cannot read gets an error reply instead of a panic.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{Assessment, Edit, ProfileField, Status};
use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::file_format::encode_record;
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::json::ObjectWriter;
use helhedsplan_tjek::render::worker::{handle, imported_records, read_reply, request};
use proptest::prelude::*;

const NOW: &str = "2026-11-21T10:00:00.000Z";

fn plan(id: &str, name: &str, k9: Status) -> Assessment {
    let mut a = Assessment::new(id.into(), catalogue::current(), NOW);
    a.apply(&Edit::ProfileText(ProfileField::PlanName, name.into()), NOW);
    a.apply(&Edit::ProfileText(ProfileField::Assessor, name.into()), NOW);
    a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
    a.apply(&Edit::Status { item: "sekretariat".into(), status: k9 }, NOW);
    a
}

/// The worker formats times in the reader's time zone; here, visibly.
fn answer(request: &str) -> String {
    handle(request, &|at| format!("<{at}>"))
}

fn ask(
    op: &str,
    lang: Lang,
    fields: impl FnOnce(&mut helhedsplan_tjek::domain::json::ObjectWriter),
) -> Result<String, String> {
    let (id, result) = read_reply(&answer(&request(42, op, lang, fields))).expect("a readable reply");
    assert_eq!(id, 42, "the reply carries the request's id");
    result
}

#[test]
fn the_report_and_the_report_file() {
    let a = plan("a", "Plan Vest", Status::NotMet);
    let html = ask("report", Lang::Da, |r| {
        r.raw("record", &encode_record(&a));
        r.string("today", "2026-11-21");
    })
    .unwrap();
    assert!(html.contains("Parathedsrapport: Plan Vest") && html.contains("verdict--not-ready"));
    let file = ask("report-file", Lang::Da, |r| {
        r.raw("record", &encode_record(&a));
        r.string("today", "2026-11-21");
        r.string("css", ".report{color:red}");
    })
    .unwrap();
    assert!(file.starts_with("<!doctype html>") && file.contains(".report{color:red}") && !file.contains("<script"));
}

#[test]
fn the_group_view_the_comparison_and_the_consensus() {
    let people = [plan("p1", "Aisha", Status::Met), plan("p2", "Bo", Status::NotMet), plan("p3", "Carla", Status::Met)];
    let list = format!("[{}]", people.iter().map(encode_record).collect::<Vec<_>>().join(","));
    let group = ask("group", Lang::Da, |r| r.raw("participants", &list)).unwrap();
    assert!(
        group.contains("⚠ Uenige")
            && group.find("Størrelse og sekretariat").unwrap() < group.find("Fælles analyse").unwrap()
    );
    let comparison = ask("compare", Lang::Da, |r| {
        r.raw("before", &encode_record(&people[1]));
        r.raw("after", &encode_record(&people[0]));
        r.string("today", "2026-11-21");
    })
    .unwrap();
    assert!(comparison.contains("Ikke opfyldt → Opfyldt"));
    let agreed = [plan("p1", "Aisha", Status::Met), plan("p3", "Carla", Status::Met)];
    let list = format!("[{}]", agreed.iter().map(encode_record).collect::<Vec<_>>().join(","));
    let record = ask("consensus", Lang::Da, |r| {
        r.raw("participants", &list);
        r.string("assessmentId", "faelles-1");
        r.string("name", "Fælles");
        r.string("now", NOW);
    })
    .unwrap();
    let consensus = imported_records(&record);
    assert_eq!(consensus.len(), 1);
    assert_eq!((consensus[0].id.as_str(), consensus[0].status("sekretariat")), ("faelles-1", Status::Met));
}

#[test]
fn imports_all_files_or_none_and_words_the_refusal() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-export.json")).unwrap();
    let files = |second: &str| {
        let mut out = String::from("[");
        for (n, (name, text)) in [("a.json", example.as_str()), ("b.json", second)].iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            let mut file = helhedsplan_tjek::domain::json::ObjectWriter::new(&mut out);
            file.string("name", name);
            file.string("text", text);
            file.end();
        }
        out.push(']');
        out
    };
    let lines = ask("import", Lang::Da, |r| r.raw("files", &files(&example))).unwrap();
    assert_eq!(imported_records(&lines).len(), 2);
    let refused = ask("import", Lang::Da, |r| r.raw("files", &files("{oops"))).unwrap_err();
    assert_eq!(refused, "b.json: Filen er ikke gyldig JSON. Fejlen er i linje 1, tegn 2.");
}

#[test]
fn the_pages_after_the_first_are_made_from_the_record() {
    let a = plan("a", "Plan Vest", Status::NotMet);
    let record = encode_record(&a);
    let with_record = |r: &mut ObjectWriter| {
        r.raw("record", &record);
        r.string("today", "2026-11-21");
    };
    let profile = ask("profile-form", Lang::Da, with_record).unwrap();
    assert!(profile.contains("value=\"Plan Vest\"") && profile.contains("<form"), "{profile}");

    let item = catalogue::current().item("sekretariat").unwrap();
    let record = record.as_str();
    let at_item = |from_check: bool| {
        move |r: &mut ObjectWriter| {
            r.string("assessmentId", "a");
            r.string("item", "sekretariat");
            r.raw("fromCheck", if from_check { "true" } else { "false" });
            r.raw("record", record);
            r.string("today", "2026-11-21");
        }
    };
    let header = ask("item-header", Lang::Da, at_item(true)).unwrap();
    assert!(
        header.contains("<h1") && header.contains("K9") && header.contains("href=\"#/vurdering/a/tjek\""),
        "{header}"
    );
    let header = ask("item-header", Lang::Da, at_item(false)).unwrap();
    assert!(header.contains("href=\"#/vurdering/a/oversigt\""), "{header}");
    let text = ask("item-text", Lang::Da, at_item(false)).unwrap();
    assert!(text.contains(&helhedsplan_tjek::render::html::escape(item.text.da())), "the requirement, verbatim");
    let form = ask("item-form", Lang::Da, at_item(false)).unwrap();
    assert!(form.contains("value=\"not-met\" checked") || form.contains("checked value=\"not-met\""), "{form}");
    let pager = ask("item-pager", Lang::Da, at_item(false)).unwrap();
    let next = catalogue::current().neighbours("sekretariat").1.unwrap();
    assert!(pager.contains(&format!("#/vurdering/a/punkt/{}", next.id)), "{pager}");
    let unknown = ask("item-text", Lang::Da, |r| r.string("item", "no-such-item")).unwrap_err();
    assert!(!unknown.is_empty());

    let summary = ask("overview-summary", Lang::Da, with_record).unwrap();
    assert!(summary.contains("verdict--not-ready"), "K9 is not met: {summary}");
    let tasks = ask("overview-tasks", Lang::Da, with_record).unwrap();
    assert!(catalogue::current().items().all(|i| tasks.contains(i.code)), "every item is a task: {tasks}");
    let check = ask("check", Lang::Da, with_record).unwrap();
    assert!(check.contains("verdict--not-ready") && check.contains("Plan Vest"), "{check}");
    let projector = ask("projector", Lang::Da, at_item(false)).unwrap();
    assert!(
        projector.contains("projector")
            && projector.contains(&helhedsplan_tjek::render::html::escape(item.questions[0].da()))
    );
}

#[test]
fn the_data_page_lists_what_is_stored_and_what_could_not_be_read() {
    let list = format!("[{}]", encode_record(&plan("a", "Plan Vest", Status::Met)));
    let top = ask("data-top", Lang::Da, |r| {
        r.raw("records", &list);
        r.string("lastExport", "2026-11-20T10:00:00.000Z");
        r.string("persisted", "yes");
    })
    .unwrap();
    assert!(
        top.contains("Plan Vest") && top.contains("&lt;2026-11-20T10:00:00.000Z&gt;"),
        "times go through `when`: {top}"
    );
    let bottom = ask("data-bottom", Lang::Da, |r| {
        r.raw(
            "unreadable",
            r#"[{"key":"helhedsplan-tjek:quarantine:1","originalKey":"helhedsplan-tjek:assessment:x","raw":"{oops"}]"#,
        );
        r.string("confirm", "all");
    })
    .unwrap();
    assert!(bottom.contains("helhedsplan-tjek:assessment:x") && bottom.contains("JSON"), "{bottom}");
    assert!(bottom.contains("id=\"confirm-yes\""), "deleting everything asks first: {bottom}");
    let calm = ask("data-bottom", Lang::Da, |r| r.raw("unreadable", "[]")).unwrap();
    assert!(!calm.contains("confirm-yes") && !calm.contains("quarantine"));
}

#[test]
fn an_export_imports_back_unchanged_and_a_file_too_large_is_refused_by_its_size() {
    let people = [plan("p1", "Aisha", Status::Met), plan("p2", "Bo", Status::NotMet)];
    let file = ask("export", Lang::Da, |r| {
        r.raw("records", &format!("[{}]", people.iter().map(encode_record).collect::<Vec<_>>().join(",")));
        r.string("now", NOW);
    })
    .unwrap();
    let mut files = String::new();
    let mut entry = ObjectWriter::new(&mut files);
    entry.string("name", "backup.json");
    entry.string("text", &file);
    entry.end();
    let back = imported_records(&ask("import", Lang::Da, |r| r.raw("files", &format!("[{files}]"))).unwrap());
    assert_eq!(back, people);
    let refused = ask("import", Lang::Da, |r| r.raw("files", r#"[{"name":"big.json","bytes":3000000}]"#)).unwrap_err();
    assert!(refused.contains("2930") || refused.contains("KB"), "the size is named: {refused}");
}

#[test]
fn english_texts_can_be_installed_in_the_worker() {
    assert_eq!(ask("english", Lang::En, |r| r.string("table", "[]")), Ok(String::new()), "already installed natively");
}

#[test]
fn unreadable_requests_get_error_replies() {
    assert!(read_reply(&answer("nonsense")).unwrap().1.is_err());
    assert!(ask("report", Lang::Da, |r| r.raw("record", "{}")).is_err());
    assert_eq!(ask("fly", Lang::Da, |_| {}), Err("unknown operation \"fly\"".into()));
}

proptest! {
    #[test]
    fn no_request_makes_the_handler_panic(text in "\\PC{0,200}") {
        let _ = answer(&text);
        let _ = answer(&format!("{{\"id\":1,\"op\":\"import\",\"files\":[{{\"name\":\"x\",\"text\":{:?}}}]}}", text));
    }
}
