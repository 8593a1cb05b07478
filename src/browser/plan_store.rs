//! The plans users gave the tool, read and ranked (`PlanScan`), one per assessment, in the
//! browser's IndexedDB: a 100-page plan would crowd local storage and slow every save there.
//! Nothing here leaves the browser.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

use crate::scan::PlanScan;

const DATABASE: &str = "helhedsplan-tjek";
const PLANS: &str = "plans";

fn describe(error: idb::Error) -> String {
    error.to_string()
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(describe)?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(describe)?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            // Keys are the assessments' ids; values are the scans as JSON text.
            let _ = database.create_object_store(PLANS, ObjectStoreParams::new());
        }
    });
    request.await.map_err(describe)
}

/// The plan kept for this assessment, if any.
pub async fn load(assessment_id: &str) -> Result<Option<PlanScan>, String> {
    let database = open().await?;
    let transaction = database.transaction(&[PLANS], TransactionMode::ReadOnly).map_err(describe)?;
    let store = transaction.object_store(PLANS).map_err(describe)?;
    let value = store.get(JsValue::from_str(assessment_id)).map_err(describe)?.await.map_err(describe)?;
    database.close();
    match value.and_then(|v| v.as_string()) {
        Some(text) => serde_json::from_str(&text).map(Some).map_err(|error| error.to_string()),
        None => Ok(None),
    }
}

/// Keeps `scan` as this assessment's plan, replacing any earlier one.
pub async fn save(assessment_id: &str, scan: &PlanScan) -> Result<(), String> {
    let text = serde_json::to_string(scan).map_err(|error| error.to_string())?;
    let database = open().await?;
    let transaction = database.transaction(&[PLANS], TransactionMode::ReadWrite).map_err(describe)?;
    let store = transaction.object_store(PLANS).map_err(describe)?;
    store
        .put(&JsValue::from_str(&text), Some(&JsValue::from_str(assessment_id)))
        .map_err(describe)?
        .await
        .map_err(describe)?;
    transaction.commit().map_err(describe)?.await.map_err(describe)?;
    database.close();
    Ok(())
}

/// Forgets this assessment's plan.
pub async fn remove(assessment_id: &str) -> Result<(), String> {
    let database = open().await?;
    let transaction = database.transaction(&[PLANS], TransactionMode::ReadWrite).map_err(describe)?;
    let store = transaction.object_store(PLANS).map_err(describe)?;
    store.delete(JsValue::from_str(assessment_id)).map_err(describe)?.await.map_err(describe)?;
    transaction.commit().map_err(describe)?.await.map_err(describe)?;
    database.close();
    Ok(())
}

/// Forgets every plan ("Slet alle mine data").
pub async fn remove_all() -> Result<(), String> {
    let factory = Factory::new().map_err(describe)?;
    factory.delete(DATABASE).map_err(describe)?.await.map_err(describe)
}
