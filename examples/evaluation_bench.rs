//! Times the kommune's side of the evaluation natively on the scale: 40 plans' files of
//! 60 activities each are gathered (parsed, migrated, read strictly and validated, one file at
//! a time), and the overview across plans is counted and rendered as the summary document with
//! its charts. `scripts/bench` can run it: `cargo run --release --example evaluation_bench`.
//! The figures are the median of several runs; the browser adds its own overhead on top.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::{Duration, Instant};

    use helhedsplan_tjek::domain::catalogue;
    use helhedsplan_tjek::domain::evaluation::aggregate::{overview, trend};
    use helhedsplan_tjek::domain::evaluation::file::{export, gather};
    use helhedsplan_tjek::domain::evaluation::scheme::scheme;
    use helhedsplan_tjek::domain::evaluation::{Edit, Half, Period, Plan, Start, Strategiskabelon};
    use helhedsplan_tjek::domain::exchange::ImportFile;
    use helhedsplan_tjek::domain::i18n::Lang;
    use helhedsplan_tjek::render::evaluation::{summary, Level};
    use helhedsplan_tjek::render::report::standalone;

    const PLANS: usize = 40;
    const ACTIVITIES: usize = 60;
    const RUNS: usize = 11;
    const NOW: &str = "2027-06-20T10:00:00.000Z";

    let lists = scheme();
    let items: Vec<&str> = catalogue::current().items().map(|i| i.id).collect();
    let plan = |n: usize, period: Period| -> Strategiskabelon {
        let start = Start {
            id: format!("plan-{n}-{}", period.key().to_ascii_lowercase()),
            plan: Plan { id: format!("plan-{n}"), name: format!("Helhedsplan nr. {n}"), ..Plan::default() },
            period,
        };
        let mut s = Strategiskabelon::new(start, catalogue::current(), NOW);
        for a in 0..ACTIVITIES {
            let id = format!("a{a}");
            s.apply(&Edit::AddActivity { id: id.clone() }, NOW);
            s.apply(&Edit::ActivityName { id: id.clone(), name: format!("Aktivitet {a} med et sigende navn") }, NOW);
            let group = lists.target_groups[(n + a) % lists.target_groups.len()].id;
            s.apply(&Edit::ActivityTargetGroup { id: id.clone(), group: group.into(), chosen: true }, NOW);
            s.apply(&Edit::ActivityItem { id: id.clone(), item: items[a % items.len()].into(), linked: true }, NOW);
            let progress = lists.progress[(n * 7 + a) % lists.progress.len()].id;
            s.apply(&Edit::ActivityProgress { id: id.clone(), progress: Some(progress.into()) }, NOW);
            s.apply(
                &Edit::ActivityReason { id, reason: "Deltagerne kommer hver uge, og frivillige hjælper til.".into() },
                NOW,
            );
        }
        for (c, collaboration) in lists.collaborations.iter().enumerate() {
            let level = lists.rating_levels[(n + c) % lists.rating_levels.len()].id;
            s.apply(&Edit::RatingLevel { collaboration: collaboration.id.into(), level: Some(level.into()) }, NOW);
            s.apply(
                &Edit::RatingComment { collaboration: collaboration.id.into(), comment: "Møder hver måned.".into() },
                NOW,
            );
        }
        let challenge = lists.challenges[n % lists.challenges.len()].id;
        s.apply(&Edit::Challenge { id: challenge.into(), chosen: true }, NOW);
        s.apply(&Edit::ChallengeComment { id: challenge.into(), comment: "Det er svært.".into() }, NOW);
        s
    };
    let (before, after) = (Period::half_year(2027, Half::First), Period::half_year(2027, Half::Second));
    let files: Vec<ImportFile> = (0..PLANS)
        .map(|n| ImportFile::Text { name: format!("plan-{n}.json"), text: export(&[plan(n, after)], NOW) })
        .collect();
    let earlier: Vec<Strategiskabelon> = (0..PLANS).map(|n| plan(n, before)).collect();
    let bytes: usize = files.iter().map(|f| if let ImportFile::Text { text, .. } = f { text.len() } else { 0 }).sum();

    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    let (mut import_times, mut render_times, mut html_len) = (Vec::new(), Vec::new(), 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let gathering = gather(&earlier, &files);
        import_times.push(start.elapsed());
        assert_eq!(gathering.counts(), (PLANS, 0));

        let start = Instant::now();
        let o = overview(&gathering.gathered, after);
        let t = trend(&gathering.gathered, before, after);
        let body = summary(&o, Some(&t), "2027-12-31", Lang::Da, Level::Page);
        let file = standalone(&body, "", "Evaluering", "Evaluering", Lang::Da);
        render_times.push(start.elapsed());
        assert_eq!(o.activities, PLANS * ACTIVITIES);
        html_len = file.len();
    }
    let (import, render) = (median(import_times), median(render_times));
    println!(
        "Evaluation, {PLANS} plans × {ACTIVITIES} activities ({} KB of files), median of {RUNS} runs:",
        bytes / 1024
    );
    println!("  import (parse, migrate, read strictly, validate, gather): {:.1} ms", import.as_secs_f64() * 1000.0);
    println!(
        "  overview, comparison with the last period and the summary document ({} KB): {:.1} ms",
        html_len / 1024,
        render.as_secs_f64() * 1000.0
    );
    println!("  together: {:.1} ms (budget in the browser: 500 ms)", (import + render).as_secs_f64() * 1000.0);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
