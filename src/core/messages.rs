//! The problem messages of a set that does not load (the JSON parser's, the loader's and the
//! rules') and of a spreadsheet import, in Dutch and English: one template table per language,
//! as the interface's own ([`strings`]). A problem carries a [`Message`], its [`Kind`] with its
//! arguments, and is put into words only when it is shown, in the language of the page that shows
//! it ([`Message::text`]); the native tool writes English.
//!
//! These texts are not in [`strings::Key`]: a set cannot reword them (a set that does not load
//! has no wording of its own), so they have no names in the set format.

use std::fmt;

use crate::core::strings::{self, Lang, Packed};

/// A problem's words: its kind and the values of its placeholders, in the order the kind names
/// them ([`Kind::placeholders`]).
#[derive(Debug, Clone)]
pub struct Message {
    /// Which text of the tables.
    pub kind: Kind,
    /// The placeholders' values.
    pub args: Vec<Arg>,
    /// Where its texts are, so that a build leaves out the texts it never shows. `None` for the
    /// loader's messages (the `loading` group), found by [`Message::text`] alone: the board's
    /// module makes them but never words them (it hands a set with problems to the whole
    /// module). Other groups' messages carry their group's texts: the students' module words
    /// messages but makes no spreadsheet import's.
    texts: Option<Texts>,
}

/// A group's texts of a kind: its placeholders' names (separated by spaces), its Dutch text and
/// its English text.
type Texts = fn(Kind) -> [&'static str; 3];

/// Messages are the same when their kinds and arguments are.
impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        self.kind == other.kind && self.args == other.args
    }
}

impl Eq for Message {}

/// The value of a placeholder: text as it is (an id, a number, a path), or words of the tables
/// (a hint, a description of what was found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as written, in every language.
    Text(String),
    /// Put into words in the message's language.
    Message(Message),
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(message)
    }
}

/// A hint that may be missing (no "did you mean"): nothing is shown then.
impl From<Option<Message>> for Arg {
    fn from(message: Option<Message>) -> Arg {
        message.map_or(Arg::Text(String::new()), Arg::Message)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Text(n.to_string())
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Text(n.to_string())
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Text(n.to_string())
    }
}

impl Message {
    /// The message in `lang`, every placeholder filled.
    pub fn text(&self, lang: Lang) -> String {
        let [names, nl, en] = self.texts.unwrap_or(loading::texts)(self.kind);
        let mut values = Vec::with_capacity(self.args.len());
        for arg in &self.args {
            values.push(match arg {
                Arg::Text(text) => text.clone(),
                Arg::Message(message) => message.text(lang),
            });
        }
        let mut pairs = Vec::with_capacity(values.len());
        for (name, value) in placeholders(names).zip(&values) {
            pairs.push((name, value.as_str()));
        }
        strings::fill(if lang == Lang::Nl { nl } else { en }, &pairs)
    }

    /// A message of `kind` with these values of its placeholders, in the order the kind names
    /// them (for tests that make one of every kind: code that reports a problem calls the kind's
    /// own function, which knows its placeholders).
    pub fn new(kind: Kind, args: Vec<Arg>) -> Message {
        Message { kind, args, texts: Some(Kind::texts) }
    }

    /// A message of `kind`, of the group whose texts are `texts` (see the field `texts` of [`Message`]), with
    /// these values of its placeholders.
    #[inline]
    fn of<const N: usize>(texts: Option<Texts>, kind: Kind, args: [Arg; N]) -> Message {
        Message { kind, args: Vec::from(args), texts }
    }

