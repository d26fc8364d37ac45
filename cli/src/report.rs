//! `diary-sort report FILE… [--lrs URL --user U --password P [--since T]] [--activity IRI]
//! [--set SET] [--format html|svg] [--lang nl|en] -o OUT`: reads what the module reported (xAPI
//! statements as JSON, a SCORM interactions export as CSV; see [`diary_sort_cli::answers`]),
//! from files or from a Learning Record Store ([`crate::lrs`]), and draws the class report
//! ([`diary_sort_cli::class_report`]).
//!
//! HTML: `OUT` and, beside it, its stylesheet (`OUT` with `.css`), since the page has no inline
//! style (or script) under the project's content security policy; the charts are SVG with
//! presentation attributes, each followed by the same numbers as a table for screen readers.
//! SVG: one picture with every chart, presentation attributes only. Any problem in the input is
//! printed as `FILE:LINE:COL: PATH: message` and nothing is written.

use crate::lrs;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::builder::{PossibleValuesParser, TypedValueParser as _};

use diary_sort::core::board::first_words;
use diary_sort::core::markup;
use diary_sort::core::set::{self, Set};
use diary_sort::core::strings::Lang;
use diary_sort_cli::answers::{self, Answers};
use diary_sort_cli::class_report::{self, ClassReport};

use crate::validate::{print_problems, read};

/// What is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A page with charts and tables, and its stylesheet beside it.
    Html,
    /// One SVG picture.
    Svg,
}

/// What `report` was asked to do.
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The inputs: xAPI statements (JSON) or SCORM interactions exports (CSV).
    #[arg(required_unless_present = "endpoint", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A Learning Record Store to read statements from, besides the files.
    #[command(flatten)]
    pub lrs: lrs::Source,
    /// Only the statements about this activity (the course's activity id, or an IRI under it);
    /// the others count as ignored.
    #[arg(long, value_name = "IRI")]
    pub activity: Option<String>,
    /// The set the students used: labels, names, and what each excerpt shows (for the criteria
    /// missed).
    #[arg(long, value_name = "SET")]
    pub set: Option<PathBuf>,
    /// HTML or SVG.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// The report's language (default: the set's, else English).
    #[arg(long, value_parser = PossibleValuesParser::new(set::LANG_CODES).try_map(|tag| Lang::from_tag(&tag).ok_or("no such language")))]
    pub lang: Option<Lang>,
    /// Where to write.
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
}

