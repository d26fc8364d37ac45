//! The string tables: every sentence the interface and the feedback show, in Dutch and English.
//! Views and feedback builders look texts up by [`Key`] through a set's
//! [`Wording`](crate::core::wording::Wording) (these tables with the set's own `strings` on top)
//! and fill `{name}` placeholders with [`fill`]; no sentence is written anywhere else, but for
//! the problems of a set that does not load, whose tables are [`messages`](crate::core::messages).
//! A key only the quiz uses is marked `quiz` in the table: the board's module (built without the
//! feature `quiz`) leaves its texts out, and a test (tests/native/wording.rs) keeps such keys out
//! of everything but the quiz's code.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename_all = "lowercase"))]
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

/// Whether a key is marked `quiz` in the table.
#[cfg(feature = "quiz")]
macro_rules! quiz_only {
    ([]) => {
        false
    };
    ([quiz]) => {
        true
    };
}

/// A text in the column of its group (`board` or `quiz`): `$text` when the key's mark (empty, or
/// `quiz` for a key only the quiz uses) is that group's, else nothing.
macro_rules! pick {
    (board [] $text:literal) => {
        $text
    };
    (board [quiz] $text:literal) => {
        ""
    };
    (quiz [] $text:literal) => {
        ""
    };
    (quiz [quiz] $text:literal) => {
        $text
    };
}

/// A column of group `$group` (`board` or `quiz`): each key's text there (by `pick!`), packed.
macro_rules! column {
    ($group:ident, $([$($quiz:ident)?] $text:literal),*) => {
        Packed::new(concat!($(pick!($group [$($quiz)?] $text)),*), [$(pick!($group [$($quiz)?] $text).len()),*])
    };
}

macro_rules! table {
    ($($key:ident $name:literal $($quiz:ident)? => $nl:literal, $en:literal;)*) => {
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
                NAMES.get(self as usize)
            }
        }

        /// The keys' names.
        const NAMES: Packed<{ Key::ALL.len() }> = Packed::new(concat!($($name),*), [$($name.len()),*]);
        /// Whether each key is one only the quiz uses (marked `quiz` in the table).
        #[cfg(feature = "quiz")]
        const QUIZ_ONLY: [bool; Key::ALL.len()] = [$(quiz_only!([$($quiz)?])),*];
        /// The Dutch texts, every key's: read only here, to find each key's placeholders.
        const NL_ALL: Packed<{ Key::ALL.len() }> = Packed::new(concat!($($nl),*), [$($nl.len()),*]);
        /// The Dutch texts of the keys that are not the quiz's alone (empty for those that are).
        const NL: Packed<{ Key::ALL.len() }> = column!(board, $([$($quiz)?] $nl),*);
        /// The English texts of the keys that are not the quiz's alone.
        const EN: Packed<{ Key::ALL.len() }> = column!(board, $([$($quiz)?] $en),*);
        /// The Dutch texts of the keys only the quiz uses (empty for the others).
        #[cfg(feature = "quiz")]
        const QUIZ_NL: Packed<{ Key::ALL.len() }> = column!(quiz, $([$($quiz)?] $nl),*);
        /// The English texts of the keys only the quiz uses.
        #[cfg(feature = "quiz")]
        const QUIZ_EN: Packed<{ Key::ALL.len() }> = column!(quiz, $([$($quiz)?] $en),*);
    };
}

/// One column of the tables as a single text and where each key's piece of it ends. A table of
/// `&str` would hold 8 bytes per text in the wasm (a pointer and a length); this holds 2. The
/// problem messages' tables ([`messages`](crate::core::messages)) are packed the same way.
pub(crate) struct Packed<const N: usize> {
    all: &'static str,
    ends: [u16; N],
}

impl<const N: usize> Packed<N> {
    /// The pieces `all` is made of, by their lengths in bytes.
    pub(crate) const fn new(all: &'static str, lengths: [usize; N]) -> Packed<N> {
        let mut ends = [0; N];
        let (mut i, mut end) = (0, 0);
        while i < N {
            end += lengths[i];
            assert!(end <= u16::MAX as usize, "a column of the string tables is longer than 64 KiB");
            ends[i] = end as u16;
            i += 1;
        }
        Packed { all, ends }
    }

    /// The piece of key number `i`.
    pub(crate) fn get(&self, i: usize) -> &'static str {
        let start = match i.checked_sub(1) {
            Some(before) => self.ends[before],
            None => 0,
        };
        self.all.get(usize::from(start)..usize::from(self.ends[i])).unwrap_or_default()
    }
}

