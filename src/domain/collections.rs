//! Small sorted collections keyed by text, and a small stable sort.
//!
//! An assessment holds a handful of entries per map, so sorted vectors are as fast as B-trees
//! here, and they cost about 20 KB less WebAssembly than `BTreeMap`, `BTreeSet` and the standard
//! library's sort (measured with scripts/bench). Iteration is in key order, which keeps the
//! stored JSON stable.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;

/// Sorts stably by insertion: right for the short lists of this app, and tiny in WebAssembly.
pub fn stable_sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A map from text keys to values, kept in key order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for TextMap<V> {
    fn default() -> Self {
        TextMap { entries: Vec::new() }
    }
}

impl<V> TextMap<V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.entries[at].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Inserts or replaces; returns the value that was there.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|at| self.entries.remove(at).1)
    }

    /// The value at `key`, inserted with `V::default()` first if absent.
    pub fn get_or_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let at = match self.find(key) {
            Ok(at) => at,
            Err(at) => {
                self.entries.insert(at, (key.to_owned(), V::default()));
                at
            }
        };
        &mut self.entries[at].1
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a, V> IntoIterator for &'a TextMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V> FromIterator<(String, V)> for TextMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = TextMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// A set of text values, kept in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSet {
    items: Vec<String>,
}

impl TextSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn contains(&self, value: &str) -> bool {
        self.items.binary_search_by(|v| v.as_str().cmp(value)).is_ok()
    }

    pub fn insert(&mut self, value: String) -> bool {
        match self.items.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, value);
                true
            }
        }
    }

    pub fn remove(&mut self, value: &str) -> bool {
        match self.items.binary_search_by(|v| v.as_str().cmp(value)) {
            Ok(at) => {
                self.items.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl FromIterator<String> for TextSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut set = TextSet::new();
        for value in iter {
            set.insert(value);
        }
        set
    }
}

// --- JSON form: a map is an object and a set a list, both written in key order, so the
// stored text is the same whatever order the edits came in.

/// What a refused repeat "expected". `file_format` recognises it and reports the repeated key or
/// element by name (`ProblemKind::Repeated`), which serde's error vocabulary has no word for.
pub(crate) const EACH_ONCE: &str = "each key or element once";

fn repeated<E: de::Error>(value: &str) -> E {
    E::invalid_value(Unexpected::Str(value), &EACH_ONCE)
}

impl<V: Serialize> Serialize for TextMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for TextMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = TextMap<V>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = TextMap::new();
                while let Some((key, value)) = access.next_entry::<String, V>()? {
                    if map.contains_key(&key) {
                        return Err(repeated(&key));
                    }
                    map.insert(key, value);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

impl Serialize for TextSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for TextSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SetVisitor;

        impl<'de> Visitor<'de> for SetVisitor {
            type Value = TextSet;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a list of texts")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut set = TextSet::new();
                while let Some(item) = access.next_element::<String>()? {
                    // A repeat is refused rather than merged: a file that says a thing twice
                    // was not written by this app.
                    if set.contains(&item) {
                        return Err(repeated(&item));
                    }
                    set.insert(item);
                }
                Ok(set)
            }
        }

        deserializer.deserialize_seq(SetVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sort_is_stable_and_ordered() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        stable_sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn maps_keep_key_order() {
        let mut map = TextMap::new();
        map.insert("b".to_owned(), 2);
        map.insert("a".to_owned(), 1);
        assert_eq!(map.insert("b".to_owned(), 3), Some(2));
        assert_eq!(map.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), [("a", 1), ("b", 3)]);
        *map.get_or_default("c") += 5;
        assert_eq!(map.get("c"), Some(&5));
        assert_eq!(map.remove("a"), Some(1));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["b", "c"]);
    }

    #[test]
    fn sets_keep_order_and_refuse_repeats() {
        let mut set: TextSet = ["z".to_owned(), "a".to_owned()].into_iter().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), ["a", "z"]);
        assert!(!set.insert("a".to_owned()));
        assert!(set.contains("z") && !set.contains("m"));
    }
}
