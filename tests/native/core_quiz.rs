//! Native tests of the quiz: the words of a text, every rule of its feedback (criteria step,
//! self-consistency, evidence overlap, the right answer's why, questions, lenses), scoring (tries
//! and penalties, the CBM table, solutions), pools and seeds, submission refused for a missing
//! step, completion reported once, retrying the wrong ones, the review and the resume string.

//! Random play is in `tests/properties.rs`.

use diary_sort::core::exercise::{Certainty, Effect, ItemKind};
use diary_sort::core::feedback::{Span, Verdict};
use diary_sort::core::quiz::{Item, ItemStatus, Msg, Quiz, quote_words, words};
use diary_sort::core::set::Set;
use diary_sort::core::state::{self, StateError};
use diary_sort::core::strings::Lang;

use crate::quiz_fixture::quiz_set;

// The fixture's excerpts, criteria and bins by index.
const ALONE: usize = 0;
const AGAINST: usize = 1;
const HAPPY: usize = 2;
const FRIENDS: usize = 3;
const LONELINESS: usize = 0;
const PARTY: usize = 1;
const TIES: usize = 3;
const BIN_LONELINESS: usize = 0;
const BIN_INTERNALISATION: usize = 1;
const BIN_ATOMISATION: usize = 2;
const BIN_NONE: usize = 3;

fn quiz(edits: &[(&str, &str)]) -> Quiz {
    Quiz::new(quiz_set(edits), Lang::En, 7)
}

/// Makes `item` the current one.
fn go(q: &mut Quiz, item: Item) {
    let k = q.items().iter().position(|&x| x == item).expect("the item is in the round");
    q.apply(Msg::GoTo(k));
    assert_eq!(q.current_item(), item);
}

/// Answers excerpt `i` with bin `bin` (and the given ticks and marks) and submits.
fn answer(q: &mut Quiz, i: usize, ticks: &[usize], marks: &[(usize, usize)], bin: usize) -> Vec<Effect> {
    go(q, Item::Excerpt(i));
    for &c in ticks {
        q.apply(Msg::ToggleCriterion(c));
    }
    for &(first, last) in marks {
        q.apply(Msg::MarkWords { first, last });
    }
    q.apply(Msg::ChooseBin(bin));
    q.apply(Msg::Submit)
}

/// Paragraphs as plain text, one a line, quotes in “”.
fn plain(paragraphs: &[Vec<Span>]) -> String {
    paragraphs
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| match s {
                    Span::Text(t) | Span::Cite(t) => t.clone(),
                    Span::Quote(q) => format!("“{q}”"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn announced(effects: &[Effect]) -> String {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Announce(text) => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn score_after_finish(q: &mut Quiz) -> u8 {
    q.apply(Msg::Finish);
    q.summary().expect("finished").score
}

#[test]
fn words_are_runs_of_letters_and_digits_with_inner_apostrophes_and_hyphens() {
    let text = "Here I am alone, all alone. “Don't” – Sovjet-Unie, 1937!";
    let found: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(found, ["Here", "I", "am", "alone", "all", "alone", "Don't", "Sovjet-Unie", "1937"]);
    assert!(words(" ... ").is_empty());
    let text = "I am alone. Socialism is hot air.";
    assert_eq!(quote_words(text, "Socialism is hot air"), 3..7);
    assert_eq!(quote_words(text, "m alo"), 1..3, "a quote that cuts words covers the words it touches");
    assert_eq!(quote_words(text, "not there"), 0..0);
}

#[test]
fn items_are_the_excerpts_then_the_questions() {
    let q = quiz(&[]);
    let expected: Vec<Item> = (0..4).map(Item::Excerpt).chain((0..2).map(Item::Question)).collect();
    assert_eq!(q.items(), expected, "shuffle off: the set's order");
    let q = quiz(&[("settings.shuffle", "true")]);
    let (excerpts, questions) = q.items().split_at(4);
    assert!(excerpts.iter().all(|i| matches!(i, Item::Excerpt(_))) && questions.iter().all(|i| matches!(i, Item::Question(_))));
}

#[test]
fn criteria_ticked_that_the_excerpt_does_not_show_are_named() {
    let mut q = quiz(&[]);
    answer(&mut q, ALONE, &[LONELINESS, TIES], &[], BIN_LONELINESS);
    let parts = q.feedback_parts(Item::Excerpt(ALONE)).unwrap();
    assert_eq!(parts.verdict, Verdict::Right);
    assert!(plain(&parts.criteria).contains("You ticked ties kept, but the excerpt does not show that."), "{}", plain(&parts.criteria));
}

#[test]
fn criteria_missed_are_named_with_the_evidence_quoted() {
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[LONELINESS], &[], BIN_ATOMISATION);
    let criteria = q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().criteria;
    assert!(
        criteria.contains(&vec![
            Span::Text("You did not tick individual against party, but the excerpt shows it: ".into()),
            Span::Quote("Socialism is hot air".into()),
            Span::Text(".".into()),
        ]),
        "{criteria:?}"
    );
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[LONELINESS, PARTY], &[], BIN_ATOMISATION);
    assert!(
        plain(&q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().criteria).contains("You ticked exactly the criteria the excerpt shows.")
    );
}

#[test]
fn the_students_own_reading_is_held_to_the_essays_rule() {
    // Loneliness only, yet atomisation chosen: by their own reading the rule gives loneliness.
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[LONELINESS], &[], BIN_ATOMISATION);
    let criteria = plain(&q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().criteria);
    assert!(criteria.contains("By your reading (loneliness) the essay’s rule gives ‘loneliness’, not ‘atomisation’."), "{criteria}");
    // Loneliness only and loneliness chosen: consistent, but the excerpt shows more.
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[LONELINESS], &[], BIN_LONELINESS);
    let criteria = plain(&q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().criteria);
    assert!(!criteria.contains("not loneliness"), "{criteria}");
    assert!(
        criteria
            .contains("By your reading (loneliness) the essay’s rule does give ‘loneliness’; the difference is in what the excerpt shows."),
        "{criteria}"
    );
    // Nothing ticked with the step optional: no criteria feedback at all.
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[], &[], BIN_LONELINESS);
    assert!(q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().criteria.is_empty());
}