    /// The text of argument `i` when it is text as written (an id, a field's name).
    pub fn text_arg(&self, i: usize) -> Option<&str> {
        match self.args.get(i) {
            Some(Arg::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// `alternatives` as "`a` or `b` or `c`" (each in backticks), in the message's language.
    pub fn one_of(alternatives: &[&str]) -> Message {
        let quoted = |name: &str| ["`", name, "`"].concat();
        let (last, rest) = alternatives.split_last().unwrap_or((&"", &[]));
        let mut message: Arg = quoted(last).into();
        for name in rest.iter().rev() {
            message = Message::either(quoted(name), message).into();
        }
        match message {
            Arg::Message(message) => message,
            Arg::Text(text) => Message::plain(text),
        }
    }
}

/// English, as the native tool writes it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The names in a list of placeholders' names separated by spaces.
fn placeholders(names: &'static str) -> impl Iterator<Item = &'static str> {
    names.split(' ').filter(|name| !name.is_empty())
}

/// The tables: groups of kinds, each `name (texts) { Kind constructor(placeholders) => Dutch,
/// English; … }`, where `(texts)` is what the group's messages carry as their field `texts`.
macro_rules! messages {
    ($($(#[$doc:meta])* $group:ident ($carried:expr) { $($kind:ident $make:ident($($arg:ident),*) => $nl:literal, $en:literal;)* })*) => {
        /// A problem message of the tables. Each variant's documentation is its English text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $($(#[doc = $en] $kind,)*)*
        }

        impl Kind {
            /// Every kind, for tests that check the tables.
            pub const ALL: &'static [Kind] = &[$($(Kind::$kind,)*)*];

            /// The names of the kind's placeholders, in the order [`Message`]'s arguments give
            /// their values.
            pub fn placeholders(self) -> impl Iterator<Item = &'static str> {
                placeholders(self.texts()[0])
            }

            /// The kind's text in `lang`, placeholders unfilled.
            pub fn template(self, lang: Lang) -> &'static str {
                self.texts()[if lang == Lang::Nl { 1 } else { 2 }]
            }

            /// The texts of the kind, from its group's tables.
            fn texts(self) -> [&'static str; 3] {
                match self {
                    $($(Kind::$kind)|* => $group::texts(self),)*
                }
            }
        }

        $(
            $(#[$doc])*
            mod $group {
                use super::{Arg, Kind, Message, Packed};

                /// The group's kinds, in the order of its tables.
                const KINDS: &[Kind] = &[$(Kind::$kind),*];
                /// The names of each kind's placeholders, separated by spaces.
                const NAMES: Packed<{ KINDS.len() }> =
                    Packed::new(concat!($(stringify!($($arg)*)),*), [$(stringify!($($arg)*).len()),*]);
                /// The Dutch texts.
                const NL: Packed<{ KINDS.len() }> = Packed::new(concat!($($nl),*), [$($nl.len()),*]);
                /// The English texts.
                const EN: Packed<{ KINDS.len() }> = Packed::new(concat!($($en),*), [$($en.len()),*]);

                /// The texts of `kind`, one of the group's.
                pub(super) fn texts(kind: Kind) -> [&'static str; 3] {
                    let i = kind as usize - KINDS[0] as usize;
                    [NAMES.get(i), NL.get(i), EN.get(i)]
                }

                /// A message of `kind`, one of the group's, with these values of its placeholders
                /// (one function for each number of them: a list made in each constructor cost
                /// the wasm 0.1 KB a kind, and the group's texts passed by each 1.4 KB in all).
                #[inline(never)]
                fn of<const N: usize>(kind: Kind, args: [Arg; N]) -> Message {
                    Message::of($carried, kind, args)
                }

                impl Message {
                    $(
                        #[doc = $en]
                        #[inline]
                        pub fn $make($($arg: impl Into<Arg>),*) -> Message {
                            of(Kind::$kind, [$($arg.into()),*])
                        }
                    )*
                }
            }
        )*
    };
}

messages! {
    /// A set's problems: the loader's, the JSON parser's and the rules'.
    loading (None) {
        // Words inside other messages.
        Plain plain(text) => "{text}", "{text}";
        Either either(one, other) => "{one} of {other}", "{one} or {other}";
        DidYouMean did_you_mean(name) => "; bedoel je `{name}`?", "; did you mean `{name}`?";
        FieldsHere fields_here(fields) => "; de velden hier zijn `{fields}`", "; the fields here are `{fields}`";
        TextNames text_names() => "; de namen staan in docs/instructors.md en in het schema", "; the names are listed in docs/instructors.md and the schema";
        TextInQuotes text_in_quotes() => "tekst tussen aanhalingstekens", "text in quotes";
        TrueOrFalse true_or_false() => "true of false", "true or false";
        WholeNumber whole_number() => "een geheel getal (0 of meer)", "a whole number (0 or more)";
        WholeNumberUpTo whole_number_up_to(max) => "een geheel getal van 0 tot en met {max}", "a whole number from 0 to {max}";
        AList a_list() => "een lijst [ … ]", "a list [ … ]";
        AnObject an_object() => "een object { … }", "an object { … }";
        RulesObject rules_object() => "een object { \"categorie-id\": regel, … }", "an object { \"category id\": rule, … }";
        StringsObject strings_object() => "een object { … } met `nl` en/of `en`", "an object { … } with `nl` and/or `en`";
        TextsObject texts_object() => "een object { … } met teksten per naam", "an object { … } of texts by name";
        NoneOfTheCriteria none_of_the_criteria() => "geen van de criteria", "none of the criteria";
        NoCategory no_category() => "(geen)", "(none)";
        HasNone has_none() => "die heeft er geen", "it has none";
        HasPlaceholders has_placeholders(list) => "die heeft {list}", "it has {list}";
        // The JSON parser: what it found.
        FoundEnd found_end() => "het einde van het bestand", "the end of the file";
        FoundLiteral found_literal(word) => "`{word}`; true, false en null schrijf je met kleine letters", "`{word}`; true, false and null are written in lowercase";
        FoundBareWord found_bare_word(word) => "`{word}`; is dit tekst zonder dubbele aanhalingstekens eromheen?", "`{word}`; is it text without double quotes around it?";
        FoundCurlyQuote found_curly_quote(quote) => "`{quote}`; tekst staat tussen rechte dubbele aanhalingstekens: \"…\"", "`{quote}`; text goes between straight double quotes: \"…\"";
        FoundInvisible found_invisible(code) => "het onzichtbare teken U+{code}", "the invisible character U+{code}";
        AfterMember after_member() => "een veld van een object", "an object member";
        AfterItem after_item() => "een element van een lijst", "a list item";
        DecimalPoint decimal_point() => "de decimale punt", "the decimal point";
        ExponentE exponent_e() => "de `e` van de exponent", "the exponent's `e`";
        // The JSON parser.
        FileEmpty file_empty() => "het bestand is leeg", "the file is empty";
        NotJson not_json(problem) => "dit is geen geldige JSON: {problem}", "this is not valid JSON: {problem}";
        MoreAfterEnd more_after_end(found) => "na het einde van de gegevens staat nog meer: {found}", "there is more after the end of the data: found {found}";
        BracketTooMany bracket_too_many(found) => "na het einde van de gegevens staat nog meer: {found}; staat er een sluithaakje te veel?",
            "there is more after the end of the data: found {found}; is there a closing bracket too many?";
        EndsEarly ends_early() => "het bestand houdt te vroeg op; ontbreekt er een sluithaakje of een aanhalingsteken?",
            "the file ends too early; is a closing bracket or quote missing?";
        NeverClosed never_closed(bracket, line, column) => "het bestand houdt te vroeg op: de `{bracket}` op regel {line}, kolom {column} wordt nergens gesloten; ontbreekt er een sluithaakje of een aanhalingsteken?",
            "the file ends too early: the `{bracket}` at line {line}, column {column} is never closed; is a closing bracket or quote missing?";
        TooManyValues too_many_values(max) => "het bestand bevat meer dan {max} waarden (teksten, getallen, lijsten, objecten); dit programma leest er hoogstens {max}",
            "the file holds more than {max} values (texts, numbers, lists, objects); the most this tool reads is {max}";
        TooDeep too_deep(max) => "lijsten en objecten zijn hier meer dan {max} niveaus diep genest; dit programma leest hoogstens {max} niveaus",
            "lists and objects are nested more than {max} levels deep here; the most this tool reads is {max}";
        ExpectedValue expected_value(found) => "hier hoort een waarde, maar er staat {found}", "expected a value, found {found}";
        CommaAfterLastItem comma_after_last_item() => "haal deze `,` weg: na het laatste element van een lijst komt geen komma",
            "remove this `,`: the last item of a list has no comma after it";
        CommaAfterLastMember comma_after_last_member() => "haal deze `,` weg: na het laatste veld van een object komt geen komma",
            "remove this `,`: the last member of an object has no comma after it";
        CommaMissing comma_missing(close, after, line) => "na {after} hoort `,` of `{close}`; ontbreekt er een `,` aan het eind van regel {line}?",
            "expected `,` or `{close}` after {after}; is a `,` missing at the end of line {line}?";
        ExpectedSeparator expected_separator(close, after, found) => "na {after} hoort `,` of `{close}`, maar er staat {found}",
            "expected `,` or `{close}` after {after}, found {found}";
        ExpectedFieldName expected_field_name(found) => "hier hoort een veldnaam tussen dubbele aanhalingstekens, maar er staat {found}",
            "expected a field name in double quotes, found {found}";
        ExpectedColon expected_colon(field, found) => "na de veldnaam \"{field}\" hoort `:`, maar er staat {found}",
            "expected `:` after the field name \"{field}\", found {found}";
        ListTooLong list_too_long(max) => "deze lijst heeft meer dan {max} elementen; dit programma leest er hoogstens {max}",
            "this list has more than {max} items; the most this tool reads is {max}";
        TextTooLong text_too_long(max) => "deze tekst tussen aanhalingstekens is langer dan {max} bytes; dit programma leest hoogstens {max} bytes",
            "this text in quotes is longer than {max} bytes; the most this tool reads is {max}";
        TextNeverClosed text_never_closed(line, column) => "het bestand houdt te vroeg op: de tekst tussen aanhalingstekens op regel {line}, kolom {column} wordt nergens afgesloten; ontbreekt er een aanhalingsteken?",
            "the file ends too early: the text in quotes at line {line}, column {column} is never closed; is a closing quote missing?";
        TextPastLine text_past_line(line, column) => "de tekst tussen aanhalingstekens op regel {line}, kolom {column} eindigt niet op die regel; ontbreekt er een aanhalingsteken? (een regeleinde in tekst schrijf je als \\n)",
            "the text in quotes at line {line}, column {column} does not end on its line; is a closing quote missing? (a line break inside text is written \\n)";
        TabInText tab_in_text() => "een tab in tekst tussen aanhalingstekens schrijf je als \\t", "a tab inside text in quotes must be written \\t";
        InvisibleInText invisible_in_text(code, escape) => "het onzichtbare teken U+{code} in tekst tussen aanhalingstekens schrijf je als \\u{escape}",
            "the invisible character U+{code} inside text in quotes must be written \\u{escape}";
        FirstHalf first_half(code) => "`\\u{code}` is de eerste helft van een surrogaatpaar; daarna moet de tweede helft komen, `\\uDC00` tot en met `\\uDFFF`",
            "`\\u{code}` is the first half of a surrogate pair and must be followed by its second half, `\\uDC00` to `\\uDFFF`";
        SecondHalf second_half(code) => "`\\u{code}` is de tweede helft van een surrogaatpaar, maar de eerste helft (`\\uD800` tot en met `\\uDBFF`) ontbreekt",
            "`\\u{code}` is the second half of a surrogate pair, but the first half (`\\uD800` to `\\uDBFF`) is missing";
        UnknownEscape unknown_escape(escape) => "`{escape}` is geen escape die JSON kent; een backslash in tekst schrijf je als \\\\",
            "`{escape}` is not an escape JSON knows; a backslash in text is written \\\\";
        HexDigits hex_digits() => "na `\\u` horen vier hexadecimale cijfers (0-9, a-f)", "`\\u` must be followed by four hexadecimal digits (0-9, a-f)";
        ExpectedDigit expected_digit(after, found) => "na {after} hoort een cijfer, maar er staat {found}", "expected a digit after {after}, found {found}";
        LeadingZero leading_zero() => "een getal mag niet beginnen met 0 gevolgd door meer cijfers (schrijf 7, niet 07)",
            "a number may not start with 0 followed by more digits (write 7, not 07)";
        // Reading the set.
        SetTooLarge set_too_large(size, max) => "de set is {size} bytes; dit programma leest hoogstens {max} bytes", "the set is {size} bytes; the most this tool reads is {max}";
        TooManyProblems too_many_problems(max) => "er zijn meer problemen dan deze {max}; los deze eerst op", "there are more problems than these {max}; fix these first";
        Expected expected(expected, found) => "hier hoort {expected}, maar er staat {found}", "expected {expected}, found {found}";
        FieldTwice field_twice(field) => "het veld `{field}` staat er twee keer", "field `{field}` appears twice";
        UnknownField unknown_field(field, hint) => "onbekend veld `{field}`{hint}", "unknown field `{field}`{hint}";
        MissingField missing_field(field) => "het veld `{field}` ontbreekt", "missing field `{field}`";
        NotAnObject not_an_object() => "een set is een JSON-object: het begint met { en eindigt met }", "a set is a JSON object: it starts with { and ends with }";
        MissingFormat missing_format(version) => "het veld `format` ontbreekt (deze versie leest format {version})", "missing field `format` (this version reads format {version})";
        FormatUnsupported format_unsupported(format, oldest, newest) => "format {format} wordt niet ondersteund; deze versie leest format {oldest} en {newest}",
            "format {format} is not supported; this version reads formats {oldest} and {newest}";
        NeedsFormat needs_format(field, version) => "het veld `{field}` vraagt format {version}: zet `format` op {version}",
            "field `{field}` needs format {version}: change `format` to {version}";
        UnknownLanguage unknown_language(lang, hint) => "onbekende taal `{lang}`{hint}; de talen zijn `nl` en `en`", "unknown language `{lang}`{hint}; the languages are `nl` and `en`";
        LanguageTwice language_twice(lang) => "de taal `{lang}` staat er twee keer", "language `{lang}` appears twice";
        UnknownText unknown_text(name, hint) => "onbekende tekst `{name}`{hint}", "unknown text `{name}`{hint}";
        NameTwice name_twice(name) => "`{name}` staat er twee keer", "`{name}` appears twice";
        TextEmpty text_empty() => "de tekst is leeg", "the text is empty";
        NotAPlaceholder not_a_placeholder(placeholder, name, hint, has) => "`{placeholder}` is geen plaatshouder van `{name}`{hint}; {has}",
            "`{placeholder}` is not a placeholder of `{name}`{hint}; {has}";
        // Checking the set.
        NeedsId needs_id() => "de set heeft een id nodig (letters, cijfers, - of _)", "the set needs an id (letters, digits, - or _)";
        TitleEmpty title_empty() => "de titel is leeg", "the title is empty";
        EyebrowEmpty eyebrow_empty() => "het veld `eyebrow` is leeg: laat het weg voor een pagina zonder bovenregel", "the eyebrow is empty: leave the field out for a page without one";
        LabelEmpty label_empty() => "het label is leeg", "the label is empty";
        BadId bad_id(id) => "het id `{id}` mag alleen letters a–z, cijfers, - en _ bevatten", "the id `{id}` may only use letters a–z, digits, - and _";
        IdUsed id_used(id, by) => "het id `{id}` wordt al gebruikt door {by}", "the id `{id}` is already used by {by}";
        UnknownCriterion unknown_criterion(id, hint) => "het criterium `{id}` bestaat niet{hint}", "criterion `{id}` does not exist{hint}";
        UnknownCategory unknown_category(id, hint) => "de categorie `{id}` bestaat niet{hint}", "category `{id}` does not exist{hint}";
        NoCategories no_categories() => "een set heeft minstens één categorie nodig", "a set needs at least one category";
        TooManyCategories too_many_categories(n, max) => "{n} categorieën; een set mag er hoogstens {max} hebben", "{n} categories; the most a set may hold is {max}";
        ListedTwice listed_twice(id) => "`{id}` staat er twee keer in", "`{id}` is listed twice";
        MissingFromPrecedence missing_from_precedence(id) => "de categorie `{id}` ontbreekt in de lijst `precedence`", "category `{id}` is missing from the precedence list";
        NoExcerpts no_excerpts() => "een set heeft minstens één fragment nodig", "a set needs at least one excerpt";
        TooMuchEvidence too_much_evidence(n, max) => "{n} stukken bewijs; een fragment mag er hoogstens {max} noemen, één per criterium dat het laat zien",
            "{n} pieces of evidence; the most an excerpt may list is {max}, one per criterion it shows";
        CriterionTwice criterion_twice(id) => "het criterium `{id}` staat twee keer bij dit fragment", "criterion `{id}` is listed twice for this excerpt";
        QuoteEmpty quote_empty() => "het citaat is leeg: kopieer uit de tekst de woorden die het criterium laten zien",
            "the quote is empty: copy the words that show the criterion from the text";
        QuoteNotFound quote_not_found() => "het citaat staat niet in de tekst van het fragment (kopieer het letterlijk, met dezelfde spelling en leestekens)",
            "quote is not found in the excerpt's text (it must be copied exactly, same spelling and punctuation)";
        NoRuleHolds no_rule_holds(shows) => "voor dit fragment geldt de regel van geen enkele categorie (het laat zien: {shows}), en de set heeft geen restcategorie",
            "no category's rule holds for this excerpt (it shows: {shows}), and the set has no fallback category";
        FallbackNotOffered fallback_not_offered(shows, fallback) => "voor dit fragment geldt de regel van geen enkele categorie (het laat zien: {shows}), en de restcategorie `{fallback}` wordt niet als bak aangeboden",
            "no category's rule holds for this excerpt (it shows: {shows}), and the fallback `{fallback}` is not offered as a bin";
        CategoryDisagrees category_disagrees(stated, derived, shows, reason) => "de set zegt `{stated}`, maar de regels geven `{derived}`: het fragment laat {shows} zien, en {reason}",
            "the set says `{stated}` but the rules give `{derived}`: the excerpt shows {shows}, and {reason}";
        ComesBefore comes_before(derived, stated) => "`{derived}` komt in de volgorde van `precedence` vóór `{stated}`", "`{derived}` comes before `{stated}` in the precedence order";
        FailsRule fails_rule(stated) => "dat voldoet niet aan de regel van `{stated}`", "that does not meet the rule of `{stated}`";
        MeetsRule meets_rule(derived) => "dat voldoet aan de regel van `{derived}`", "that meets the rule of `{derived}`";
        LensNoRule lens_no_rule(id) => "geen regel van deze lens geldt voor het fragment `{id}`, en de set heeft geen restcategorie",
            "no rule of this lens holds for excerpt `{id}`, and the set has no fallback category";
        TriesRange tries_range(n) => "tries is {n}; dat moet 1 tot en met 9 zijn", "tries is {n}; it must be from 1 to 9";
        PercentRange percent_range(field, n) => "{field} is {n}; dat is een percentage van 0 tot en met 100", "{field} is {n}; it is a percentage from 0 to 100";
        MinRange min_range(n) => "min is {n}; scores lopen van 0 tot en met 100", "min is {n}; scores run from 0 to 100";
        BandTwice band_twice(n) => "er begint al een andere scoreband bij {n}", "another band already starts at {n}";
        // The quiz's fields.
        RuleTwice rule_twice(category) => "de categorie `{category}` heeft hier al een regel", "category `{category}` has a rule here already";
        QuizUnused quiz_unused() => "`quiz` heeft geen effect zolang `mode` \"board\" is: zet `mode` op \"quiz\" of \"both\" om de quiz aan te bieden",
            "`quiz` has no effect while `mode` is \"board\": set `mode` to \"quiz\" or \"both\" to offer the quiz";
        QuestionsUnused questions_unused() => "vragen worden alleen in de quiz gesteld, en `mode` is \"board\": zet `mode` op \"quiz\" of \"both\" om de quiz aan te bieden",
            "questions are asked in the quiz only, and `mode` is \"board\": set `mode` to \"quiz\" or \"both\" to offer the quiz";
        PoolZero pool_zero() => "pool is 0; een poging heeft minstens 1 fragment nodig", "pool is 0; an attempt needs at least 1 excerpt";
        PoolTooLarge pool_too_large(pool, n) => "pool is {pool}, maar de set heeft maar {n} fragmenten", "pool is {pool}, but the set has only {n} excerpts";
        PromptEmpty prompt_empty() => "de vraag is leeg", "the prompt is empty";
        OptionEmpty option_empty() => "de tekst van de antwoordmogelijkheid is leeg", "the option's text is empty";
        TooFewOptions too_few_options() => "een vraag heeft minstens 2 antwoordmogelijkheden nodig", "a question needs at least 2 options";
        NoCorrectOption no_correct_option() => "geen enkele antwoordmogelijkheid is juist: markeer de juiste met \"correct\": true",
            "no option is correct: mark the right one with \"correct\": true";
        SingleManyCorrect single_many_correct(options) => "een vraag van het type `single` heeft één juiste antwoordmogelijkheid, maar {options} zijn allemaal juist (gebruik voor meer dan één \"type\": \"multiple\")",
            "a `single` question has one correct option, but {options} are all correct (for several, use \"type\": \"multiple\")";
        FallbackHasNoRule fallback_has_no_rule(category) => "`{category}` is de restcategorie, die geen regel heeft: daarin komt wat bij geen enkele regel past",
            "`{category}` is the fallback, which has no rule: it takes what no rule matches";
        // Rules.
        RuleTooDeep rule_too_deep(max) => "de regel is meer dan {max} niveaus diep genest", "rule is nested more than {max} levels deep";
        TakesList takes_list(operator) => "\"{operator}\" verwacht een lijst van regels", "\"{operator}\" takes a list of rules";
        NeedsRule needs_rule(operator) => "\"{operator}\" heeft minstens één regel nodig", "\"{operator}\" needs at least one rule";
        UnknownOperator unknown_operator(operator, shape) => "onbekende operator \"{operator}\" in een regel; {shape}", "unknown rule operator \"{operator}\"; {shape}";
        RuleShape rule_shape() => "een regel is een criterium-id (\"loneliness\"), {\"all\": [...]}, {\"any\": [...]} of {\"not\": ...}",
            "a rule is a criterion id (\"loneliness\"), {\"all\": [...]}, {\"any\": [...]} or {\"not\": ...}";
    }
    /// A spreadsheet's problems (an import: the native tool's and the set editor's, not in the
    /// students' module).
    importing (Some(texts)) {
        CsvTooLarge csv_too_large(size, max) => "het bestand is {size} bytes; dit programma leest hoogstens {max} bytes", "the file is {size} bytes; the most this tool reads is {max}";
        CsvEmpty csv_empty() => "het bestand is leeg: het heeft een kopregel nodig met de namen van de kolommen", "the file is empty: it needs a header line naming the columns";
        CsvUnreadable csv_unreadable(reason) => "het bestand is geen leesbare CSV: {reason}", "the file cannot be read as CSV: {reason}";
        QuoteNeverClosed quote_never_closed() => "de tekst tussen aanhalingstekens die op deze regel begint, wordt nergens afgesloten: er ontbreekt een `\"`",
            "the text in quotes that starts on this line is never closed: a `\"` is missing";
        ColumnUnnamed column_unnamed(n) => "kolom {n} heeft geen naam", "column {n} has no name";
        ColumnTwice column_twice() => "deze kolom staat er twee keer", "this column appears twice";
        UnknownColumn unknown_column(fields, criteria) => "onbekende kolom: de kolommen zijn `{fields}` en de criteria van de set, `{criteria}`",
            "unknown column: the columns are `{fields}` and the set's criteria `{criteria}`";
        ColumnMissing column_missing() => "deze kolom ontbreekt: elk fragment heeft er een nodig", "this column is missing: every excerpt needs one";
        TooManyRows too_many_rows(rows, room, max) => "{rows} rijen; er passen nog {room} fragmenten in de set (hoogstens {max})",
            "{rows} rows; the set has room for {room} more excerpts (at most {max})";
        RowLength row_length(n, header) => "deze rij heeft {n} velden; de kopregel noemt er {header}", "this row has {n} fields; the header names {header}";
        IdEmpty id_empty() => "het id is leeg", "the id is empty";
        ExcerptExists excerpt_exists(id) => "de set heeft al een fragment `{id}`", "the set already has an excerpt `{id}`";
        IdOnLine id_on_line(id, line) => "het id `{id}` wordt al gebruikt op regel {line}", "the id `{id}` is already used on line {line}";
        CellQuoteNotFound cell_quote_not_found() => "het citaat staat niet in de tekst (kopieer het letterlijk, met dezelfde spelling en leestekens)",
            "the quote is not found in the text (it must be copied exactly, same spelling and punctuation)";
        FootnoteNumber footnote_number() => "de voetnoot is een geheel getal", "the footnote is a whole number";
        NoRows no_rows() => "onder de kopregel staan geen fragmenten", "there are no excerpts under the header";
        AfterImport after_import(place, problem) => "na het importeren zou de set dit probleem hebben: {place}{problem}", "after the import, the set would have this problem: {place}{problem}";
    }
}
