//! The set format's JSON Schema, derived from the format's types in
//! [`set`](diary_sort::core::set) (their fields, their doc comments as descriptions, and their
//! `schemars` attributes: `diary-sort schema`, shipped as `www/schema/set.schema.json`), and the
//! canonical form `diary-sort fmt` writes, whose field order is the schema's.
//!
//! The loader stays the judge of what a set means; the types describe the format once, and the
//! tests below hold the schema to the loader: each object's properties are the loader's field
//! list for it, in its order; tried on the default sets, a field is reported missing exactly when
//! the schema requires it, leaving out a field at its default changes nothing, and the loader
//! refuses what the schema refuses (values of the wrong kind, numbers out of range, words not
//! listed, blank text where text is needed, a list too short or with an item twice).

use diary_sort::core::json::{self, Member, Node, Value};
use diary_sort::core::set::{self, SetErrors, SetFile};
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::Value as Json;

/// The JSON Schema (draft 2020-12) of the set format, as a JSON value.
fn schema() -> Json {
    let mut settings = SchemaSettings::draft2020_12();
    settings.transforms.push(Box::new(RecursiveTransform(tidy)));
    let generated = settings.into_generator().into_root_schema_for::<SetFile>().to_value();
    let Json::Object(generated) = generated else { unreachable!("a struct's schema is an object") };
    let mut root = serde_json::Map::new();
    root.insert("$schema".into(), generated["$schema"].clone());
    root.insert("$comment".into(), "Written by `diary-sort schema` from the types in src/core/set.rs; do not edit by hand.".into());
    root.insert("title".into(), format!("diary-sort exercise set, format {}", set::FORMAT_VERSION).into());
    root.insert("description".into(), generated["description"].clone());
    root.extend(generated.into_iter().filter(|(key, _)| !matches!(key.as_str(), "$schema" | "title" | "description")));
    Json::Object(root)
}

/// Makes a generated schema what editors and strict validators expect: no `format` for Rust's
/// integer types (`uint8` is no JSON Schema format), no `null` default, and a doc comment's
/// lines joined into paragraphs.
fn tidy(schema: &mut schemars::Schema) {
    if schema.get("format").is_some_and(Json::is_string) {
        schema.remove("format");
    }
    // An optional number's default is to have none: what leaving it out says already.
    if schema.get("default").is_some_and(Json::is_null) {
        schema.remove("default");
    }
    if let Some(Json::String(description)) = schema.get_mut("description") {
        let paragraphs: Vec<String> = description.split("\n\n").map(|p| p.replace('\n', " ")).collect();
        *description = paragraphs.join("\n\n");
    }
}

/// The JSON Schema of the set format, as `diary-sort schema` prints it and
/// `www/schema/set.schema.json` ships it (two-space indentation, a newline at the end).
pub fn json_schema() -> String {
    serde_json::to_string_pretty(&schema()).expect("a JSON value writes") + "\n"
}

/// Rewrites a set that loads in the canonical form of the current format version (a version-1
/// set becomes version 2 by its number alone): every object's fields in the order of the
/// format, two-space indentation, one member or item a line, a newline at the end. Values are kept
/// as written (a default written out stays), so the set means exactly what it meant. A set that
/// does not load is refused with its problems.
pub fn canonical(text: &str) -> Result<String, SetErrors> {
    let set = set::load(text)?;
    let category = |id: &str| set.file.categories.iter().position(|c| c.id == id);
    let mut root = json::parse(text).expect("a set that loads is JSON");
    // A version-1 set is a version-2 set with mode "board": only its number changes.
    if let Value::Object(members) = &mut root.value {
        if let Some(format) = members.iter_mut().find(|m| m.key == "format") {
            format.value.value = Value::Integer(i64::from(set::FORMAT_VERSION));
        }
    }
    let schema = schema();
    walk(&mut root, &schema, &schema, &mut |object, fields, members| {
        members.sort_by_key(|m| fields.iter().position(|f| *f == m.key));
        // A lens's rules are keyed by category, so they go in the order of the categories.
        if object == "Lens" {
            for m in members.iter_mut().filter(|m| m.key == "rules") {
                if let Value::Object(rules) = &mut m.value.value {
                    rules.sort_by_key(|r| category(&r.key));
                }
            }
        }
    });
    Ok(json::write(&root.value) + "\n")
}

/// The schema `schema` stands for (following a `$ref` into the root's `$defs`), with the name it
/// has there (`SetFile` for the root).
fn resolve<'s>(schema: &'s Json, root: &'s Json) -> (&'s str, &'s Json) {
    match schema.get("$ref").and_then(Json::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => (name, &root["$defs"][name]),
        None if std::ptr::eq(schema, root) => ("SetFile", schema),
        None => ("", schema),
    }
}

