//! The quiz's DOM: one item at a time, then the review. Built per item (when the current item
//! changes) and brought up to date from the [`Quiz`] after every message, so keyboard focus stays
//! on the control the student used.
//!
//! An excerpt item: its heading ("Excerpt 3 of 18"), the text as the evidence-marking widget
//! ([`Marking`]) with "clear marks", the writer (the full reference and its context folded
//! under it), the criteria as checkboxes, the bins and the certainty as radio groups (each
//! step's explanations behind a button, closed at first), Submit; after a submission the
//! feedback (drawn from the core's `Span`s, in a labelled region whose heading takes focus),
//! Try again / Show solution / Next, and once the item is settled the lenses as a disclosure. A question item: the prompt as the
//! legend of its options (radio buttons or checkboxes), each chosen option's own feedback after
//! submitting. The review: score, pass/fail, overall feedback, then per item what the core's
//! [`Review`] lists, as headings and description lists; Download (Markdown), Print, Retry the
//! wrong ones, Start again.
//!
//! Every sentence comes from [`crate::core::strings`] or from the set; set text is only ever
//! inserted as text.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::core::exercise::{Certainty, Summary};
use crate::core::feedback::{self, Span, Verdict};
use crate::core::quiz::{FeedbackParts, Item, ItemStatus, Missing, Quiz, Review, Standing, certainty_label, status_text, words};
use crate::core::set::{BinId, ExcerptKind, QuestionType, Step};
use crate::core::strings::Key;
use crate::web::dom::Ui;
use crate::web::dom::{Dom, append, attr, attribute, call, class, closest, flag, focus, hide, object, set_prop};
use crate::web::marking::Marking;

/// The attribute naming what an input answers: `c3` (criterion 3), `b1` (bin 1), `k2`
/// (certainty 2), `o0` (option 0).
pub const ANSWER: &str = "data-answer";

/// What an answer input stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A criterion checkbox.
    Criterion(usize),
    /// A bin radio button.
    Bin(BinId),
    /// A certainty radio button.
    Certainty(Certainty),
    /// A question's option.
    Option(usize),
}

impl Input {
    /// Reads an input's [`ANSWER`] attribute.
    pub fn of(e: &Element) -> Option<Input> {
        let v = attribute(e, ANSWER)?;
        let (kind, n) = v.split_at_checked(1)?;
        let n: usize = n.parse().ok()?;
        Some(match kind {
            "c" => Input::Criterion(n),
            "b" => Input::Bin(n),
            "k" => Input::Certainty(*Certainty::ALL.get(n)?),
            "o" => Input::Option(n),
            _ => return None,
        })
    }

    fn attribute(self) -> String {
        let (kind, n) = match self {
            Input::Criterion(n) => ("c", n),
            Input::Bin(n) => ("b", n),
            Input::Certainty(c) => ("k", Certainty::ALL.iter().position(|&k| k == c).unwrap_or(0)),
            Input::Option(n) => ("o", n),
        };
        let mut s = String::from(kind);
        s.push_str(&n.to_string());
        s
    }
}

/// A button of the quiz and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Submit the current answer.
    Submit,
    /// Open the answer again.
    TryAgain,
    /// Show the solution.
    ShowSolution,
    /// Go to the next item.
    Next,
    /// End the round (the last item's "next").
    Finish,
    /// Unmark every word.
    ClearMarks,
    /// Download the review as Markdown.
    Download,
    /// Print the review.
    Print,
    /// A new round over the items not right.
    RetryWrong,
    /// A new attempt.
    Restart,
    /// The navigator: the previous item.
    NavPrevious,
    /// The navigator: the next item.
    NavNext,
    /// The navigator: the item of the button's `data-item`.
    GoTo,
    /// Show or hide the explanations of a step's choices.
    Explain,
}

const ACTIONS: [(Action, &str); 14] = [
    (Action::Submit, "submit"),
    (Action::TryAgain, "try-again"),
    (Action::ShowSolution, "show-solution"),
    (Action::Next, "next"),
    (Action::Finish, "finish"),
    (Action::ClearMarks, "clear-marks"),
    (Action::Download, "download"),
    (Action::Print, "print"),
    (Action::RetryWrong, "retry-wrong"),
    (Action::Restart, "restart"),
    (Action::NavPrevious, "nav-previous"),
    (Action::NavNext, "nav-next"),
    (Action::GoTo, "go-to"),
    (Action::Explain, "explain"),
];

impl Action {
    /// The action of a button (its `data-action`).
    pub fn of(button: &Element) -> Option<Action> {
        let name = attribute(button, "data-action")?;
        ACTIONS.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }

    fn name(self) -> &'static str {
        ACTIONS.iter().find(|(a, _)| *a == self).map_or("", |(_, n)| n)
    }
}

/// What the feedback region shows: the feedback on the last submission and the hint.
type Shown = (Option<FeedbackParts>, Option<Vec<Vec<Span>>>);

