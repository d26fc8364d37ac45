//! The string tables: every sentence the interface and the feedback show, in Dutch and English.
//! Views and feedback builders look texts up by [`Key`] and fill `{name}` placeholders with
//! [`fill`]; no sentence is written anywhere else.

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
    ($($key:ident => $nl:literal, $en:literal;)*) => {
        /// A string in the tables. Each variant's documentation is its Dutch text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $(#[doc = $nl] $key,)*
        }

        impl Key {
            /// Every key, for tests that check the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// The text of `key` in `lang`, placeholders unfilled.
        pub fn get(lang: Lang, key: Key) -> &'static str {
            match (lang, key) {
                $((Lang::Nl, Key::$key) => $nl, (Lang::En, Key::$key) => $en,)*
            }
        }
    };
}

table! {
    // The board.
    Instructions => "Zet elk fragment in de bak waar het volgens het essay hoort. Sleep het, of tik op het fragment en daarna op een bak. Met het toetsenbord: ga met Tab naar een fragment, druk op Spatie om het op te pakken, kies een bak met de pijltjestoetsen, leg het neer met Enter; Escape annuleert.",
        "Put each excerpt in the bin where the essay says it belongs. Drag it, or tap the excerpt and then a bin. With the keyboard: Tab to an excerpt, press Space to pick it up, choose a bin with the arrow keys, drop it with Enter; Escape cancels.";
    Pool => "Fragmenten", "Excerpts";
    PoolButton => "Terug naar de stapel", "Back to the pile";
    PoolEmpty => "Alle fragmenten zijn geplaatst.", "Every excerpt has been placed.";
    BinEmpty => "Nog leeg.", "Empty.";
    EssaySays => "Wat het essay zegt", "What the essay says";
    MoveTo => "Verplaats naar…", "Move to…";
    Check => "Controleer", "Check";
    Restart => "Opnieuw beginnen", "Start again";
    Description => "Beschrijving in het essay, geen citaat", "The essay's description, not a quotation";
    SourcePage => "p. {page}", "p. {page}";
    EssayRefSection => "essay, § {section}", "essay, § {section}";
    EssayRefFootnote => "essay, § {section}, voetnoot {footnote}", "essay, § {section}, footnote {footnote}";
    TriesLeft => "Nog {n} van {tries} controles over.", "{n} of {tries} checks left.";
    // Announcements.
    Picked => "Opgepakt: ‘{card}’. Kies een bak met de pijltjestoetsen en druk op Enter; Escape annuleert.",
        "Picked up: ‘{card}’. Choose a bin with the arrow keys and press Enter; Escape cancels.";
    Selected => "Gekozen: ‘{card}’. Tik of klik nu op een bak.", "Selected: ‘{card}’. Now tap or click a bin.";
    Target => "Doel: {bin}.", "Target: {bin}.";
    Placed => "‘{card}’ staat nu in {bin}.", "‘{card}’ is now in {bin}.";
    Returned => "‘{card}’ ligt weer op de stapel.", "‘{card}’ is back on the pile.";
    Cancelled => "Verplaatsen geannuleerd.", "Move cancelled.";
    Locked => "‘{card}’ staat al goed en blijft staan.", "‘{card}’ is already right and stays put.";
    NotAllPlaced => "Plaats eerst alle fragmenten; er liggen er nog {n} op de stapel.",
        "Place every excerpt first; {n} still on the pile.";
    CheckResult => "Controle {k} van {tries}: {right} van {total} goed.", "Check {k} of {tries}: {right} of {total} right.";
    Finished => "Klaar: je score is {score}%.", "Done: your score is {score}%.";
    // Notices.
    Resumed => "Je vorige poging is hersteld.", "Your previous attempt has been restored.";
    StateReset => "Je opgeslagen poging hoort bij een andere versie van deze set of is beschadigd; je begint opnieuw.",
        "Your saved attempt belongs to another version of this set or is damaged; you start afresh.";
    StorageUnavailable => "Deze browser bewaart je voortgang niet; hij blijft alleen bewaard zolang deze pagina open is.",
        "This browser does not keep your progress; it is kept only while this page stays open.";
    LoadFailed => "Deze oefenset kan niet worden geladen. Dit moet de maker van de set verbeteren:",
        "This exercise set cannot be loaded. The set's author needs to fix this:";
    FetchFailed => "Deze oefenset kon niet worden opgehaald:", "This exercise set could not be fetched:";
    // The quiz view.
    Modes => "Oefenvorm", "Exercise type";
    ModeBoard => "Sorteren", "Sorting";
    ModeQuiz => "Quiz", "Quiz";
    QuizInstructions => "Eén fragment tegelijk: lees het, kruis de voorwaarden aan die je ziet, markeer de woorden die je keuze onderbouwen, kies een bak en geef je antwoord. Je krijgt meteen feedback.",
        "One excerpt at a time: read it, tick the conditions you see, mark the words that support your choice, choose a bin and submit. Feedback follows at once.";
    ExcerptOf => "Fragment {n} van {total}", "Excerpt {n} of {total}";
    QuestionOf => "Vraag {n} van {total}", "Question {n} of {total}";
    RoundHeading => "Herkansing {round}: alleen wat nog niet goed was.", "Retry {round}: only what was not right yet.";
    MarkLegend => "Markeer de woorden die je keuze onderbouwen", "Mark the words that support your choice";
    MarkHelp => "Klik of tik op een woord om het te markeren of de markering weg te halen; sleep over woorden (op een telefoon eerst zijwaarts) om een stuk te markeren. Toetsenbord: pijltjestoetsen verplaatsen, Spatie markeert, Shift met een pijltje markeert verder.",
        "Click or tap a word to mark or unmark it; drag across words (on a phone, sideways first) to mark a passage. Keyboard: the arrow keys move, Space marks, Shift with an arrow marks on.";
    ClearMarks => "Markeringen wissen", "Clear marks";
    CriteriaLegend => "Welke voorwaarden uit het essay zie je in dit fragment?", "Which of the essay's conditions do you see in this excerpt?";
    BinLegend => "In welke bak hoort dit fragment?", "Which bin does this excerpt belong in?";
    CertaintyLegend => "Hoe zeker ben je?", "How sure are you?";
    CertaintyLowChoice => "Niet zeker (goed +1, fout 0)", "Not sure (right +1, wrong 0)";
    CertaintyMediumChoice => "Redelijk zeker (goed +2, fout −2)", "Fairly sure (right +2, wrong −2)";
    CertaintyHighChoice => "Zeker (goed +3, fout −6)", "Sure (right +3, wrong −6)";
    OptionsSingle => "Kies één antwoord.", "Choose one answer.";
    OptionsMultiple => "Kies alle juiste antwoorden.", "Choose every right answer.";
    Required => " (verplicht)", " (required)";
    Optional => " (mag)", " (optional)";
    Submit => "Antwoord geven", "Submit";
    TryAgain => "Opnieuw proberen", "Try again";
    ShowSolution => "Oplossing tonen (telt als fout)", "Show solution (scores 0)";
    Next => "Volgende", "Next";
    ToReview => "Naar het overzicht", "To the review";
    FeedbackHeading => "Feedback", "Feedback";
    FeedbackAnswer => "Je keuze", "Your choice";
    FeedbackCriteria => "De voorwaarden die je aankruiste", "The conditions you ticked";
    FeedbackEvidence => "De woorden die je markeerde", "The words you marked";
    TriesOnItem => "Nog {n} van {tries} pogingen.", "{n} of {tries} tries left.";
    Lenses => "Hoe lezen de historici dit fragment?", "How do the historians read this excerpt?";
    // The review.
    Download => "Downloaden (Markdown)", "Download (Markdown)";
    Print => "Afdrukken", "Print";
    RetryWrong => "Alleen de foute opnieuw", "Retry only the wrong ones";
    // The summary.
    Summary => "Resultaat", "Result";
    Score => "Score: {score}% ({right} van {total} fragmenten goed).", "Score: {score}% ({right} of {total} excerpts right).";
    Passed => "Geslaagd (nodig: {pass}%).", "Passed (needed: {pass}%).";
    NotPassed => "Nog niet geslaagd (nodig: {pass}%).", "Not passed yet (needed: {pass}%).";
    // Feedback verdicts.
    Right => "Goed.", "Right.";
    Wrong => "Nog niet goed.", "Not right yet.";
    WrongFinal => "Niet goed, en de controles zijn op.", "Not right, and no checks are left.";
    Revealed => "Het juiste antwoord is {bin}.", "The right answer is {bin}.";
    // Feedback sentences.
    RuleIs => "De bak ‘{bin}’ vraagt: {rule}.", "The bin ‘{bin}’ requires: {rule}.";
    Shows => "Het fragment toont {criterion}: ", "The excerpt shows {criterion}: ";
    Lacks => "Het fragment toont niet: {criteria}.", "The excerpt does not show: {criteria}.";
    LacksAny => "Het fragment toont geen van deze: {options}.", "The excerpt shows none of these: {options}.";
    HoldsBecause => "Daarom is het {bin}.", "That makes it {bin}.";
    Precedence => "Dat klopt op zich, maar het fragment voldoet ook aan {higher}, en die regel gaat voor.",
        "That holds in itself, but the excerpt also meets {higher}, and that rule comes first.";
    NoRuleHolds => "Geen van de regels geldt hier: {bins}.", "None of the rules holds here: {bins}.";
    FallbackWrong => "De bak ‘{bin}’ is alleen voor fragmenten waarop geen enkele regel past, maar dit fragment toont wel iets waar een regel naar vraagt.",
        "The bin ‘{bin}’ is only for excerpts that no rule fits, but this excerpt does show something a rule asks for.";
    AlsoHolds => "De regel van {lower} geldt ook, maar {bin} gaat voor.", "The rule for {lower} holds too, but {bin} comes first.";
    ExcludedShown => "De regel sluit {part} uit, maar het fragment toont dat wel.", "The rule excludes {part}, but the excerpt shows it.";
    AlsoShows => "Verder toont het fragment {criterion}: ", "The excerpt also shows {criterion}: ";
    Hint => "Tip: kijk nog eens naar {criterion}: {explanation}", "Hint: look again at {criterion}: {explanation}";
    EssayDiscusses => "Het essay bespreekt dit fragment in {reference}.", "The essay discusses this excerpt in {reference}.";
    Commentary => "Toelichting: ", "Commentary: ";
    // The quiz (core): feedback on the criteria step, the evidence, the questions and the lenses.
    CriteriaNotShown => "Je vinkte {criteria} aan, maar dat toont het fragment niet.", "You ticked {criteria}, but the excerpt does not show that.";
    CriterionMissed => "Je vinkte {criterion} niet aan, maar het fragment toont het: ", "You did not tick {criterion}, but the excerpt shows it: ";
    CriteriaAllRight => "Je vinkte precies de criteria aan die het fragment toont.", "You ticked exactly the criteria the excerpt shows.";
    ByYourReading => "Volgens jouw lezing ({criteria}) geeft de regel van het essay {rule_bin}, niet {bin}.",
        "By your reading ({criteria}) the essay's rule gives {rule_bin}, not {bin}.";
    ByYourReadingToo => "Volgens jouw lezing ({criteria}) geeft de regel van het essay inderdaad {bin}; het verschil zit in wat het fragment toont.",
        "By your reading ({criteria}) the essay's rule does give {bin}; the difference is in what the excerpt shows.";
    NoCriteria => "geen enkel criterium", "no criterion at all";
    MarksSupport => "Je gemarkeerde woorden ondersteunen {criteria}.", "Your marked words support {criteria}.";
    MarksSupportNone => "Je gemarkeerde woorden ondersteunen geen van de criteria die het fragment toont.",
        "Your marked words support none of the criteria the excerpt shows.";
    MarksMissed => "Je markeerde niet de woorden die {criterion} tonen: ", "You did not mark the words that show {criterion}: ";
    OptionChosen => "Je koos ‘{option}’: ", "You chose ‘{option}’: ";
    RightOptions => "Het juiste antwoord: {options}.", "The right answer: {options}.";
    EssayRefSee => "Zie {reference}.", "See {reference}.";
    LensReads => "De {lens} leest dit als {bin}.", "The {lens} reads this as {bin}.";
    LensAgrees => "Daarin volgt deze lezing het essay.", "In that, this reading follows the essay.";
    LensDiffers => "Het essay leest het als {bin}.", "The essay reads it as {bin}.";
    // The quiz (core): refusals and announcements.
    NeedBin => "Kies eerst een bak.", "Choose a bin first.";
    NeedOption => "Kies eerst een antwoord.", "Choose an answer first.";
    NeedCriteria => "Vink eerst de criteria aan die je in het fragment ziet.", "First tick the criteria you see in the excerpt.";
    NeedEvidence => "Markeer eerst de woorden die je keuze onderbouwen.", "First mark the words that support your choice.";
    NeedCertainty => "Geef eerst aan hoe zeker je bent.", "First say how sure you are.";
    ItemOf => "Onderdeel {k} van {n}: {name}", "Item {k} of {n}: {name}";
    CriterionTicked => "Aangevinkt: {criterion}.", "Ticked: {criterion}.";
    CriterionUnticked => "Niet meer aangevinkt: {criterion}.", "Unticked: {criterion}.";
    WordsMarked => "{n} woorden gemarkeerd.", "{n} words marked.";
    BinChosen => "Gekozen: {bin}.", "Chosen: {bin}.";
    OptionToggled => "Gekozen: {options}.", "Chosen: {options}.";
    NothingChosen => "Niets gekozen.", "Nothing chosen.";
    CertaintyChosen => "Zekerheid: {certainty}.", "Certainty: {certainty}.";
    CertaintyLow => "niet zeker", "not sure";
    CertaintyMedium => "redelijk zeker", "fairly sure";
    CertaintyHigh => "zeker", "sure";
    QuizWrong => "Nog niet goed; nog {n} van {tries} pogingen over.", "Not right yet; {n} of {tries} tries left.";
    QuizRevealed => "Niet goed, en de pogingen zijn op. Het juiste antwoord is {answer}.",
        "Not right, and no tries are left. The right answer is {answer}.";
    SolutionShown => "Het juiste antwoord is {answer}. Dit onderdeel levert geen punten op.",
        "The right answer is {answer}. This item earns no points.";
    TryAgainOpen => "Probeer het opnieuw.", "Try again.";
    RetryRound => "Nieuwe ronde met de {n} onderdelen die nog niet goed waren. Je score blijft {score}%.",
        "A new round with the {n} items that were not right yet. Your score stays {score}%.";
    // The quiz (core): the review.
    QuizScore => "Score: {score}% ({right} van {total} onderdelen goed).", "Score: {score}% ({right} of {total} items right).";
    RightNow => "Na het herhalen: {right} van {total} goed.", "After retrying: {right} of {total} right.";
    Review => "Overzicht", "Review";
    ReviewAnswer => "Je antwoord", "Your answer";
    ReviewCertainty => "Zekerheid", "Certainty";
    ReviewCriteria => "Aangevinkte criteria", "Criteria ticked";
    ReviewMarked => "Gemarkeerde woorden", "Marked words";
    ReviewRightAnswer => "Juiste antwoord", "Right answer";
    ReviewWhy => "Waarom", "Why";
    ReviewEssay => "In het essay", "In the essay";
    ReviewNone => "geen", "none";
    StatusOpen => "niet beantwoord", "not answered";
    StatusRight => "goed bij poging {k}", "right at try {k}";
    StatusWrong => "nog niet goed", "not right yet";
    StatusRevealed => "niet goed", "not right";
    StatusSolutionShown => "oplossing bekeken", "solution shown";
    // Joining words for rules and lists.
    And => "en", "and";
    Or => "of", "or";
    AllOf => "{parts}", "{parts}";
    AnyOf => "ten minste één van: {parts}", "at least one of: {parts}";
    NotOf => "niet {part}", "not {part}";
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

/// Looks up `key` in `lang` and fills its placeholders.
pub fn text(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(get(lang, key), args)
}

/// Joins items as a list in running text: "a, b en c".
pub fn join_list(lang: Lang, items: &[String], last_word: Key) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {}", init.join(", "), get(lang, last_word), last),
    }
}
