//! The string tables: every sentence the interface and the feedback show, in Dutch and English.
//! Views and feedback builders look texts up by [`Key`] through a set's
//! [`Wording`](crate::core::wording::Wording) (these tables with the set's own `strings` on top)
//! and fill `{name}` placeholders with [`fill`]; no sentence is written anywhere else.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Reads a BCP 47 tag's primary language (`nl`, `nl-BE`, `en-GB`…); `None` for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language code for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

macro_rules! table {
    ($($key:ident $name:literal => $nl:literal, $en:literal;)*) => {
        /// A string in the tables. Each variant's documentation is its Dutch text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $(#[doc = $nl] $key,)*
        }

        impl Key {
            /// Every key, for tests that check the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The key's name in a set's `strings` (snake_case, e.g. `tries_left`). The names are
            /// part of the set format: a variant may be renamed, its name stays.
            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$key => $name,)*
                }
            }
        }

        /// The built-in text of `key` in `lang`, placeholders unfilled (without a set's
        /// overrides: code that has a set asks its [`Wording`](crate::core::wording::Wording)).
        pub fn get(lang: Lang, key: Key) -> &'static str {
            match (lang, key) {
                $((Lang::Nl, Key::$key) => $nl, (Lang::En, Key::$key) => $en,)*
            }
        }
    };
}

