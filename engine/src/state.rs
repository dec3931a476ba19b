//! Host state that ops share: one value per Rust type, owned by the realm.

use std::any::{Any, TypeId};
use std::collections::HashMap;

/// A map from a type to the one value of that type the realm holds (the loop handle,
/// the exit request, open resources…). Modules put their state here at start-up.
#[derive(Default)]
pub struct OpState {
    slots: HashMap<TypeId, Box<dyn Any>>,
}

impl OpState {
    /// Stores `value`, replacing any earlier value of the same type.
    pub fn put<T: 'static>(&mut self, value: T) {
        self.slots.insert(TypeId::of::<T>(), Box::new(value));
    }

    /// The stored value of type `T`, if any.
    pub fn get<T: 'static>(&self) -> Option<&T> {
        self.slots.get(&TypeId::of::<T>()).and_then(|b| b.downcast_ref())
    }

    /// The stored value of type `T`, mutably, if any.
    pub fn get_mut<T: 'static>(&mut self) -> Option<&mut T> {
        self.slots.get_mut(&TypeId::of::<T>()).and_then(|b| b.downcast_mut())
    }

    /// The stored value of type `T`, created with `Default` on first use.
    pub fn get_or_default<T: Default + 'static>(&mut self) -> &mut T {
        self.slots
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()))
            .downcast_mut()
            .expect("slot holds its own type")
    }
}