#[test]
fn marked_words_that_overlap_a_quote_name_the_criterion_they_support_and_the_quotes_missed() {
    let mut q = quiz(&[]);
    // "hot" (word 5) overlaps "Socialism is hot air"; "I am alone" (words 0–2) is missed.
    answer(&mut q, AGAINST, &[], &[(5, 5)], BIN_ATOMISATION);
    let evidence = q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().evidence;
    assert_eq!(evidence[0], vec![Span::Text("Your marked words support individual against party.".into())]);
    assert!(
        evidence.contains(&vec![
            Span::Text("You did not mark the words that show loneliness: ".into()),
            Span::Quote("I am alone".into()),
            Span::Text(".".into()),
        ]),
        "{evidence:?}"
    );
    // Marking both quotes supports both, and nothing is missed.
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[], &[(2, 2), (6, 3)], BIN_ATOMISATION);
    let evidence = plain(&q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().evidence);
    assert_eq!(evidence, "Your marked words support loneliness and individual against party.");
}

#[test]
fn marked_words_outside_every_quote_support_none() {
    let mut q = quiz(&[]);
    answer(&mut q, ALONE, &[], &[(7, 8)], BIN_LONELINESS); // "snow falls"
    let evidence = plain(&q.feedback_parts(Item::Excerpt(ALONE)).unwrap().evidence);
    assert!(evidence.starts_with("Your marked words support none of the criteria the excerpt shows.\nYou did not mark the words that show loneliness: “all alone”."), "{evidence}");
    let mut q = quiz(&[]);
    answer(&mut q, ALONE, &[], &[], BIN_LONELINESS);
    assert!(q.feedback_parts(Item::Excerpt(ALONE)).unwrap().evidence.is_empty(), "nothing marked, nothing said");
}

#[test]
fn a_right_answer_is_explained_at_the_level_of_the_rule() {
    let mut q = quiz(&[]);
    answer(&mut q, AGAINST, &[], &[], BIN_ATOMISATION);
    let answer = plain(&q.feedback_parts(Item::Excerpt(AGAINST)).unwrap().answer);
    for line in [
        "The bin ‘atomisation’ requires loneliness and individual against party.",
        "The excerpt shows loneliness: “I am alone”.",
        "The excerpt shows individual against party: “Socialism is hot air”.",
        "That puts it in ‘atomisation’.",
        "The rule for ‘loneliness’ holds too, but ‘atomisation’ comes first.",
    ] {
        assert!(answer.contains(line), "{line}\nnot in\n{answer}");
    }
}

