//! Feedback derived from the essay's rule: for a card in a bin, the rule evaluation (which
//! conditions held, which failed) and the excerpt's evidence become paragraphs of text, quotes
//! and essay references. Sentences come from the string tables; the view only draws spans.

use crate::core::quiz;
use crate::core::rule::{Rule, Witness};
use crate::core::set::{BinId, EssayRef, Excerpt, Set};
use crate::core::strings::{Key, Lang};
use crate::core::wording::Wording;

/// A piece of feedback text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Running text.
    Text(String),
    /// Words quoted from the excerpt (drawn as a quotation).
    Quote(String),
    /// A reference to the essay (drawn as a citation).
    Cite(String),
}

/// How far a wrong answer's feedback goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// What the bin requires and what the excerpt lacks.
    Explain,
    /// The same, plus a hint toward the right bin.
    Hint,
    /// No checks left: the right bin and why.
    Reveal,
}

/// How far the board's feedback on a card still wrong after check `check` (1-based) of `tries`
/// goes: the rule explained after the first check, a hint from the second (or when one check is
/// left), the right bin once no check is left.
pub fn board_stage(check: u8, tries: u8) -> Stage {
    if check >= tries {
        Stage::Reveal
    } else if tries - check <= 1 || check >= 2 {
        Stage::Hint
    } else {
        Stage::Explain
    }
}

/// Whether the feedback is for a right or a wrong placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Right bin.
    Right,
    /// Wrong bin, checks left.
    Wrong,
    /// Wrong bin, the right one revealed.
    Revealed,
}

impl Verdict {
    /// The string-table key of its line ("Goed.", "Nog niet goed.", "Niet goed, en de controles
    /// zijn op.").
    pub fn key(self) -> Key {
        match self {
            Verdict::Right => Key::Right,
            Verdict::Wrong => Key::Wrong,
            Verdict::Revealed => Key::WrongFinal,
        }
    }
}

/// A paragraph's spans as plain text, quotes in quotation marks.
pub fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(t) | Span::Cite(t) => t.clone(),
            Span::Quote(q) => format!("“{q}”"),
        })
        .collect()
}

/// Feedback for one card: a verdict line and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Right, wrong or revealed.
    pub verdict: Verdict,
    /// Paragraphs of spans.
    pub paragraphs: Vec<Vec<Span>>,
}

/// Feedback for excerpt `i` placed in its right bin: which conditions make it right, quoted,
/// and where the essay says so.
pub fn right(set: &Set, lang: Lang, i: usize) -> Feedback {
    let mut out = Builder::new(set, lang, i);
    out.why_right();
    out.essay_and_commentary();
    Feedback { verdict: Verdict::Right, paragraphs: out.paragraphs }
}

/// Feedback for excerpt `i` placed in the wrong bin `bin`: what that bin requires, what the
/// excerpt shows and lacks; at [`Stage::Hint`] a pointer to the deciding condition; at
/// [`Stage::Reveal`] the right bin with its why.
pub fn wrong(set: &Set, lang: Lang, i: usize, bin: BinId, stage: Stage) -> Feedback {
    let mut out = Builder::new(set, lang, i);
    out.why_wrong(bin);
    match stage {
        Stage::Explain => out.essay_reference(),
        Stage::Hint => {
            out.hint(bin);
            out.essay_reference();
        }
        Stage::Reveal => {
            let label = set.bin(set.expected[i]).label;
            out.say(Key::Revealed, &[("bin", label)]);
            out.why_right();
            out.essay_and_commentary();
        }
    }
    let verdict = if stage == Stage::Reveal { Verdict::Revealed } else { Verdict::Wrong };
    Feedback { verdict, paragraphs: out.paragraphs }
}

/// The hint toward the right bin after excerpt `i` was wrongly put in `bin`: the excerpt's
/// authored hint, else "look again at" the condition that decides.
pub fn hint(set: &Set, lang: Lang, i: usize, bin: BinId) -> Vec<Vec<Span>> {
    let mut out = Builder::new(set, lang, i);
    out.hint(bin);
    out.paragraphs
}

