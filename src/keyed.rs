//! String-keyed maps and sets: the search index's maps, the search's marks by
//! section, the open sections, the words to mark, the ids seen by validation.
//!
//! Every distinct `HashMap<K, V>` (a `HashSet<K>` is a `HashMap<K, ()>`) links
//! its own copy of the hash table's code into the wasm, 1.5–3 KB apiece:
//! growing, probing, dropping. The widget keeps one table type,
//! `HashMap<String, u32>`, for all of them: a map's values stand in a plain
//! vector beside it, and a set ignores the numbers.

// The one place the std hash map is named: every map and set of the widget is this one type.
#![allow(clippy::disallowed_types)]

use std::collections::HashMap;

/// Values under string keys, each also reachable by the slot it was given.
pub struct Keyed<V> {
    slots: HashMap<String, u32>,
    values: Vec<V>,
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed { slots: HashMap::new(), values: Vec::new() }
    }
}

impl<V> Keyed<V> {
    /// The slot of `key`, adding it with `new()` if it is not there yet. Slots
    /// are numbered from 0 in the order keys were first added.
    pub fn slot(&mut self, key: &str, new: impl FnOnce() -> V) -> u32 {
        match self.slots.get(key) {
            Some(&slot) => slot,
            None => self.push(key.to_owned(), new()),
        }
    }

    /// Adds a key that is not there yet.
    fn push(&mut self, key: String, value: V) -> u32 {
        let slot = self.values.len() as u32;
        self.slots.insert(key, slot);
        self.values.push(value);
        slot
    }

    /// The slot of `key`, if it is there.
    pub fn slot_of(&self, key: &str) -> Option<u32> {
        self.slots.get(key).copied()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.slot_of(key).map(|slot| &self.values[slot as usize])
    }

    /// The value in `slot`.
    pub fn at(&self, slot: u32) -> &V {
        &self.values[slot as usize]
    }

    /// The value in `slot`, to change.
    pub fn at_mut(&mut self, slot: u32) -> &mut V {
        &mut self.values[slot as usize]
    }
}

impl<V> FromIterator<(String, V)> for Keyed<V> {
    /// A key given twice keeps its first value.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut map = Keyed::default();
        for (key, value) in pairs {
            if !map.slots.contains_key(&key) {
                map.push(key, value);
            }
        }
        map
    }
}

impl<V: Default> Keyed<V> {
    /// The value of `key`, added as `V::default()` if it is not there yet.
    pub fn entry(&mut self, key: &str) -> &mut V {
        let slot = self.slot(key, V::default);
        self.at_mut(slot)
    }
}

/// A set of strings, on the same table type as [`Keyed`].
#[derive(Clone, Debug, Default)]
pub struct Strings(HashMap<String, u32>);

impl Strings {
    /// Whether `s` was not in the set yet.
    pub fn insert(&mut self, s: String) -> bool {
        self.0.insert(s, 0).is_none()
    }

    /// Whether `s` was in the set.
    pub fn remove(&mut self, s: &str) -> bool {
        self.0.remove(s).is_some()
    }

    /// Whether `s` is in the set.
    pub fn contains(&self, s: &str) -> bool {
        self.0.contains_key(s)
    }

    /// How many strings the set holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every string.
    pub fn clear(&mut self) {
        self.0.clear()
    }

    /// In no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|s| other.contains(s))
    }
}

impl Eq for Strings {}

impl Extend<String> for Strings {
    fn extend<I: IntoIterator<Item = String>>(&mut self, strings: I) {
        for s in strings {
            self.insert(s);
        }
    }
}

impl FromIterator<String> for Strings {
    fn from_iter<I: IntoIterator<Item = String>>(strings: I) -> Self {
        let mut set = Strings::default();
        set.extend(strings);
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_count_up_in_the_order_keys_arrive() {
        let mut m: Keyed<Vec<u32>> = Keyed::default();
        m.entry("b").push(1);
        m.entry("a").push(2);
        m.entry("b").push(3);
        assert_eq!((m.slot_of("b"), m.slot_of("a"), m.slot_of("c")), (Some(0), Some(1), None));
        assert_eq!(m.get("b"), Some(&vec![1, 3]));
        assert_eq!(m.at(1), &vec![2]);
        let m: Keyed<u8> = [("x".to_owned(), 1), ("y".to_owned(), 2), ("x".to_owned(), 3)].into_iter().collect();
        assert_eq!((m.get("x"), m.get("y")), (Some(&1), Some(&2)));
    }

    #[test]
    fn a_set_of_strings_compares_by_members_in_any_order() {
        let mut a: Strings = ["x".to_owned(), "y".to_owned()].into_iter().collect();
        let b: Strings = ["y".to_owned(), "x".to_owned(), "y".to_owned()].into_iter().collect();
        assert_eq!(a, b);
        assert_eq!(b.len(), 2);
        assert!(!a.insert("x".to_owned()) && a.insert("z".to_owned()));
        assert_ne!(a, b);
        assert!(a.remove("z") && !a.remove("z") && a.contains("x") && !a.contains("z"));
        assert_eq!(a, b);
        a.clear();
        assert!(a.is_empty() && a.iter().next().is_none());
    }
}