#[test]
fn a_wrong_answer_explains_and_the_hint_comes_with_the_second_try() {
    let mut q = quiz(&[]);
    let item = Item::Excerpt(AGAINST);
    let effects = answer(&mut q, AGAINST, &[], &[], BIN_LONELINESS);
    assert_eq!(q.status(item), ItemStatus::Wrong);
    assert!(announced(&effects).contains("Not right yet; 2 of 3 tries left."));
    let feedback = plain(&q.feedback(item).unwrap().paragraphs);
    assert!(
        feedback.contains("In itself it fits ‘loneliness’, but it also meets the rule for ‘atomisation’, and that rule comes first"),
        "{feedback}"
    );
    assert!(!feedback.contains("Read the second sentence again."), "the hint waits for the next try");
    assert!(q.can_try_again());
    q.apply(Msg::TryAgain);
    assert_eq!((q.status(item), q.tries_used(item), q.tries_left(item)), (ItemStatus::Open, 1, 2));
    assert_eq!(plain(&q.hint(item).unwrap()), "Read the second sentence again.", "the authored hint");
    assert_eq!(q.hint(Item::Excerpt(ALONE)), None, "no hint before a wrong try");
    // A derived hint where the set has none.
    let mut q = quiz(&[]);
    answer(&mut q, HAPPY, &[], &[], BIN_NONE);
    q.apply(Msg::TryAgain);
    assert_eq!(plain(&q.hint(Item::Excerpt(HAPPY)).unwrap()), "Hint: look again at repeating propaganda: saying the system's words");
}

#[test]
fn out_of_tries_the_answer_is_revealed() {
    let mut q = quiz(&[("settings.tries", "2")]);
    let item = Item::Excerpt(FRIENDS);
    answer(&mut q, FRIENDS, &[], &[], BIN_LONELINESS);
    q.apply(Msg::TryAgain);
    let effects = q.apply(Msg::Submit);
    assert_eq!(q.status(item), ItemStatus::Revealed);
    assert!(announced(&effects).contains("The right answer is none of these."), "{effects:?}");
    let feedback = q.feedback(item).unwrap();
    assert_eq!(feedback.verdict, Verdict::Revealed);
    assert!(plain(&feedback.paragraphs).contains("Commentary: Ties hold."));
    assert!(!q.can_try_again() && q.tries_left(item) == 0);
    assert!(q.apply(Msg::ChooseBin(BIN_NONE)).is_empty(), "a settled answer is locked");
}

#[test]
fn submission_is_refused_with_the_reason_when_a_required_step_is_missing() {
    let mut q = quiz(&[("quiz.criteriaStep", "\"required\""), ("quiz.evidenceStep", "\"required\""), ("quiz.certainty", "true")]);
    let effects = q.apply(Msg::Submit);
    assert_eq!(
        effects,
        [Effect::Announce(
            "First tick the criteria you see in the excerpt. First mark the words that support your choice. Choose a bin first. First say how sure you are.".into()
        )]
    );
    q.apply(Msg::ToggleCriterion(LONELINESS));
    q.apply(Msg::MarkWords { first: 4, last: 5 });
    q.apply(Msg::ChooseBin(BIN_LONELINESS));
    assert_eq!(announced(&q.apply(Msg::Submit)), "First say how sure you are.");
    q.apply(Msg::SetCertainty(Certainty::High));
    let effects = q.apply(Msg::Submit);
    let Some(Effect::Answered(a)) = effects.first() else { panic!("{effects:?}") };
    assert_eq!((a.item.as_str(), a.kind, a.correct, a.try_number), ("alone", ItemKind::Excerpt, true, 1));
    assert_eq!((a.response.clone(), a.expected.clone()), (vec!["loneliness".to_string()], vec!["loneliness".to_string()]));
    assert_eq!((a.certainty, a.criteria.clone(), a.marked_words), (Some(Certainty::High), Some(vec!["loneliness".to_string()]), 2));
    // Steps that are off take no input.
    let mut q = quiz(&[("quiz.criteriaStep", "\"off\""), ("quiz.evidenceStep", "\"off\"")]);
    assert!(q.apply(Msg::ToggleCriterion(LONELINESS)).is_empty() && q.apply(Msg::MarkWords { first: 0, last: 1 }).is_empty());
    assert!(q.apply(Msg::SetCertainty(Certainty::Low)).is_empty(), "no certainty without CBM");
    q.apply(Msg::ChooseBin(BIN_LONELINESS));
    let Some(Effect::Answered(a)) = q.apply(Msg::Submit).first().cloned() else { panic!() };
    assert_eq!((a.criteria, a.certainty), (None, None));
}

