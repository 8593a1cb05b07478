//! The kommune's evaluation: strategiskabelon files (fixtures of every released schema, round
//! trips, each refusal with its what and where, fuzzed and mutated files), the import of many
//! files, the overview across plans for known inputs, and comparisons of periods.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::evaluation::aggregate::{self, compare_periods, overview, trend, Movement};
use helhedsplan_tjek::domain::evaluation::file::{
    self, gather, Change, FileError, FileOutcome, MAX_ACTIVITIES, MAX_FILE_BYTES, SCHEMA_VERSION,
};
use helhedsplan_tjek::domain::evaluation::{
    self as evaluation, Edit, Half, Period, Plan, PlanField, Start, Strategiskabelon,
};
use helhedsplan_tjek::domain::exchange::ImportFile;
use helhedsplan_tjek::domain::file_format::ReadError;
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::validate::{Problem, ProblemKind};
use proptest::prelude::*;
use std::path::Path;

const NOW: &str = "2027-06-20T10:00:00.000Z";
const EXPORTED_AT: &str = "2027-06-30T09:00:00.000Z";

fn h1() -> Period {
    Period::half_year(2027, Half::First)
}

fn h2() -> Period {
    Period::half_year(2027, Half::Second)
}

/// An activity: (id, name, target groups, progress).
type A<'a> = (&'a str, &'a str, &'a [&'a str], Option<&'a str>);

fn skabelon(plan: &str, name: &str, period: Period, activities: &[A]) -> Strategiskabelon {
    let start = Start {
        id: format!("{plan}-{}", period.key().to_ascii_lowercase()),
        plan: Plan { id: plan.into(), name: name.into(), ..Plan::default() },
        period,
    };
    let mut s = Strategiskabelon::new(start, catalogue::current(), NOW);
    for (id, name, groups, progress) in activities {
        s.apply(&Edit::AddActivity { id: (*id).into() }, NOW);
        s.apply(&Edit::ActivityName { id: (*id).into(), name: (*name).into() }, NOW);
        for group in *groups {
            s.apply(&Edit::ActivityTargetGroup { id: (*id).into(), group: (*group).into(), chosen: true }, NOW);
        }
        s.apply(&Edit::ActivityProgress { id: (*id).into(), progress: progress.map(Into::into) }, NOW);
    }
    s
}

fn rate(s: &mut Strategiskabelon, collaboration: &str, level: &str, comment: &str) {
    s.apply(&Edit::RatingLevel { collaboration: collaboration.into(), level: Some(level.into()) }, NOW);
    s.apply(&Edit::RatingComment { collaboration: collaboration.into(), comment: comment.into() }, NOW);
}

fn challenge(s: &mut Strategiskabelon, id: &str, comment: &str) {
    s.apply(&Edit::Challenge { id: id.into(), chosen: true }, NOW);
    s.apply(&Edit::ChallengeComment { id: id.into(), comment: comment.into() }, NOW);
}