/// Whether a value of this kind can be what `schema` (resolved) describes, leaving `null` aside.
fn fits(value: &Value<'_>, schema: &Json) -> bool {
    let kind = match value {
        Value::Object(members) => {
            let properties = schema.get("properties").and_then(Json::as_object);
            let known = |key: &str| properties.is_some_and(|p| p.contains_key(key)) || schema["additionalProperties"].is_object();
            return schema["type"] == "object" && members.iter().all(|m| known(&m.key));
        }
        Value::Array(_) => "array",
        _ => return true,
    };
    schema["type"] == kind
}

/// What [`walk`] does with each object of the format: given its type's name and fields in order, to
/// its members.
type Visit<'v> = dyn FnMut(&str, &[&str], &mut Vec<Member<'_>>) + 'v;

/// Calls `visit` with every object of the format in `node` (described by `schema`), outer objects
/// first: the name of its type, its fields in the format's order, and its members. Values the
/// schema does not describe are passed over (only sets that load are walked for real).
fn walk(node: &mut Node<'_>, schema: &Json, root: &Json, visit: &mut Visit<'_>) {
    let (name, schema) = resolve(schema, root);
    if let Some(branches) = schema.get("anyOf").and_then(Json::as_array) {
        if let Some(branch) = branches.iter().find(|b| fits(&node.value, resolve(b, root).1)) {
            walk(node, branch, root, visit);
        }
        return;
    }
    match &mut node.value {
        Value::Object(members) => {
            if let Some(properties) = schema.get("properties").and_then(Json::as_object) {
                let fields: Vec<&str> = properties.keys().map(String::as_str).collect();
                visit(name, &fields, members);
            }
            for m in members.iter_mut() {
                let field = schema.get("properties").and_then(|p| p.get(m.key.as_ref())).or_else(|| schema.get("additionalProperties"));
                if let Some(field) = field.filter(|f| f.is_object()) {
                    walk(&mut m.value, field, root, visit);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = schema.get("items") {
                items.iter_mut().for_each(|i| walk(i, item, root, visit));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diary_sort::core::rule::Rule;
    use diary_sort::core::set::schema::OPERATORS;

    /// The sets the schema is tried on: the mini set first (its settings leave room to try every
    /// value), the same as a version-2 board set (`mode` at its default) with its own wording, the
    /// quiz fixture (every quiz field, those with defaults at them), then the editor's template
    /// and the default sets, which between them have every field.
    fn samples() -> [String; 6] {
        let mini = include_str!("../../tests/fixtures/mini.json");
        let end = mini.rfind('}').unwrap();
        let worded = format!("{},\n  \"strings\": {{\"en\": {{\"check\": \"Check my answers\"}}}}\n}}\n", mini[..end].trim_end());
        [
            mini.to_string(),
            worded.replacen("\"format\": 1,", "\"format\": 2,\n  \"mode\": \"board\",", 1),
            include_str!("../../tests/fixtures/quiz.json").to_string(),
            include_str!("../../www/sets/template.json").to_string(),
            include_str!("../../www/sets/snijders-nl.json").to_string(),
            include_str!("../../www/sets/snijders-en.json").to_string(),
        ]
    }

    /// Every object of the format (by its name in the schema) with the loader's field list for it.
    const OBJECTS: [(&str, &[&str]); 14] = [
        ("SetFile", set::SET_FIELDS),
        ("Criterion", set::CRITERION_FIELDS),
        ("Category", set::CATEGORY_FIELDS),
        ("Fallback", set::FALLBACK_FIELDS),
        ("Excerpt", set::EXCERPT_FIELDS),
        ("Source", set::SOURCE_FIELDS),
        ("Evidence", set::EVIDENCE_FIELDS),
        ("EssayRef", set::ESSAY_FIELDS),
        ("Settings", set::SETTINGS_FIELDS),
        ("ScoreBand", set::SCORE_BAND_FIELDS),
        ("QuizSettings", set::quiz_format::QUIZ_FIELDS),
        ("Question", set::quiz_format::QUESTION_FIELDS),
        ("QuestionOption", set::quiz_format::OPTION_FIELDS),
        ("Lens", set::quiz_format::LENS_FIELDS),
    ];

    /// The schema of the object named `name`.
    fn object(schema: &Json, name: &str) -> Json {
        if name == "SetFile" { schema.clone() } else { schema["$defs"][name].clone() }
    }

    /// The first sample with a field `field` of an object `object` whose value `pick` accepts,
    /// with `edit` done to that object's members (given the field's index).
    fn edited(
        object: &str,
        field: &str,
        pick: &dyn Fn(&Value<'_>) -> bool,
        edit: &dyn Fn(&mut Vec<Member<'_>>, usize),
    ) -> Option<(String, String)> {
        let schema = schema();
        samples().into_iter().find_map(|sample| {
            let mut root = json::parse(&sample).unwrap();
            let mut done = false;
            walk(&mut root, &schema, &schema, &mut |name, _, members| {
                if !done && name == object {
                    if let Some(i) = members.iter().position(|m| m.key == field && pick(&m.value.value)) {
                        edit(members, i);
                        done = true;
                    }
                }
            });
            done.then(|| (sample.to_string(), json::write(&root.value)))
        })
    }

    /// Loads a sample with the first `field` of an `object` set to `value`.
    fn with_value(object: &str, field: &str, value: Value<'static>) -> Result<set::Set, SetErrors> {
        let (_, text) = edited(object, field, &|_| true, &|members, i| members[i].value = Node::made(value.clone()))
            .unwrap_or_else(|| panic!("no sample has {object}.{field}"));
        set::load(&text)
    }

    /// A JSON value of the schema as one of the loader's (which borrows from its text: the text
    /// lives as long as the test).
    fn value(json: &Json) -> Value<'static> {
        json::parse(json.to_string().leak()).unwrap().value
    }

    /// `schema` resolved, and with `null` left out where it also takes `null` (an optional
    /// field's `null` is the same as leaving it out).
    fn not_null(schema: &Json, root: &Json) -> Json {
        let (_, schema) = resolve(schema, root);
        let mut schema = schema.clone();
        if let Some(Json::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = &types[..] {
                schema["type"] = only.clone();
            }
        }
        if let Some(Json::Array(branches)) = schema.get("anyOf") {
            let kept: Vec<&Json> = branches.iter().filter(|b| b["type"] != "null").collect();
            if let [only] = &kept[..] {
                return not_null(only, root);
            }
        }
        schema
    }

    /// The words a field takes, when it takes one of some words.
    fn words(schema: &Json) -> Option<Vec<String>> {
        let listed = |list: &Json| list.as_array().map(|l| l.iter().filter_map(|w| w.as_str().map(String::from)).collect());
        schema.get("enum").and_then(listed).or_else(|| {
            let branches = schema.get("oneOf")?.as_array()?;
            branches.iter().map(|b| b.get("const").and_then(Json::as_str).map(String::from)).collect()
        })
    }

    #[test]
    fn each_object_has_the_loaders_fields_in_the_loaders_order() {
        let schema = schema();
        for (name, loader) in OBJECTS {
            let object = object(&schema, name);
            let fields: Vec<&String> = object["properties"].as_object().unwrap_or_else(|| panic!("{name} is an object")).keys().collect();
            assert_eq!(fields, loader, "the schema's {name} and the loader");
            assert_eq!(object["additionalProperties"], false, "{name} takes no other fields");
        }
        // Every object of $defs but `strings`'s texts (by name, checked in tests/native/wording.rs).
        let mut objects: Vec<&str> =
            schema["$defs"].as_object().unwrap().iter().filter(|(_, d)| d.get("properties").is_some()).map(|(n, _)| n.as_str()).collect();
        objects.retain(|name| !name.starts_with("strings"));
        objects.push("SetFile");
        objects.sort_unstable();
        let mut compared: Vec<&str> = OBJECTS.iter().map(|(name, _)| *name).collect();
        compared.sort_unstable();
        assert_eq!(objects, compared, "every object of the schema is compared");
    }

    #[test]
    fn the_schemas_version_is_the_formats() {
        let schema = schema();
        assert_eq!(schema["title"], format!("diary-sort exercise set, format {}", set::FORMAT_VERSION));
        let format = &schema["properties"]["format"];
        assert_eq!((format["minimum"].as_u64(), format["maximum"].as_u64()), (Some(1), Some(u64::from(set::FORMAT_VERSION))));
        assert_eq!(set::OLDEST_FORMAT_VERSION, 1);
        let description = format["description"].as_str().unwrap();
        assert!(description.starts_with(&format!("The format version: {}, the current one", set::FORMAT_VERSION)), "{description}");
        let shipped = include_str!("../../www/sets/snijders-en.json");
        assert!(shipped.contains(&format!("\"format\": {},", set::FORMAT_VERSION)), "the default sets are in the current format");
    }

    #[test]
    fn a_field_is_missing_exactly_when_required_and_a_default_left_out_changes_nothing() {
        let schema = schema();
        for (name, _) in OBJECTS {
            let object = object(&schema, name);
            let required: Vec<&Json> = object.get("required").and_then(Json::as_array).map(|r| r.iter().collect()).unwrap_or_default();
            for (field, field_schema) in object["properties"].as_object().unwrap() {
                let remove = |members: &mut Vec<Member<'_>>, i: usize| {
                    members.remove(i);
                };
                let path = format!("{name}.{field}");
                let (_, text) = edited(name, field, &|_| true, &remove).unwrap_or_else(|| panic!("no sample has {path}"));
                let missing = format!("missing field `{field}`");
                let reported = set::load(&text).err().is_some_and(|e| e.0.iter().any(|p| p.message.to_string().starts_with(&missing)));
                assert_eq!(reported, required.contains(&&Json::from(field.as_str())), "{path}: reported missing when left out");
                if let Some(default) = field_schema.get("default") {
                    let (_, written) = edited(name, field, &|_| true, &|members, i| members[i].value = Node::made(value(default))).unwrap();
                    // What a set means: its fields, or what is wrong with it (not where: the texts differ).
                    let meaning = |text: &str| {
                        set::load(text).map(|s| s.file).map_err(|e| e.0.into_iter().map(|p| (p.path, p.message)).collect::<Vec<_>>())
                    };
                    assert_eq!(meaning(&text), meaning(&written), "{path}: left out, it is {default}");
                }
            }
        }
    }

    #[test]
    fn the_loader_refuses_what_the_schema_refuses() {
        let schema = schema();
        let text = |s: &str| Value::String(s.to_owned().into());
        for (name, _) in OBJECTS {
            for (field, field_schema) in object(&schema, name)["properties"].as_object().unwrap() {
                let path = format!("{name}.{field}");
                let loads = |value: Value<'static>| with_value(name, field, value).is_ok();
                let ty = not_null(field_schema, &schema);
                let takes_text = ty["type"] == "string" || words(&ty).is_some() || ty.get("anyOf").is_some();
                assert!(!loads(if takes_text { Value::Integer(5) } else { text("5") }), "{path}: a value of another kind");
                let bound = |key: &str| ty[key].as_i64();
                match ty["type"].as_str() {
                    Some("string") if ty["pattern"] == "\\S" => assert!(!loads(text(" ")), "{path}: blank"),
                    Some("string") if ty["pattern"].is_string() => assert!(!loads(text("not an id")), "{path}: an id with spaces"),
                    Some("string") => assert!(loads(text(" ")), "{path}: blank text is fine here"),
                    Some("integer") => {
                        let min = bound("minimum").unwrap_or_else(|| panic!("{path} has a minimum"));
                        assert!(loads(Value::Integer(min)) && !loads(Value::Integer(min - 1)), "{path}: from {min}");
                        if let Some(max) = bound("maximum") {
                            assert!(loads(Value::Integer(max)) && !loads(Value::Integer(max + 1)), "{path}: up to {max}");
                        }
                    }
                    Some("array") => {
                        if let Some(min) = bound("minItems") {
                            assert!(!loads(Value::array([])), "{path}: fewer than {min} items");
                        }
                        if ty["uniqueItems"] == true {
                            let twice = |members: &mut Vec<Member<'_>>, i: usize| {
                                if let Value::Array(items) = &mut members[i].value.value {
                                    items.push(items[0].clone());
                                }
                            };
                            let (_, text) = edited(name, field, &|v| matches!(v, Value::Array(items) if !items.is_empty()), &twice)
                                .unwrap_or_else(|| panic!("no sample has items in {path}"));
                            assert!(set::load(&text).is_err(), "{path}: an item twice");
                        }
                    }
                    _ => {}
                }
                if let Some(words) = words(&ty) {
                    assert!(words.iter().all(|w| loads(text(w))), "{path}: each of {words:?}");
                    assert!(!loads(text("other")), "{path}: a word not listed");
                }
            }
        }
    }

    #[test]
    fn the_rules_operators_take_what_the_loader_takes() {
        for (op, _, takes_list) in OPERATORS {
            let rule = |operand: &str| Rule::from_value(&json::parse(&format!("{{\"{op}\": {operand}}}")).unwrap());
            let (right, wrong) = if takes_list { ("[\"a\"]", "\"a\"") } else { ("\"a\"", "[\"a\"]") };
            assert!(rule(right).is_ok() && rule(wrong).is_err(), "{op}");
        }
        assert!(Rule::from_value(&json::parse("{\"nor\": [\"a\"]}").unwrap()).is_err());
    }
}