#[test]
fn each_try_costs_the_penalty_and_the_score_is_the_items_average() {
    // Six items; penalty 25: right at try 1, 2, 3 earn 100, 75, 50; the rest nothing.
    let mut q = quiz(&[]);
    answer(&mut q, ALONE, &[], &[], BIN_LONELINESS);
    answer(&mut q, AGAINST, &[], &[], BIN_LONELINESS);
    q.apply(Msg::TryAgain);
    q.apply(Msg::ChooseBin(BIN_ATOMISATION));
    q.apply(Msg::Submit);
    answer(&mut q, HAPPY, &[], &[], BIN_NONE);
    for bin in [BIN_LONELINESS, BIN_INTERNALISATION] {
        q.apply(Msg::TryAgain);
        q.apply(Msg::ChooseBin(bin));
        q.apply(Msg::Submit);
    }
    assert_eq!(q.tries_used(Item::Excerpt(HAPPY)), 3);
    assert_eq!(score_after_finish(&mut q), (100 + 75 + 50) / 6);
    // A penalty that outruns the tries earns nothing, never less.
    let mut q = quiz(&[("settings.penalty", "60"), ("questions", "[]")]);
    answer(&mut q, HAPPY, &[], &[], BIN_NONE);
    for bin in [BIN_LONELINESS, BIN_INTERNALISATION] {
        q.apply(Msg::TryAgain);
        q.apply(Msg::ChooseBin(bin));
        q.apply(Msg::Submit);
    }
    assert_eq!(q.status(Item::Excerpt(HAPPY)), ItemStatus::Right);
    assert_eq!(score_after_finish(&mut q), 0);
}

#[test]
fn cycling_through_every_bin_cannot_reach_full_marks() {
    let mut q = quiz(&[("questions", "[]"), ("settings.tries", "4")]);
    for i in 0..4 {
        go(&mut q, Item::Excerpt(i));
        for bin in [BIN_LONELINESS, BIN_INTERNALISATION, BIN_ATOMISATION, BIN_NONE] {
            q.apply(Msg::TryAgain);
            q.apply(Msg::ChooseBin(bin));
            q.apply(Msg::Submit);
        }
        assert_eq!(q.status(Item::Excerpt(i)), ItemStatus::Right);
    }
    // alone right at try 1, against at 3, happy at 2, friends at 4.
    assert_eq!(score_after_finish(&mut q), ((100 + 50 + 75 + 25) / 4) as u8);
}

#[test]
fn certainty_based_marking_follows_moodles_table() {
    assert_eq!(Certainty::ALL.map(Certainty::marks), [(1, 0), (2, -2), (3, -6)]);
    // Two items, one try each: the first right at high certainty (3 of 3), the second
    // answered at each certainty, right or wrong. Score = sum of marks / 6, clamped to 0–100.
    for c in Certainty::ALL {
        for right in [true, false] {
            let mut q = quiz(&[("questions", "[]"), ("quiz.pool", "2"), ("quiz.certainty", "true"), ("settings.tries", "1")]);
            let items = q.items().to_vec();
            for (k, item) in items.iter().enumerate() {
                let Item::Excerpt(i) = *item else { unreachable!() };
                let expected = q.set().expected[i];
                let bin = if k == 1 && !right { (expected + 1) % 4 } else { expected };
                go(&mut q, *item);
                q.apply(Msg::SetCertainty(if k == 0 { Certainty::High } else { c }));
                q.apply(Msg::ChooseBin(bin));
                q.apply(Msg::Submit);
            }
            let (r, w) = c.marks();
            let sum = 3 + if right { r } else { w };
            let expected = (sum * 100).div_euclid(6).clamp(0, 100) as u8;
            assert_eq!(score_after_finish(&mut q), expected, "{c:?}, right: {right}");
        }
    }
    // Table: low right 1 (33 % of one item), medium wrong −2, high wrong −6 → clamped at 0.
    let one = |c: Certainty, right: bool| {
        let mut q = quiz(&[("questions", "[]"), ("quiz.pool", "1"), ("quiz.certainty", "true"), ("settings.tries", "1")]);
        let Item::Excerpt(i) = q.current_item() else { unreachable!() };
        let expected = q.set().expected[i];
        q.apply(Msg::SetCertainty(c));
        q.apply(Msg::ChooseBin(if right { expected } else { (expected + 1) % 4 }));
        q.apply(Msg::Submit);
        score_after_finish(&mut q)
    };
    assert_eq!([one(Certainty::Low, true), one(Certainty::Medium, true), one(Certainty::High, true)], [33, 66, 100]);
    assert_eq!([one(Certainty::Low, false), one(Certainty::Medium, false), one(Certainty::High, false)], [0, 0, 0]);
}

