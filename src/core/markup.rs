//! Escaping text for the markup written from a set: the course package's XML manifests
//! ([`package`](super::package)) and the HTML and SVG of the tool's class report.

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

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_the_five_and_keeps_the_rest() {
        assert_eq!(escape(r#"a<b>&"c"'d' – é"#), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; – é");
    }
}