/// The elements of the item on screen.
struct ItemView {
    /// Round, position in the round, item: another key means another item's DOM.
    key: (u8, usize, Item),
    heading: HtmlElement,
    marking: Option<Marking>,
    mark_count: Option<Element>,
    inputs: Vec<(Input, HtmlInputElement)>,
    buttons: Vec<(Action, HtmlElement)>,
    tries: Element,
    feedback: Element,
    feedback_heading: HtmlElement,
    feedback_body: Element,
    feedback_shown: Option<Shown>,
    lenses: Element,
    lenses_shown: bool,
    /// The steps that can be missing on submission: each with its message (hidden until a
    /// submission is refused for it) and the control that takes focus then.
    steps: Vec<StepView>,
    /// The steps a refused submission lacked (their messages stay until the step is taken).
    refused: Vec<Missing>,
}

/// One step of an item, as a refused submission points to it.
struct StepView {
    missing: Missing,
    message: Element,
    first: Element,
}

/// The item navigator: back and next, and every item of the round with where it stands.
struct Navigator {
    root: Element,
    previous: HtmlElement,
    next: HtmlElement,
    summary: Element,
    list: Element,
    /// Per item of the round, its button; rebuilt when the round changes.
    buttons: Vec<HtmlElement>,
    round: u8,
}

/// Which explanations can be opened: the criteria's, the bins', how to mark words.
const EXPLAINED: [Key; 3] = [Key::ExplainCriteria, Key::ExplainBins, Key::ExplainMarking];

/// The quiz's DOM.
pub struct QuizView {
    dom: Dom,
    ui: Ui,
    prefix: String,
    /// The quiz's container: its listeners are registered here.
    pub panel: HtmlElement,
    /// How to answer an excerpt: hidden on concept questions and the review, which say their own.
    instructions: Element,
    notices: Element,
    live: Element,
    nav: Navigator,
    item_box: Element,
    item: Option<ItemView>,
    /// Whether the criteria's and the bins' explanations are open (kept from item to item).
    explained: [bool; 3],
    review_box: Element,
    review_shown: Option<Summary>,
    review_heading: Option<HtmlElement>,
}

impl QuizView {
    /// Builds the quiz's frame (instructions, notices, the item's place, the review's place, the
    /// live region) in `panel`; [`QuizView::render`] fills it.
    pub fn build(dom: Dom, ui: &Ui, prefix: &str, panel: HtmlElement) -> QuizView {
        let instructions = dom.child(&panel, "p", "instructions", ui.get(Key::QuizInstructions));
        let notices = dom.child(&panel, "div", "notices", "");
        let nav = Navigator::build(&dom, ui, &panel);
        let item_box = dom.child(&panel, "section", "quiz-item", "");
        // Under the item's buttons: what the last action did, or why a submission was refused.
        let live = dom.live_region(&panel, "status quiz-status");
        let review_box = dom.child(&panel, "section", "review", "");
        hide(&review_box, true);
        QuizView {
            dom,
            ui: ui.clone(),
            prefix: prefix.to_owned(),
            panel,
            instructions,
            notices,
            live,
            nav,
            item_box,
            item: None,
            explained: [false; 3],
            review_box,
            review_shown: None,
            review_heading: None,
        }
    }

    fn id(&self, suffix: &str) -> String {
        let mut s = String::with_capacity(self.prefix.len() + suffix.len());
        s.push_str(&self.prefix);
        s.push_str(suffix);
        s
    }

    fn t(&self, key: Key) -> &str {
        self.ui.get(key)
    }

    /// Says `text` in the live region (replacing the node, so a repeated sentence is announced).
    pub fn announce(&self, text: &str) {
        self.dom.announce(&self.live, text);
    }

    /// Shows a notice above the quiz.
    pub fn notice(&self, key: Key) {
        self.dom.child(&self.notices, "p", "notice", self.t(key));
    }

    /// Brings the DOM up to date with `quiz`.
    pub fn render(&mut self, quiz: &Quiz) {
        let finished = quiz.finished();
        hide(&self.item_box, finished);
        hide(&self.nav.root, finished);
        hide(&self.review_box, !finished);
        hide(&self.instructions, finished || matches!(quiz.current_item(), Item::Question(_)));
        if finished {
            self.render_review(quiz);
            return;
        }
        self.review_shown = None;
        let key = (quiz.round(), quiz.current(), quiz.current_item());
        if self.item.as_ref().map(|v| v.key) != Some(key) {
            self.item_box.set_text_content(None);
            let view = self.build_item(quiz, key);
            self.show_explained(&view);
            self.item = Some(view);
        }
        if let Some(view) = self.item.as_mut() {
            update_item(&self.dom, &self.ui, quiz, view);
        }
        self.nav.update(&self.dom, &self.ui, quiz);
    }

