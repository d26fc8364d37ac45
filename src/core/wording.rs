//! The interface's wording for one set and language: the built-in string tables with the set's
//! own `strings` on top. Everything that shows or announces a sentence while a set is loaded
//! looks it up here ([`Set::wording`]), so an instructor's override reaches the buttons, the
//! announcements and the feedback alike; only the panels shown when there is no set (it could
//! not be fetched or loaded) use the tables directly.

use crate::core::set::Set;
use crate::core::strings::{self, Key, Lang};

/// A set's own texts for some keys, per language (the set's `strings`). Each template uses only
/// placeholders its key has (the loader checks).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides(pub Vec<(Lang, Key, String)>);

/// The texts for one interface language: the set's overrides, else the built-in tables.
#[derive(Debug, Clone, Copy)]
pub struct Wording<'a> {
    lang: Lang,
    overrides: &'a Overrides,
}

/// No overrides, for [`Wording::builtin`].
static NONE: Overrides = Overrides(Vec::new());

impl<'a> Wording<'a> {
    /// The texts of `lang` with `overrides` on top.
    pub fn new(lang: Lang, overrides: &'a Overrides) -> Wording<'a> {
        Wording { lang, overrides }
    }

    /// The built-in texts of `lang`.
    pub fn builtin(lang: Lang) -> Wording<'static> {
        Wording { lang, overrides: &NONE }
    }

    /// The interface language.
    pub fn lang(self) -> Lang {
        self.lang
    }

    /// The text of `key`, placeholders unfilled.
    pub fn get(self, key: Key) -> &'a str {
        let own = self.overrides.0.iter().find(|(lang, k, _)| *lang == self.lang && *k == key);
        own.map_or_else(|| strings::get(self.lang, key), |(_, _, text)| text.as_str())
    }

    /// The text of `key` with its placeholders filled.
    pub fn text(self, key: Key, args: &[(&str, &str)]) -> String {
        strings::fill(self.get(key), args)
    }

    /// Joins items as a list in running text: "a, b en c" (`last_word` is [`Key::And`] or
    /// [`Key::Or`]).
    pub fn join_list(self, items: &[String], last_word: Key) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {}", init.join(", "), self.get(last_word), last),
        }
    }
}

impl Set {
    /// The wording of this set in the interface language `lang`.
    pub fn wording(&self, lang: Lang) -> Wording<'_> {
        Wording::new(lang, &self.file.strings)
    }
}