/// The quiz's criteria step on excerpt `i`: criteria ticked that it does not show, criteria it
/// shows that were not ticked (quoting the evidence), and whether the bin chosen follows from
/// the essay's rule applied to the ticked criteria (the student's own reading).
pub fn criteria_step(set: &Set, lang: Lang, i: usize, ticked: &[usize], bin: BinId) -> Vec<Vec<Span>> {
    let mut out = Builder::new(set, lang, i);
    let criteria = &set.file.criteria;
    let shown = out.shown;
    // The labels of the ticked criteria that `pick` keeps.
    let labels = |pick: &dyn Fn(&usize) -> bool| -> Vec<String> {
        let mut labels = Vec::new();
        for criterion in ticked.iter().filter(|c| pick(c)).filter_map(|&c| criteria.get(c)) {
            labels.push(criterion.label.clone());
        }
        labels
    };
    let extra = labels(&|c| !shown.contains(c));
    if !extra.is_empty() {
        out.say(Key::CriteriaNotShown, &[("criteria", &out.w.join_list(&extra, Key::And))]);
    }
    let mut missed = Vec::new();
    for &c in shown.iter().filter(|c| !ticked.contains(c)) {
        missed.push(criteria[c].id.as_str());
    }
    out.quote_each(&missed, Key::CriterionMissed);
    if extra.is_empty() && missed.is_empty() {
        out.say(Key::CriteriaAllRight, &[]);
    }
    let reading = if ticked.is_empty() { out.w.get(Key::NoCriteria).to_string() } else { out.w.join_list(&labels(&|_| true), Key::And) };
    let by_rule = set.classify_criteria(ticked);
    if by_rule != bin {
        let args = [("criteria", reading.as_str()), ("rule_bin", set.bin(by_rule).label), ("bin", set.bin(bin).label)];
        out.say(Key::ByYourReading, &args);
    } else if bin != set.expected[i] {
        out.say(Key::ByYourReadingToo, &[("criteria", &reading), ("bin", set.bin(bin).label)]);
    }
    out.paragraphs
}

/// The quiz's evidence step on excerpt `i`, for the marked words (indices into
/// [`quiz::words`] of its text): the criteria whose evidence quotes the marked words overlap,
/// or that they support none; and the quotes they missed.
pub fn evidence_step(set: &Set, lang: Lang, i: usize, marked: &[usize]) -> Vec<Vec<Span>> {
    let mut out = Builder::new(set, lang, i);
    if marked.is_empty() {
        return out.paragraphs;
    }
    let excerpt = out.excerpt;
    // Each piece of evidence whose quote the marked words overlap supports its criterion; the
    // others were missed.
    let (mut supported, mut missed) = (Vec::new(), Vec::new());
    for evidence in &excerpt.evidence {
        let covered = quiz::quote_words(&excerpt.text, &evidence.quote);
        if marked.iter().any(|w| covered.contains(w)) {
            supported.push(out.label(&evidence.criterion).to_string());
        } else {
            missed.push(evidence.criterion.as_str());
        }
    }
    if supported.is_empty() {
        out.say(Key::MarksSupportNone, &[]);
    } else {
        out.say(Key::MarksSupport, &[("criteria", &out.w.join_list(&supported, Key::And))]);
    }
    out.quote_each(&missed, Key::MarksMissed);
    out.paragraphs
}

/// Feedback on concept question `q` answered with the options `chosen` (indices): each chosen
/// option's own feedback; once the question is right or revealed, the right options, the
/// explanation and the essay reference.
pub fn question(set: &Set, lang: Lang, q: usize, chosen: &[usize], verdict: Verdict) -> Feedback {
    let w = set.wording(lang);
    let question = &set.file.questions[q];
    let mut paragraphs = Vec::new();
    for option in chosen.iter().filter_map(|&o| question.options.get(o)) {
        // The option's own feedback, else whether it is right.
        let feedback = match &option.feedback {
            Some(feedback) => feedback.clone(),
            None => w.get(if option.correct { Key::OptionRight } else { Key::OptionNotRight }).to_string(),
        };
        paragraphs.push(vec![Span::Text(w.text(Key::OptionChosen, &[("option", &option.text)])), Span::Text(feedback)]);
    }
    if verdict != Verdict::Wrong {
        paragraphs.extend(question_solution(set, lang, q));
    }
    Feedback { verdict, paragraphs }
}