    /// After a submission was refused: shows each missing step's message beside it and focuses
    /// the first of those steps.
    pub fn refused(&mut self, quiz: &Quiz) {
        let Some(v) = self.item.as_mut() else { return };
        v.refused = quiz.missing_steps();
        update_item(&self.dom, &self.ui, quiz, v);
        if let Some(step) = v.steps.iter().find(|s| v.refused.contains(&s.missing)) {
            // Centred: the step's message above its first control is in view too.
            let _ = call(&step.message, "scrollIntoView", &[object(&[("block", JsValue::from_str("center"))])]);
            focus(&step.first, false);
        }
    }

    /// Where the student was: the current item in view with focus on its heading, or the
    /// review's heading (after a reload, or when the quiz's tab is chosen again).
    pub fn show_current(&self) {
        let heading = match &self.item {
            Some(v) if self.review_shown.is_none() => &v.heading,
            _ => match &self.review_heading {
                Some(h) => h,
                None => return,
            },
        };
        // The navigator just above the item comes into view with it.
        let top = if self.review_shown.is_none() { &self.nav.root } else { heading.as_ref() };
        let _ = call(top, "scrollIntoView", &[object(&[("block", JsValue::from_str("start"))])]);
        focus(heading, false);
    }

    /// Opens or closes the explanations of the step whose button `button` is.
    pub fn toggle_explained(&mut self, button: &Element) {
        let Some(k) = attribute(button, "data-explain").and_then(|k| k.parse::<usize>().ok()).filter(|&k| k < EXPLAINED.len()) else {
            return;
        };
        self.explained[k] = !self.explained[k];
        if let Some(v) = &self.item {
            self.show_explained(v);
        }
    }

    /// Shows each step's explanations as [`QuizView::explained`] says.
    fn show_explained(&self, v: &ItemView) {
        for b in v.buttons.iter().filter(|(a, _)| *a == Action::Explain).map(|(_, b)| b) {
            let Some(k) = attribute(b, "data-explain").and_then(|k| k.parse::<usize>().ok()) else { continue };
            let open = self.explained.get(k).copied().unwrap_or(false);
            attr(b, "aria-expanded", if open { "true" } else { "false" });
            if let Some(step) = closest(b, "fieldset, .excerpt") {
                class(&step, "explained", open);
            }
        }
    }

    /// The review's filter changed: shows only the items not right, or every item.
    pub fn filter_review(&self, only_wrong: bool) {
        let Some(list) = self.review_box.query_selector(".review-items").ok().flatten() else { return };
        class(&list, "only-wrong", only_wrong);
        let shown = list.query_selector_all(if only_wrong { ".review-item.wrong" } else { ".review-item" }).map_or(0, |l| l.length());
        let total = list.child_element_count();
        self.announce(&self.ui.text(Key::FilterShown, &[("n", &shown.to_string()), ("total", &total.to_string())]));
    }

    /// The marking widget of the item on screen, if it has one.
    pub fn marking(&mut self) -> Option<&mut Marking> {
        self.item.as_mut()?.marking.as_mut()
    }

    /// Focuses the item's heading (a new item, another try).
    pub fn focus_item(&self) {
        if let Some(v) = &self.item {
            focus(&v.heading, true);
        }
    }

    /// Focuses the feedback's heading (after a submission).
    pub fn focus_feedback(&self) {
        if let Some(v) = &self.item {
            focus(&v.feedback_heading, true);
        }
    }

    /// Focuses the review's heading (the round ended).
    pub fn focus_review(&self) {
        if let Some(h) = &self.review_heading {
            focus(h, true);
        }
    }

