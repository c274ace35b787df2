//! Small DOM toolkit over `markup5ever_rcdom`: what every stage needs to read and
//! reshape the tree. Every walk here uses an explicit stack, so a page nested
//! 100,000 levels deep costs memory, never the call stack.
//!
//! One rcdom rule to keep in mind: dropping a document empties the child list
//! of every node still attached below it (its `Drop` is iterative). A subtree
//! that must outlive its document has to be [`detach`]ed from it first.

mod text;

pub use text::*;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, LocalName, QualName};
use markup5ever_rcdom::{Handle, Node, NodeData};

/// The element's local name (lower case for HTML), or `None` for other nodes.
pub fn tag(node: &Handle) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

/// Whether `node` is an element named `name`.
pub fn is(node: &Handle, name: &str) -> bool {
    tag(node) == Some(name)
}

/// Whether the node is an element.
pub fn is_element(node: &Handle) -> bool {
    matches!(node.data, NodeData::Element { .. })
}

/// Whether the node is a text node.
pub fn is_text(node: &Handle) -> bool {
    matches!(node.data, NodeData::Text { .. })
}

/// The value of attribute `name`, if present.
pub fn attr(node: &Handle, name: &str) -> Option<String> {
    with_attr(node, name, str::to_string)
}

/// Whether attribute `name` is present and its value passes `pred`: [`attr`]
/// without copying the value.
pub fn attr_is(node: &Handle, name: &str, pred: impl FnOnce(&str) -> bool) -> bool {
    with_attr(node, name, pred).unwrap_or(false)
}

/// `f` of the value of attribute `name`, read in place, if present.
fn with_attr<T>(node: &Handle, name: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    match &node.data {
        NodeData::Element { attrs, .. } => {
            attrs.borrow().iter().find(|a| &*a.name.local == name).map(|a| f(&a.value))
        }
        _ => None,
    }
}

/// Whether attribute `name` is present.
pub fn has_attr(node: &Handle, name: &str) -> bool {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs.borrow().iter().any(|a| &*a.name.local == name),
        _ => false,
    }
}

/// All attributes as (name, value) pairs.
pub fn attrs(node: &Handle) -> Vec<(String, String)> {
    match &node.data {
        NodeData::Element { attrs, .. } => {
            attrs.borrow().iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect()
        }
        _ => Vec::new(),
    }
}

/// Sets (or adds) attribute `name`.
pub fn set_attr(node: &Handle, name: &str, value: &str) {
    if let NodeData::Element { attrs, .. } = &node.data {
        let mut attrs = attrs.borrow_mut();
        if let Some(a) = attrs.iter_mut().find(|a| &*a.name.local == name) {
            a.value = StrTendril::from_slice(value);
        } else {
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(name)),
                value: StrTendril::from_slice(value),
            });
        }
    }
}

/// Removes attribute `name` if present.
pub fn remove_attr(node: &Handle, name: &str) {
    if let NodeData::Element { attrs, .. } = &node.data {
        attrs.borrow_mut().retain(|a| &*a.name.local != name);
    }
}

/// `class` and `id` joined by a space, lower-cased: the string most heuristics match on.
pub fn class_and_id(node: &Handle) -> String {
    let mut s = attr(node, "class").unwrap_or_default();
    with_attr(node, "id", |id| {
        s.push(' ');
        s.push_str(id);
    });
    s.make_ascii_lowercase();
    s
}

/// The words of an element's class and id, lower-cased and split at separators
/// (`"td-a-rec share_bar"` → `td`, `a`, `rec`, `share`, `bar`), held as one string.
/// CamelCase humps are not split: measured on the corpora, splitting them costs
/// more than it finds.
pub struct ClassWords(String);

impl ClassWords {
    pub fn of(node: &Handle) -> ClassWords {
        let s = class_and_id(node);
        ClassWords(if s.is_ascii() { s } else { s.to_lowercase() })
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        crate::matchers::words(&self.0)
    }
}

/// The parent node, if attached.
pub fn parent(node: &Handle) -> Option<Handle> {
    let weak = node.parent.take();
    let parent = weak.as_ref().and_then(|w| w.upgrade());
    node.parent.set(weak);
    parent
}

/// Ancestors from the parent upwards.
pub fn ancestors(node: &Handle) -> Vec<Handle> {
    let mut out = Vec::new();
    let mut cur = parent(node);
    while let Some(p) = cur {
        cur = parent(&p);
        out.push(p);
    }
    out
}