/// The example the fixtures hold: Mjølnerparken's first half of 2027.
fn mjoelnerparken() -> Strategiskabelon {
    let mut s = skabelon(
        "mjoelnerparken",
        "Helhedsplan Mjølnerparken 2026",
        h1(),
        &[
            ("lektiecafe", "Lektiecafé", &["boern-og-unge"], Some("god")),
            ("kvindeklub", "Kvindeklub", &["kvinder"], Some("nogen")),
            ("job-18-25", "Jobvejledning for unge", &["unge-18-25"], Some("ingen")),
        ],
    );
    s.apply(&Edit::PlanText(PlanField::Organisation, "Bo-Vita".into()), NOW);
    s.apply(&Edit::ActivityItem { id: "lektiecafe".into(), item: "forandringsstrategi".into(), linked: true }, NOW);
    s.apply(&Edit::ActivityReason { id: "lektiecafe".into(), reason: "30 børn kommer hver uge".into() }, NOW);
    rate(&mut s, "kommunen", "fungerer-godt", "");
    rate(&mut s, "tvaerkommunalt", "stoerre-udfordringer", "Skolen deltager ikke i styregruppen.");
    challenge(&mut s, "unge-18-25", "Vi mangler et lokale om aftenen.");
    challenge(&mut s, "andet", "Huslejestigninger");
    s
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/evaluation-schema-1/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text_file(name: &str, text: String) -> ImportFile {
    ImportFile::Text { name: name.into(), text }
}

// --- Files ----------------------------------------------------------------------------------------

#[test]
fn every_released_schema_has_fixtures_that_load() {
    assert_eq!(SCHEMA_VERSION, 1, "a new schema needs fixtures in tests/fixtures/evaluation-schema-N/");
    let record = file::decode_record(&fixture("record.json")).expect("the record fixture reads");
    assert_eq!(record, mjoelnerparken());
    assert_eq!(file::read_file(&fixture("export.json")), Ok(vec![record]));
}

#[test]
fn the_fixtures_are_exactly_what_the_app_writes() {
    let s = mjoelnerparken();
    assert_eq!(file::encode_record(&s), fixture("record.json").trim_end());
    assert_eq!(file::export(&[s], EXPORTED_AT), fixture("export.json"));
}

fn refusal(text: &str) -> FileError {
    file::read_file(text).expect_err("the file must be refused")
}

fn problem(text: &str) -> (String, ProblemKind) {
    match refusal(text) {
        FileError::Invalid(problem) => (problem.path, problem.kind),
        other => panic!("expected a problem, got {other:?}"),
    }
}

#[test]
fn each_kind_of_broken_file_gets_its_own_reason_and_place() {
    let good = fixture("export.json");
    assert_eq!(refusal(&" ".repeat(MAX_FILE_BYTES + 1)), FileError::TooLarge { bytes: MAX_FILE_BYTES + 1 });
    assert_eq!(refusal(" \n"), FileError::Empty);
    assert_eq!(refusal("{\n  \"format\": 1,\n  oops"), FileError::NotJson { line: 3, column: 3 });
    assert_eq!(refusal("[]"), FileError::WrongFormat);
    assert_eq!(refusal(&good.replace("\"schemaVersion\": 1", "\"schemaVersion\": 4")), FileError::NewerSchema(4));
    assert_eq!(refusal(&good.replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\"")), FileError::BadSchema);
    let none = good[..good.find("\"strategiskabeloner\"").unwrap()].to_owned() + "\"strategiskabeloner\": []}";
    assert_eq!(refusal(&none), FileError::NoStrategiskabeloner);

    let at = "strategiskabeloner[0]";
    assert_eq!(
        problem(&good.replace("\"2027-H1\"", "\"forår 2027\"")),
        (format!("{at}.period"), ProblemKind::BadPeriod("forår 2027".into()))
    );
    let (path, kind) = problem(&good.replace("\"kvinder\"", "\"maend\""));
    assert_eq!(path, format!("{at}.activities[1].targetGroups"));
    assert!(
        matches!(kind, ProblemKind::UnknownChoice { ref value, ref expected } if value == "maend" && expected.contains("alle-beboere"))
    );
    let (path, kind) = problem(&good.replace("\"nogen\"", "\"lidt\""));
    assert_eq!(path, format!("{at}.activities[1].progress"));
    assert!(matches!(kind, ProblemKind::UnknownChoice { ref value, .. } if value == "lidt"));
    assert_eq!(
        problem(&good.replace("\"forandringsstrategi\"", "\"k99\"")),
        (format!("{at}.activities[0].items"), ProblemKind::UnknownItem("k99".into()))
    );
    let (path, kind) = problem(&good.replace("\"stoerre-udfordringer\"", "\"katastrofe\""));
    assert_eq!(path, format!("{at}.ratings.tvaerkommunalt.level"));
    assert!(matches!(kind, ProblemKind::UnknownChoice { .. }));
    let (path, kind) = problem(&good.replace("\"tvaerkommunalt\": {", "\"regionen\": {"));
    assert_eq!(path, format!("{at}.ratings"));
    assert!(matches!(kind, ProblemKind::UnknownChoice { ref value, .. } if value == "regionen"));
    let (path, _) = problem(&good.replace("\"andet\": {", "\"vejret\": {"));
    assert_eq!(path, format!("{at}.challenges"));
    assert_eq!(
        problem(&good.replace("\"id\": \"kvindeklub\"", "\"id\": \"lektiecafe\"")),
        (format!("{at}.activities"), ProblemKind::Repeated("lektiecafe".into()))
    );
    assert_eq!(
        problem(&good.replace("\"id\": \"kvindeklub\"", "\"id\": \"Kvinde Klub\"")),
        (format!("{at}.activities[1].id"), ProblemKind::BadId("Kvinde Klub".into()))
    );
    assert_eq!(
        problem(&good.replace("Lektiecafé", &"x".repeat(501))),
        (format!("{at}.activities[0].name"), ProblemKind::TooLong { max: 500 })
    );
    assert_eq!(
        problem(&good.replace("\"progress\": \"nogen\",", "\"progress\": \"nogen\", \"colour\": 1,")),
        (format!("{at}.activities[1]"), ProblemKind::UnknownField("colour".into()))
    );
    assert_eq!(
        problem(&good.replace("\"progress\": \"nogen\",", "")),
        (format!("{at}.activities[1].progress"), ProblemKind::Missing)
    );
    assert_eq!(
        problem(&good.replace("\"createdAt\": \"2027-06-20T10:00:00.000Z\"", "\"createdAt\": \"i går\"")),
        (format!("{at}.createdAt"), ProblemKind::BadTimestamp("i går".into()))
    );
    // "Andet" says what the challenge is: a file that does not is refused, as its export is.
    assert_eq!(
        problem(&good.replace("\"Huslejestigninger\"", "\" \"")),
        (format!("{at}.challenges.andet.comment"), ProblemKind::Blank)
    );
    let record = fixture("record.json").replace("\"Huslejestigninger\"", "\"\"");
    assert!(file::decode_record(&record).is_ok(), "a stored record may still lack it while being filled in");
    assert_eq!(
        refusal(&record),
        FileError::Invalid(Problem::at("strategiskabelon.challenges.andet.comment", ProblemKind::Blank))
    );
    assert_eq!(
        evaluation::wording::file_error(&refusal(&record), Lang::Da),
        "Feltet strategiskabelon.challenges.andet.comment er tomt, men skal udfyldes."
    );
    let (path, kind) = problem(&good.replace(
        "\"targetGroups\": [\n            \"kvinder\"\n          ]",
        "\"targetGroups\": [\"kvinder\", \"kvinder\"]",
    ));
    assert_eq!(
        (path.as_str(), kind),
        ("strategiskabeloner[0].activities[1].targetGroups", ProblemKind::Repeated("kvinder".into()))
    );
}