    fn build_item(&self, quiz: &Quiz, key: (u8, usize, Item)) -> ItemView {
        let (round, pos, item) = key;
        let dom = &self.dom;
        let set = quiz.set();
        let settings = set.quiz_settings();
        let root = &self.item_box;
        let heading_id = self.id("-item");
        attr(root, "aria-labelledby", &heading_id);
        if round > 1 {
            let r = round - 1;
            dom.child(root, "p", "round", &self.ui.text(Key::RoundHeading, &[("round", &r.to_string())]));
        }
        let (n, total) = ((pos + 1).to_string(), quiz.items().len().to_string());
        let progress_key = if matches!(item, Item::Excerpt(_)) { Key::ExcerptOf } else { Key::QuestionOf };
        let heading: HtmlElement =
            dom.child(root, "h3", "item-heading", &self.ui.text(progress_key, &[("n", &n), ("total", &total)])).unchecked_into();
        attr(&heading, "id", &heading_id);
        attr(&heading, "tabindex", "-1");

        let mut inputs = Vec::new();
        let mut marking = None;
        let mut mark_count = None;
        let mut buttons = Vec::new();
        let mut steps = Vec::new();
        let form = dom.child(root, "div", "answer", "");
        match item {
            Item::Excerpt(i) => {
                let excerpt = &set.file.excerpts[i];
                let text_box = dom.child(&form, "div", "excerpt", "");
                dom.source_kind(&text_box, &self.ui, excerpt.source.as_ref());
                if excerpt.kind == ExcerptKind::Description {
                    dom.child(&text_box, "p", "kind", self.t(Key::Description));
                }
                let kind_class = if excerpt.kind == ExcerptKind::Quote { "quote" } else { "description" };
                if settings.evidence_step.offered() {
                    let label_id = self.id("-marks");
                    let help_id = self.id("-marks-help");
                    // Read as running text by screen readers; the widget below is for marking.
                    let plain = dom.child(&text_box, "div", "sr-only", "");
                    dom.set_text(&plain);
                    dom.paragraphs(&plain, "", &excerpt.text);
                    let label = dom.child(&text_box, "p", "marks-label", self.t(Key::MarkLegend));
                    attr(&label, "id", &label_id);
                    dom.text(&label, self.t(step_word(settings.evidence_step)));
                    buttons.push((Action::Explain, self.explain_button(&text_box, 2)));
                    let message = self.step_message(&text_box);
                    let help = dom.child(&text_box, "p", "marks-help", self.t(Key::MarkHelp));
                    attr(&help, "id", &help_id);
                    let m = Marking::build(dom, &text_box, &self.prefix, &excerpt.text, &words(&excerpt.text), &label_id);
                    attr(&m.root, "aria-describedby", &help_id);
                    class(&m.root, "excerpt-text", true);
                    class(&m.root, kind_class, true);
                    if settings.evidence_step == Step::Required {
                        attr(&m.root, "aria-required", "true");
                    }
                    steps.push(StepView { missing: Missing::Evidence, message, first: m.root.clone().into() });
                    let row = dom.child(&text_box, "div", "marks-row", "");
                    let count = dom.child(&row, "p", "mark-count", "");
                    attr(&count, "aria-hidden", "true");
                    buttons.push((Action::ClearMarks, self.action(&row, Action::ClearMarks, Key::ClearMarks)));
                    mark_count = Some(count);
                    marking = Some(m);
                } else {
                    let q = dom.child(&text_box, "div", "excerpt-text", "");
                    class(&q, kind_class, true);
                    dom.set_text(&q);
                    dom.paragraphs(&q, "", &excerpt.text);
                }
                if let Some(src) = &excerpt.source {
                    // Whose text it is stays in view; the reference and its context open on demand.
                    let more = dom.child(&text_box, "details", "source-more", "");
                    let summary = dom.child(&more, "summary", "", self.t(Key::SourceSummary));
                    let whose = dom.child(&summary, "span", "", &src.diarist);
                    dom.set_text(&whose);
                    dom.source(&more, &self.ui, Some(src));
                }

                if settings.criteria_step.offered() {
                    let legend = [self.t(Key::CriteriaLegend), self.t(step_word(settings.criteria_step))].concat();
                    let (fs, explain) = self.explained_fieldset(&form, "step-criteria", &legend, 0);
                    buttons.push((Action::Explain, explain));
                    let message = self.step_message(&fs);
                    for (c, criterion) in set.file.criteria.iter().enumerate() {
                        let input =
                            self.choice(&fs, "checkbox", "", Input::Criterion(c), &criterion.label, not_empty(&criterion.explanation));
                        if c == 0 {
                            steps.push(StepView { missing: Missing::Criteria, message: message.clone(), first: input.clone().into() });
                        }
                        inputs.push((Input::Criterion(c), input));
                    }
                }
                let (fs, explain) = self.explained_fieldset(&form, "step-bins", self.t(Key::BinLegend), 1);
                buttons.push((Action::Explain, explain));
                let message = self.step_message(&fs);
                let name = self.id("-bin");
                for &b in &set.bins {
                    let info = set.bin(b);
                    let input = self.choice(&fs, "radio", &name, Input::Bin(b), info.label, not_empty(info.definition));
                    if steps.iter().all(|s| s.missing != Missing::Bin) {
                        steps.push(StepView { missing: Missing::Bin, message: message.clone(), first: input.clone().into() });
                    }
                    inputs.push((Input::Bin(b), input));
                }
            }
            Item::Question(q) => {
                let question = &set.file.questions[q];
                let single = question.kind == QuestionType::Single;
                let (fs, legend) = self.fieldset(&form, "step-options", &question.prompt);
                dom.set_text(&legend);
                dom.child(&fs, "p", "hint-line", self.t(if single { Key::OptionsSingle } else { Key::OptionsMultiple }));
                let message = self.step_message(&fs);
                let name = self.id("-option");
                let kind = if single { "radio" } else { "checkbox" };
                for (o, option) in question.options.iter().enumerate() {
                    let input = self.choice(&fs, kind, &name, Input::Option(o), &option.text, None);
                    if o == 0 {
                        steps.push(StepView { missing: Missing::Option, message: message.clone(), first: input.clone().into() });
                    }
                    inputs.push((Input::Option(o), input));
                }
            }
        }
        if settings.certainty {
            let (fs, _) = self.fieldset(&form, "step-certainty", self.t(Key::CertaintyLegend));
            let message = self.step_message(&fs);
            let name = self.id("-certainty");
            for (c, key) in Certainty::ALL.into_iter().zip([Key::CertaintyLowChoice, Key::CertaintyMediumChoice, Key::CertaintyHighChoice])
            {
                let input = self.choice(&fs, "radio", &name, Input::Certainty(c), self.t(key), None);
                if c == Certainty::Low {
                    steps.push(StepView { missing: Missing::Certainty, message: message.clone(), first: input.clone().into() });
                }
                inputs.push((Input::Certainty(c), input));
            }
        }

        let feedback = dom.child(root, "section", "quiz-feedback", "");
        let fb_id = self.id("-feedback");
        attr(&feedback, "aria-labelledby", &fb_id);
        let feedback_heading: HtmlElement = dom.child(&feedback, "h4", "", self.t(Key::FeedbackHeading)).unchecked_into();
        attr(&feedback_heading, "id", &fb_id);
        attr(&feedback_heading, "tabindex", "-1");
        let feedback_body = dom.child(&feedback, "div", "", "");
        hide(&feedback, true);

        let bar = dom.child(root, "div", "item-actions", "");
        for (action, label) in [
            (Action::Submit, Key::Submit),
            (Action::TryAgain, Key::TryAgain),
            (Action::Next, Key::Next),
            (Action::Finish, Key::ToReview),
            (Action::ShowSolution, Key::ShowSolution),
        ] {
            buttons.push((action, self.action(&bar, action, label)));
        }
        let tries = dom.child(&bar, "p", "tries", "");

        let lenses = dom.child(root, "details", "lenses", "");
        dom.child(&lenses, "summary", "", self.t(Key::Lenses));
        dom.child(&lenses, "p", "lens-note", self.t(Key::LensesNote));
        hide(&lenses, true);

        ItemView {
            key,
            heading,
            marking,
            mark_count,
            inputs,
            buttons,
            tries,
            feedback,
            feedback_heading,
            feedback_body,
            feedback_shown: None,
            lenses,
            lenses_shown: false,
            steps,
            refused: Vec::new(),
        }
    }