/// Reads, computes and writes; status 1 (and nothing written) when an input has problems.
pub fn run(options: &Options) -> ExitCode {
    let started = Instant::now();
    let mut answers = Answers::default();
    let mut ok = true;
    for file in &options.files {
        let name = file.display().to_string();
        let problems = match read(file) {
            Ok(text) => answers::read_under(&text, options.activity.as_deref(), &mut answers).err(),
            Err(problem) => Some(vec![problem]),
        };
        if let Some(problems) = problems {
            print_problems(&name, &problems);
            ok = false;
        }
    }
    let mut pages = None;
    if options.lrs.endpoint.is_some() {
        match lrs::read(&options.lrs, options.activity.as_deref(), &mut answers) {
            Ok(read) => pages = Some(read.pages),
            Err(message) => {
                println!("diary-sort report: {message}");
                ok = false;
            }
        }
    }
    let set = match &options.set {
        Some(path) => match read(path).map(|text| set::load(&text)) {
            Ok(Ok(set)) => Some(set),
            Ok(Err(errors)) => {
                print_problems(&path.display().to_string(), &errors.0);
                return ExitCode::FAILURE;
            }
            Err(problem) => {
                print_problems(&path.display().to_string(), &[problem]);
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    if !ok {
        println!("nothing written: fix the problems above first");
        return ExitCode::FAILURE;
    }
    let numbers = match class_report::compute(&answers, set.as_ref()) {
        Ok(numbers) => numbers,
        Err(message) => {
            println!("diary-sort report: {message}; nothing written");
            return ExitCode::FAILURE;
        }
    };
    let t = if options.lang.or(set.as_ref().map(|s| s.file.lang)) == Some(Lang::Nl) { &NL } else { &EN };
    let page = Page { t, numbers: &numbers, set: set.as_ref() };
    let written = match options.format {
        Format::Html => {
            let css = options.out.with_extension("css");
            let css_name = css.file_name().map_or("report.css".into(), |n| n.to_string_lossy().into_owned());
            write(&options.out, &page.html(&css_name)).and_then(|()| write(&css, STYLESHEET))
        }
        Format::Svg => write(&options.out, &page.svg()),
    };
    if let Err(message) = written {
        println!("diary-sort report: {message}");
        return ExitCode::FAILURE;
    }
    println!(
        "{}: {} answers ({} first tries) of {} students in {} attempts; {} statements ignored{}; {} ms",
        options.out.display(),
        numbers.answers,
        numbers.first_tries,
        numbers.learners,
        numbers.attempts,
        numbers.ignored,
        pages.map_or_else(String::new, |n| format!("; {n} {} from the LRS", if n == 1 { "page" } else { "pages" })),
        started.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The report's own words, per language (they belong to this tool alone, not to the module).
struct Texts {
    /// The language's code, for `<html lang>`.
    code: &'static str,
    /// "of" in "3 of 8".
    of: &'static str,
    title: &'static str,
    students: &'static str,
    attempts: &'static str,
    answers: &'static str,
    first_tries: &'static str,
    right_first: &'static str,
    matrix: &'static str,
    matrix_note: &'static str,
    right_axis: &'static str,
    chosen_axis: &'static str,
    difficulty: &'static str,
    difficulty_note: &'static str,
    excerpt: &'static str,
    question: &'static str,
    right_of: &'static str,
    criteria: &'static str,
    criteria_note_ticked: &'static str,
    criteria_note_wrong: &'static str,
    criteria_needs_set: &'static str,
    criterion: &'static str,
    missed_of: &'static str,
    ticked_wrongly: &'static str,
    certainty: &'static str,
    certainty_note: &'static str,
    levels: [&'static str; 3],
    none: &'static str,
    ignored: &'static str,
}

const EN: Texts = Texts {
    code: "en",
    of: "of",
    title: "How the class did",
    students: "students",
    attempts: "attempts",
    answers: "answers",
    first_tries: "first tries",
    right_first: "right on the first try",
    matrix: "Where each category's excerpts were put",
    matrix_note: "First tries. A row is an excerpt's right category, a column the category students chose; the diagonal is right. Each cell: the number of answers and the row's share.",
    right_axis: "right category",
    chosen_axis: "chosen category",
    difficulty: "Excerpts, hardest first",
    difficulty_note: "The share right on the first try.",
    excerpt: "excerpt",
    question: "question",
    right_of: "right",
    criteria: "Criteria most often missed",
    criteria_note_ticked: "First tries on excerpts that show the criterion, in which students did not tick it; and how often they ticked it on an excerpt that does not show it.",
    criteria_note_wrong: "First tries on excerpts that show the criterion that put the excerpt in the wrong category.",
    criteria_needs_set: "Give the set with --set to see which criteria were missed.",
    criterion: "criterion",
    missed_of: "missed",
    ticked_wrongly: "ticked where not shown",
    certainty: "Certainty and correctness",
    certainty_note: "First tries at each level of certainty students chose, and the share of them that was right.",
    levels: ["low", "medium", "high"],
    none: "No answers of this kind.",
    ignored: "Statements that are not answers of this module (other verbs or activities), left out",
};

const NL: Texts = Texts {
    code: "nl",
    of: "van",
    title: "Hoe de klas het deed",
    students: "studenten",
    attempts: "pogingen",
    answers: "antwoorden",
    first_tries: "eerste pogingen",
    right_first: "goed bij de eerste poging",
    matrix: "Waar de fragmenten van elke categorie terechtkwamen",
    matrix_note: "Eerste pogingen. Een rij is de juiste categorie van een fragment, een kolom de categorie die studenten kozen; de diagonaal is goed. Elke cel: het aantal antwoorden en het deel van de rij.",
    right_axis: "juiste categorie",
    chosen_axis: "gekozen categorie",
    difficulty: "Fragmenten, moeilijkste eerst",
    difficulty_note: "Het deel dat bij de eerste poging goed was.",
    excerpt: "fragment",
    question: "vraag",
    right_of: "goed",
    criteria: "Criteria die het vaakst gemist werden",
    criteria_note_ticked: "Eerste pogingen bij fragmenten die het criterium tonen waarin studenten het niet aanvinkten; en hoe vaak ze het aanvinkten bij een fragment dat het niet toont.",
    criteria_note_wrong: "Eerste pogingen bij fragmenten die het criterium tonen die het fragment in de verkeerde categorie zetten.",
    criteria_needs_set: "Geef de set mee met --set om te zien welke criteria gemist werden.",
    criterion: "criterium",
    missed_of: "gemist",
    ticked_wrongly: "aangevinkt waar niet getoond",
    certainty: "Zekerheid en juistheid",
    certainty_note: "Eerste pogingen per mate van zekerheid die studenten kozen, en het deel daarvan dat goed was.",
    levels: ["laag", "middel", "hoog"],
    none: "Geen antwoorden van deze soort.",
    ignored: "Statements die geen antwoorden van deze module zijn (andere werkwoorden of activiteiten), weggelaten",
};

/// The stylesheet written beside the HTML report.
const STYLESHEET: &str = include_str!("report.css");

/// `text` cut to `max` characters (with an ellipsis) for a chart; tables keep it whole.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max { text.to_string() } else { text.chars().take(max - 1).chain(['…']).collect() }
}

/// `part` of `whole` in whole percent (0 for nothing).
fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// A colour between `light` and `dark` (RGB) for a share from 0 to 1.
fn shade(light: [u8; 3], dark: [u8; 3], share: f64) -> String {
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * share).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(light[0], dark[0]), mix(light[1], dark[1]), mix(light[2], dark[2]))
}

const INK: &str = "#1c1f24";
const MUTED: &str = "#4a4f57";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const RIGHT: ([u8; 3], [u8; 3]) = ([0xee, 0xf7, 0xf0], [0x1e, 0x6b, 0x3a]);
const WRONG: ([u8; 3], [u8; 3]) = ([0xfc, 0xf0, 0xee], [0xa1, 0x23, 0x1a]);

/// One chart: its SVG content and size.
struct Chart {
    body: String,
    width: u32,
    height: u32,
}

/// A row of a bar chart: label, share, the words beside the bar.
struct Bar {
    label: String,
    part: usize,
    whole: usize,
    words: String,
}

struct Page<'a> {
    t: &'static Texts,
    numbers: &'a ClassReport,
    set: Option<&'a Set>,
}

impl Page<'_> {
    fn category_label(&self, id: &str) -> String {
        let Some(s) = self.set else { return id.to_string() };
        let bins = s.file.categories.len() + usize::from(s.file.fallback.is_some());
        (0..bins).map(|b| s.bin(b)).find(|b| b.id == id).map_or_else(|| id.to_string(), |b| b.label.to_string())
    }

    fn item_label(&self, id: &str, question: bool) -> String {
        if question {
            return format!("{} {id}", self.t.question);
        }
        match self.set.and_then(|s| s.file.excerpts.iter().find(|e| e.id == id)) {
            Some(e) => match &e.source {
                Some(source) => format!("{} ({})", first_words(&e.text, 6), source.diarist),
                None => first_words(&e.text, 6),
            },
            None => id.to_string(),
        }
    }

    fn criterion_label(&self, id: &str) -> String {
        self.set.and_then(|s| s.file.criteria.iter().find(|c| c.id == id)).map_or_else(|| id.to_string(), |c| c.label.clone())
    }

    /// The confusion matrix as a heat map: right categories down, chosen across.
    fn matrix_chart(&self) -> Chart {
        let n = &self.numbers;
        let labels: Vec<String> = n.categories.iter().map(|c| self.category_label(c)).collect();
        let (left, top, cell_w, cell_h) = (190u32, 64u32, 116u32, 58u32);
        let width = left + cell_w * labels.len() as u32 + 8;
        let height = top + cell_h * labels.len() as u32 + 8;
        let mut b = String::new();
        let _ = write!(
            b,
            r#"<text x="{}" y="16" font-size="13" fill="{MUTED}" text-anchor="middle">{} →</text>"#,
            left + cell_w * labels.len() as u32 / 2,
            markup::escape(self.t.chosen_axis)
        );
        let _ = write!(b, r#"<text x="8" y="{}" font-size="13" fill="{MUTED}">{} ↓</text>"#, top - 12, markup::escape(self.t.right_axis));
        for (c, label) in labels.iter().enumerate() {
            let x = left + cell_w * c as u32 + cell_w / 2;
            let _ = write!(
                b,
                r#"<text x="{x}" y="{}" font-size="13" font-weight="600" fill="{INK}" text-anchor="middle">{}</text>"#,
                top - 12,
                markup::escape(&short(label, 16))
            );
        }
        for (r, row) in n.matrix.iter().enumerate() {
            let total: usize = row.iter().sum();
            let y = top + cell_h * r as u32;
            let _ = write!(
                b,
                r#"<text x="{}" y="{}" font-size="13" font-weight="600" fill="{INK}" text-anchor="end">{}</text>"#,
                left - 10,
                y + cell_h / 2 + 5,
                markup::escape(&short(&labels[r], 24))
            );
            for (c, &count) in row.iter().enumerate() {
                let share = if total == 0 { 0.0 } else { count as f64 / total as f64 };
                let (light, dark) = if r == c { RIGHT } else { WRONG };
                // Never darker than 0.6 of the way: dark text stays readable on every cell.
                let fill = if count == 0 { "#ffffff".to_string() } else { shade(light, dark, 0.08 + 0.52 * share) };
                let x = left + cell_w * c as u32;
                let _ = write!(b, r##"<rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" fill="{fill}" stroke="#d8d1c3"/>"##);
                if count == 0 {
                    let _ = write!(
                        b,
                        r#"<text x="{}" y="{}" font-size="15" fill="{MUTED}" text-anchor="middle">0</text>"#,
                        x + cell_w / 2,
                        y + 34
                    );
                    continue;
                }
                let _ = write!(
                    b,
                    r#"<text x="{}" y="{}" font-size="18" font-weight="700" fill="{INK}" text-anchor="middle">{count}</text>"#,
                    x + cell_w / 2,
                    y + 27
                );
                let _ = write!(
                    b,
                    r#"<text x="{}" y="{}" font-size="12" fill="{INK}" text-anchor="middle">{}%</text>"#,
                    x + cell_w / 2,
                    y + 45,
                    percent(count, total)
                );
            }
        }
        let _ = write!(
            b,
            r##"<rect x="{left}" y="{top}" width="{}" height="{}" fill="none" stroke="#8c8577"/>"##,
            cell_w * labels.len() as u32,
            cell_h * labels.len() as u32
        );
        Chart { body: b, width, height }
    }

    /// Horizontal bars, one a row, each with its words beside it. With `good`, a high share is
    /// good (difficulty, certainty): green from 80 %, amber from 50 %, red below; without, the
    /// other way round (missed criteria). The words say the same, so colour is never alone.
    fn bar_chart(bars: &[Bar], good: bool) -> Chart {
        // Text is not measured: 13px characters are taken as 7.5px wide, which is generous.
        let chars = |text: &str| text.chars().count() as u32 * 15 / 2;
        let label_w = bars.iter().map(|b| chars(&short(&b.label, 56))).max().unwrap_or(0).max(80) + 14;
        let (track, row_h) = (260u32, 30u32);
        let width = label_w + track + 14 + bars.iter().map(|b| chars(&b.words)).max().unwrap_or(0);
        let height = row_h * bars.len() as u32 + 8;
        let mut b = String::new();
        for (i, bar) in bars.iter().enumerate() {
            let y = row_h * i as u32 + 4;
            let share = if bar.whole == 0 { 0.0 } else { bar.part as f64 / bar.whole as f64 };
            // By the rounded percentage the words show, so that colour and words agree.
            let goodness = if good { percent(bar.part, bar.whole) } else { 100 - percent(bar.part, bar.whole) };
            let fill = if goodness >= 80 {
                "#2e7d4f"
            } else if goodness >= 50 {
                "#a86b00"
            } else {
                "#b3362b"
            };
            let _ = write!(
                b,
                r#"<text x="{}" y="{}" font-size="13" fill="{INK}" text-anchor="end">{}</text>"#,
                label_w - 10,
                y + 16,
                markup::escape(&short(&bar.label, 56))
            );
            let _ = write!(b, r##"<rect x="{label_w}" y="{}" width="{track}" height="18" fill="#f6f3ec" stroke="#d8d1c3"/>"##, y + 3);
            let _ = write!(b, r#"<rect x="{label_w}" y="{}" width="{:.1}" height="18" fill="{fill}"/>"#, y + 3, share * f64::from(track));
            let _ = write!(
                b,
                r#"<text x="{}" y="{}" font-size="13" fill="{INK}">{}</text>"#,
                label_w + track + 10,
                y + 16,
                markup::escape(&bar.words)
            );
        }
        Chart { body: b, width, height }
    }

    fn difficulty_bars(&self) -> Vec<Bar> {
        let mut items: Vec<_> = self.numbers.items.iter().filter(|d| d.first_tries > 0).collect();
        items.sort_by(|a, b| (a.right * b.first_tries).cmp(&(b.right * a.first_tries)).then(a.question.cmp(&b.question)));
        items
            .iter()
            .map(|d| Bar {
                label: self.item_label(&d.id, d.question),
                part: d.right,
                whole: d.first_tries,
                words: format!("{} {} {} · {}%", d.right, self.t.right_of, of(d.first_tries, self.t), percent(d.right, d.first_tries)),
            })
            .collect()
    }

    fn criteria_bars(&self) -> Vec<Bar> {
        let t = self.t;
        self.numbers
            .criteria
            .iter()
            .map(|m| {
                let mut words = format!("{} {} {} · {}%", m.missed, t.missed_of, of(m.shown, t), percent(m.missed, m.shown));
                if self.numbers.ticked && m.ticked_wrongly > 0 {
                    let _ = write!(words, "; {} {}", m.ticked_wrongly, t.ticked_wrongly);
                }
                Bar { label: self.criterion_label(&m.id), part: m.missed, whole: m.shown, words }
            })
            .collect()
    }

    fn certainty_bars(&self) -> Vec<Bar> {
        let t = self.t;
        self.numbers
            .certainty
            .iter()
            .map(|c| Bar {
                label: t.levels[c.level as usize].to_string(),
                part: c.right,
                whole: c.first_tries,
                words: format!("{} {} {} · {}%", c.right, t.right_of, of(c.first_tries, t), percent(c.right, c.first_tries)),
            })
            .collect()
    }

    /// The sections: heading, note, chart (none when there is nothing to show), and the table
    /// with the same numbers (header row, rows).
    fn sections(&self) -> Vec<Section> {
        let (t, n) = (self.t, &self.numbers);
        let mut sections = Vec::new();
        let mut matrix_rows = Vec::new();
        for (r, row) in n.matrix.iter().enumerate() {
            let total: usize = row.iter().sum();
            let mut cells = vec![self.category_label(&n.categories[r])];
            cells.extend(row.iter().map(|&count| format!("{count} ({}%)", percent(count, total))));
            matrix_rows.push(cells);
        }
        let mut header = vec![format!("{} \\ {}", t.right_axis, t.chosen_axis)];
        header.extend(n.categories.iter().map(|c| self.category_label(c)));
        let has_excerpts = n.matrix.iter().flatten().any(|&c| c > 0);
        sections.push(Section {
            heading: t.matrix,
            note: t.matrix_note.into(),
            chart: has_excerpts.then(|| self.matrix_chart()),
            header,
            rows: matrix_rows,
        });

        let bars = self.difficulty_bars();
        let header = vec![t.excerpt.to_string(), t.right_first.to_string()];
        let rows = bars.iter().map(|b| vec![b.label.clone(), b.words.clone()]).collect();
        sections.push(Section {
            heading: t.difficulty,
            note: t.difficulty_note.into(),
            chart: (!bars.is_empty()).then(|| Self::bar_chart(&bars, true)),
            header,
            rows,
        });

        let bars = self.criteria_bars();
        let note = match (self.set, n.ticked) {
            (None, _) => t.criteria_needs_set,
            (Some(_), true) => t.criteria_note_ticked,
            (Some(_), false) => t.criteria_note_wrong,
        };
        let header = vec![t.criterion.to_string(), t.missed_of.to_string()];
        let rows = bars.iter().map(|b| vec![b.label.clone(), b.words.clone()]).collect();
        sections.push(Section {
            heading: t.criteria,
            note: note.into(),
            chart: (!bars.is_empty()).then(|| Self::bar_chart(&bars, false)),
            header,
            rows,
        });

        if !n.certainty.is_empty() {
            let bars = self.certainty_bars();
            let header = vec![t.certainty.to_string(), t.right_of.to_string()];
            let rows = bars.iter().map(|b| vec![b.label.clone(), b.words.clone()]).collect();
            sections.push(Section {
                heading: t.certainty,
                note: t.certainty_note.into(),
                chart: Some(Self::bar_chart(&bars, true)),
                header,
                rows,
            });
        }
        sections
    }

    fn title(&self) -> String {
        match self.set {
            Some(s) => format!("{} — {}", self.t.title, s.file.title),
            None => self.t.title.to_string(),
        }
    }

    /// The figures at the top: (number, what it counts).
    fn figures(&self) -> Vec<(String, &'static str)> {
        let (t, n) = (self.t, &self.numbers);
        let right: usize = n.items.iter().map(|d| d.right).sum();
        let tried: usize = n.items.iter().map(|d| d.first_tries).sum();
        vec![
            (n.learners.to_string(), t.students),
            (n.attempts.to_string(), t.attempts),
            (n.answers.to_string(), t.answers),
            (n.first_tries.to_string(), t.first_tries),
            (format!("{}%", percent(right, tried)), t.right_first),
        ]
    }

    fn html(&self, css: &str) -> String {
        let t = self.t;
        let lang = t.code;
        let mut h = String::new();
        let title = markup::escape(&self.title());
        let _ = write!(
            h,
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'\">\n<title>{title}</title>\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<ul class=\"figures\">\n",
            markup::escape(css)
        );
        for (number, what) in self.figures() {
            let _ = writeln!(
                h,
                "<li><span class=\"number\">{}</span> <span class=\"what\">{}</span></li>",
                markup::escape(&number),
                markup::escape(what)
            );
        }
        h.push_str("</ul>\n");
        if self.numbers.ignored > 0 {
            let _ = writeln!(h, "<p class=\"note\">{}: {}</p>", markup::escape(t.ignored), self.numbers.ignored);
        }
        for (i, s) in self.sections().iter().enumerate() {
            let _ = writeln!(
                h,
                "<section aria-labelledby=\"s{i}\">\n<h2 id=\"s{i}\">{}</h2>\n<p class=\"note\">{}</p>",
                markup::escape(s.heading),
                markup::escape(&s.note)
            );
            match &s.chart {
                Some(c) => {
                    let _ = writeln!(
                        h,
                        "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {ht}\" width=\"{w}\" height=\"{ht}\" font-family=\"{FONT}\" aria-hidden=\"true\" focusable=\"false\">{}</svg></div>",
                        c.body,
                        w = c.width,
                        ht = c.height
                    );
                    let _ =
                        writeln!(h, "<table class=\"for-screen-readers\">\n<caption>{}</caption>\n<thead><tr>", markup::escape(s.heading));
                    for cell in &s.header {
                        let _ = write!(h, "<th scope=\"col\">{}</th>", markup::escape(cell));
                    }
                    h.push_str("</tr></thead>\n<tbody>\n");
                    for row in &s.rows {
                        h.push_str("<tr>");
                        for (j, cell) in row.iter().enumerate() {
                            let _ = if j == 0 {
                                write!(h, "<th scope=\"row\">{}</th>", markup::escape(cell))
                            } else {
                                write!(h, "<td>{}</td>", markup::escape(cell))
                            };
                        }
                        h.push_str("</tr>\n");
                    }
                    h.push_str("</tbody>\n</table>\n");
                }
                None if s.heading == t.criteria && self.set.is_none() => {}
                None => {
                    let _ = writeln!(h, "<p>{}</p>", markup::escape(t.none));
                }
            }
            h.push_str("</section>\n");
        }
        let _ = writeln!(h, "<footer><p>diary-sort {}</p></footer>\n</main>\n</body>\n</html>", env!("CARGO_PKG_VERSION"));
        h
    }

    fn svg(&self) -> String {
        let mut body = String::new();
        let mut y = 40u32;
        let mut width = 640u32;
        let _ =
            write!(body, r#"<text x="16" y="30" font-size="22" font-weight="700" fill="{INK}">{}</text>"#, markup::escape(&self.title()));
        let figures: Vec<String> = self.figures().iter().map(|(n, what)| format!("{n} {what}")).collect();
        let _ =
            write!(body, r#"<text x="16" y="{}" font-size="14" fill="{MUTED}">{}</text>"#, y + 16, markup::escape(&figures.join(" · ")));
        y += 36;
        for s in self.sections() {
            let Some(chart) = s.chart else { continue };
            let _ = write!(
                body,
                r#"<text x="16" y="{}" font-size="17" font-weight="700" fill="{INK}">{}</text>"#,
                y + 20,
                markup::escape(s.heading)
            );
            y += 32;
            let _ = write!(body, r#"<g transform="translate(16 {y})">{}</g>"#, chart.body);
            y += chart.height + 16;
            width = width.max(chart.width + 32);
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {y}\" width=\"{width}\" height=\"{y}\" font-family=\"{FONT}\" role=\"img\" aria-labelledby=\"title\">\n<title id=\"title\">{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{body}\n</svg>\n",
            markup::escape(&self.title())
        )
    }
}

/// "of N" in the report's language.
fn of(n: usize, t: &Texts) -> String {
    format!("{} {n}", t.of)
}

/// A part of the report.
struct Section {
    heading: &'static str,
    note: String,
    chart: Option<Chart>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}