#[test]
fn with_certainty_the_review_says_how_the_score_is_counted() {
    // One item right (low: 1 point), one wrong and sure (−6): 0 % with an item right, which the
    // review must explain rather than leave as a contradiction.
    let mut q = quiz(&[("questions", "[]"), ("quiz.pool", "2"), ("quiz.certainty", "true"), ("settings.tries", "1")]);
    for (c, right) in [(Certainty::Low, true), (Certainty::High, false)] {
        let Item::Excerpt(i) = q.current_item() else { unreachable!() };
        let expected = q.set().expected[i];
        q.apply(Msg::SetCertainty(c));
        q.apply(Msg::ChooseBin(if right { expected } else { (expected + 1) % 4 }));
        q.apply(Msg::Submit);
        q.apply(Msg::Next);
    }
    q.apply(Msg::Finish);
    assert_eq!(q.summary().map(|s| (s.score, s.right)), Some((0, 1)));
    let note = q.score_note().expect("a note with certainty-based marking");
    assert!(note.contains("−6") && note.contains("never below 0%"), "{note}");
    assert!(q.review_markdown().unwrap().contains("never below 0%"));
    let plain_quiz = quiz(&[("questions", "[]"), ("quiz.pool", "1")]);
    assert_eq!(plain_quiz.score_note(), None, "without certainty the count of right items is the score's story");
}

#[test]
fn with_certainty_a_later_try_earns_the_certaintys_mark_less_the_penalty() {
    let mut q = quiz(&[("questions", "[]"), ("quiz.pool", "1"), ("quiz.certainty", "true")]);
    let Item::Excerpt(i) = q.current_item() else { unreachable!() };
    let expected = q.set().expected[i];
    q.apply(Msg::SetCertainty(Certainty::High));
    q.apply(Msg::ChooseBin((expected + 1) % 4));
    q.apply(Msg::Submit);
    q.apply(Msg::TryAgain);
    q.apply(Msg::ChooseBin(expected));
    q.apply(Msg::Submit);
    assert_eq!(score_after_finish(&mut q), 75, "3 × 75 % of 3");
}

#[test]
fn the_same_seed_draws_the_same_pool_and_other_seeds_draw_others() {
    let set = quiz_set(&[("quiz.pool", "2"), ("settings.shuffle", "true")]);
    let draw = |seed: u64| Quiz::new(set.clone(), Lang::En, seed).all_items().to_vec();
    assert_eq!(draw(42), draw(42));
    let draws: Vec<Vec<Item>> = (0..20).map(draw).collect();
    assert!(draws.iter().any(|d| *d != draws[0]), "twenty seeds, one draw");
    for d in &draws {
        let excerpts = d.iter().filter(|i| matches!(i, Item::Excerpt(_))).count();
        let questions = d.iter().filter(|i| matches!(i, Item::Question(_))).count();
        assert_eq!((excerpts, questions), (2, 2), "pool of 2 excerpts; every question");
    }
    let mut all: Vec<Item> = draws.concat().into_iter().filter(|i| matches!(i, Item::Excerpt(_))).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 4, "every excerpt can be drawn");
    // Without shuffling, a pool keeps the set's order.
    let set = quiz_set(&[("quiz.pool", "3")]);
    for seed in 0..10 {
        let items = Quiz::new(set.clone(), Lang::En, seed).all_items().to_vec();
        assert!(items[..3].windows(2).all(|w| w[0] < w[1]), "{items:?}");
    }
}

#[test]
fn a_shown_solution_scores_nothing_and_can_be_switched_off() {
    let mut q = quiz(&[("questions", "[]"), ("quiz.pool", "1")]);
    let item = q.current_item();
    assert!(q.can_show_solution());
    let effects = q.apply(Msg::ShowSolution);
    assert_eq!(q.status(item), ItemStatus::SolutionShown);
    assert!(announced(&effects).contains("This item earns no points."));
    assert_eq!(q.feedback(item).unwrap().verdict, Verdict::Revealed);
    assert!(q.apply(Msg::Submit).is_empty(), "nothing to submit after the solution");
    assert_eq!(score_after_finish(&mut q), 0);
    // With CBM, the solution after a confident wrong try does not undo its cost.
    let mut q = quiz(&[("questions", "[]"), ("quiz.pool", "2"), ("quiz.certainty", "true")]);
    let items = q.items().to_vec();
    for (k, item) in items.into_iter().enumerate() {
        let Item::Excerpt(i) = item else { unreachable!() };
        let expected = q.set().expected[i];
        go(&mut q, item);
        q.apply(Msg::SetCertainty(Certainty::High));
        q.apply(Msg::ChooseBin(if k == 0 { expected } else { (expected + 1) % 4 }));
        q.apply(Msg::Submit);
    }
    q.apply(Msg::ShowSolution);
    assert_eq!(score_after_finish(&mut q), 0, "(3 − 6) / 6, clamped; not 3 / 6");
    let mut q = quiz(&[("quiz.showSolution", "false")]);
    assert!(!q.can_show_solution());
    assert!(q.apply(Msg::ShowSolution).is_empty());
}

