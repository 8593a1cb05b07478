//! The plan read for each assessment (`PlanScan`), kept in IndexedDB. Each is read from there
//! once and cached; a plan read or removed here updates the cache directly, so whatever shows
//! it follows without reading IndexedDB again.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::plan_store;
use crate::scan::PlanScan;

/// What is known of an assessment's plan.
#[derive(Clone, Debug)]
pub enum PlanState {
    /// Being read from IndexedDB.
    Loading,
    /// No plan was given (or it could not be read back).
    None,
    Read(Arc<PlanScan>),
}

impl PlanState {
    pub fn scan(&self) -> Option<&Arc<PlanScan>> {
        match self {
            PlanState::Read(scan) => Some(scan),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Plans {
    cache: RwSignal<HashMap<String, PlanState>>,
}

impl Plans {
    pub fn new() -> Plans {
        Plans { cache: RwSignal::new(HashMap::new()) }
    }

    /// The plan of this assessment (tracked). The first call reads it from IndexedDB.
    pub fn plan(&self, id: &str) -> Signal<PlanState> {
        let cache = self.cache;
        let known = cache.with_untracked(|cache| cache.contains_key(id));
        if !known {
            cache.update(|cache| {
                cache.insert(id.to_owned(), PlanState::Loading);
            });
            let id = id.to_owned();
            leptos::task::spawn_local(async move {
                let state = match plan_store::load(&id).await {
                    Ok(Some(scan)) => PlanState::Read(Arc::new(scan)),
                    _ => PlanState::None,
                };
                // A plan kept or removed while this read was under way is newer: keep that.
                cache.update(|cache| {
                    if matches!(cache.get(&id), Some(PlanState::Loading)) {
                        cache.insert(id, state);
                    }
                });
            });
        }
        let id = id.to_owned();
        Signal::derive(move || cache.with(|cache| cache.get(&id).cloned().unwrap_or(PlanState::Loading)))
    }

    /// Keeps `scan` as this assessment's plan. The plan is shown even when IndexedDB refused
    /// it; the error says that it will not be there after a reload.
    pub async fn keep(&self, id: &str, scan: PlanScan) -> Result<(), String> {
        let saved = plan_store::save(id, &scan).await;
        self.cache.update(|cache| {
            cache.insert(id.to_owned(), PlanState::Read(Arc::new(scan)));
        });
        saved
    }

    /// Forgets this assessment's plan.
    pub async fn remove(&self, id: &str) -> Result<(), String> {
        plan_store::remove(id).await?;
        self.cache.update(|cache| {
            cache.insert(id.to_owned(), PlanState::None);
        });
        Ok(())
    }

    /// Forgets every plan ("Slet alle mine data").
    pub async fn remove_all(&self) -> Result<(), String> {
        let removed = plan_store::remove_all().await;
        // Read them again on demand: if removing failed, what is still there shows again.
        self.cache.update(HashMap::clear);
        removed
    }
}

impl Default for Plans {
    fn default() -> Self {
        Plans::new()
    }
}