/// A copy of the child list (safe to iterate while the tree changes).
pub fn children(node: &Handle) -> Vec<Handle> {
    node.children.borrow().clone()
}

/// The element children only.
pub fn element_children(node: &Handle) -> Vec<Handle> {
    node.children.borrow().iter().filter(|c| is_element(c)).cloned().collect()
}

/// Every node below `root` (not `root` itself) in document order.
pub fn descendants(root: &Handle) -> Vec<Handle> {
    let mut out = Vec::new();
    let mut stack: Vec<Handle> = root.children.borrow().iter().rev().cloned().collect();
    while let Some(node) = stack.pop() {
        stack.extend(node.children.borrow().iter().rev().cloned());
        out.push(node);
    }
    out
}

/// Every element below `root` in document order.
pub fn descendant_elements(root: &Handle) -> Vec<Handle> {
    Elements::below(root).collect()
}

/// Whether some element below `root` satisfies `pred` (stops at the first).
pub fn any_descendant(root: &Handle, mut pred: impl FnMut(&Handle) -> bool) -> bool {
    Elements::below(root).any(|n| pred(&n))
}

/// Calls `f` with each text below `node` (and `node`'s own, for a text node), in
/// document order, until it returns true; returns whether it did.
pub fn any_text(node: &Handle, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } if f(&contents.borrow()) => return true,
            NodeData::Element { .. } | NodeData::Document => {
                stack.extend(n.children.borrow().iter().rev().cloned())
            }
            _ => {}
        }
    }
    false
}

/// Every element below `root` named `name`, in document order.
pub fn find_all(root: &Handle, name: &str) -> Vec<Handle> {
    let name = LocalName::from(name);
    find_all_where(root, |n| *n == name)
}

/// Every element below `root` named any of `names`, in document order: one walk
/// for several names.
pub fn find_all_named(root: &Handle, names: &[&str]) -> Vec<Handle> {
    let names: Vec<LocalName> = names.iter().map(|n| LocalName::from(*n)).collect();
    find_all_where(root, |n| names.contains(n))
}

/// The walk of `descendant_elements`, keeping only the elements whose name passes
/// `wanted` (no list of every element); names compared as interned atoms.
fn find_all_where(root: &Handle, wanted: impl Fn(&LocalName) -> bool) -> Vec<Handle> {
    Elements::below(root).filter(|n| local_name(n).is_some_and(&wanted)).collect()
}

/// The first element below `root` named `name`.
pub fn find(root: &Handle, name: &str) -> Option<Handle> {
    let name = LocalName::from(name);
    Elements::below(root).find(|n| local_name(n) == Some(&name))
}