/// The right options of question `q`, its explanation and its essay reference (those the set
/// gives).
pub fn question_solution(set: &Set, lang: Lang, q: usize) -> Vec<Vec<Span>> {
    let w = set.wording(lang);
    let question = &set.file.questions[q];
    let right = w.join_list(&question.correct_texts(), Key::And);
    let mut paragraphs = vec![vec![Span::Text(w.text(Key::RightOptions, &[("options", &right)]))]];
    if let Some(explanation) = &question.explanation {
        paragraphs.push(vec![Span::Text(explanation.clone())]);
    }
    paragraphs.extend(question.essay.as_ref().map(|essay| cite(w, Key::EssayRefSee, essay)));
    paragraphs
}

/// How lens `lens` classifies excerpt `i` and why: its verdict, whether the essay agrees, and
/// its rule's witnesses quoted, as on the board.
pub fn lens_reading(set: &Set, lang: Lang, lens: usize, i: usize) -> Vec<Vec<Span>> {
    let mut out = Builder { lens: Some(lens), ..Builder::new(set, lang, i) };
    let (bin, essay_bin) = (out.expected(), set.expected[i]);
    out.say(Key::LensReads, &[("lens", &set.file.lenses[lens].label), ("bin", set.bin(bin).label)]);
    let own_reading = set.file.lenses[lens].rules.is_empty() && set.file.lenses[lens].precedence.is_empty();
    if bin == essay_bin {
        // Not for the essay's own reading (a lens without rules of its own): it is the essay.
        if !own_reading {
            out.say(Key::LensAgrees, &[]);
        }
    } else {
        out.say(Key::LensDiffers, &[("bin", set.bin(essay_bin).label)]);
    }
    out.why_right();
    out.paragraphs
}

/// A sentence with an essay reference drawn as a citation in place of its `{reference}`.
pub fn cite(w: Wording<'_>, key: Key, reference: &EssayRef) -> Vec<Span> {
    let sentence = w.get(key);
    let (before, after) = sentence.split_once("{reference}").unwrap_or((sentence, ""));
    vec![Span::Text(before.to_string()), Span::Cite(essay_ref(w, reference)), Span::Text(after.to_string())]
}

/// An essay reference as running text: "essay, § Internalisatie, voetnoot 19"; an empty section
/// is the essay's untitled introduction, named as such and not as a heading.
pub fn essay_ref(w: Wording<'_>, r: &EssayRef) -> String {
    let footnote = r.footnote.map(|n| n.to_string());
    match (r.section.is_empty(), footnote) {
        (true, Some(n)) => w.text(Key::EssayRefIntroFootnote, &[("footnote", &n)]),
        (true, None) => w.get(Key::EssayRefIntro).to_string(),
        (false, Some(n)) => w.text(Key::EssayRefFootnote, &[("section", &r.section), ("footnote", &n)]),
        (false, None) => w.text(Key::EssayRefSection, &[("section", &r.section)]),
    }
}

struct Builder<'a> {
    set: &'a Set,
    w: Wording<'a>,
    i: usize,
    /// Excerpt `i`, and the criteria it shows (looked up once).
    excerpt: &'a Excerpt,
    shown: &'a [usize],
    /// Whose reading the rules are: the set's (`None`) or a lens's (index into `file.lenses`).
    lens: Option<usize>,
    paragraphs: Vec<Vec<Span>>,
}

impl<'a> Builder<'a> {
    fn new(set: &'a Set, lang: Lang, i: usize) -> Builder<'a> {
        let (excerpt, shown) = (&set.file.excerpts[i], &set.shown[i]);
        Builder { set, w: set.wording(lang), i, excerpt, shown, lens: None, paragraphs: Vec::new() }
    }

    /// Category `c`'s rule in this reading.
    fn rule(&self, c: usize) -> &'a Rule {
        let set: &'a Set = self.set;
        match self.lens {
            Some(lens) => set.lens_rule(lens, c),
            None => &set.file.categories[c].rule,
        }
    }

