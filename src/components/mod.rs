//! Yew components that render a loaded bundle.