    /// A step's message for a refused submission (hidden until then), appended to `parent`.
    fn step_message(&self, parent: &Element) -> Element {
        let p = self.dom.child(parent, "p", "step-missing", "");
        hide(&p, true);
        p
    }

    /// The button that opens or closes the explanations `k` of [`EXPLAINED`] in `parent` (a
    /// step's legend, or the excerpt's box for how to mark); they are closed at first, and
    /// read as descriptions (of the choices, of the marking widget) either way.
    fn explain_button(&self, parent: &Element, k: usize) -> HtmlElement {
        let b = self.action(parent, Action::Explain, EXPLAINED[k]);
        attr(&b, "data-explain", &k.to_string());
        attr(&b, "aria-expanded", "false");
        b
    }

    /// A `<fieldset>` whose legend starts with the button that opens or closes the explanations
    /// `k` of [`EXPLAINED`] of its choices, appended to `parent`. The button shows a short word
    /// (it sits at the end of the legend's first line, taking no line of its own on a phone) and
    /// is named in full; the legend's text alone names the group.
    fn explained_fieldset(&self, parent: &Element, class: &str, legend: &str, k: usize) -> (Element, HtmlElement) {
        let dom = &self.dom;
        let fs = dom.child(parent, "fieldset", class, "");
        let inside = dom.child(&fs, "legend", "", "");
        let button = self.explain_button(&inside, k);
        attr(&button, "aria-label", self.t(EXPLAINED[k]));
        button.set_text_content(Some(self.t(Key::ExplainShort)));
        let text = dom.child(&inside, "span", "", legend);
        let id = self.id(&{
            let mut s = String::from("-legend-");
            s.push_str(&k.to_string());
            s
        });
        attr(&text, "id", &id);
        attr(&fs, "aria-labelledby", &id);
        (fs, button)
    }

    /// A `<fieldset>` with its legend, appended to `parent`.
    fn fieldset(&self, parent: &Element, class: &str, legend: &str) -> (Element, Element) {
        let fs = self.dom.child(parent, "fieldset", class, "");
        let legend = self.dom.child(&fs, "legend", "", legend);
        (fs, legend)
    }

