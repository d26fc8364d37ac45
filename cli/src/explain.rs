//! `diary-sort explain SET [--excerpt ID] [--lens ID] [--format text|json]`: every feedback text
//! of a set at once, for an instructor checking a set before class (and a reviewer checking its
//! content): per excerpt the criteria it shows with their evidence, the bin the rules give, the
//! feedback a student gets on the board for each bin at each check, and each lens's bin and why
//! ([`diary_sort::core::explain`]). In the set's language. `--format json` prints
//! `[{excerpt, essay, criteria: [{criterion, label, quote}], bin, feedback: {BIN: [check 1, …]},
//! lenses: {LENS: {bin, why}}}]`.

use std::path::PathBuf;
use std::process::ExitCode;

use diary_sort::core::explain::{self, Explanation};
use diary_sort::core::set::{self, Set};
use diary_sort::core::strings::Lang;
use serde_json::{Map, Value, json};

use crate::validate::{print_problems, read};

/// How the explanation is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Indented text, for people.
    Text,
    /// One JSON array, for programs.
    Json,
}

/// What `explain` was asked to do.
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The set file.
    #[arg(value_name = "SET")]
    pub set: PathBuf,
    /// Only this excerpt (its id).
    #[arg(long, value_name = "ID")]
    pub excerpt: Option<String>,
    /// Only this lens (its id).
    #[arg(long, value_name = "ID")]
    pub lens: Option<String>,
    /// How to print it: text (indented, for people) or json (one array for programs:
    /// [{excerpt, essay, criteria, bin, feedback: {BIN: [check 1, …]}, lenses: {LENS: {bin, why}}}]).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The command's own words, per language (the feedback itself comes from the module's tables).
struct Texts {
    criteria: &'static str,
    no_criteria: &'static str,
    rules_give: &'static str,
    in_bin: &'static str,
    right_bin: &'static str,
    check: &'static str,
    checks: &'static str,
    lenses: &'static str,
}

const NL: Texts = Texts {
    criteria: "Criteria die het fragment toont",
    no_criteria: "geen",
    rules_give: "Bak volgens de regels",
    in_bin: "In de bak",
    right_bin: "de juiste bak",
    check: "controle",
    checks: "controles",
    lenses: "Lezingen",
};

const EN: Texts = Texts {
    criteria: "Criteria the excerpt shows",
    no_criteria: "none",
    rules_give: "Bin by the rules",
    in_bin: "In the bin",
    right_bin: "the right bin",
    check: "check",
    checks: "checks",
    lenses: "Readings",
};

/// Prints the explanation; failure when the set has problems or an id is not in it.
pub fn run(options: &Options) -> ExitCode {
    let name = options.set.display().to_string();
    let set = match read(&options.set).map_err(|p| vec![p]).and_then(|text| set::load(&text).map_err(|e| e.0)) {
        Ok(set) => set,
        Err(problems) => {
            print_problems(&name, &problems);
            println!("diary-sort explain: {name} has problems; fix them first (diary-sort validate)");
            return ExitCode::FAILURE;
        }
    };
    let lang = set.file.lang;
    let mut explanations = explain::explain(&set, lang);
    if let Some(id) = &options.excerpt {
        explanations.retain(|e| &e.excerpt == id);
        if explanations.is_empty() {
            return unknown(&name, "excerpt", id, set.file.excerpts.iter().map(|e| e.id.as_str()));
        }
    }
    if let Some(id) = &options.lens {
        if !set.file.lenses.iter().any(|l| &l.id == id) {
            return unknown(&name, "lens", id, set.file.lenses.iter().map(|l| l.id.as_str()));
        }
        for e in &mut explanations {
            e.lenses.retain(|l| &l.lens == id);
        }
    }
    match options.format {
        Format::Text => print!("{}", text(&set, lang, &explanations)),
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&Value::Array(explanations.iter().map(value).collect())).unwrap_or_default())
        }
    }
    ExitCode::SUCCESS
}

/// An id `--excerpt` or `--lens` named that the set does not have: the ones it has.
fn unknown<'a>(name: &str, what: &str, id: &str, known: impl Iterator<Item = &'a str>) -> ExitCode {
    let known: Vec<String> = known.map(|k| format!("`{k}`")).collect();
    let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
    println!("diary-sort explain: {name} has no {what} `{id}`; its {what} ids: {known}");
    ExitCode::FAILURE
}

/// The explanations as indented text.
fn text(set: &Set, lang: Lang, explanations: &[Explanation]) -> String {
    let t = if lang == Lang::Nl { &NL } else { &EN };
    let label = |id: &str| set.bins.iter().map(|&b| set.bin(b)).find(|b| b.id == id).map_or(id.to_string(), |b| b.label.to_string());
    let mut out = String::new();
    let indented = |out: &mut String, depth: usize, text: &str| {
        for line in text.lines() {
            out.push_str(&"  ".repeat(depth));
            out.push_str(line);
            out.push('\n');
        }
    };
    for e in explanations {
        match &e.essay {
            Some(essay) => out.push_str(&format!("{} ({essay})\n", e.excerpt)),
            None => out.push_str(&format!("{}\n", e.excerpt)),
        }
        out.push_str(&format!("  {}:", t.criteria));
        if e.criteria.is_empty() {
            out.push_str(&format!(" {}", t.no_criteria));
        }
        out.push('\n');
        for c in &e.criteria {
            out.push_str(&format!("    {}: “{}”\n", c.label, c.quote));
        }
        out.push_str(&format!("  {}: ‘{}’\n", t.rules_give, label(&e.bin)));
        for bin in &e.feedback {
            let right = if bin.bin == e.bin { format!(" ({})", t.right_bin) } else { String::new() };
            out.push_str(&format!("  {} ‘{}’{right}:\n", t.in_bin, bin.label));
            // Checks that give the same text are printed once, as a range.
            let mut k = 0;
            while k < bin.tries.len() {
                let end = (k..bin.tries.len()).take_while(|&j| bin.tries[j] == bin.tries[k]).last().unwrap_or(k);
                let checks = if end == k { format!("{} {}", t.check, k + 1) } else { format!("{} {}–{}", t.checks, k + 1, end + 1) };
                out.push_str(&format!("    {checks}:\n"));
                indented(&mut out, 3, &bin.tries[k]);
                k = end + 1;
            }
        }
        if !e.lenses.is_empty() {
            out.push_str(&format!("  {}:\n", t.lenses));
            for l in &e.lenses {
                out.push_str(&format!("    {}: ‘{}’\n", l.label, label(&l.bin)));
                indented(&mut out, 3, &l.why);
            }
        }
        out.push('\n');
    }
    out
}

/// One explanation as JSON.
fn value(e: &Explanation) -> Value {
    let criteria: Vec<Value> = e.criteria.iter().map(|c| json!({"criterion": c.criterion, "label": c.label, "quote": c.quote})).collect();
    let feedback: Map<String, Value> = e.feedback.iter().map(|b| (b.bin.clone(), json!(b.tries))).collect();
    let lenses: Map<String, Value> = e.lenses.iter().map(|l| (l.lens.clone(), json!({"bin": l.bin, "why": l.why}))).collect();
    json!({"excerpt": e.excerpt, "essay": e.essay, "criteria": criteria, "bin": e.bin, "feedback": feedback, "lenses": lenses})
}