#[test]
fn too_many_activities_are_refused_with_the_limit() {
    let mut s = mjoelnerparken();
    for n in 0..=MAX_ACTIVITIES {
        s.apply(&Edit::AddActivity { id: format!("a{n}") }, NOW);
    }
    let (path, kind) = problem(&file::export(&[s], EXPORTED_AT));
    assert_eq!(
        (path.as_str(), kind),
        ("strategiskabeloner[0].activities", ProblemKind::TooMany { max: MAX_ACTIVITIES })
    );
}

#[test]
fn refusals_read_as_danish_sentences_that_say_what_and_where() {
    let good = fixture("export.json");
    let say = |text: &str| evaluation::wording::file_error(&refusal(text), Lang::Da);
    assert_eq!(
        say(&good.replace("\"2027-H1\"", "\"2027-H3\"")),
        "«2027-H3» ved strategiskabeloner[0].period er ikke en periode (fx 2027-H1, 2027-H2 eller 2027)."
    );
    assert_eq!(
        say(&good.replace("\"nogen\"", "\"lidt\"")),
        "«lidt» ved strategiskabeloner[0].activities[1].progress er ikke en af de mulige værdier (god, nogen, ingen, ikke-startet, afsluttet)."
    );
    let assessment = helhedsplan_tjek::domain::assessment::Assessment::new("a".into(), catalogue::current(), NOW);
    let assessment_file = helhedsplan_tjek::domain::exchange::export(&[assessment], NOW);
    assert!(say(&assessment_file).starts_with("Filen er en vurdering, ikke en strategiskabelon."));
    for error in [
        FileError::WrongFormat,
        FileError::NoStrategiskabeloner,
        FileError::TooManyFiles,
        FileError::TooManyInFile(101),
    ] {
        let (da, en) =
            (evaluation::wording::file_error(&error, Lang::Da), evaluation::wording::file_error(&error, Lang::En));
        assert!(!da.is_empty() && da != en, "{error:?}");
    }
}

#[test]
fn a_stored_record_that_cannot_be_read_says_why() {
    assert!(matches!(file::decode_record("{\"format\""), Err(ReadError::NotJson { .. })));
    let newer = fixture("record.json").replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    assert_eq!(file::decode_record(&newer), Err(ReadError::NewerSchema(2)));
    let export_as_record = fixture("export.json");
    assert_eq!(file::decode_record(&export_as_record), Err(ReadError::WrongFormat));
}