#[test]
fn questions_single_and_multiple_are_judged_all_and_only() {
    let mut q = quiz(&[]);
    go(&mut q, Item::Question(0));
    q.apply(Msg::ToggleOption(1));
    q.apply(Msg::ToggleOption(0));
    assert_eq!(q.draft(Item::Question(0)).options, [0], "a single question keeps one choice");
    q.apply(Msg::Submit);
    let feedback = plain(&q.feedback(Item::Question(0)).unwrap().paragraphs);
    assert!(feedback.starts_with("You chose ‘One of the conditions’: Yes: loneliness alone is not atomisation."), "{feedback}");
    assert!(
        feedback.contains("The rule has two parts.") && feedback.contains("essay, § Isolatie en manipulatie, footnote 12"),
        "{feedback}"
    );
    go(&mut q, Item::Question(1));
    q.apply(Msg::ToggleOption(0));
    let effects = q.apply(Msg::Submit);
    let Some(Effect::Answered(a)) = effects.first() else { panic!() };
    assert_eq!(
        (a.correct, a.response.clone(), a.expected.clone()),
        (false, vec!["party".to_string()], vec!["party".to_string(), "ban".to_string()])
    );
    let feedback = plain(&q.feedback(Item::Question(1)).unwrap().paragraphs);
    assert!(!feedback.contains("The right answer"), "not revealed while tries are left: {feedback}");
    q.apply(Msg::TryAgain);
    q.apply(Msg::ToggleOption(1));
    q.apply(Msg::ToggleOption(2));
    q.apply(Msg::Submit);
    assert_eq!(q.status(Item::Question(1)), ItemStatus::Wrong, "a wrong option too is wrong");
    q.apply(Msg::TryAgain);
    q.apply(Msg::ToggleOption(2));
    q.apply(Msg::Submit);
    assert_eq!(q.status(Item::Question(1)), ItemStatus::Right);
    assert!(
        plain(&q.feedback(Item::Question(1)).unwrap().paragraphs)
            .contains("The right answer: Individual against party and A ban on organising.")
    );
}

#[test]
fn the_lenses_read_a_settled_excerpt_by_their_own_rules() {
    let mut q = quiz(&[]);
    let item = Item::Excerpt(ALONE);
    assert!(q.lens_readings(item).is_empty(), "not before the excerpt is answered");
    answer(&mut q, ALONE, &[], &[], BIN_ATOMISATION);
    assert!(q.lens_readings(item).is_empty(), "not while it is wrong: the essay's lens would give it away");
    q.apply(Msg::ShowSolution);
    let readings = q.lens_readings(item);
    assert_eq!(readings.len(), 2);
    assert_eq!((readings[0].bin, readings[0].agrees), (BIN_LONELINESS, true));
    assert_eq!((readings[1].bin, readings[1].agrees), (BIN_ATOMISATION, false));
    let why = plain(&readings[1].why);
    for line in [
        "According to the totalitarian school: ‘atomisation’.",
        "The essay reads it as ‘loneliness’.",
        "The bin ‘atomisation’ requires at least one of: loneliness or individual against party.",
        "The excerpt shows loneliness: “all alone”.",
    ] {
        assert!(why.contains(line), "{line}\nnot in\n{why}");
    }
    // The essay's own reading (a lens without rules of its own) does not say it follows the essay.
    assert!(!plain(&readings[0].why).contains("In that, this reading follows the essay."));
}

