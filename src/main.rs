#[cfg(target_arch = "wasm32")]
fn main() {
    helhedsplan_tjek::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Helhedsplan-tjek runs in the browser: start it with scripts/run.");
}