table! {
    // The board.
    Instructions "instructions" => "Zet elk fragment in de bak waar het volgens het essay hoort. Sleep het, of tik op het fragment en daarna op een bak. Met het toetsenbord: ga met Tab naar een fragment, druk op Spatie om het op te pakken, kies een bak met de pijltjestoetsen, leg het neer met Enter; Escape annuleert.",
        "Put each excerpt in the bin where the essay says it belongs. Drag it, or tap the excerpt and then a bin. With the keyboard: Tab to an excerpt, press Space to pick it up, choose a bin with the arrow keys, drop it with Enter; Escape cancels.";
    Pool "pool" => "Fragmenten", "Excerpts";
    PoolButton "pool_button" => "Terug naar de stapel", "Back to the pile";
    PoolEmpty "pool_empty" => "Alle fragmenten zijn geplaatst.", "Every excerpt has been placed.";
    BinEmpty "bin_empty" => "Nog leeg.", "Empty.";
    EssaySays "essay_says" => "Wat het essay zegt", "What the essay says";
    MoveTo "move_to" => "Verplaats naar…", "Move to…";
    Check "check" => "Controleer", "Check";
    Restart "restart" => "Opnieuw beginnen", "Start again";
    Description "description" => "Beschrijving in het essay, geen citaat", "The essay's description, not a quotation";
    SourcePage "source_page" => "p. {page}", "p. {page}";
    EssayRefSection "essay_ref_section" => "essay, § {section}", "essay, § {section}";
    EssayRefFootnote "essay_ref_footnote" => "essay, § {section}, voetnoot {footnote}", "essay, § {section}, footnote {footnote}";
    TriesLeft "tries_left" => "Nog {n} van {tries} controles over.", "{n} of {tries} checks left.";
    // Announcements.
    Picked "picked" => "Opgepakt: ‘{card}’. Kies een bak met de pijltjestoetsen en druk op Enter; Escape annuleert.",
        "Picked up: ‘{card}’. Choose a bin with the arrow keys and press Enter; Escape cancels.";
    Selected "selected" => "Gekozen: ‘{card}’. Tik of klik nu op een bak.", "Selected: ‘{card}’. Now tap or click a bin.";
    Target "target" => "Doel: {bin}.", "Target: {bin}.";
    Placed "placed" => "‘{card}’ staat nu in {bin}.", "‘{card}’ is now in {bin}.";
    Returned "returned" => "‘{card}’ ligt weer op de stapel.", "‘{card}’ is back on the pile.";
    Cancelled "cancelled" => "Verplaatsen geannuleerd.", "Move cancelled.";
    Locked "locked" => "‘{card}’ staat al goed en blijft staan.", "‘{card}’ is already right and stays put.";
    NotAllPlaced "not_all_placed" => "Plaats eerst alle fragmenten; er liggen er nog {n} op de stapel.",
        "Place every excerpt first; {n} still on the pile.";
    CheckResult "check_result" => "Controle {k} van {tries}: {right} van {total} goed.", "Check {k} of {tries}: {right} of {total} right.";
    Finished "finished" => "Klaar: je score is {score}%.", "Done: your score is {score}%.";
    // Notices.
    Resumed "resumed" => "Je vorige poging is hersteld.", "Your previous attempt has been restored.";
    StateReset "state_reset" => "Je opgeslagen poging hoort bij een andere versie van deze set of is beschadigd; je begint opnieuw.",
        "Your saved attempt belongs to another version of this set or is damaged; you start afresh.";
    StorageUnavailable "storage_unavailable" => "Deze browser bewaart je voortgang niet; hij blijft alleen bewaard zolang deze pagina open is.",
        "This browser does not keep your progress; it is kept only while this page stays open.";
    LoadFailed "load_failed" => "Deze oefenset kan niet worden geladen. Dit moet de maker van de set verbeteren:",
        "This exercise set cannot be loaded. The set's author needs to fix this:";
    FetchFailed "fetch_failed" => "Deze oefenset kon niet worden opgehaald:", "This exercise set could not be fetched:";
    // The summary.
    Summary "summary" => "Resultaat", "Result";
    Score "score" => "Score: {score}% ({right} van {total} fragmenten goed).", "Score: {score}% ({right} of {total} excerpts right).";
    Passed "passed" => "Geslaagd (nodig: {pass}%).", "Passed (needed: {pass}%).";
    NotPassed "not_passed" => "Nog niet geslaagd (nodig: {pass}%).", "Not passed yet (needed: {pass}%).";
    // Feedback verdicts.
    Right "right" => "Goed.", "Right.";
    Wrong "wrong" => "Nog niet goed.", "Not right yet.";
    WrongFinal "wrong_final" => "Niet goed, en de controles zijn op.", "Not right, and no checks are left.";
    Revealed "revealed" => "Het juiste antwoord is {bin}.", "The right answer is {bin}.";
    // Feedback sentences.
    RuleIs "rule_is" => "De bak ‘{bin}’ vraagt: {rule}.", "The bin ‘{bin}’ requires: {rule}.";
    Shows "shows" => "Het fragment toont {criterion}: ", "The excerpt shows {criterion}: ";
    Lacks "lacks" => "Het fragment toont niet: {criteria}.", "The excerpt does not show: {criteria}.";
    LacksAny "lacks_any" => "Het fragment toont geen van deze: {options}.", "The excerpt shows none of these: {options}.";
    HoldsBecause "holds_because" => "Daarom is het {bin}.", "That makes it {bin}.";
    Precedence "precedence" => "Dat klopt op zich, maar het fragment voldoet ook aan {higher}, en die regel gaat voor.",
        "That holds in itself, but the excerpt also meets {higher}, and that rule comes first.";
    NoRuleHolds "no_rule_holds" => "Geen van de regels geldt hier: {bins}.", "None of the rules holds here: {bins}.";
    FallbackWrong "fallback_wrong" => "De bak ‘{bin}’ is alleen voor fragmenten waarop geen enkele regel past, maar dit fragment toont wel iets waar een regel naar vraagt.",
        "The bin ‘{bin}’ is only for excerpts that no rule fits, but this excerpt does show something a rule asks for.";
    AlsoHolds "also_holds" => "De regel van {lower} geldt ook, maar {bin} gaat voor.", "The rule for {lower} holds too, but {bin} comes first.";
    ExcludedShown "excluded_shown" => "De regel sluit {part} uit, maar het fragment toont dat wel.", "The rule excludes {part}, but the excerpt shows it.";
    AlsoShows "also_shows" => "Verder toont het fragment {criterion}: ", "The excerpt also shows {criterion}: ";
    Hint "hint" => "Tip: kijk nog eens naar {criterion}: {explanation}", "Hint: look again at {criterion}: {explanation}";
    EssayDiscusses "essay_discusses" => "Het essay bespreekt dit fragment in {reference}.", "The essay discusses this excerpt in {reference}.";
    Commentary "commentary" => "Toelichting: ", "Commentary: ";
    // Joining words for rules and lists.
    And "and" => "en", "and";
    Or "or" => "of", "or";
    AllOf "all_of" => "{parts}", "{parts}";
    AnyOf "any_of" => "ten minste één van: {parts}", "at least one of: {parts}";
    NotOf "not_of" => "niet {part}", "not {part}";
}

/// Fills `{name}` placeholders in `template`; unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Looks up the built-in text of `key` in `lang` and fills its placeholders (without a set's
/// overrides: code that has a set uses [`Wording::text`](crate::core::wording::Wording::text)).
pub fn text(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(get(lang, key), args)
}

/// The names of the `{name}` placeholders in `template`, in order, read as [`fill`] reads them.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}