#[test]
fn completion_is_reported_once_per_attempt_and_retrying_keeps_the_score() {
    let mut q = quiz(&[]);
    answer(&mut q, ALONE, &[], &[], BIN_LONELINESS);
    answer(&mut q, AGAINST, &[], &[], BIN_LONELINESS);
    assert!(!q.can_retry_wrong(), "not before the review");
    let effects = q.apply(Msg::Finish);
    assert!(effects.contains(&Effect::Completed { score: 16, passed: false }), "{effects:?}");
    assert!(q.apply(Msg::Submit).is_empty() && q.apply(Msg::Next).is_empty(), "a finished round takes no answers");
    let summary = q.summary().unwrap();
    assert_eq!((summary.score, summary.right, summary.total, summary.round), (16, 1, 6, 1));
    assert_eq!(summary.overall.as_deref(), Some("Keep going."));
    assert!(q.can_retry_wrong());
    let effects = q.apply(Msg::RetryWrong);
    assert!(announced(&effects).contains("A new round with the 5 items that were not right yet. Your score stays 16%."));
    assert_eq!(q.items().len(), 5);
    assert!(!q.items().contains(&Item::Excerpt(ALONE)));
    assert_eq!((q.round(), q.status(Item::Excerpt(AGAINST)), q.tries_used(Item::Excerpt(AGAINST))), (2, ItemStatus::Open, 0));
    for i in [AGAINST, HAPPY, FRIENDS] {
        let bin = q.set().expected[i];
        answer(&mut q, i, &[], &[], bin);
    }
    let effects = q.apply(Msg::Finish);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Completed { .. })), "{effects:?}");
    let summary = q.summary().unwrap();
    assert_eq!((summary.score, summary.right, summary.right_now, summary.round), (16, 1, 4, 2));
    // A restart is a new attempt, which completes again.
    q.apply(Msg::Restart(9));
    assert_eq!((q.round(), q.finished(), q.seed()), (1, false, 9));
    assert!(q.apply(Msg::Finish).contains(&Effect::Completed { score: 0, passed: false }));
    // The set may switch retrying off.
    let mut q = quiz(&[("quiz.retryWrong", "false")]);
    q.apply(Msg::Finish);
    assert!(!q.can_retry_wrong() && q.apply(Msg::RetryWrong).is_empty());
}

#[test]
fn the_review_lists_every_item_and_downloads_as_escaped_markdown() {
    let mut q = Quiz::new(quiz_set(&[("title", "\"Quiz *fixture* [1]\"")]), Lang::En, 7);
    answer(&mut q, AGAINST, &[LONELINESS], &[(0, 2), (5, 6)], BIN_LONELINESS);
    assert!(q.review().is_none() && q.review_markdown().is_none(), "only once finished");
    q.apply(Msg::Finish);
    let review = q.review().unwrap();
    assert_eq!(review.items.len(), 6);
    let item = review.items.iter().find(|r| r.item == Item::Excerpt(AGAINST)).unwrap();
    assert_eq!((item.status, item.tries), (ItemStatus::Wrong, 1));
    assert_eq!((item.answer.clone(), item.right_answer.clone()), (vec!["loneliness".to_string()], vec!["atomisation".to_string()]));
    assert_eq!(item.criteria, ["loneliness"]);
    assert_eq!(item.marked, ["I am alone", "hot air"]);
    assert_eq!(item.essay.as_deref(), Some("essay, § Isolatie en manipulatie, footnote 12"));
    assert!(plain(&item.explanation).contains("That puts it in ‘atomisation’."));
    assert!(!plain(&item.explanation).contains("essay, §"), "the reference once, in its own row: {:?}", item.explanation);
    let md = q.review_markdown().unwrap();
    // Escaped where Markdown would take it for syntax, and nowhere else: it reads as plain text.
    assert!(
        md.starts_with(
            "# Quiz \\*fixture\\* \\[1\\]: Review\n\nScore: 0% (0 of 6 items right).\n\nNot passed yet (needed: 60%).\n\nKeep going.\n"
        ),
        "{md}"
    );
    assert!(md.contains("## 2. I am alone. Socialism is hot…\n\n- *not right yet*\n- **Your answer**: loneliness\n"), "{md}");
    assert!(md.contains("- **Marked words**: “I am alone”; “hot air”\n"), "{md}");
    assert!(md.contains("- **Right answer**: atomisation\n"), "{md}");
    assert!(md.contains("- **Your answer**: not answered\n"), "unanswered items say so: {md}");
    // What is syntax only at the start of a line is escaped there: a title "1. …" or "- …" is no list.
    for (title, escaped) in [("1. Quiz", "# 1\\. Quiz: Review\n"), ("- Quiz", "# \\- Quiz: Review\n"), ("# Quiz", "# \\# Quiz: Review\n")] {
        let mut q = quiz(&[("title", &format!("{title:?}"))]);
        q.apply(Msg::Finish);
        let md = q.review_markdown().unwrap();
        assert!(md.starts_with(escaped), "{title}: {md}");
    }
}

