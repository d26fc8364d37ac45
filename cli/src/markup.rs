//! Escaping text for the markup the tool writes: XML manifests (`package`) and the HTML and SVG
//! of the class report (`report`).

/// `text` with the five characters special in XML and HTML escaped (`'` as `&#39;`, which both
/// read).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