// --- Gathering many files -----------------------------------------------------------------------

fn plan_file(plan: &str, period: Period, updated_at: &str) -> String {
    let mut s = skabelon(plan, &format!("Plan {plan}"), period, &[("a1", "Lektiecafé", &[], Some("god"))]);
    s.updated_at = updated_at.into();
    file::export(&[s], EXPORTED_AT)
}

#[test]
fn a_broken_file_is_refused_by_name_and_the_rest_load() {
    let files = vec![
        text_file("nord.json", plan_file("nord", h1(), NOW)),
        text_file("syd.json", plan_file("syd", h1(), NOW)),
        text_file("oest.json", "{\"format\": \"helhedsplan-tjek.strategiskabeloner\", oops".into()),
        ImportFile::TooLarge { name: "stor.json".into(), bytes: 3_000_000 },
        text_file("vest.json", plan_file("vest", h1(), NOW)),
    ];
    let gathering = gather(&[], &files);
    assert_eq!(gathering.counts(), (3, 2));
    let refused: Vec<&str> = gathering.refused().map(|(name, _)| name).collect();
    assert_eq!(refused, ["oest.json", "stor.json"]);
    let plans: Vec<&str> = gathering.gathered.iter().map(|s| s.plan.id.as_str()).collect();
    assert_eq!(plans, ["nord", "syd", "vest"]);
    assert_eq!(gathering.changed.len(), 3);
    let lines = evaluation::wording::gathering_lines(&gathering, Lang::Da);
    assert!(lines[0].starts_with("oest.json: Filen er ikke gyldig JSON."), "{lines:?}");
    assert!(lines.iter().any(|l| l == "Plan nord, 1. halvår 2027: hentet ind."), "{lines:?}");
    assert_eq!(
        evaluation::wording::gathering_summary(&gathering, Lang::Da),
        "3 fil(er) læst, 2 afvist. 3 ny(e), 0 erstattet, 0 uændret."
    );
}

#[test]
fn forty_files_with_three_broken_load_thirty_seven_and_name_three() {
    let files: Vec<ImportFile> = (0..40)
        .map(|n| {
            let text = if n % 13 == 5 { format!("broken {n}") } else { plan_file(&format!("plan-{n}"), h1(), NOW) };
            text_file(&format!("plan-{n}.json"), text)
        })
        .collect();
    let gathering = gather(&[], &files);
    assert_eq!(gathering.counts(), (37, 3));
    assert_eq!(gathering.gathered.len(), 37);
    let refused: Vec<&str> = gathering.refused().map(|(name, _)| name).collect();
    assert_eq!(refused, ["plan-5.json", "plan-18.json", "plan-31.json"]);
}

#[test]
fn the_newer_copy_of_a_plan_and_period_wins_whichever_comes_first() {
    let older = plan_file("nord", h1(), "2027-06-01T10:00:00.000Z");
    let newer = plan_file("nord", h1(), "2027-06-15T10:00:00.000Z");
    let other_period = plan_file("nord", h2(), "2027-06-01T10:00:00.000Z");
    for files in [
        vec![text_file("1.json", older.clone()), text_file("2.json", newer.clone())],
        vec![text_file("2.json", newer.clone()), text_file("1.json", older.clone())],
    ] {
        let gathering = gather(&[], &files);
        assert_eq!(gathering.gathered.len(), 1);
        assert_eq!(gathering.gathered[0].updated_at, "2027-06-15T10:00:00.000Z");
        assert_eq!(gathering.changed, gathering.gathered);
    }
    let first = gather(&[], &[text_file("1.json", older.clone()), text_file("h2.json", other_period)]);
    assert_eq!(first.gathered.len(), 2, "another period of the same plan is another strategiskabelon");
    let second = gather(&first.gathered, &[text_file("2.json", newer.clone())]);
    let entries: Vec<&Change> = second.entries().map(|e| &e.change).collect();
    assert_eq!(entries, [&Change::Replaced { older: "2027-06-01T10:00:00.000Z".into() }]);
    assert_eq!(second.gathered.len(), 2);
    assert_eq!(second.changed.len(), 1);
    let line = evaluation::wording::entry(second.entries().next().unwrap(), Lang::Da);
    assert_eq!(line, "Plan nord, 1. halvår 2027: erstattede en ældre udgave (fra 2027-06-01).");
    let again = gather(&second.gathered, &[text_file("1.json", older), text_file("2.json", newer)]);
    let entries: Vec<&Change> = again.entries().map(|e| &e.change).collect();
    assert_eq!(entries, [&Change::OlderThanGathered { newer: "2027-06-15T10:00:00.000Z".into() }, &Change::Unchanged]);
    assert!(again.changed.is_empty());
    assert_eq!(again.gathered, second.gathered);
}