/// The built-in text of `key` in `lang`, placeholders unfilled (without a set's overrides: code
/// that has a set asks its [`Wording`](crate::core::wording::Wording)). Without the feature
/// `quiz` (the board's module), the keys only the quiz uses have no text: their texts, 7.7 KB,
/// are left out of the module.
pub fn get(lang: Lang, key: Key) -> &'static str {
    let i = key as usize;
    #[cfg(feature = "quiz")]
    if QUIZ_ONLY[i] {
        return match lang {
            Lang::Nl => QUIZ_NL.get(i),
            Lang::En => QUIZ_EN.get(i),
        };
    }
    match lang {
        Lang::Nl => NL.get(i),
        Lang::En => EN.get(i),
    }
}

/// The names of `key`'s placeholders, in the order its Dutch text has them (its English text has
/// the same: a test checks). From a column made as the module is compiled, so that the loader
/// can check a set's own texts for a key whose texts the module leaves out.
pub fn key_placeholders(key: Key) -> Vec<&'static str> {
    placeholders(PLACEHOLDERS.get(key as usize))
}

/// Each key's placeholders, `{a}{b}`, one piece per key.
const PLACEHOLDERS: Packed<{ Key::ALL.len() }> = Packed { all: PLACEHOLDER_TEXT, ends: PLACEHOLDER_PIECES.1 };
/// The length of all keys' placeholders together.
const PLACEHOLDER_BYTES: usize = placeholder_pieces::<0, { Key::ALL.len() }>(&NL_ALL).0.1;
/// The placeholders' bytes, and where each key's end.
const PLACEHOLDER_PIECES: (([u8; PLACEHOLDER_BYTES], usize), [u16; Key::ALL.len()]) =
    placeholder_pieces::<PLACEHOLDER_BYTES, { Key::ALL.len() }>(&NL_ALL);
/// The placeholders' bytes as text (they are whole pieces of UTF-8 text).
const PLACEHOLDER_TEXT: &str = match core::str::from_utf8(&PLACEHOLDER_PIECES.0.0) {
    Ok(text) => text,
    Err(_) => panic!("the placeholders are not UTF-8"),
};

/// The `{name}` placeholders of each key in `column`, read as [`fill`] reads them, copied one
/// after the other into `L` bytes (with how many there were: `L` 0 counts them), and where each
/// key's end.
const fn placeholder_pieces<const L: usize, const N: usize>(column: &Packed<N>) -> (([u8; L], usize), [u16; N]) {
    let bytes = column.all.as_bytes();
    let mut out = [0; L];
    let mut ends = [0; N];
    let (mut k, mut start, mut len) = (0, 0, 0);
    while k < N {
        let end = column.ends[k] as usize;
        let mut i = start;
        while i < end {
            if bytes[i] != b'{' {
                i += 1;
                continue;
            }
            let mut close = i + 1;
            while close < end && bytes[close] != b'}' {
                close += 1;
            }
            if close == end {
                break;
            }
            while i <= close {
                if len < L {
                    out[len] = bytes[i];
                }
                len += 1;
                i += 1;
            }
        }
        ends[k] = len as u16;
        start = end;
        k += 1;
    }
    ((out, len), ends)
}

