//! Evidence added and removed in a set's text ([`edit`]): the set then loads with exactly that
//! change, the rest of the text is untouched, the new entry is laid out as its neighbours are
//! (one line in a one-line set, one member a line in a pretty one), and what cannot be done is
//! refused with its reason.

use diary_sort::core::edit::{self, EditError, Splice};
use diary_sort::core::json;
use diary_sort::core::set;

/// A set written one object a line.
const MINI: &str = include_str!("../fixtures/mini.json");

/// The same set written one member a line, as `diary-sort fmt` writes.
fn pretty() -> String {
    json::write(&json::parse(MINI).unwrap().value)
}

/// `text` with `splice` made, after checking that only `start..end` changed.
fn applied(text: &str, splice: &Splice) -> String {
    let after = splice.apply(text);
    assert_eq!(&after[..splice.start], &text[..splice.start]);
    assert_eq!(&after[splice.start + splice.insert.len()..], &text[splice.end..]);
    after
}

/// The criteria and quotes of excerpt `id`'s evidence once `text` is loaded.
fn evidence(text: &str, id: &str) -> Vec<(String, String)> {
    let loaded = set::load(text).unwrap_or_else(|e| panic!("{:?}\n{text}", e.0));
    let excerpt = loaded.file.excerpts.iter().find(|e| e.id == id).unwrap();
    excerpt.evidence.iter().map(|e| (e.criterion.clone(), e.quote.clone())).collect()
}

#[test]
fn evidence_is_added_after_the_last_in_the_layout_of_its_neighbours() {
    let splice = edit::add_evidence(MINI, "happy", "party", "happy land").unwrap();
    assert_eq!(splice.insert, r#", {"criterion": "party", "quote": "happy land"}"#);
    let after = applied(MINI, &splice);
    assert!(
        after.contains(
            r#""evidence": [{"criterion": "propaganda", "quote": "a happy land"}, {"criterion": "party", "quote": "happy land"}]}"#
        )
    );
    assert_eq!(evidence(&after, "happy")[1], ("party".into(), "happy land".into()));

    let pretty = pretty();
    let splice = edit::add_evidence(&pretty, "alone", "loneliness", "alone");
    assert_eq!(splice, Err(EditError::AlreadyListed("loneliness".into())));
    let removed = applied(&pretty, &edit::remove_evidence(&pretty, "alone", "loneliness").unwrap());
    assert!(removed.contains("\"evidence\": []\n    },\n    {\n      \"id\": \"against\""), "{removed}");
    assert_eq!(evidence(&removed, "alone"), []);
    let added = applied(&removed, &edit::add_evidence(&removed, "alone", "loneliness", "I am alone").unwrap());
    let expected = "\"evidence\": [\n        {\n          \"criterion\": \"loneliness\",\n          \"quote\": \"I am alone\"\n        }\n      ]\n    },";
    assert!(added.contains(expected), "{added}");
    assert_eq!(evidence(&added, "alone"), [("loneliness".into(), "I am alone".into())]);
}

#[test]
fn an_excerpt_without_evidence_gets_the_field_in_the_format_s_order() {
    let evidence_member = ",\n      \"evidence\": [\n        {\n          \"criterion\": \"propaganda\",\n          \"quote\": \"a happy land\"\n        }\n      ]";
    let without = pretty().replacen(evidence_member, "", 1);
    assert_eq!(evidence(&without, "happy"), []);
    let added = applied(&without, &edit::add_evidence(&without, "happy", "propaganda", "happy land").unwrap());
    assert_eq!(added, pretty().replacen("\"a happy land\"", "\"happy land\"", 1), "after `essay`, as the format orders it");
}

#[test]
fn removing_takes_the_entry_and_one_separator() {
    let text = MINI.replace("\"friends\"", "\"friends-too\"");
    let first = applied(MINI, &edit::remove_evidence(MINI, "against", "loneliness").unwrap());
    assert!(first.contains(r#""evidence": [{"criterion": "party", "quote": "Socialism is hot air"}], "category""#));
    let second = applied(MINI, &edit::remove_evidence(MINI, "against", "party").unwrap());
    assert!(second.contains(r#""evidence": [{"criterion": "loneliness", "quote": "I am alone"}], "category""#));
    assert_eq!(edit::remove_evidence(&text, "friends-too", "party"), Err(EditError::NotListed("party".into())));
}

#[test]
fn what_cannot_be_added_says_why() {
    assert_eq!(edit::add_evidence(MINI, "nobody", "party", "x"), Err(EditError::NoExcerpt("nobody".into())));
    assert_eq!(edit::add_evidence(MINI, "happy", "partyy", "land"), Err(EditError::NoCriterion("partyy".into())));
    assert_eq!(edit::add_evidence(MINI, "happy", "party", " "), Err(EditError::EmptyQuote));
    assert_eq!(edit::add_evidence(MINI, "happy", "party", "a sad land"), Err(EditError::NotInText));
    assert_eq!(edit::add_evidence("{", "happy", "party", "land"), Err(EditError::Unreadable));
    assert_eq!(EditError::NotInText.code(), "notInText");
}
