//! The widget's styles, as constructable stylesheets adopted by the shadow
//! root: allowed by a strict CSP without `'unsafe-inline'`, and shared by every
//! widget on the page (parsed once).

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::bundle::config::Theme;
use crate::components::STYLESHEET;

thread_local! {
    static BASE: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn base() -> Result<CssStyleSheet, JsValue> {
    BASE.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLESHEET)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// Gives a shadow root the widget's stylesheet.
pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    shadow.set_adopted_style_sheets(&Array::of1(&JsValue::from(base()?)));
    Ok(())
}

/// Adds the bundle's theme (already validated: colours, font names and lengths
/// only) as custom properties on the host.
pub fn apply_theme(shadow: &ShadowRoot, theme: &Theme) -> Result<(), JsValue> {
    let mut rules = String::new();
    if let Some(accent) = &theme.accent {
        rules.push_str(&format!("--pp-accent:{accent};"));
    }
    if let Some(font) = &theme.font {
        rules.push_str(&format!("--pp-font:{font};"));
    }
    if let Some(radius) = &theme.radius {
        rules.push_str(&format!("--pp-radius:{radius};"));
    }
    let sheets = Array::of1(&JsValue::from(base()?));
    if !rules.is_empty() {
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&format!(":host{{{rules}}}"))?;
        sheets.push(&sheet);
    }
    shadow.set_adopted_style_sheets(&sheets);
    Ok(())
}
