//! WebAssembly bindings: a thin layer over [`crate::clean`] for JavaScript.
//!
//! Exports (names as JavaScript sees them):
//! - `clean(html, options?)` → the [`Article`](crate::Article) as a plain object;
//! - `isProbablyReaderable(html)` → boolean;
//! - `version()` → the crate version.
//!
//! A live `Document` is serialized by the JavaScript shim (www/src/document-html.js),
//! so the module only ever sees strings. `options` is
//! `{ url?: string, region?: string, removedHtml?: boolean }`. Every failure reaches
//! JavaScript as an `Error` (a `TypeError` for arguments of the wrong type) with a
//! clear message. On
//! wasm32 a Rust panic aborts the instance; the panic hook prints its message
//! first, and the JavaScript shim replaces an aborted instance with a fresh one.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Article, Options};

/// Runs once when the module is instantiated: panics print their message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `clean(html, options?)`: cleans an HTML string.
#[wasm_bindgen(js_name = clean)]
pub fn clean_html(html: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    console_error_panic_hook::set_once();
    let html = html.as_string().ok_or_else(|| {
        type_error(&format!("clean(html): html must be a string, got {}", type_name(&html)))
    })?;
    let options = read_options("clean", &options)?;
    run(|| crate::clean(&html, &options))
}

/// `isProbablyReaderable(html)`: whether the page looks like an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(input: JsValue) -> Result<bool, JsValue> {
    console_error_panic_hook::set_once();
    let html = input.as_string().ok_or_else(|| {
        // the JS shim serializes a Document itself (www/src/document-html.js) and passes
        // anything else through, so the message still names both
        type_error(&format!(
            "isProbablyReaderable(input): input must be an HTML string or a Document, got {}",
            type_name(&input)
        ))
    })?;
    Ok(crate::is_probably_readerable(&html))
}

/// Runs the cleaner, turning its error into a JavaScript `Error`. (A panic
/// cannot be caught here: it aborts the instance, and the shim starts a new one.)
fn run(f: impl FnOnce() -> Result<Article, crate::Error>) -> Result<JsValue, JsValue> {
    match f() {
        Ok(article) => article
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| error(&format!("article-cleaner: could not convert the article: {e}"))),
        Err(e) => Err(error(&format!("article-cleaner: {e}"))),
    }
}

/// Reads `{ url?, region?, removedHtml? }`; `undefined` and `null` mean no options.
fn read_options(func: &str, options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(type_error(&format!(
            "{func}(…, options): options must be an object like {{url: \"https://…\"}}, got {}",
            type_name(options)
        )));
    }
    let get = |name: &str| {
        let v =
            js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        (!v.is_undefined() && !v.is_null()).then_some(v)
    };
    let wrong = |name: &str, want: &str, v: &JsValue| {
        type_error(&format!(
            "{func}(…, options): options.{name} must be {want}, got {}",
            type_name(v)
        ))
    };
    let string = |name: &str| match get(name) {
        None => Ok(None),
        Some(v) => v.as_string().map(Some).ok_or_else(|| wrong(name, "a string", &v)),
    };
    let removed_html = match get("removedHtml") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| wrong("removedHtml", "a boolean", &v))?,
    };
    Ok(Options { url: string("url")?, region: string("region")?, removed_html })
}

/// `typeof value`, with `null` and arrays told apart, for error messages.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "unknown".into())
    }
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