    /// The categories in the order this reading tries them.
    fn precedence(&self) -> &'a [usize] {
        let set: &'a Set = self.set;
        self.lens.map_or(&set.precedence, |lens| &set.lens_precedence[lens])
    }

    /// The excerpt's bin in this reading.
    fn expected(&self) -> BinId {
        match self.lens {
            Some(lens) => self.set.classify(lens, self.i),
            None => self.set.expected[self.i],
        }
    }

    fn say(&mut self, key: Key, args: &[(&str, &str)]) {
        self.paragraphs.push(vec![Span::Text(self.w.text(key, args))]);
    }

    fn shows(&self, id: &str) -> bool {
        let criteria = &self.set.file.criteria;
        self.shown.iter().any(|&c| criteria[c].id == id)
    }

    fn evaluate(&self, category: usize) -> Witness<'a> {
        self.rule(category).evaluate(&|id| self.shows(id))
    }

    fn label(&self, criterion: &str) -> &'a str {
        let set: &'a Set = self.set;
        set.file.criteria.iter().find(|c| c.id == criterion).map_or("?", |c| c.label.as_str())
    }

    /// The rule in words: "eenzaamheid en ten minste één van: a, b of c".
    fn rule_text(&self, rule: &Rule) -> String {
        let w = self.w;
        match rule {
            Rule::Criterion(id) => self.label(id).to_string(),
            Rule::All(parts) => {
                let parts = self.parts_text(parts, false);
                w.text(Key::AllOf, &[("parts", &w.join_list(&parts, Key::And))])
            }
            Rule::Any(parts) if parts.len() == 1 => self.rule_text(&parts[0]),
            Rule::Any(parts) => {
                let parts = self.parts_text(parts, true);
                w.text(Key::AnyOf, &[("parts", &w.join_list(&parts, Key::Or))])
            }
            Rule::Not(part) => {
                let part = self.parts_text(std::slice::from_ref(part), true).remove(0);
                w.text(Key::NotOf, &[("part", &part)])
            }
        }
    }

    /// Each of `parts` in words; one that joins parts of its own in parentheses, so that the
    /// list does not run into it ("a of (eenzaamheid en ten minste één van: b of c)"), except
    /// the last of all of them unless `last_too` ("eenzaamheid en ten minste één van: b of c"
    /// ends where its list ends).
    fn parts_text(&self, parts: &[Rule], last_too: bool) -> Vec<String> {
        let mut out = Vec::with_capacity(parts.len());
        for (k, part) in parts.iter().enumerate() {
            let text = self.rule_text(part);
            let joins = matches!(part, Rule::All(p) | Rule::Any(p) if p.len() > 1);
            out.push(if joins && (last_too || k + 1 < parts.len()) { format!("({text})") } else { text });
        }
        out
    }

    fn rule_is(&mut self, bin: BinId) {
        let rule = self.rule(bin);
        let rule_text = self.rule_text(rule);
        self.say(Key::RuleIs, &[("bin", self.set.bin(bin).label), ("rule", &rule_text)]);
    }

    /// "The excerpt shows X: “quote”." for each criterion in `ids`.
    fn quote_each(&mut self, ids: &[&str], key: Key) {
        for id in ids {
            let Some(evidence) = self.excerpt.evidence.iter().find(|e| e.criterion == *id) else { continue };
            let mut paragraph = vec![Span::Text(self.w.text(key, &[("criterion", self.label(id))])), Span::Quote(evidence.quote.clone())];
            if !evidence.quote.ends_with(['.', '!', '?', '…']) {
                paragraph.push(Span::Text(".".into()));
            }
            self.paragraphs.push(paragraph);
        }
    }

    /// What made the failing parts of a rule fail.
    fn lacks(&mut self, w: &Witness<'_>) {
        if w.holds {
            return;
        }
        match w.rule {
            Rule::Criterion(id) => self.say(Key::Lacks, &[("criteria", self.label(id))]),
            Rule::All(_) => {
                // The failing criteria in one sentence, then what failed inside the nested parts.
                let (mut labels, mut nested) = (Vec::new(), Vec::new());
                for part in w.parts.iter().filter(|p| !p.holds) {
                    match part.rule {
                        Rule::Criterion(id) => labels.push(self.label(id).to_string()),
                        _ => nested.push(part),
                    }
                }
                if !labels.is_empty() {
                    let labels = self.w.join_list(&labels, Key::And);
                    self.say(Key::Lacks, &[("criteria", &labels)]);
                }
                for part in nested {
                    self.lacks(part);
                }
            }
            Rule::Any(parts) if parts.len() == 1 => self.lacks(&w.parts[0]),
            Rule::Any(parts) => {
                let options = self.parts_text(parts, true);
                let options = self.w.join_list(&options, Key::And);
                self.say(Key::LacksAny, &[("options", &options)]);
            }
            Rule::Not(part) => {
                let part = self.rule_text(part);
                self.say(Key::ExcludedShown, &[("part", &part)]);
            }
        }
    }

    /// Why the excerpt belongs in its expected bin.
    fn why_right(&mut self) {
        let set = self.set;
        let expected = self.expected();
        let precedence = self.precedence();
        if expected < set.file.categories.len() {
            self.rule_is(expected);
            let w = self.evaluate(expected);
            self.quote_each(&w.present(), Key::Shows);
            let label = set.bin(expected).label;
            self.say(Key::HoldsBecause, &[("bin", label)]);
            let rank = precedence.iter().position(|&c| c == expected).unwrap_or(0);
            for &lower in &precedence[rank + 1..] {
                if self.evaluate(lower).holds {
                    self.say(Key::AlsoHolds, &[("lower", set.bin(lower).label), ("bin", label)]);
                }
            }
        } else {
            let mut bins = Vec::with_capacity(precedence.len());
            for &c in precedence {
                bins.push(format!("‘{}’", set.bin(c).label));
            }
            let bins = self.w.join_list(&bins, Key::And);
            self.say(Key::NoRuleHolds, &[("bins", &bins)]);
            for &c in precedence {
                self.rule_is(c);
                let w = self.evaluate(c);
                self.quote_each(&w.present(), Key::Shows);
                self.lacks(&w);
            }
            let others: Vec<&str> = self
                .shown
                .iter()
                .map(|&c| set.file.criteria[c].id.as_str())
                .filter(|id| !(0..set.file.categories.len()).any(|c| self.rule(c).criteria().contains(id)))
                .collect();
            self.quote_each(&others, Key::AlsoShows);
            self.say(Key::HoldsBecause, &[("bin", set.bin(expected).label)]);
        }
    }

    /// Why the excerpt does not belong in `bin`.
    fn why_wrong(&mut self, bin: BinId) {
        let set = self.set;
        self.say(Key::YouChose, &[("bin", set.bin(bin).label)]);
        if bin >= set.file.categories.len() {
            self.say(Key::FallbackWrong, &[("bin", set.bin(bin).label)]);
            let shown: Vec<&str> = self.shown.iter().map(|&c| set.file.criteria[c].id.as_str()).collect();
            self.quote_each(&shown, Key::Shows);
            return;
        }
        self.rule_is(bin);
        let w = self.evaluate(bin);
        self.quote_each(&w.present(), Key::Shows);
        if w.holds {
            let higher = set.bin(set.expected[self.i]).label;
            self.say(Key::Precedence, &[("bin", set.bin(bin).label), ("higher", higher)]);
        } else {
            self.lacks(&w);
        }
    }

    /// The author's hint, or the condition that decides the right bin.
    fn hint(&mut self, bin: BinId) {
        let set = self.set;
        if let Some(hint) = &self.excerpt.hint {
            self.paragraphs.push(vec![Span::Text(hint.clone())]);
            return;
        }
        let expected = set.expected[self.i];
        let deciding: Option<&str> = if expected < set.file.categories.len() {
            self.evaluate(expected).present().first().copied()
        } else if bin < set.file.categories.len() {
            self.evaluate(bin).missing().first().copied()
        } else {
            None
        };
        if let Some(id) = deciding {
            let explanation = set.file.criteria.iter().find(|c| c.id == id).map_or("", |c| c.explanation.as_str());
            if explanation.trim().is_empty() {
                self.say(Key::HintCriterion, &[("criterion", self.label(id))]);
            } else {
                self.say(Key::Hint, &[("criterion", self.label(id)), ("explanation", explanation)]);
            }
        }
    }

    /// Where the essay discusses the excerpt, when the set says.
    fn essay_reference(&mut self) {
        if let Some(essay) = &self.excerpt.essay {
            self.paragraphs.push(cite(self.w, Key::EssayDiscusses, essay));
        }
    }

    fn essay_and_commentary(&mut self) {
        self.essay_reference();
        if let Some(commentary) = &self.excerpt.commentary {
            self.paragraphs.push(vec![Span::Text(self.w.get(Key::Commentary).to_string()), Span::Text(commentary.clone())]);
        }
    }
}
