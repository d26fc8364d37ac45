//! The parts of the set format's JSON Schema that are not derived from a type's fields (built
//! only with the `schema` feature, for the native tool; the module students download has none
//! of it): the identifier, the rule, a lens's own rules and the set's `strings`, whose JSON
//! shapes the loader reads by hand.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::core::rule::{self, Rule};
use crate::core::set::LANG_CODES;
use crate::core::strings::{self, Key, Lang};
use crate::core::wording::Overrides;

/// The identifier of a criterion, category, excerpt, question, option or lens (`$defs/id`).
pub struct Id;

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An identifier: letters a–z and A–Z, digits, - and _.",
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+$",
            "examples": ["individual_vs_party"],
        })
    }
}

/// The rule's operators: the name, what it means, and whether it takes a list of rules (or one).
pub const OPERATORS: [(&str, &str, bool); 3] = [
    ("all", "Holds when every rule in the list holds.", true),
    ("any", "Holds when at least one rule in the list holds.", true),
    ("not", "Holds when the rule does not.", false),
];

impl JsonSchema for Rule {
    fn schema_name() -> Cow<'static, str> {
        "rule".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let rule = generator.subschema_for::<Rule>();
        let mut criterion = generator.subschema_for::<Id>();
        criterion.insert("description".into(), "Holds when the excerpt shows this criterion.".into());
        let mut any_of = vec![criterion];
        for (name, description, takes_list) in OPERATORS {
            let operand = if takes_list { json_schema!({"type": "array", "items": rule, "minItems": 1}) } else { rule.clone() };
            let mut properties = json_schema!({});
            properties.insert(name.into(), operand.to_value());
            any_of.push(json_schema!({
                "description": description,
                "type": "object",
                "properties": properties,
                "required": [name],
                "additionalProperties": false,
            }));
        }
        let description = format!(
            "Which excerpts belong in a category: a criterion id (\"loneliness\"), {{\"all\": [rules]}}, {{\"any\": [rules]}} or {{\"not\": rule}}, nested up to {} deep.",
            rule::MAX_DEPTH
        );
        json_schema!({
            "description": description,
            "anyOf": any_of,
            "examples": ["loneliness", {"all": ["loneliness", {"any": ["individual_vs_party", "real_vs_public_self"]}]}],
        })
    }
}

/// A lens's own rules: an object from category ids to rules.
pub fn lens_rules(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "propertyNames": generator.subschema_for::<Id>(),
        "additionalProperties": generator.subschema_for::<Rule>(),
        "examples": [{"atomisation": {"any": ["loneliness", "organising_ban"]}}],
    })
}

/// The default of a fallback's `offer`: offered.
pub fn offered() -> bool {
    true
}

impl JsonSchema for Overrides {
    fn schema_name() -> Cow<'static, str> {
        "strings".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut languages = json_schema!({});
        for (code, lang) in LANG_CODES.iter().zip([Lang::Nl, Lang::En]) {
            let texts = match lang {
                Lang::Nl => generator.subschema_for::<Texts<false>>(),
                Lang::En => generator.subschema_for::<Texts<true>>(),
            };
            languages.insert(code.to_string(), texts.to_value());
        }
        json_schema!({
            "description": "The set's own wording of interface texts and feedback templates, per interface language. A text not given here is the built-in one.",
            "type": "object",
            "properties": languages,
            "additionalProperties": false,
            "examples": [{"en": {"check": "Submit answers", "tries_left": "Checks left: {n}."}}],
        })
    }
}

/// The texts of one interface language by name (`$defs/strings_en`, `$defs/strings_nl`), each
/// described by its built-in wording and placeholders.
struct Texts<const EN: bool>;

impl<const EN: bool> Texts<EN> {
    const LANG: (Lang, &'static str, &'static str) = if EN { (Lang::En, "en", "English") } else { (Lang::Nl, "nl", "Dutch") };
}

impl<const EN: bool> JsonSchema for Texts<EN> {
    fn schema_name() -> Cow<'static, str> {
        format!("strings_{}", Self::LANG.1).into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let (lang, _, name) = Self::LANG;
        let mut texts = json_schema!({});
        for &key in Key::ALL {
            let builtin = strings::get(lang, key);
            let placeholders = strings::placeholders(builtin);
            let mut description = String::new();
            if !placeholders.is_empty() {
                let names: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
                description.push_str(&format!("Placeholders: {}. ", names.join(", ")));
            }
            description.push_str(&format!("Built in: “{builtin}”"));
            texts.insert(key.name().into(), json_schema!({"description": description, "type": "string", "pattern": "\\S"}).to_value());
        }
        json_schema!({
            "description": format!("{name} texts by name; a text's placeholders are filled in where it is shown."),
            "type": "object",
            "properties": texts,
            "additionalProperties": false,
        })
    }
}