fn local_name(node: &Handle) -> Option<&LocalName> {
    match &node.data {
        NodeData::Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

/// The elements below a node in document order, walked lazily with an explicit
/// stack (text and comments are never pushed).
struct Elements(Vec<Handle>);

impl Elements {
    fn below(root: &Handle) -> Elements {
        let mut walk = Elements(Vec::new());
        walk.push_children(root);
        walk
    }

    fn push_children(&mut self, node: &Handle) {
        let kids = node.children.borrow();
        self.0.extend(kids.iter().rev().filter(|c| is_element(c)).cloned());
    }
}

impl Iterator for Elements {
    type Item = Handle;

    fn next(&mut self) -> Option<Handle> {
        let node = self.0.pop()?;
        self.push_children(&node);
        Some(node)
    }
}

/// Whether `node` has an ancestor element named `name` (up to `max_depth` levels; 0 = any).
pub fn has_ancestor(node: &Handle, name: &str, max_depth: usize) -> bool {
    let mut depth = 0;
    let mut cur = parent(node);
    while let Some(p) = cur {
        depth += 1;
        if max_depth > 0 && depth > max_depth {
            return false;
        }
        if is(&p, name) {
            return true;
        }
        cur = parent(&p);
    }
    false
}

/// Whether the subtree below `node` has at least `limit` elements (stops counting there).
pub fn has_elements(node: &Handle, limit: usize) -> bool {
    let mut count = 0;
    let mut stack: Vec<Handle> = node.children.borrow().iter().cloned().collect();
    while let Some(n) = stack.pop() {
        if is_element(&n) {
            count += 1;
            if count >= limit {
                return true;
            }
            stack.extend(n.children.borrow().iter().cloned());
        }
    }
    false
}

/// Detaches `node` from its parent. Returns whether it was attached.
pub fn detach(node: &Handle) -> bool {
    let Some(p) = parent(node) else { return false };
    node.parent.set(None);
    let mut kids = p.children.borrow_mut();
    if let Some(i) = kids.iter().position(|c| Rc::ptr_eq(c, node)) {
        kids.remove(i);
        true
    } else {
        false
    }
}

/// Detaches many nodes at once: one pass over each parent's child list, so
/// removing thousands of siblings stays linear (a [`detach`] each would not).
pub fn detach_all(nodes: &[Handle]) {
    use std::collections::{HashMap, HashSet};
    let doomed: HashSet<usize> = nodes.iter().map(key).collect();
    let mut parents: HashMap<usize, Handle> = HashMap::new();
    for n in nodes {
        if let Some(p) = parent(n) {
            parents.entry(key(&p)).or_insert(p);
        }
    }
    for p in parents.values() {
        p.children.borrow_mut().retain(|c| {
            let gone = doomed.contains(&key(c));
            if gone {
                c.parent.set(None);
            }
            !gone
        });
    }
}

/// Appends `child` (detaching it first) as the last child of `parent`.
pub fn append(parent: &Handle, child: &Handle) {
    detach(child);
    child.parent.set(Some(Rc::downgrade(parent)));
    parent.children.borrow_mut().push(child.clone());
}

/// Inserts `new` (detaching it first) just before `reference`.
pub fn insert_before(reference: &Handle, new: &Handle) {
    let Some(p) = parent(reference) else { return };
    detach(new);
    let mut kids = p.children.borrow_mut();
    let i = kids.iter().position(|c| Rc::ptr_eq(c, reference)).unwrap_or(kids.len());
    new.parent.set(Some(Rc::downgrade(&p)));
    kids.insert(i, new.clone());
}

/// Puts `new` in place of `old` (which ends up detached).
pub fn replace(old: &Handle, new: &Handle) {
    insert_before(old, new);
    detach(old);
}

/// Replaces `node` by its children (keeps the content, drops the wrapper).
pub fn unwrap(node: &Handle) {
    let Some(p) = parent(node) else { return };
    let kids: Vec<Handle> = node.children.borrow_mut().drain(..).collect();
    let mut siblings = p.children.borrow_mut();
    let Some(i) = siblings.iter().position(|c| Rc::ptr_eq(c, node)) else {
        return;
    };
    node.parent.set(None);
    for k in &kids {
        k.parent.set(Some(Rc::downgrade(&p)));
    }
    siblings.splice(i..=i, kids);
}

/// A new detached HTML element with the given attributes.
pub fn new_element(name: &str, attributes: &[(&str, &str)]) -> Handle {
    let attrs = attributes
        .iter()
        .map(|(k, v)| Attribute {
            name: QualName::new(None, ns!(), LocalName::from(*k)),
            value: StrTendril::from_slice(v),
        })
        .collect();
    Node::new(NodeData::Element {
        name: QualName::new(None, ns!(html), LocalName::from(name)),
        attrs: RefCell::new(attrs),
        template_contents: RefCell::new(None),
        mathml_annotation_xml_integration_point: false,
    })
}

/// A new detached text node.
pub fn new_text(text: &str) -> Handle {
    Node::new(NodeData::Text { contents: RefCell::new(StrTendril::from_slice(text)) })
}

/// Moves the children of `from` to the end of `to`.
pub fn move_children(from: &Handle, to: &Handle) {
    let kids: Vec<Handle> = from.children.borrow_mut().drain(..).collect();
    for k in &kids {
        k.parent.set(Some(Rc::downgrade(to)));
    }
    to.children.borrow_mut().extend(kids);
}

/// Gives `node` a new name, keeping its attributes and children (e.g. `div` → `p`).
pub fn rename(node: &Handle, name: &str) -> Handle {
    let new = new_element(name, &[]);
    if let (NodeData::Element { attrs: from, .. }, NodeData::Element { attrs: to, .. }) =
        (&node.data, &new.data)
    {
        *to.borrow_mut() = from.borrow().clone();
    }
    move_children(node, &new);
    replace(node, &new);
    new
}

/// A deep copy of `node` (detached), built with an explicit stack.
pub fn deep_clone(node: &Handle) -> Handle {
    clone_without(node, |_| false)
}

/// A deep copy of `node` (detached) without the subtrees whose root `skip`
/// names, built with an explicit stack.
pub fn clone_without(node: &Handle, skip: impl Fn(&Handle) -> bool) -> Handle {
    let copy_one = |n: &Handle| -> Handle {
        let data = match &n.data {
            NodeData::Element { name, attrs, mathml_annotation_xml_integration_point, .. } => {
                NodeData::Element {
                    name: name.clone(),
                    attrs: RefCell::new(attrs.borrow().clone()),
                    template_contents: RefCell::new(None),
                    mathml_annotation_xml_integration_point:
                        *mathml_annotation_xml_integration_point,
                }
            }
            NodeData::Text { contents } => {
                NodeData::Text { contents: RefCell::new(contents.borrow().clone()) }
            }
            other => other.clone(),
        };
        Rc::new(Node {
            parent: Cell::new(None),
            // sized once: the copy gets at most the source's children
            children: RefCell::new(Vec::with_capacity(n.children.borrow().len())),
            data,
        })
    };
    let root = copy_one(node);
    let mut stack = vec![(node.clone(), root.clone())];
    while let Some((src, dst)) = stack.pop() {
        let mut kids = dst.children.borrow_mut();
        for child in src.children.borrow().iter() {
            if skip(child) {
                continue;
            }
            let c = copy_one(child);
            c.parent.set(Some(Rc::downgrade(&dst)));
            if !child.children.borrow().is_empty() {
                stack.push((child.clone(), c.clone()));
            }
            kids.push(c);
        }
    }
    root
}

/// The next sibling element, if any.
pub fn next_element_sibling(node: &Handle) -> Option<Handle> {
    let p = parent(node)?;
    let kids = p.children.borrow();
    let i = kids.iter().position(|c| Rc::ptr_eq(c, node))?;
    kids[i + 1..].iter().find(|c| is_element(c)).cloned()
}

/// Whether the text is blank (whitespace only).
pub fn is_blank(node: &Handle) -> bool {
    match &node.data {
        NodeData::Text { contents } => contents.borrow().trim().is_empty(),
        _ => false,
    }
}

/// Identity key of a node, for hash maps keyed by node.
pub fn key(node: &Handle) -> usize {
    Rc::as_ptr(node) as usize
}

/// A hash map keyed by [`key`]: node addresses need no DoS-proof hashing.
pub type NodeMap<V> = std::collections::HashMap<usize, V, crate::hash::FastHash>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn attr_is_reads_the_value_in_place() {
        let doc = parse_html("<a href=' #top' rel=author>x</a><b>y</b>");
        let a = find(&doc, "a").unwrap();
        assert!(attr_is(&a, "href", |h| h.trim_start().starts_with('#')));
        assert!(!attr_is(&a, "rel", |r| r == "nofollow"));
        assert!(!attr_is(&a, "title", |_| true));
        assert!(!attr_is(&find(&doc, "b").unwrap(), "href", |_| true));
    }

    #[test]
    fn unwrap_and_rename_keep_children_in_order() {
        let doc = parse_html("<div id=a><span>1</span><b>2</b>3</div>");
        let span = find(&doc, "span").unwrap();
        unwrap(&span);
        let div = find(&doc, "div").unwrap();
        let p = rename(&div, "p");
        assert_eq!(attr(&p, "id").as_deref(), Some("a"));
        assert_eq!(text_content(&p), "123");
        assert!(find(&doc, "div").is_none());
        assert!(find(&doc, "span").is_none());
    }

    #[test]
    fn detach_all_removes_many_siblings_in_one_pass() {
        let doc = parse_html(&format!("<div>{}<p>keep</p></div>", "<span>x</span>".repeat(1000)));
        let spans = find_all(&doc, "span");
        detach_all(&spans);
        assert!(spans.iter().all(|s| parent(s).is_none()));
        assert_eq!(inner_text(&doc), "keep");
    }

    #[test]
    fn deep_trees_walk_without_recursion() {
        let html = "<div>".repeat(5_000) + "x";
        let doc = parse_html(&html);
        assert_eq!(text_content(&doc), "x");
        let copy = deep_clone(&doc);
        assert_eq!(text_content(&copy), "x");
    }
}