#[test]
fn the_quiz_resumes_from_its_string_and_refuses_any_other() {
    let set = quiz_set(&[("quiz.certainty", "true"), ("settings.shuffle", "true"), ("quiz.pool", "3")]);
    let mut q = Quiz::new(set.clone(), Lang::En, 12345);
    let fresh = state::encode_quiz(&q);
    assert!(fresh.starts_with("q3.") && !fresh.starts_with("b2."), "{fresh}");
    let item = q.current_item();
    q.apply(Msg::SetCertainty(Certainty::Medium));
    if let Item::Excerpt(i) = item {
        q.apply(Msg::ToggleCriterion(LONELINESS));
        q.apply(Msg::MarkWords { first: 0, last: 2 });
        q.apply(Msg::ChooseBin((q.set().expected[i] + 1) % 4));
    }
    q.apply(Msg::Submit);
    q.apply(Msg::Next);
    let text = state::encode_quiz(&q);
    let back = state::decode_quiz(set.clone(), Lang::En, &text).expect("its own string");
    assert_eq!(state::encode_quiz(&back), text);
    assert_eq!((back.current(), back.status(item), back.draft(item)), (q.current(), q.status(item), q.draft(item)));
    assert_eq!(back.feedback(item), q.feedback(item));
    // Not another set's, not damaged, not a board string, not a spelling encode does not write.
    let other = quiz_set(&[("title", "\"Another\"")]);
    assert_eq!(state::decode_quiz(other, Lang::En, &text).err(), Some(StateError::OtherSet));
    // A retry round's first score above 100, or with more items right than stayed out of it.
    let mut retried = Quiz::new(set.clone(), Lang::En, 12345);
    retried.apply(Msg::Finish);
    retried.apply(Msg::RetryWrong);
    let round_2 = state::encode_quiz(&retried);
    assert!(round_2.contains(".2.0:0."), "{round_2}");
    assert!(state::decode_quiz(set.clone(), Lang::En, &round_2).is_ok());
    for bad in [round_2.replacen(".2.0:0.", ".2.188:0.", 1), round_2.replacen(".2.0:0.", ".2.0:1.", 1)] {
        assert!(state::decode_quiz(set.clone(), Lang::En, &bad).is_err(), "{bad:?} decodes");
    }
    for bad in [
        "",
        "1.0.0.0",
        &text[..text.len() - 1],
        &text.replacen("q3.", "q4.", 1),
        &text.replacen("q3.", "q2.", 1),
        &format!("{text},o0--"),
        &text.replace(".1.-.", ".1.0:0."),
        &text.replacen("~7,", "~70,", 1),
        &text.replacen("~7,", "~7~,", 1),
        &text.replacen("~7,", "~zzzzzzzzzzzzzz,", 1),
    ] {
        assert!(state::decode_quiz(set.clone(), Lang::En, bad).is_err(), "{bad:?} decodes");
    }
}

/// An attempt of 200 excerpts, every one answered with ticks, marks and a certainty: how long its
/// resume string is (noted in docs/contributors.md, Benchmark).
#[test]
fn two_hundred_answered_items_fit_a_scorm_suspend_data() {
    let excerpt = |k: usize| {
        format!(
            r#"{{"id": "e{k}", "text": "I am alone. Socialism is hot air and the snow falls on the fields tonight.", "source": {{"diarist": "B", "work": "W"}}, "essay": {{"section": "S"}}, "evidence": [{{"criterion": "loneliness", "quote": "I am alone"}}, {{"criterion": "party", "quote": "Socialism is hot air"}}]}}"#
        )
    };
    let excerpts = format!("[{}]", (0..200).map(excerpt).collect::<Vec<_>>().join(","));
    let set: Set = quiz_set(&[("excerpts", &excerpts), ("questions", "[]"), ("quiz.pool", "-"), ("quiz.certainty", "true")]);
    let mut q = Quiz::new(set.clone(), Lang::En, u64::MAX);
    for k in 0..200 {
        q.apply(Msg::GoTo(k));
        q.apply(Msg::ToggleCriterion(LONELINESS));
        q.apply(Msg::ToggleCriterion(PARTY));
        q.apply(Msg::MarkWords { first: 0, last: 2 });
        q.apply(Msg::MarkWords { first: 3, last: 6 });
        q.apply(Msg::SetCertainty(Certainty::High));
        q.apply(Msg::ChooseBin(if k % 2 == 0 { BIN_ATOMISATION } else { BIN_LONELINESS }));
        q.apply(Msg::Submit);
    }
    q.apply(Msg::Finish);
    let text = state::encode_quiz(&q);
    println!("200 answered items: {} characters", text.len());
    assert!(text.len() < 4096, "{} characters", text.len());
    assert_eq!(state::encode_quiz(&state::decode_quiz(set, Lang::En, &text).unwrap()), text);
}
