//! One language's Snowball stemmer for the widget, with no JavaScript glue:
//! the caller writes a word's UTF-8 into [`word`]'s buffer, calls [`stem`] with
//! its length, and reads the stem back from the same buffer.
//!
//! The widget stems with these only words it would index: folded, at most
//! [`CAPACITY`] bytes (longer words stay as they are, in the widget too).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

use rust_stemmers::{Algorithm, Stemmer};

#[cfg(all(feature = "spanish", not(feature = "portuguese")))]
const ALGORITHM: Algorithm = Algorithm::Spanish;
#[cfg(all(feature = "portuguese", not(feature = "spanish")))]
const ALGORITHM: Algorithm = Algorithm::Portuguese;
#[cfg(not(any(feature = "spanish", feature = "portuguese")))]
compile_error!("build with one language's feature: --features spanish");

/// The longest word, in bytes, that is stemmed.
pub const CAPACITY: usize = 256;

static mut BUFFER: [u8; CAPACITY] = [0; CAPACITY];

/// Where the caller writes a word and reads its stem.
#[no_mangle]
pub extern "C" fn word() -> *mut u8 {
    std::ptr::addr_of_mut!(BUFFER).cast()
}

/// Stems the `len` bytes in the buffer in place and returns the stem's length;
/// a length beyond the buffer or bytes that are not UTF-8 come back unchanged.
#[no_mangle]
pub extern "C" fn stem(len: usize) -> usize {
    // SAFETY: wasm runs this module on one thread, and the caller does not
    // touch the buffer while this runs.
    let buffer = unsafe { &mut *std::ptr::addr_of_mut!(BUFFER) };
    ALLOCATOR.used.set(0);
    let Some(Ok(word)) = buffer.get(..len).map(std::str::from_utf8) else { return len };
    let stem = Stemmer::create(ALGORITHM).stem(word).into_owned();
    // Snowball's Spanish and Portuguese rules only shorten a word; a stem that
    // did not fit would leave the word as it is.
    match buffer.get_mut(..stem.len()) {
        Some(out) => {
            out.copy_from_slice(stem.as_bytes());
            stem.len()
        }
        None => len,
    }
}

/// Stemming one word allocates a few hundred bytes that are all dropped before
/// [`stem`] returns, so a bump allocator over a fixed arena, emptied at each
/// call, is enough: a general allocator would be most of this module's size.
/// Running out traps, and the widget then keeps the word as it is.
struct Arena {
    bytes: std::cell::UnsafeCell<[u8; ARENA]>,
    used: Cell<usize>,
}

const ARENA: usize = 64 * 1024;

// SAFETY: wasm runs this module on one thread.
unsafe impl Sync for Arena {}

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let base = self.bytes.get().cast::<u8>();
        let start = (base as usize + self.used.get()).next_multiple_of(layout.align()) - base as usize;
        match start.checked_add(layout.size()) {
            Some(end) if end <= ARENA => {
                self.used.set(end);
                base.add(start)
            }
            _ => std::ptr::null_mut(),
        }
    }

    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}

#[global_allocator]
static ALLOCATOR: Arena = Arena { bytes: std::cell::UnsafeCell::new([0; ARENA]), used: Cell::new(0) };
