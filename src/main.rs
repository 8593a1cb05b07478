#[cfg(target_arch = "wasm32")]
fn main() {
    // First, so that a panic anywhere after this is said in the page, not only in the console.
    helhedsplan_tjek::browser::crash::install();
    helhedsplan_tjek::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Helhedsplan-tjek runs in the browser: start it with scripts/run.");
}