table! {
    // The board.
    Instructions "instructions" => "Zet elk fragment in de bak waar het volgens het essay hoort. Tik of klik op een fragment: de bakken verschijnen dan onderaan het scherm, tik op de goede. ‘Verplaats naar…’ onder elk fragment doet hetzelfde, en je kunt een fragment ook naar een bak slepen. Met het toetsenbord: ga met Tab naar een fragment, druk op Spatie om het op te pakken, kies een bak met de pijltjestoetsen en leg het neer met Enter, of druk meteen op 1 tot {n} voor bak 1 tot {n}; Escape annuleert. Daarna gaat de focus naar het volgende fragment op de stapel.",
        "Put each excerpt in the bin where the essay says it belongs. Tap or click an excerpt: the bins then appear at the bottom of the screen; tap the right one. ‘Move to…’ under each excerpt does the same, and you can also drag an excerpt to a bin. With the keyboard: Tab to an excerpt, press Space to pick it up, choose a bin with the arrow keys and drop it with Enter, or press 1 to {n} for bin 1 to {n} at once; Escape cancels. Focus then moves to the next excerpt on the pile.";
    IntroSummary "intro_summary" => "Inleiding", "Introduction";
    Task "task" => "Zet elk fragment in de bak waar het volgens het essay hoort: tik erop en kies een bak, of gebruik ‘Verplaats naar…’.",
        "Put each excerpt in the bin where the essay says it belongs: tap it and choose a bin, or use ‘Move to…’.";
    HowTo "how_to" => "Hoe werkt het? (slepen, toetsenbord)", "How does it work? (dragging, keyboard)";
    Pool "pool" => "Fragmenten", "Excerpts";
    PoolButton "pool_button" => "Terug naar de stapel", "Back to the pile";
    PoolEmpty "pool_empty" => "Alle fragmenten zijn geplaatst.", "Every excerpt has been placed.";
    BinEmpty "bin_empty" => "Nog leeg.", "Empty.";
    BinCount "bin_count" => "{n} geplaatst", "{n} placed";
    CardText "card_text" => "Tekst", "Text";
    Tray "tray" => "Leg het in:", "Put it in:";
    CancelMove "cancel_move" => "Annuleren", "Cancel";
    Why "why" => "Waarom?", "Why?";
    ReportWrong "report_wrong" => "Nog niet goed (kies er een om erheen te gaan):", "Not right yet (choose one to go there):";
    ReportRevealed "report_revealed" => "Fout gebleven (de feedback noemt de goede bak):", "Still wrong (the feedback names the right bin):";
    EssaySays "essay_says" => "Wat het essay zegt", "What the essay says";
    MoveTo "move_to" => "Verplaats naar…", "Move to…";
    Check "check" => "Controleer", "Check";
    Restart "restart" => "Opnieuw beginnen", "Start again";
    Description "description" => "Beschrijving in het essay, geen citaat", "The essay’s description, not a quotation";
    SourcePage "source_page" => "p. {page}", "p. {page}";
    SourceDiary "source_diary" => "Dagboek", "Diary";
    SourceMemoir "source_memoir" => "Memoires", "Memoir";
    SourceNewspaper "source_newspaper" => "Krant", "Newspaper";
    SourceLetter "source_letter" => "Brief", "Letter";
    SourceSummary "source_summary" quiz => "Bron: ", "Source: ";
    EssayRefSection "essay_ref_section" => "essay, § {section}", "essay, § {section}";
    EssayRefFootnote "essay_ref_footnote" => "essay, § {section}, voetnoot {footnote}", "essay, § {section}, footnote {footnote}";
    EssayRefIntro "essay_ref_intro" => "essay, inleiding (zonder kop)", "essay, introduction (untitled)";
    EssayRefIntroFootnote "essay_ref_intro_footnote" => "essay, inleiding (zonder kop), voetnoot {footnote}", "essay, introduction (untitled), footnote {footnote}";
    TriesLeft "tries_left" => "Nog {n} van {tries} controles over.", "{n} of {tries} checks left.";
    // Announcements.
    Picked "picked" => "Opgepakt: ‘{card}’. Doel: {bin}. De pijltjestoetsen kiezen een andere bak, Enter legt het neer, 1 tot {n} legt het meteen in die bak; Escape annuleert.",
        "Picked up: ‘{card}’. Target: {bin}. The arrow keys choose another bin, Enter drops it, 1 to {n} puts it in that bin at once; Escape cancels.";
    Selected "selected" => "Gekozen: ‘{card}’. Tik of klik onderaan op een bak.", "Selected: ‘{card}’. Now tap or click a bin at the bottom.";
    Target "target" => "Doel: {bin}.", "Target: {bin}.";
    Placed "placed" => "‘{card}’ staat nu in {bin}.", "‘{card}’ is now in {bin}.";
    Returned "returned" => "‘{card}’ ligt weer op de stapel.", "‘{card}’ is back on the pile.";
    Cancelled "cancelled" => "Verplaatsen geannuleerd.", "Move cancelled.";
    NoCardChosen "no_card_chosen" => "Kies eerst een fragment: tik of klik erop, of ga er met Tab naartoe en druk op Spatie.",
        "Choose an excerpt first: tap or click it, or Tab to it and press Space.";
    Locked "locked" => "‘{card}’ staat al goed en blijft staan.", "‘{card}’ is already right and stays put.";
    NotAllPlaced "not_all_placed" => "Plaats eerst alle fragmenten; er liggen er nog {n} op de stapel.",
        "Place every excerpt first; {n} are still on the pile.";
    NotAllPlacedOne "not_all_placed_one" => "Plaats eerst alle fragmenten; er ligt er nog 1 op de stapel.",
        "Place every excerpt first; 1 is still on the pile.";
    CheckWaits "check_waits" => "Verplaats eerst een fragment dat nog niet goed is.", "First move an excerpt that is not right yet.";
    NothingChanged "nothing_changed" => "Er is niets veranderd sinds de vorige controle: verplaats eerst een fragment dat nog niet goed is.",
        "Nothing has changed since the last check: first move an excerpt that is not right yet.";
    CheckResult "check_result" => "Controle {k} van {tries}: {right} van {total} goed.", "Check {k} of {tries}: {right} of {total} right.";
    Finished "finished" => "Klaar: je score is {score}%.", "Done: your score is {score}%.";
    // Notices.
    Resumed "resumed" => "Je vorige poging is hersteld.", "Your previous attempt has been restored.";
    StateReset "state_reset" => "Je opgeslagen poging hoort bij een andere versie van deze set of is beschadigd; je begint opnieuw.",
        "Your saved attempt belongs to another version of this set or is damaged; you start afresh.";
    StorageUnavailable "storage_unavailable" => "Deze browser bewaart je voortgang niet; hij blijft alleen bewaard zolang deze pagina open is.",
        "This browser does not keep your progress; it is kept only while this page stays open.";
    LoadFailed "load_failed" => "Deze oefenset kan niet worden geladen. Dit moet de maker van de set verbeteren:",
        "This exercise set cannot be loaded. The set’s author needs to fix this:";
    FetchFailed "fetch_failed" => "Deze oefenset kon niet worden opgehaald:", "This exercise set could not be fetched:";
    // The quiz view.
    Modes "modes" => "Oefenvorm", "Exercise type";
    ModeBoard "mode_board" => "Sorteren", "Sorting";
    ModeQuiz "mode_quiz" => "Quiz", "Quiz";
    Loading "loading" => "De oefening wordt geladen…", "Loading the exercise…";
    LoadingFailed "loading_failed" => "De oefening kon niet worden geladen ({reason}). Controleer je verbinding en probeer het opnieuw.",
        "The exercise could not be loaded ({reason}). Check your connection and try again.";
    QuizLoading "quiz_loading" => "De quiz wordt geladen…", "Loading the quiz…";
    QuizLoadFailed "quiz_load_failed" => "De quiz kon niet worden geladen ({reason}). Controleer je verbinding en probeer het opnieuw.",
        "The quiz could not be loaded ({reason}). Check your connection and try again.";
    QuizInstructions "quiz_instructions" quiz => "Eén fragment tegelijk: lees het en markeer de woorden waar het om draait, vink de criteria aan die je ziet, kies een bak en geef je antwoord. Je krijgt meteen feedback.",
        "One excerpt at a time: read it and mark the words that matter, tick the criteria you see, choose a bin and submit. Feedback follows at once.";
    ExcerptOf "excerpt_of" quiz => "Fragment {n} van {total}", "Excerpt {n} of {total}";
    QuestionOf "question_of" quiz => "Vraag {n} van {total}", "Question {n} of {total}";
    RoundHeading "round_heading" quiz => "Herkansing {round}: alleen wat nog niet goed was.", "Retry {round}: only what was not right yet.";
    MarkLegend "mark_legend" quiz => "Markeer de woorden die je keuze onderbouwen", "Mark the words that support your choice";
    MarkHelp "mark_help" quiz => "Klik of tik op een woord om het te markeren of de markering weg te halen; sleep over woorden (op een telefoon eerst zijwaarts) om een stuk te markeren. Toetsenbord: pijltjestoetsen verplaatsen, Spatie markeert, Shift met een pijltje markeert verder.",
        "Click or tap a word to mark or unmark it; drag across words (on a phone, sideways first) to mark a passage. Keyboard: the arrow keys move, Space marks, Shift with an arrow marks on.";
    ClearMarks "clear_marks" quiz => "Markeringen wissen", "Clear marks";
    CriteriaLegend "criteria_legend" quiz => "Welke criteria uit het essay zie je hier?", "Which of the essay’s criteria do you see here?";
    BinLegend "bin_legend" quiz => "In welke bak hoort dit fragment?", "Which bin does this excerpt belong in?";
    CertaintyLegend "certainty_legend" quiz => "Hoe zeker ben je?", "How sure are you?";
    CertaintyLowChoice "certainty_low_choice" quiz => "Niet zeker (goed +1, fout 0)", "Not sure (right +1, wrong 0)";
    CertaintyMediumChoice "certainty_medium_choice" quiz => "Redelijk zeker (goed +2, fout −2)", "Fairly sure (right +2, wrong −2)";
    CertaintyHighChoice "certainty_high_choice" quiz => "Zeker (goed +3, fout −6)", "Sure (right +3, wrong −6)";
    OptionsSingle "options_single" quiz => "Kies één antwoord.", "Choose one answer.";
    OptionsMultiple "options_multiple" quiz => "Kies alle juiste antwoorden.", "Choose every right answer.";
    Required "required" quiz => " (verplicht)", " (required)";
    Optional "optional" quiz => " (niet verplicht)", " (optional)";
    Submit "submit" quiz => "Antwoord geven", "Submit";
    TryAgain "try_again" => "Opnieuw proberen", "Try again";
    ShowSolution "show_solution" quiz => "Oplossing tonen (0 punten)", "Show solution (scores 0)";
    Next "next" quiz => "Volgende", "Next";
    ToReview "to_review" quiz => "Naar het overzicht", "To the review";
    FeedbackHeading "feedback_heading" quiz => "Feedback", "Feedback";
    FeedbackAnswer "feedback_answer" quiz => "Je keuze", "Your choice";
    FeedbackSolution "feedback_solution" quiz => "De oplossing", "The solution";
    FeedbackCriteria "feedback_criteria" quiz => "De criteria die je aanvinkte", "The criteria you ticked";
    FeedbackEvidence "feedback_evidence" quiz => "De woorden die je markeerde", "The words you marked";
    TriesOnItem "tries_on_item" quiz => "Nog {n} van {tries} pogingen.", "{n} of {tries} tries left.";
    Lenses "lenses" quiz => "Hoe lezen de historici dit fragment?", "How do the historians read this excerpt?";
    LensesNote "lenses_note" quiz => "Alleen de lezing van het essay is Snijders’ eigen. Die van de drie scholen leidt deze oefening af uit hoe het essay hun opvattingen beschrijft; het essay past ze zelf niet op de fragmenten toe.",
        "Only the essay’s reading is Snijders’ own. This exercise derives the three schools’ readings from how the essay describes their views; the essay does not apply them to the fragments itself.";
    ExplainCriteria "explain_criteria" quiz => "Uitleg bij de criteria", "Explain the criteria";
    ExplainBins "explain_bins" quiz => "Uitleg bij de bakken", "Explain the bins";
    ExplainMarking "explain_marking" quiz => "Hoe markeer je?", "How to mark";
    ExplainShort "explain_short" quiz => "Uitleg", "Explain";
    NavLabel "nav_label" quiz => "Onderdelen", "Items";
    NavPrevious "nav_previous" quiz => "Vorig onderdeel", "Previous item";
    NavNext "nav_next" quiz => "Volgend onderdeel", "Next item";
    NavAll "nav_all" quiz => "Alle onderdelen: {right} goed, {wrong} fout, {to_do} te doen", "All items: {right} right, {wrong} wrong, {to_do} to do";
    NavItem "nav_item" quiz => "Onderdeel {k}: {standing}", "Item {k}: {standing}";
    StandingToDo "standing_to_do" quiz => "te doen", "to do";
    StandingRetry "standing_retry" quiz => "fout, nog een poging", "wrong, tries left";
    StandingRight "standing_right" quiz => "goed", "right";
    StandingWrong "standing_wrong" quiz => "fout", "wrong";
    // The review.
    Download "download" quiz => "Downloaden (Markdown)", "Download (Markdown)";
    Print "print" quiz => "Afdrukken", "Print";
    RetryWrong "retry_wrong" quiz => "Alleen de foute opnieuw", "Retry only the wrong ones";
    // The summary.
    Summary "summary" => "Resultaat", "Result";
    Score "score" => "Score: {score}% ({right} van {total} fragmenten goed).", "Score: {score}% ({right} of {total} excerpts right).";
    Passed "passed" => "Geslaagd (nodig: {pass}%).", "Passed (needed: {pass}%).";
    NotPassed "not_passed" => "Nog niet geslaagd (nodig: {pass}%).", "Not passed yet (needed: {pass}%).";
    // Feedback verdicts.
    Right "right" => "Goed.", "Right.";
    Wrong "wrong" => "Nog niet goed.", "Not right yet.";
    WrongFinal "wrong_final" => "Niet goed, en de controles zijn op.", "Not right, and no checks are left.";
    WrongNoTries "wrong_no_tries" quiz => "Niet goed, en je pogingen zijn op.", "Not right, and no tries are left.";
    SolutionShownVerdict "solution_shown_verdict" quiz => "Oplossing getoond: dit onderdeel levert 0 punten op.", "Solution shown: this item scores 0.";
    Revealed "revealed" => "Het juiste antwoord is ‘{bin}’.", "The right answer is ‘{bin}’.";
    // Feedback sentences.
    YouChose "you_chose" => "Je legde dit fragment in ‘{bin}’.", "You put this excerpt in ‘{bin}’.";
    RuleIs "rule_is" => "De bak ‘{bin}’ vraagt {rule}.", "The bin ‘{bin}’ requires {rule}.";
    Shows "shows" => "Het fragment toont {criterion}: ", "The excerpt shows {criterion}: ";
    Lacks "lacks" => "Het fragment toont niet: {criteria}.", "The excerpt does not show: {criteria}.";
    LacksAny "lacks_any" => "Het fragment toont er niet één van: {options}.", "The excerpt shows not one of them: {options}.";
    HoldsBecause "holds_because" => "Daarom hoort het in ‘{bin}’.", "That puts it in ‘{bin}’.";
    Precedence "precedence" => "Op zich past het in ‘{bin}’, maar het voldoet ook aan de regel van ‘{higher}’, en die gaat voor.",
        "In itself it fits ‘{bin}’, but it also meets the rule for ‘{higher}’, and that rule comes first.";
    NoRuleHolds "no_rule_holds" => "Geen van de regels geldt hier: {bins}.", "None of the rules holds here: {bins}.";
    FallbackWrong "fallback_wrong" => "De bak ‘{bin}’ is alleen voor fragmenten waarop geen enkele regel past, maar dit fragment toont wel iets waar een regel naar vraagt.",
        "The bin ‘{bin}’ is only for excerpts that no rule fits, but this excerpt does show something a rule asks for.";
    AlsoHolds "also_holds" => "De regel van ‘{lower}’ geldt ook, maar ‘{bin}’ gaat voor.", "The rule for ‘{lower}’ holds too, but ‘{bin}’ comes first.";
    ExcludedShown "excluded_shown" => "De regel sluit {part} uit, maar het fragment toont dat wel.", "The rule excludes {part}, but the excerpt shows it.";
    AlsoShows "also_shows" => "Verder toont het fragment {criterion}: ", "The excerpt also shows {criterion}: ";
    Hint "hint" => "Tip: kijk nog eens naar {criterion}: {explanation}", "Hint: look again at {criterion}: {explanation}";
    HintCriterion "hint_criterion" => "Tip: kijk nog eens naar {criterion}.", "Hint: look again at {criterion}.";
    EssayDiscusses "essay_discusses" => "Waar het essay dit fragment bespreekt: {reference}.", "Where the essay discusses this excerpt: {reference}.";
    Commentary "commentary" => "Toelichting: ", "Commentary: ";
    // The quiz (core): feedback on the criteria step, the evidence, the questions and the lenses.
    CriteriaNotShown "criteria_not_shown" => "Je vinkte {criteria} aan, maar dat toont het fragment niet.", "You ticked {criteria}, but the excerpt does not show that.";
    CriterionMissed "criterion_missed" => "Je vinkte {criterion} niet aan, maar het fragment toont het: ", "You did not tick {criterion}, but the excerpt shows it: ";
    CriteriaAllRight "criteria_all_right" => "Je vinkte precies de criteria aan die het fragment toont.", "You ticked exactly the criteria the excerpt shows.";
    ByYourReading "by_your_reading" => "Volgens jouw lezing ({criteria}) geeft de regel van het essay ‘{rule_bin}’, niet ‘{bin}’.",
        "By your reading ({criteria}) the essay’s rule gives ‘{rule_bin}’, not ‘{bin}’.";
    ByYourReadingToo "by_your_reading_too" => "Volgens jouw lezing ({criteria}) geeft de regel van het essay inderdaad ‘{bin}’; het verschil zit in wat het fragment toont.",
        "By your reading ({criteria}) the essay’s rule does give ‘{bin}’; the difference is in what the excerpt shows.";
    NoCriteria "no_criteria" => "geen enkel criterium", "no criterion at all";
    MarksSupport "marks_support" => "Je gemarkeerde woorden ondersteunen {criteria}.", "Your marked words support {criteria}.";
    MarksSupportNone "marks_support_none" => "Je gemarkeerde woorden ondersteunen geen van de criteria die het fragment toont.",
        "Your marked words support none of the criteria the excerpt shows.";
    MarksMissed "marks_missed" => "Je markeerde niet de woorden die {criterion} tonen: ", "You did not mark the words that show {criterion}: ";
    OptionChosen "option_chosen" => "Je koos ‘{option}’: ", "You chose ‘{option}’: ";
    OptionRight "option_right" => "dat is juist.", "that is right.";
    OptionNotRight "option_not_right" => "dat is niet juist.", "that is not right.";
    RightOptions "right_options" => "Het juiste antwoord: {options}.", "The right answer: {options}.";
    EssayRefSee "essay_ref_see" => "Zie {reference}.", "See {reference}.";
    LensReads "lens_reads" => "Volgens de {lens}: ‘{bin}’.", "According to the {lens}: ‘{bin}’.";
    LensAgrees "lens_agrees" => "Daarin volgt deze lezing het essay.", "In that, this reading follows the essay.";
    LensSource "lens_source" quiz => "In het essay: {reference}.", "In the essay: {reference}.";
    LensDiffers "lens_differs" => "Het essay leest het als ‘{bin}’.", "The essay reads it as ‘{bin}’.";
    // The quiz (core): refusals and announcements.
    NeedBin "need_bin" quiz => "Kies eerst een bak.", "Choose a bin first.";
    NeedOption "need_option" quiz => "Kies eerst een antwoord.", "Choose an answer first.";
    NeedCriteria "need_criteria" quiz => "Vink eerst de criteria aan die je in het fragment ziet.", "First tick the criteria you see in the excerpt.";
    NeedEvidence "need_evidence" quiz => "Markeer eerst de woorden die je keuze onderbouwen.", "First mark the words that support your choice.";
    NeedCertainty "need_certainty" quiz => "Geef eerst aan hoe zeker je bent.", "First say how sure you are.";
    ItemOf "item_of" quiz => "Onderdeel {k} van {n}: {name}", "Item {k} of {n}: {name}";
    CriterionTicked "criterion_ticked" quiz => "Aangevinkt: {criterion}.", "Ticked: {criterion}.";
    CriterionUnticked "criterion_unticked" quiz => "Niet meer aangevinkt: {criterion}.", "Unticked: {criterion}.";
    WordsMarked "words_marked" quiz => "Gemarkeerde woorden: {n}.", "Marked words: {n}.";
    BinChosen "bin_chosen" quiz => "Gekozen: {bin}.", "Chosen: {bin}.";
    OptionToggled "option_toggled" quiz => "Gekozen: {options}.", "Chosen: {options}.";
    NothingChosen "nothing_chosen" quiz => "Niets gekozen.", "Nothing chosen.";
    CertaintyChosen "certainty_chosen" quiz => "Zekerheid: {certainty}.", "Certainty: {certainty}.";
    CertaintyLow "certainty_low" quiz => "niet zeker", "not sure";
    CertaintyMedium "certainty_medium" quiz => "redelijk zeker", "fairly sure";
    CertaintyHigh "certainty_high" quiz => "zeker", "sure";
    QuizWrong "quiz_wrong" quiz => "Nog niet goed; nog {n} van {tries} pogingen over.", "Not right yet; {n} of {tries} tries left.";
    QuizRevealed "quiz_revealed" quiz => "Niet goed, en de pogingen zijn op. Het juiste antwoord is {answer}.",
        "Not right, and no tries are left. The right answer is {answer}.";
    SolutionShown "solution_shown" quiz => "Het juiste antwoord is {answer}. Dit onderdeel levert geen punten op.",
        "The right answer is {answer}. This item earns no points.";
    TryAgainOpen "try_again_open" quiz => "Probeer het opnieuw.", "Try again.";
    Restarted "restarted" quiz => "Een nieuwe poging: alle onderdelen staan weer open.", "A new attempt: every item is open again.";
    RetryRound "retry_round" quiz => "Nieuwe ronde met de {n} onderdelen die nog niet goed waren. Je score blijft {score}%.",
        "A new round with the {n} items that were not right yet. Your score stays {score}%.";
    RetryRoundOne "retry_round_one" quiz => "Nieuwe ronde met het onderdeel dat nog niet goed was. Je score blijft {score}%.",
        "A new round with the one item that was not right yet. Your score stays {score}%.";
    // The quiz (core): the review.
    QuizScore "quiz_score" quiz => "Score: {score}% ({right} van {total} onderdelen goed).", "Score: {score}% ({right} of {total} items right).";
    CertaintyScoring "certainty_scoring" quiz => "Met zekerheid telt elk antwoord mee naar hoe zeker je was: goed levert 1, 2 of 3 punten op, fout 0, −2 of −6 (niet zeker, redelijk zeker, zeker); de score is het totaal tegen het hoogst mogelijke, en nooit minder dan 0%.",
        "With certainty, each answer counts by how sure you were: right earns 1, 2 or 3 points, wrong 0, −2 or −6 (not sure, fairly sure, sure); the score is the total against the highest possible, and never below 0%.";
    RightNow "right_now" => "Na het herhalen: {right} van {total} goed.", "After retrying: {right} of {total} right.";
    Review "review" quiz => "Overzicht", "Review";
    ReviewAnswer "review_answer" quiz => "Je antwoord", "Your answer";
    ReviewCertainty "review_certainty" quiz => "Zekerheid", "Certainty";
    ReviewCriteria "review_criteria" quiz => "Aangevinkte criteria", "Criteria ticked";
    ReviewMarked "review_marked" quiz => "Gemarkeerde woorden", "Marked words";
    ReviewRightAnswer "review_right_answer" quiz => "Juiste antwoord", "Right answer";
    ReviewWhy "review_why" quiz => "Waarom", "Why";
    ReviewEssay "review_essay" quiz => "In het essay", "In the essay";
    ReviewNone "review_none" quiz => "geen", "none";
    StatusOpen "status_open" quiz => "niet beantwoord", "not answered";
    StatusRight "status_right" quiz => "goed bij poging {k}", "right at try {k}";
    StatusWrong "status_wrong" quiz => "nog niet goed", "not right yet";
    StatusRevealed "status_revealed" quiz => "niet goed", "not right";
    StatusSolutionShown "status_solution_shown" quiz => "oplossing bekeken", "solution shown";
    FilterWrong "filter_wrong" quiz => "Alleen de foute tonen", "Only the wrong ones";
    FilterShown "filter_shown" quiz => "{n} van {total} onderdelen getoond.", "{n} of {total} items shown.";
    ReviewPoints "review_points" quiz => "Punten", "Points";
    PointsRight "points_right" quiz => "{earned} van {best} punten: goed bij de eerste poging.", "{earned} of {best} points: right at the first try.";
    PointsLaterTry "points_later_try" quiz => "{earned} van {best} punten: goed bij poging {k}, die {fraction}% van de punten houdt.",
        "{earned} of {best} points: right at try {k}, which keeps {fraction}% of the points.";
    PointsSureRight "points_sure_right" quiz => "{earned} van {best} punten: goed met ‘{certainty}’, dat {mark} oplevert.",
        "{earned} of {best} points: right with ‘{certainty}’, which earns {mark}.";
    PointsSureLaterTry "points_sure_later_try" quiz => "{earned} van {best} punten: goed met ‘{certainty}’ ({mark}) bij poging {k}, die {fraction}% daarvan houdt.",
        "{earned} of {best} points: right with ‘{certainty}’ ({mark}) at try {k}, which keeps {fraction}% of it.";
    PointsSureWrong "points_sure_wrong" quiz => "{earned} van {best} punten: fout met ‘{certainty}’, dat {cost} oplevert.",
        "{earned} of {best} points: wrong with ‘{certainty}’, which earns {cost}.";
    PointsWrong "points_wrong" quiz => "{earned} van {best} punten: niet goed beantwoord.", "{earned} of {best} points: not answered right.";
    PointsSolution "points_solution" quiz => "{earned} van {best} punten: oplossing bekeken.", "{earned} of {best} points: solution shown.";
    PointsUnanswered "points_unanswered" quiz => "{earned} van {best} punten: niet beantwoord.", "{earned} of {best} points: not answered.";
    PointsPractice "points_practice" quiz => "Geoefend in een herkansing: de score blijft die van de eerste ronde.",
        "Practised in a retry round: the score stays the first round’s.";
    ScoreGap "score_gap" quiz => "{right} van {total} goed is {percent}%, maar je score is {score}%: met zekerheid kost een fout antwoord punten (−2 met ‘redelijk zeker’, −6 met ‘zeker’), en een goed antwoord levert alleen met ‘zeker’ de volle 3 punten op. Bij elk onderdeel hieronder staat wat het opleverde en waarom.",
        "{right} of {total} right is {percent}%, but your score is {score}%: with certainty a wrong answer costs points (−2 with ‘fairly sure’, −6 with ‘sure’), and a right answer earns the full 3 points only with ‘sure’. Each item below says what it earned and why.";
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_columns_give_each_key_its_own_text() {
        assert_eq!(Key::Instructions.name(), "instructions", "the first key");
        assert!(get(Lang::Nl, Key::Instructions).starts_with("Zet elk fragment in de bak"));
        assert!(get(Lang::En, Key::Instructions).ends_with("the next excerpt on the pile."));
        assert_eq!((Key::Pool.name(), get(Lang::Nl, Key::Pool), get(Lang::En, Key::Pool)), ("pool", "Fragmenten", "Excerpts"));
        assert_eq!((get(Lang::Nl, Key::Check), get(Lang::En, Key::Check)), ("Controleer", "Check"));
        assert_eq!(
            (Key::NotOf.name(), get(Lang::Nl, Key::NotOf), get(Lang::En, Key::NotOf)),
            ("not_of", "niet {part}", "not {part}"),
            "the last key"
        );
    }

    #[test]
    fn each_key_has_the_placeholders_of_its_texts_in_both_languages() {
        for &key in Key::ALL {
            for lang in [Lang::Nl, Lang::En] {
                assert!(!get(lang, key).is_empty(), "{} has a {lang:?} text", key.name());
                assert_eq!(key_placeholders(key), placeholders(get(lang, key)), "{} in {lang:?}", key.name());
            }
        }
        assert_eq!(key_placeholders(Key::Instructions), ["n", "n"]);
        assert_eq!(key_placeholders(Key::PointsSureLaterTry), ["earned", "best", "certainty", "mark", "k", "fraction"]);
        assert!(key_placeholders(Key::Pool).is_empty());
    }
}