    /// A labelled checkbox or radio button (with an optional description under its label).
    fn choice(&self, parent: &Element, kind: &str, name: &str, what: Input, label: &str, note: Option<&str>) -> HtmlInputElement {
        let dom = &self.dom;
        let row = dom.child(parent, "div", "choice", "");
        let input: HtmlInputElement = dom.child(&row, "input", "", "").unchecked_into();
        attr(&input, "type", kind);
        if !name.is_empty() {
            attr(&input, "name", name);
        }
        let what_attr = what.attribute();
        attr(&input, ANSWER, &what_attr);
        let input_id = self.id(&{
            let mut s = String::from("-");
            s.push_str(&what_attr);
            s
        });
        attr(&input, "id", &input_id);
        let text = dom.child(&row, "label", "", label);
        attr(&text, "for", &input_id);
        if !matches!(what, Input::Certainty(_)) {
            dom.set_text(&text);
        }
        if let Some(note) = note {
            let note_id = self.id(&{
                let mut s = input_id.clone();
                s.push_str("-note");
                s
            });
            let n = dom.child(&row, "span", "choice-note", note);
            dom.set_text(&n);
            attr(&n, "id", &note_id);
            attr(&input, "aria-describedby", &note_id);
        }
        input
    }

    /// A button carrying `action`, appended to `parent`.
    fn action(&self, parent: &Element, action: Action, label: Key) -> HtmlElement {
        let b = self.dom.button(parent, action.name(), self.t(label));
        attr(&b, "data-action", action.name());
        b
    }

    fn render_review(&mut self, quiz: &Quiz) {
        let Some(review) = quiz.review() else { return };
        if self.review_shown.as_ref() == Some(&review.summary) {
            return;
        }
        self.item = None;
        self.item_box.set_text_content(None);
        self.review_box.set_text_content(None);
        self.review_heading = Some(self.build_review(quiz, &review));
        self.review_shown = Some(review.summary);
    }

    fn build_review(&self, quiz: &Quiz, review: &Review) -> HtmlElement {
        let (dom, ui, root) = (&self.dom, &self.ui, &self.review_box);
        let id = self.id("-review");
        attr(root, "aria-labelledby", &id);
        let heading: HtmlElement = dom.child(root, "h3", "", self.t(Key::Review)).unchecked_into();
        attr(&heading, "id", &id);
        attr(&heading, "tabindex", "-1");
        dom.outcome(root, &review.summary);
        let actions = dom.child(root, "div", "review-actions", "");
        self.action(&actions, Action::Download, Key::Download);
        self.action(&actions, Action::Print, Key::Print);
        if quiz.can_retry_wrong() {
            self.action(&actions, Action::RetryWrong, Key::RetryWrong);
        }
        self.action(&actions, Action::Restart, Key::Restart);

        // Only the wrong ones: a checkbox over the list (the `change` listener filters).
        let filter = dom.child(root, "div", "review-filter", "");
        let check = dom.child(&filter, "input", "filter-wrong", "");
        attr(&check, "type", "checkbox");
        attr(&check, "data-filter", "wrong");
        let check_id = self.id("-filter-wrong");
        attr(&check, "id", &check_id);
        let label = dom.child(&filter, "label", "", self.t(Key::FilterWrong));
        attr(&label, "for", &check_id);

        let list = dom.child(root, "ol", "review-items", "");
        for r in &review.items {
            let li = dom.child(&list, "li", "review-item", "");
            class(&li, if r.status == ItemStatus::Right { "right" } else { "wrong" }, true);
            let h = dom.child(&li, "h4", "", "");
            let title = dom.child(&h, "span", "", &r.title);
            dom.set_text(&title);
            dom.text(&h, " — ");
            dom.child(&h, "span", "verdict-word", &status_text(ui.wording(), r.status, r.tries));
            let dl = dom.child(&li, "dl", "", "");
            let row = |term: Key| {
                dom.child(&dl, "dt", "", self.t(term));
                dom.child(&dl, "dd", "", "")
            };
            // `empty` when there are no items: "none", or "not answered" for the answer.
            let texts = |dd: &Element, items: &[String], set_text: bool, empty: Key| {
                if items.is_empty() {
                    dom.text(dd, self.t(empty));
                } else {
                    let e = dom.child(dd, "span", "", &ui.join_list(items, Key::And));
                    if set_text {
                        dom.set_text(&e);
                    }
                }
            };
            texts(&row(Key::ReviewAnswer), &r.answer, true, Key::StatusOpen);
            if let Some(c) = r.certainty {
                dom.text(&row(Key::ReviewCertainty), certainty_label(ui.wording(), c));
            }
            dom.text(&row(Key::ReviewPoints), r.points.as_ref().map_or(self.t(Key::PointsPractice), |p| &p.why));
            if let Item::Excerpt(_) = r.item {
                let settings = quiz.set().quiz_settings();
                if settings.criteria_step.offered() {
                    texts(&row(Key::ReviewCriteria), &r.criteria, true, Key::ReviewNone);
                }
                if settings.evidence_step.offered() {
                    let dd = row(Key::ReviewMarked);
                    if r.marked.is_empty() {
                        dom.text(&dd, self.t(Key::ReviewNone));
                    }
                    for (k, run) in r.marked.iter().enumerate() {
                        if k > 0 {
                            dom.text(&dd, " … ");
                        }
                        let q = dom.child(&dd, "q", "", run);
                        dom.set_text(&q);
                    }
                }
            }
            texts(&row(Key::ReviewRightAnswer), &r.right_answer, true, Key::ReviewNone);
            if !r.explanation.is_empty() {
                let dd = row(Key::ReviewWhy);
                dom.span_paragraphs(&dd, &r.explanation);
            }
            if let Some(essay) = &r.essay {
                let dd = row(Key::ReviewEssay);
                dom.child(&dd, "cite", "", essay);
            }
        }
        heading
    }
}