#[test]
fn too_many_files_are_refused_beyond_the_limit() {
    let files: Vec<ImportFile> = (0..file::MAX_FILES + 2)
        .map(|n| text_file(&format!("{n}.json"), plan_file(&format!("p{n}"), h1(), NOW)))
        .collect();
    let gathering = gather(&[], &files);
    assert_eq!(gathering.counts(), (file::MAX_FILES, 2));
    assert!(matches!(gathering.files.last(), Some(FileOutcome::Refused { error: FileError::TooManyFiles, .. })));
}

// --- The overview across plans --------------------------------------------------------------------

fn three_plans() -> Vec<Strategiskabelon> {
    let mut a = skabelon(
        "a",
        "Plan A",
        h1(),
        &[
            ("a1", "Lektiecafé", &["boern-og-unge"], Some("god")),
            ("a2", "Pigeklub", &["boern-og-unge", "kvinder"], Some("god")),
            ("a3", "Syværksted", &["kvinder"], Some("nogen")),
        ],
    );
    rate(&mut a, "kommunen", "fungerer-godt", "");
    rate(&mut a, "tvaerkommunalt", "stoerre-udfordringer", "Forvaltningerne taler ikke sammen.");
    challenge(&mut a, "frivillighed", "For få frivillige.");
    challenge(&mut a, "lokaler", "");
    let mut b = skabelon(
        "b",
        "Plan B",
        h1(),
        &[("b1", "Jobcafé", &["unge-18-25"], Some("ingen")), ("b2", "Fællesspisning", &[], None)],
    );
    challenge(&mut b, "frivillighed", "");
    let mut c = skabelon("c", "Plan C", h1(), &[]);
    rate(&mut c, "kommunen", "mindre-udfordringer", "Skiftende kontaktpersoner.");
    vec![b, c, a]
}

#[test]
fn the_overview_counts_known_plans() {
    let plans = three_plans();
    let o = overview(&plans, h1());
    assert_eq!((o.plans.len(), o.activities, o.good, o.not_assessed), (3, 5, 2, 1));
    assert_eq!(o.good_percent(), Some(40));
    let progress: Vec<(&str, usize)> = o.progress.iter().map(|(l, n)| (l.id, *n)).collect();
    assert_eq!(progress, [("god", 2), ("nogen", 1), ("ingen", 1), ("ikke-startet", 0), ("afsluttet", 0)]);
    let ratings: Vec<(&str, Vec<usize>, usize)> =
        o.ratings.iter().map(|r| (r.collaboration.id, r.levels.iter().map(|(_, n)| *n).collect(), r.unrated)).collect();
    assert_eq!(ratings, [("kommunen", vec![1, 1, 0], 1), ("tvaerkommunalt", vec![0, 0, 1], 2)]);
    let groups: Vec<(&str, usize)> = o.target_groups.iter().map(|(g, n)| (g.id, *n)).filter(|(_, n)| *n > 0).collect();
    assert_eq!(groups, [("boern-og-unge", 2), ("kvinder", 2), ("unge-18-25", 1)]);
    assert_eq!(o.without_target_group, 1);
    let challenges: Vec<(&str, usize, usize)> =
        o.challenges.iter().map(|c| (c.challenge.id, c.plans, c.comments.len())).collect();
    assert_eq!(challenges, [("frivillighed", 2, 1), ("lokaler", 1, 0)]);
    let order: Vec<(&str, bool)> =
        o.plans.iter().map(|r| (r.skabelon.plan.id.as_str(), r.major_challenges())).collect();
    assert_eq!(order, [("a", true), ("c", false), ("b", false)], "major challenges first, then by worst rating");
    assert_eq!(o.plans_with_major_challenges().count(), 1);
    let a = &o.plans[0];
    assert_eq!((a.activities, a.good, a.good_percent()), (3, 2, Some(67)));
    assert_eq!(a.ratings[1].2, "Forvaltningerne taler ikke sammen.");
}

