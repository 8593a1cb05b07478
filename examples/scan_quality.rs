//! Prints the ranking's quality on the test plans in `tests/plans/`: per plan, the addressed
//! items, hit@3, the unaddressed items with a strong hit, and for each item where its right
//! section ranks. `scripts/bench` runs it: `cargo run --release --example scan_quality`.
//! `--passages` also prints every item's hits.

// Native only: the plans are read from the source tree.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/plans/harness.rs"]
mod harness;

#[cfg(not(target_arch = "wasm32"))]
mod quality {
    use super::harness;

    use helhedsplan_tjek::domain::catalogue;

    /// About 60 pages: the test plans four times over, their headings prefixed with the copy's
    /// number. Only for timing.
    fn long_plan() -> helhedsplan_tjek::scan::PlanText {
        let mut blocks = Vec::new();
        for copy in 1..=4 {
            for name in harness::PLANS {
                let text = std::fs::read_to_string(harness::plans_dir().join(format!("{name}.txt"))).unwrap();
                for mut block in harness::read_plan(&text).blocks {
                    if block.heading.is_some() {
                        block.text = format!("{copy}.{}", block.text);
                    } else if copy > 1 {
                        // Every fourth word changed, so that the copies are different passages and
                        // the vocabulary grows as a real plan's would.
                        let words: Vec<String> = block
                            .text
                            .split_whitespace()
                            .enumerate()
                            .map(|(n, w)| if n % 4 == 0 { format!("{w}{}", "xyz".repeat(copy)) } else { w.to_owned() })
                            .collect();
                        block.text = words.join(" ");
                    }
                    blocks.push(block);
                }
            }
        }
        helhedsplan_tjek::scan::PlanText { blocks }
    }

    pub fn main() {
        let catalogue = catalogue::current();
        let verbose = std::env::args().any(|a| a == "--passages");
        println!(
            "Ranking quality on the test plans (tests/plans/): hit@3 must be at least {:.2}, strong hits on unaddressed items 0.",
            harness::MIN_HIT_AT_3
        );
        for name in harness::all() {
            let started = std::time::Instant::now();
            let (quality, scan) = harness::measure(catalogue, name);
            let elapsed = started.elapsed();
            println!();
            print!("{}", harness::report(&quality));
            println!("  (read, scanned and measured in {} ms)", elapsed.as_millis());
            if verbose {
                for (item, findings) in catalogue.items().zip(&scan.findings) {
                    println!("  {} {}", item.code, item.id);
                    for hit in &findings.hits {
                        let passage = &scan.passages[hit.passage as usize];
                        println!(
                            "      {:.2} {:?} {} {:?}",
                            hit.score,
                            hit.strength,
                            passage.path.join(" › "),
                            hit.words
                        );
                    }
                    for (element, hit) in &findings.elements {
                        let place = hit.as_ref().map_or("-".to_owned(), |hit| {
                            let passage = &scan.passages[hit.passage as usize];
                            format!("{:.2} {} {:?}", hit.score, passage.path.join(" › "), hit.words)
                        });
                        println!("      element {element}: {place}");
                    }
                }
            }
        }
        let plan = long_plan();
        let words: usize = plan.blocks.iter().map(|b| b.text.split_whitespace().count()).sum();
        let started = std::time::Instant::now();
        let scan = helhedsplan_tjek::scan::scan(catalogue, "long.txt", &plan);
        println!();
        println!(
            "A plan of {words} words (about {} pages), {} passages: cut and ranked natively in {} ms.",
            words / 450,
            scan.passages.len(),
            started.elapsed().as_millis()
        );
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    quality::main();
}
