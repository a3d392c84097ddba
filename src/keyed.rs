//! Values by string key: the search index's maps, the search's marks by section.
//!
//! Every distinct `HashMap<K, V>` links its own copy of the hash table's code
//! into the wasm (about 1.5 KB apiece: growing, probing, dropping). The widget
//! keeps one table type, `HashMap<String, u32>`, for its string-keyed maps, and
//! each map's values in a plain vector beside it.

use std::collections::HashMap;

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
        if let Some(&slot) = self.slots.get(key) {
            return slot;
        }
        let slot = self.values.len() as u32;
        self.slots.insert(key.to_owned(), slot);
        self.values.push(new());
        slot
    }

    pub fn slot_of(&self, key: &str) -> Option<u32> {
        self.slots.get(key).copied()
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.slot_of(key).map(|slot| &self.values[slot as usize])
    }

    pub fn at(&self, slot: u32) -> &V {
        &self.values[slot as usize]
    }

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
                map.slots.insert(key, map.values.len() as u32);
                map.values.push(value);
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
}