#[test]
fn a_period_without_plans_or_activities_has_no_share() {
    let plans = three_plans();
    let empty = overview(&plans, h2());
    assert_eq!((empty.plans.len(), empty.activities, empty.good_percent()), (0, 0, None));
    assert!(empty.challenges.is_empty());
    assert!(empty.ratings.iter().all(|r| r.unrated == 0 && r.levels.iter().all(|(_, n)| *n == 0)));
    let only_c: Vec<Strategiskabelon> = plans.into_iter().filter(|s| s.plan.id == "c").collect();
    let o = overview(&only_c, h1());
    assert_eq!((o.plans.len(), o.activities, o.good, o.good_percent()), (1, 0, 0, None));
    assert_eq!(o.plans[0].good_percent(), None);
}

#[test]
fn a_plan_counts_once_per_period_with_its_latest_copy() {
    let mut plans = three_plans();
    let mut newer = plans[0].clone();
    newer.apply(&Edit::ActivityProgress { id: "b1".into(), progress: Some("god".into()) }, "2027-06-25T10:00:00.000Z");
    newer.id = "b-again".into();
    plans.push(newer);
    let o = overview(&plans, h1());
    assert_eq!((o.plans.len(), o.activities, o.good), (3, 5, 3));
}

#[test]
fn the_share_rounds_half_up_like_the_source() {
    assert_eq!(aggregate::percent(255, 443), Some(58));
    assert_eq!(aggregate::percent(1, 8), Some(13), "12.5 rounds up");
    assert_eq!(aggregate::percent(1, 3), Some(33));
    assert_eq!(aggregate::percent(0, 5), Some(0));
    assert_eq!(aggregate::percent(5, 5), Some(100));
    assert_eq!(aggregate::percent(0, 0), None);
}

#[test]
fn periods_are_listed_newest_first() {
    let mut plans = three_plans();
    plans.push(skabelon("a", "Plan A", h2(), &[]));
    plans.push(skabelon("a", "Plan A", Period::half_year(2026, Half::Second), &[]));
    assert_eq!(aggregate::periods(&plans), [h2(), h1(), Period::half_year(2026, Half::Second)]);
}

// --- Comparing periods ----------------------------------------------------------------------------

#[test]
fn two_periods_of_a_plan_are_compared_activity_by_activity() {
    let before = skabelon(
        "a",
        "Plan A",
        h1(),
        &[
            ("a1", "Lektiecafé", &[], Some("nogen")),
            ("a2", "Pigeklub", &[], Some("god")),
            ("a3", "Syværksted", &[], Some("ingen")),
            ("a4", "Fodbold", &[], Some("nogen")),
            ("a5", "Kvindeklub", &[], Some("afsluttet")),
            ("a6", "Banko", &[], Some("god")),
        ],
    );
    let mut after = before.next_period("a-2027-h2".into(), NOW);
    let ids: Vec<&str> = after.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4", "a6"], "the ended one is not copied");
    for (id, progress) in [("a1", "god"), ("a2", "nogen"), ("a3", "ingen"), ("a6", "afsluttet")] {
        after.apply(&Edit::ActivityProgress { id: id.into(), progress: Some(progress.into()) }, NOW);
    }
    after.apply(&Edit::RemoveActivity { id: "a4".into() }, NOW);
    // Typed in anew: matched by its name, not its id.
    after.apply(&Edit::AddActivity { id: "x9".into() }, NOW);
    after.apply(&Edit::ActivityName { id: "x9".into(), name: "  fodbold ".into() }, NOW);
    after.apply(&Edit::ActivityProgress { id: "x9".into(), progress: Some("god".into()) }, NOW);
    after.apply(&Edit::AddActivity { id: "x10".into() }, NOW);
    after.apply(&Edit::ActivityName { id: "x10".into(), name: "Netværk for mødre".into() }, NOW);
    after.apply(&Edit::AddActivity { id: "x11".into() }, NOW);
    after.apply(&Edit::ActivityName { id: "x11".into(), name: "Lektiecafé".into() }, NOW);

    let comparison = compare_periods(&before, &after);
    let moves: Vec<(&str, Movement)> = comparison.changes.iter().map(|c| (c.name(), c.movement)).collect();
    assert_eq!(
        moves,
        [
            ("Lektiecafé", Movement::Up),
            ("Pigeklub", Movement::Down),
            ("Syværksted", Movement::Same),
            ("Banko", Movement::Ended),
            ("  fodbold ", Movement::Up),
            ("Netværk for mødre", Movement::New),
            ("Lektiecafé", Movement::New),
        ],
        "an id matches first; a name only among those left"
    );
    assert_eq!(comparison.count(Movement::Up), 2);
    let mut dropped = after.clone();
    dropped.apply(&Edit::RemoveActivity { id: "a3".into() }, NOW);
    dropped.apply(&Edit::ActivityProgress { id: "a1".into(), progress: None }, NOW);
    let comparison = compare_periods(&before, &dropped);
    assert_eq!(comparison.count(Movement::Dropped), 1);
    assert_eq!(comparison.count(Movement::NotAssessed), 1);
    assert!(comparison.changes.last().is_some_and(|c| c.name() == "Syværksted" && c.after.is_none()));
}

