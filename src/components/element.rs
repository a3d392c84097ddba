//! Elements built without the `html!` macro, where the macro would cost more.
//!
//! `html!` makes an element's attributes a fixed list of keys whose values may
//! be absent, and Yew compares them value by value between renders. Two of its
//! shortcuts weigh on the wasm here: a computed `class` always goes through
//! Yew's `Classes` set (an `IndexSet`, whose code would ship for a handful of
//! call sites), and `hidden` only takes a boolean (a closed panel needs
//! `hidden="until-found"`). This builds the same fixed list by hand.

use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};
use yew::{AttrValue, Html};

/// `<tag keys[0]=values[0] …>child</tag>`, leaving out each absent value.
/// Attributes are written in the order of `keys`.
pub fn element<const N: usize>(
    tag: impl Into<AttrValue>,
    keys: &'static [&'static str; N],
    values: [Option<AttrValue>; N],
    child: Html,
) -> Html {
    let mut element = VTag::new(tag);
    element.set_attributes(Attributes::Dynamic {
        keys,
        values: Box::new(values.map(|v| v.map(AttributeOrProperty::Attribute))),
    });
    element.add_child(child);
    element.into()
}
