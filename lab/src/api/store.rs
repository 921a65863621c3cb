//! The in-memory object store: every API object as JSON, one global resourceVersion, and an
//! event history so that watches can resume from any recent resourceVersion like etcd's.

use serde_json::Value;
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// Key of one object: (resource plural, namespace or "", name).
pub type Key = (String, String, String);

/// One change, as a watch sends it.
#[derive(Clone, Debug)]
pub struct Event {
    pub resource: String,
    pub kind: &'static str,
    pub rv: u64,
    pub object: Value,
}

/// How many past events a watch can resume from; older resourceVersions get 410 Gone.
const HISTORY: usize = 20_000;

struct Inner {
    objects: BTreeMap<Key, Value>,
    rv: u64,
    history: VecDeque<Event>,
}

/// Shared handle to the store.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Mutex<Inner>>,
    tx: broadcast::Sender<Event>,
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

impl Store {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(65_536);
        Store {
            inner: Arc::new(Mutex::new(Inner {
                objects: BTreeMap::new(),
                rv: 1,
                history: VecDeque::new(),
            })),
            tx,
        }
    }

    pub fn current_rv(&self) -> u64 {
        self.inner.lock().unwrap().rv
    }

    pub fn get(&self, resource: &str, ns: &str, name: &str) -> Option<Value> {
        let inner = self.inner.lock().unwrap();
        inner
            .objects
            .get(&(resource.to_string(), ns.to_string(), name.to_string()))
            .cloned()
    }

    /// All objects of a resource, in one namespace or (ns = None) in all; with the rv of the list.
    pub fn list(&self, resource: &str, ns: Option<&str>) -> (Vec<Value>, u64) {
        let inner = self.inner.lock().unwrap();
        let items = inner
            .objects
            .iter()
            .filter(|((r, n, _), _)| r == resource && ns.is_none_or(|ns| ns == n))
            .map(|(_, v)| v.clone())
            .collect();
        (items, inner.rv)
    }

    /// Inserts a new object; fails (returns the existing one) if the key is taken.
    pub fn create(&self, resource: &str, mut obj: Value) -> Result<Value, Value> {
        let mut inner = self.inner.lock().unwrap();
        let key = key_of(resource, &obj);
        if let Some(existing) = inner.objects.get(&key) {
            return Err(existing.clone());
        }
        inner.rv += 1;
        let rv = inner.rv;
        obj["metadata"]["resourceVersion"] = Value::String(rv.to_string());
        inner.objects.insert(key, obj.clone());
        self.record(&mut inner, resource, "ADDED", rv, obj.clone());
        Ok(obj)
    }

    /// Replaces an object through `f` (read-modify-write under the lock). None if absent.
    pub fn update(
        &self,
        resource: &str,
        ns: &str,
        name: &str,
        f: impl FnOnce(&mut Value),
    ) -> Option<Value> {
        let mut inner = self.inner.lock().unwrap();
        let key = (resource.to_string(), ns.to_string(), name.to_string());
        let mut obj = inner.objects.get(&key)?.clone();
        let before = obj.clone();
        f(&mut obj);
        if obj == before {
            return Some(obj);
        }
        inner.rv += 1;
        let rv = inner.rv;
        obj["metadata"]["resourceVersion"] = Value::String(rv.to_string());
        inner.objects.insert(key, obj.clone());
        self.record(&mut inner, resource, "MODIFIED", rv, obj.clone());
        Some(obj)
    }

    /// Removes an object for good and tells the watchers.
    pub fn remove(&self, resource: &str, ns: &str, name: &str) -> Option<Value> {
        let mut inner = self.inner.lock().unwrap();
        let key = (resource.to_string(), ns.to_string(), name.to_string());
        let mut obj = inner.objects.remove(&key)?;
        inner.rv += 1;
        let rv = inner.rv;
        obj["metadata"]["resourceVersion"] = Value::String(rv.to_string());
        self.record(&mut inner, resource, "DELETED", rv, obj.clone());
        Some(obj)
    }

    fn record(
        &self,
        inner: &mut Inner,
        resource: &str,
        kind: &'static str,
        rv: u64,
        object: Value,
    ) {
        let ev = Event {
            resource: resource.to_string(),
            kind,
            rv,
            object,
        };
        inner.history.push_back(ev.clone());
        if inner.history.len() > HISTORY {
            inner.history.pop_front();
        }
        let _ = self.tx.send(ev);
    }

    /// Starts a watch from `since`: the past events after it (None if it is too old to
    /// resume), and a receiver for what follows. Both are taken under the lock, so no event
    /// is lost or sent twice.
    pub fn watch_from(&self, since: u64) -> (Option<Vec<Event>>, broadcast::Receiver<Event>) {
        let inner = self.inner.lock().unwrap();
        let rx = self.tx.subscribe();
        let oldest = inner.history.front().map(|e| e.rv).unwrap_or(inner.rv + 1);
        if since + 1 < oldest && since < inner.rv && inner.history.len() >= HISTORY {
            return (None, rx);
        }
        let past = inner
            .history
            .iter()
            .filter(|e| e.rv > since)
            .cloned()
            .collect();
        (Some(past), rx)
    }

    /// A receiver of all events from now on (the node agent uses it).
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}

pub fn key_of(resource: &str, obj: &Value) -> Key {
    let m = &obj["metadata"];
    (
        resource.to_string(),
        m["namespace"].as_str().unwrap_or("").to_string(),
        m["name"].as_str().unwrap_or("").to_string(),
    )
}