#[test]
fn this_period_is_compared_with_the_last_across_plans() {
    let mut plans = three_plans();
    let a_next = {
        let a = plans.iter().find(|s| s.plan.id == "a").unwrap();
        let mut next = a.next_period("a-h2".into(), NOW);
        next.apply(&Edit::ActivityProgress { id: "a3".into(), progress: Some("god".into()) }, NOW);
        next.apply(&Edit::ActivityProgress { id: "a1".into(), progress: Some("ingen".into()) }, NOW);
        next.apply(&Edit::ActivityProgress { id: "a2".into(), progress: Some("god".into()) }, NOW);
        next
    };
    plans.push(a_next);
    plans.push(skabelon("d", "Plan D", h2(), &[("d1", "Ny klub", &[], Some("nogen"))]));
    let t = trend(&plans, h1(), h2());
    assert_eq!((t.before.plans.len(), t.after.plans.len()), (3, 2));
    assert_eq!((t.after.activities, t.after.good), (4, 2));
    let names: Vec<(&str, bool)> = t.plans.iter().map(|p| (p.name(), p.comparison.is_some())).collect();
    assert_eq!(names, [("Plan A", true), ("Plan B", false), ("Plan C", false), ("Plan D", false)]);
    assert_eq!((t.count(Movement::Up), t.count(Movement::Down), t.count(Movement::Same)), (1, 1, 1));
}

// --- Fuzzing ------------------------------------------------------------------------------------

fn arbitrary_text() -> impl Strategy<Value = String> {
    "\\PC{0,30}"
}

