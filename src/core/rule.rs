//! The essay's argument as data: a small boolean rule per category over criterion ids, and its
//! evaluation with *witnesses* (which sub-conditions held and which failed), because feedback is
//! built from them.
//!
//! In JSON a rule is a criterion id (`"loneliness"`), `{"all": [rule, …]}`, `{"any": [rule, …]}`
//! or `{"not": rule}`, nested freely.

use crate::core::json::{Node, Value};
use crate::core::messages::Message;

/// A membership rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Holds when the excerpt shows this criterion.
    Criterion(String),
    /// Holds when every part holds.
    All(Vec<Rule>),
    /// Holds when at least one part holds.
    Any(Vec<Rule>),
    /// Holds when the part does not.
    Not(Box<Rule>),
}

/// The most deeply a rule may nest (a guard against hostile input, far beyond any real rule).
pub const MAX_DEPTH: usize = 16;

impl Rule {
    /// Parses a rule from a JSON node, with a message a set author understands.
    pub fn from_value(node: &Node<'_>) -> Result<Rule, Message> {
        Self::parse(node, 0)
    }

    fn parse(node: &Node<'_>, depth: usize) -> Result<Rule, Message> {
        if depth > MAX_DEPTH {
            return Err(Message::rule_too_deep(MAX_DEPTH));
        }
        match &node.value {
            Value::String(id) => Ok(Rule::Criterion(id.to_string())),
            Value::Object(members) if members.len() == 1 => {
                let (key, inner) = (&members[0].key, &members[0].value);
                let list = |inner: &Node<'_>| -> Result<Vec<Rule>, Message> {
                    let Value::Array(items) = &inner.value else {
                        return Err(Message::takes_list(&**key));
                    };
                    if items.is_empty() {
                        return Err(Message::needs_rule(&**key));
                    }
                    // A loop, not `collect::<Result<…>>()`: 0.6 KB less wasm.
                    let mut rules = Vec::with_capacity(items.len());
                    for item in items {
                        rules.push(Self::parse(item, depth + 1)?);
                    }
                    Ok(rules)
                };
                match &**key {
                    "all" => Ok(Rule::All(list(inner)?)),
                    "any" => Ok(Rule::Any(list(inner)?)),
                    "not" => Ok(Rule::Not(Box::new(Self::parse(inner, depth + 1)?))),
                    other => Err(Message::unknown_operator(other, Message::rule_shape())),
                }
            }
            _ => Err(Message::rule_shape()),
        }
    }

    /// Every criterion id the rule mentions, in order of appearance.
    pub fn criteria(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Rule::Criterion(id) => out.push(id),
            Rule::All(parts) | Rule::Any(parts) => parts.iter().for_each(|p| p.collect(out)),
            Rule::Not(part) => part.collect(out),
        }
    }

    /// Whether the rule holds for an excerpt that shows exactly the criteria for which `shows`
    /// is true: the verdict of [`Rule::evaluate`] without building its witness tree (a set's
    /// loading asks it for every excerpt and category).
    pub fn holds(&self, shows: &dyn Fn(&str) -> bool) -> bool {
        match self {
            Rule::Criterion(id) => shows(id),
            Rule::All(rules) => rules.iter().all(|rule| rule.holds(shows)),
            Rule::Any(rules) => rules.iter().any(|rule| rule.holds(shows)),
            Rule::Not(part) => !part.holds(shows),
        }
    }

    /// Evaluates the rule for an excerpt that shows exactly the criteria for which `shows` is
    /// true, keeping the witness tree.
    pub fn evaluate<'r>(&'r self, shows: &dyn Fn(&str) -> bool) -> Witness<'r> {
        match self {
            Rule::Criterion(id) => Witness { rule: self, holds: shows(id), parts: Vec::new() },
            Rule::All(rules) | Rule::Any(rules) => {
                let mut parts = Vec::with_capacity(rules.len());
                for rule in rules {
                    parts.push(rule.evaluate(shows));
                }
                let holds = match self {
                    Rule::All(_) => parts.iter().all(|w| w.holds),
                    _ => parts.iter().any(|w| w.holds),
                };
                Witness { rule: self, holds, parts }
            }
            Rule::Not(part) => {
                let inner = part.evaluate(shows);
                Witness { rule: self, holds: !inner.holds, parts: vec![inner] }
            }
        }
    }
}

/// The evaluation of one rule node: whether it held, and the evaluations of its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness<'r> {
    /// The node evaluated.
    pub rule: &'r Rule,
    /// Whether it held.
    pub holds: bool,
    /// The parts' evaluations (empty for a criterion).
    pub parts: Vec<Witness<'r>>,
}

impl<'r> Witness<'r> {
    /// Criteria whose presence made the rule hold (for a rule that holds), or that are present
    /// though the rule failed: the positive evidence to quote.
    pub fn present(&self) -> Vec<&'r str> {
        let mut out = Vec::new();
        self.walk(true, &mut out);
        out
    }

    /// Criteria whose absence made the rule fail: what the excerpt lacks.
    pub fn missing(&self) -> Vec<&'r str> {
        let mut out = Vec::new();
        if !self.holds {
            self.walk(false, &mut out);
        }
        out
    }

    /// Collects criterion leaves whose *presence* equals `present`, under positive polarity
    /// only (criteria under `not` are reported by the caller through the rule text instead).
    fn walk(&self, present: bool, out: &mut Vec<&'r str>) {
        match self.rule {
            Rule::Criterion(id) => {
                if self.holds == present && !out.contains(&id.as_str()) {
                    out.push(id);
                }
            }
            Rule::All(_) | Rule::Any(_) => self.parts.iter().for_each(|p| p.walk(present, out)),
            Rule::Not(_) => {}
        }
    }
}