impl Navigator {
    /// The navigator's frame in `parent`: a labelled `nav` with back and next, and a
    /// disclosure listing every item (filled by [`Navigator::update`]).
    fn build(dom: &Dom, ui: &Ui, parent: &Element) -> Navigator {
        let root = dom.child(parent, "nav", "quiz-nav", "");
        attr(&root, "aria-label", ui.get(Key::NavLabel));
        let row = dom.child(&root, "div", "nav-row", "");
        let step = |action: Action, label: Key| {
            let b = dom.button(&row, action.name(), ui.get(label));
            attr(&b, "data-action", action.name());
            b
        };
        let previous = step(Action::NavPrevious, Key::NavPrevious);
        let next = step(Action::NavNext, Key::NavNext);
        let all = dom.child(&root, "details", "nav-all", "");
        let summary = dom.child(&all, "summary", "", "");
        let list = dom.child(&all, "ol", "nav-items", "");
        Navigator { root, previous, next, summary, list, buttons: Vec::new(), round: 0 }
    }

    /// Brings the navigator up to date: where each item stands, which is current, whether
    /// there is a previous and a next.
    fn update(&mut self, dom: &Dom, ui: &Ui, quiz: &Quiz) {
        let items = quiz.items();
        if self.round != quiz.round() || self.buttons.len() != items.len() {
            self.list.set_text_content(None);
            self.buttons.clear();
            for k in 0..items.len() {
                let li = dom.child(&self.list, "li", "", "");
                let b = dom.button(&li, "go-to", &(k + 1).to_string());
                attr(&b, "data-action", Action::GoTo.name());
                attr(&b, "data-item", &k.to_string());
                self.buttons.push(b);
            }
            self.round = quiz.round();
        }
        let current = quiz.current();
        for (k, (b, &item)) in self.buttons.iter().zip(items).enumerate() {
            let standing = quiz.standing(item);
            for (cls, s) in [("to-do", Standing::ToDo), ("retry", Standing::Retry), ("right", Standing::Right), ("wrong", Standing::Wrong)]
            {
                class(b, cls, standing == s);
            }
            let name = ui.text(Key::NavItem, &[("k", &(k + 1).to_string()), ("standing", ui.get(standing.key()))]);
            attr(b, "aria-label", &name);
            flag(b, "aria-current", false);
            if k == current {
                attr(b, "aria-current", "step");
            }
        }
        let p = quiz.progress();
        let (right, wrong, to_do) = (p.right.to_string(), p.wrong.to_string(), p.to_do.to_string());
        self.summary.set_text_content(Some(&ui.text(Key::NavAll, &[("right", &right), ("wrong", &wrong), ("to_do", &to_do)])));
        // Not `disabled`: a button that keeps focus when it stops applying (the last item).
        attr(&self.previous, "aria-disabled", if current == 0 { "true" } else { "false" });
        attr(&self.next, "aria-disabled", if current + 1 >= items.len() { "true" } else { "false" });
    }
}

/// "(required)" or "(optional)" after a step's label.
fn step_word(step: Step) -> Key {
    if step == Step::Required { Key::Required } else { Key::Optional }
}

