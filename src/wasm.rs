//! WebAssembly bindings: a thin layer over [`crate::clean`] for JavaScript.
//!
//! Exports (names as JavaScript sees them):
//! - `clean(html, options?)` → the [`Article`](crate::Article) as a plain object;
//! - `cleanDocument(document, options?)` → the same, read from a live `Document`
//!   (its doctype and `documentElement.outerHTML`), which is left untouched;
//! - `isProbablyReaderable(htmlOrDocument)` → boolean;
//! - `version()` → the crate version.
//!
//! `options` is `{ url?: string, region?: string, removedHtml?: boolean }`. Every failure reaches JavaScript as an `Error`
//! (a `TypeError` for arguments of the wrong type) with a clear message. On
//! wasm32 a Rust panic aborts the instance; the panic hook prints its message
//! first, and the JavaScript shim replaces an aborted instance with a fresh one.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// `cleanDocument(document, options?)`: cleans a live document without changing it.
#[wasm_bindgen(js_name = cleanDocument)]
pub fn clean_document(document: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    console_error_panic_hook::set_once();
    let doc = as_document(&document).ok_or_else(|| {
        type_error(&format!(
            "cleanDocument(document): document must be a Document, got {}",
            type_name(&document)
        ))
    })?;
    let mut options = read_options("cleanDocument", &options)?;
    if options.url.is_none() {
        options.url = document_url(&doc);
    }
    let html = document_html(&doc)
        .ok_or_else(|| error("cleanDocument(document): the document has no root element"))?;
    run(|| crate::clean(&html, &options))
}

/// `isProbablyReaderable(htmlOrDocument)`: whether the page looks like an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(input: JsValue) -> Result<bool, JsValue> {
    console_error_panic_hook::set_once();
    let html = if let Some(html) = input.as_string() {
        html
    } else if let Some(doc) = as_document(&input) {
        document_html(&doc).unwrap_or_default()
    } else {
        return Err(type_error(&format!(
            "isProbablyReaderable(input): input must be an HTML string or a Document, got {}",
            type_name(&input)
        )));
    };
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

/// The value as a `Document`, also when it comes from another window (an iframe),
/// where `instanceof Document` is false.
fn as_document(value: &JsValue) -> Option<web_sys::Document> {
    if value.is_instance_of::<web_sys::Document>() {
        return Some(value.clone().unchecked_into());
    }
    if !value.is_object() {
        return None;
    }
    let node_type = js_sys::Reflect::get(value, &JsValue::from_str("nodeType")).ok()?;
    let has_root =
        js_sys::Reflect::has(value, &JsValue::from_str("documentElement")).unwrap_or(false);
    (node_type.as_f64() == Some(9.0) && has_root).then(|| value.clone().unchecked_into())
}

/// The document as HTML text: its doctype, then `documentElement.outerHTML`.
fn document_html(doc: &web_sys::Document) -> Option<String> {
    let root = doc.document_element()?;
    let mut html = String::new();
    if let Some(dt) = doc.doctype() {
        html.push_str("<!DOCTYPE ");
        html.push_str(&dt.name());
        let (public_id, system_id) = (dt.public_id(), dt.system_id());
        if !public_id.is_empty() {
            html.push_str(&format!(" PUBLIC \"{public_id}\""));
            if !system_id.is_empty() {
                html.push_str(&format!(" \"{system_id}\""));
            }
        } else if !system_id.is_empty() {
            html.push_str(&format!(" SYSTEM \"{system_id}\""));
        }
        html.push_str(">\n");
    }
    html.push_str(&root.outer_html());
    Some(html)
}

/// The URL links resolve against: `document.URL` when it is a web or file URL,
/// else `document.baseURI` (for `about:blank` and `srcdoc` frames).
fn document_url(doc: &web_sys::Document) -> Option<String> {
    let web = |u: &str| u.starts_with("http:") || u.starts_with("https:") || u.starts_with("file:");
    if let Ok(url) = doc.url() {
        if web(&url) {
            return Some(url);
        }
    }
    doc.base_uri().ok().flatten().filter(|u| web(u))
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
