//! The source documents the catalogues quote: `../shared/` beside the repository, as in CI, or
//! wherever `HELHEDSPLAN_SHARED` says. They are not part of the repository, so a clone of it
//! alone does not have them. Then the checks against them are skipped, and say so plainly; in
//! CI (`CI=true`) they are required, and a missing source fails the test.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::sync::Once;

fn shared_dir() -> PathBuf {
    std::env::var_os("HELHEDSPLAN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true")
}

/// Where the sources are; None (after saying so, once) when they are absent outside CI.
pub fn dir() -> Option<PathBuf> {
    let dir = shared_dir();
    if dir.is_dir() {
        return Some(dir);
    }
    if in_ci() {
        panic!("{} must be readable in CI: the source documents the catalogues quote", dir.display());
    }
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        // Straight to stderr: the test harness would swallow `eprintln!` of a passing test.
        let _ = writeln!(
            std::io::stderr(),
            "\nnote: {} is not there, so the checks of quoted texts against their sources are \
             SKIPPED.\n      To run them, put the shared sources at ../shared beside the repository \
             (or set HELHEDSPLAN_SHARED) and run `cargo test --test catalogue --test evaluation_scheme`.\n",
            dir.display()
        );
    });
    None
}

/// A file of the sources (`catalogue-map.md`, `seeds/…`); None when the sources are absent
/// outside CI. Once the sources are there, every file named must be readable.
pub fn read(relative: &str) -> Option<String> {
    let path = dir()?.join(relative);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} must be readable: {e}", path.display())))
}