fn ids_of<T>(list: &[T], id: impl Fn(&T) -> &'static str) -> Vec<&'static str> {
    list.iter().map(id).collect()
}

prop_compose! {
    fn arbitrary_skabelon()(
        id in "[a-z0-9][a-z0-9-]{0,20}",
        plan in "[a-z0-9][a-z0-9-]{0,20}",
        name in arbitrary_text(),
        year in 2000u16..=2100,
        half in prop::option::of(prop::bool::ANY),
        activities in prop::collection::vec(
            (
                arbitrary_text(),
                prop::collection::vec(prop::sample::select(ids_of(evaluation::scheme::scheme().target_groups, |g| g.id)), 0..3),
                prop::option::of(prop::sample::select(ids_of(evaluation::scheme::scheme().progress, |l| l.id))),
                prop::option::of(prop::sample::select(catalogue::current().items().map(|i| i.id).collect::<Vec<_>>())),
                arbitrary_text(),
            ),
            0..6,
        ),
        ratings in prop::collection::vec(
            (
                prop::sample::select(ids_of(evaluation::scheme::scheme().collaborations, |c| c.id)),
                prop::option::of(prop::sample::select(ids_of(evaluation::scheme::scheme().rating_levels, |l| l.id))),
                arbitrary_text(),
            ),
            0..3,
        ),
        challenges in prop::collection::vec(
            (prop::sample::select(ids_of(evaluation::scheme::scheme().challenges, |c| c.id)), arbitrary_text()),
            0..4,
        ),
    ) -> Strategiskabelon {
        let period = match half {
            Some(true) => Period::half_year(year, Half::First),
            Some(false) => Period::half_year(year, Half::Second),
            None => Period::whole_year(year),
        };
        let mut s = Strategiskabelon::new(
            Start { id, plan: Plan { id: plan, name, ..Plan::default() }, period },
            catalogue::current(),
            NOW,
        );
        for (n, (name, groups, progress, item, reason)) in activities.into_iter().enumerate() {
            let id = format!("a{n}");
            s.apply(&Edit::AddActivity { id: id.clone() }, NOW);
            s.apply(&Edit::ActivityName { id: id.clone(), name }, NOW);
            for group in groups {
                s.apply(&Edit::ActivityTargetGroup { id: id.clone(), group: group.into(), chosen: true }, NOW);
            }
            if let Some(item) = item {
                s.apply(&Edit::ActivityItem { id: id.clone(), item: item.into(), linked: true }, NOW);
            }
            s.apply(&Edit::ActivityProgress { id: id.clone(), progress: progress.map(Into::into) }, NOW);
            s.apply(&Edit::ActivityReason { id, reason }, NOW);
        }
        for (collaboration, level, comment) in ratings {
            s.apply(&Edit::RatingLevel { collaboration: collaboration.into(), level: level.map(Into::into) }, NOW);
            s.apply(&Edit::RatingComment { collaboration: collaboration.into(), comment }, NOW);
        }
        for (challenge, comment) in challenges {
            // "Andet" must say what it is, or the file is refused (tested on its own).
            let comment = if challenge == "andet" && comment.trim().is_empty() { format!("Andet{comment}") } else { comment };
            s.apply(&Edit::Challenge { id: challenge.into(), chosen: true }, NOW);
            s.apply(&Edit::ChallengeComment { id: challenge.into(), comment }, NOW);
        }
        s
    }
}

/// A small change to a valid file: a character replaced, a range cut out, or text inserted.
fn mutate(text: &str, at: usize, kind: u8, insert: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = at % chars.len().max(1);
    match kind % 3 {
        0 => chars[at] = insert.chars().next().unwrap_or('x'),
        1 => {
            let end = (at + insert.len() % 17 + 1).min(chars.len());
            chars.drain(at..end);
        }
        _ => {
            for (n, ch) in insert.chars().enumerate() {
                chars.insert(at + n, ch);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_back_the_same(list in prop::collection::vec(arbitrary_skabelon(), 1..4)) {
        let mut list = list;
        for (n, s) in list.iter_mut().enumerate() {
            s.id = format!("{}-{n}", s.id);
        }
        prop_assert_eq!(file::read_file(&file::export(&list, EXPORTED_AT)), Ok(list.clone()));
        for s in &list {
            prop_assert_eq!(file::decode_record(&file::encode_record(s)), Ok(s.clone()));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = file::read_file(&text);
        let _ = file::decode_record(&text);
        let gathering = gather(&[], &[text_file("x.json", text.into_owned())]);
        prop_assert_eq!(gathering.files.len(), 1);
    }

    #[test]
    fn a_mutated_file_is_refused_or_is_still_valid(s in arbitrary_skabelon(), at in any::<usize>(), kind in any::<u8>(),
        insert in prop::sample::select(vec!["\"", "{", "}", ",", "x", "\"god\"", "\"2027-H3\"", "null", "9", "[", "\"colour\": 1,", "é", "\"andet\": {\"comment\": \"\"},"])) {
        let mutated = mutate(&file::export(&[s], EXPORTED_AT), at, kind, insert);
        match file::read_file(&mutated) {
            Ok(read) => {
                for s in &read {
                    prop_assert!(file::validate(s, "s").is_ok(), "accepted but invalid: {:?}", s);
                }
                prop_assert_eq!(file::read_file(&file::export(&read, EXPORTED_AT)), Ok(read));
            }
            // Every refusal can be said in both languages.
            Err(error) => {
                prop_assert!(!evaluation::wording::file_error(&error, Lang::Da).is_empty());
                prop_assert!(!evaluation::wording::file_error(&error, Lang::En).is_empty());
            }
        }
    }

    #[test]
    fn the_overview_adds_up(list in prop::collection::vec(arbitrary_skabelon(), 0..6)) {
        let period = Period::half_year(2050, Half::First);
        let list: Vec<Strategiskabelon> = list.into_iter().map(|mut s| { s.period = period; s }).collect();
        let o = overview(&list, period);
        let levels: usize = o.progress.iter().map(|(_, n)| n).sum();
        prop_assert_eq!(levels + o.not_assessed, o.activities);
        prop_assert!(o.good <= o.activities);
        for ratings in &o.ratings {
            let rated: usize = ratings.levels.iter().map(|(_, n)| n).sum();
            prop_assert_eq!(rated + ratings.unrated, o.plans.len());
        }
        prop_assert_eq!(o.plans.iter().map(|r| r.activities).sum::<usize>(), o.activities);
        prop_assert!(o.challenges.iter().all(|c| c.plans >= 1 && c.plans <= o.plans.len()));
    }
}