/// Brings the item on screen up to date: the answer's controls, the buttons, the feedback and
/// the lenses.
fn update_item(dom: &Dom, ui: &Ui, quiz: &Quiz, v: &mut ItemView) {
    let item = v.key.2;
    let set = quiz.set();
    let status = quiz.status(item);
    let open = status == ItemStatus::Open;
    let draft = quiz.draft(item);

    for (what, input) in &v.inputs {
        let on = match *what {
            Input::Criterion(c) => draft.criteria.contains(&c),
            Input::Bin(b) => draft.bin == Some(b),
            Input::Certainty(c) => draft.certainty == Some(c),
            Input::Option(o) => draft.options.contains(&o),
        };
        set_prop(input, "checked", &JsValue::from_bool(on));
        flag(input, "disabled", !open);
    }
    if let Some(m) = v.marking.as_mut() {
        m.render(&|i| draft.marked.binary_search(&i).is_ok(), open);
    }
    if let Some(count) = &v.mark_count {
        let n = draft.marked.len().to_string();
        count.set_text_content(Some(&ui.text(Key::WordsMarked, &[("n", &n)])));
        // The count and "clear marks" once there is something marked.
        if let Some(row) = count.parent_element() {
            hide(&row, draft.marked.is_empty());
        }
    }

    let last = quiz.current() + 1 == quiz.items().len();
    // The review is one step away on the last item, and on any item once none is left to do.
    let all_done = quiz.progress().to_do == 0;
    for (action, b) in &v.buttons {
        let show = match action {
            Action::Submit | Action::ClearMarks => open,
            Action::TryAgain => quiz.can_try_again(),
            Action::ShowSolution => quiz.can_show_solution(),
            Action::Next => !open && !last,
            Action::Finish => !open && (last || all_done),
            Action::Explain => true,
            _ => false,
        };
        hide(b, !show);
    }
    // A refused submission's messages, each beside its step until that step is taken.
    let missing = quiz.missing_steps();
    v.refused.retain(|m| missing.contains(m));
    for step in &v.steps {
        let shown = v.refused.contains(&step.missing);
        if shown {
            step.message.set_text_content(Some(ui.get(step.missing.key())));
        }
        hide(&step.message, !shown);
    }
    // Shown while a retry is open: right after a wrong answer, the status line already says how
    // many tries are left, and saying it twice on screen reads as two different counts.
    let retrying = open && quiz.tries_used(item) > 0;
    hide(&v.tries, !retrying);
    if retrying {
        let (n, of) = (quiz.tries_left(item).to_string(), set.file.settings.tries.to_string());
        v.tries.set_text_content(Some(&ui.text(Key::TriesOnItem, &[("n", &n), ("tries", &of)])));
    }

    let shown = (quiz.feedback_parts(item), quiz.hint(item));
    if v.feedback_shown.as_ref() != Some(&shown) {
        v.feedback_body.set_text_content(None);
        if let Some(parts) = &shown.0 {
            // The board's words are its checks; the quiz's are its tries, or a solution shown.
            let (verdict, answer) = match (status, parts.verdict) {
                (ItemStatus::SolutionShown, _) => (Key::SolutionShownVerdict, Key::FeedbackSolution),
                (_, Verdict::Revealed) => (Key::WrongNoTries, Key::FeedbackAnswer),
                (_, Verdict::Right) => (Key::Right, Key::FeedbackAnswer),
                (_, Verdict::Wrong) => (Key::Wrong, Key::FeedbackAnswer),
            };
            let div = dom.verdict_line(ui, verdict, parts.verdict == Verdict::Right);
            append(&v.feedback_body, &div);
            for (heading, part) in
                [(answer, &parts.answer), (Key::FeedbackCriteria, &parts.criteria), (Key::FeedbackEvidence, &parts.evidence)]
            {
                if !part.is_empty() {
                    dom.child(&div, "h5", "", ui.get(heading));
                    dom.span_paragraphs(&div, part);
                }
            }
        }
        if let Some(hint) = &shown.1 {
            let h = dom.child(&v.feedback_body, "div", "hint", "");
            dom.span_paragraphs(&h, hint);
        }
        hide(&v.feedback, shown.0.is_none() && shown.1.is_none());
        class(&v.feedback, "right", status == ItemStatus::Right);
        class(&v.feedback, "wrong", matches!(status, ItemStatus::Wrong | ItemStatus::Revealed | ItemStatus::SolutionShown));
        v.feedback_shown = Some(shown);
    }

    let readings = quiz.lens_readings(item);
    if !readings.is_empty() && !v.lenses_shown {
        let list = dom.child(&v.lenses, "ul", "lens-list", "");
        for r in &readings {
            let Some(lens) = set.file.lenses.get(r.lens) else { continue };
            let li = dom.child(&list, "li", "lens", "");
            class(&li, "agrees", r.agrees);
            let name = dom.child(&li, "p", "lens-name", &lens.label);
            dom.set_text(&name);
            if !lens.summary.is_empty() {
                let summary = dom.child(&li, "p", "lens-summary", &lens.summary);
                dom.set_text(&summary);
            }
            let why = dom.child(&li, "div", "lens-why", "");
            dom.span_paragraphs(&why, &r.why);
            // Where the essay describes this school: said as such, not taken for the excerpt's place.
            if let Some(essay) = &lens.essay {
                let source = dom.child(&li, "p", "ref", "");
                dom.spans(&source, &feedback::cite(ui.wording(), Key::LensSource, essay));
            }
        }
        v.lenses_shown = true;
    }
    hide(&v.lenses, readings.is_empty());
}

/// `text` as a choice's note, unless the set left it empty.
fn not_empty(text: &str) -> Option<&str> {
    Some(text).filter(|t| !t.is_empty())
}
