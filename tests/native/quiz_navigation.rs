//! Native tests of what the quiz's item navigator, a refused submission and the review's points
//! ask of the core: where each item stands (done right, done wrong, to do), going back, forward
//! and to any item, the steps a submission lacks, what each item earned and why (with and
//! without certainty-based marking), and the note beside a score far below the share right.

use diary_sort::core::exercise::Certainty;
use diary_sort::core::quiz::{Item, Missing, Msg, Progress, Quiz, Standing};
use diary_sort::core::state;
use diary_sort::core::strings::Lang;

use crate::quiz_fixture::quiz_set;

fn quiz(edits: &[(&str, &str)]) -> Quiz {
    Quiz::new(quiz_set(edits), Lang::En, 7)
}

/// Answers the current excerpt with its right bin (`right`) or another, at `certainty`.
fn answer(q: &mut Quiz, right: bool, certainty: Option<Certainty>) {
    let Item::Excerpt(i) = q.current_item() else { panic!("an excerpt") };
    let expected = q.set().expected[i];
    if let Some(c) = certainty {
        q.apply(Msg::SetCertainty(c));
    }
    q.apply(Msg::ChooseBin(if right { expected } else { (expected + 1) % 4 }));
    q.apply(Msg::Submit);
}

#[test]
fn each_item_stands_to_do_right_or_wrong_and_any_item_can_be_reached() {
    let mut q = quiz(&[("questions", "[]")]);
    let items = q.items().to_vec();
    assert_eq!(items.len(), 4);
    assert_eq!(q.progress(), Progress { right: 0, wrong: 0, to_do: 4 });
    answer(&mut q, true, None);
    // Skip the second item, answer the third wrong (tries left), show the fourth's solution.
    assert_eq!(q.apply(Msg::GoTo(2)).len(), 2, "announced and saved");
    answer(&mut q, false, None);
    q.apply(Msg::Next);
    q.apply(Msg::ShowSolution);
    let standings: Vec<Standing> = items.iter().map(|&i| q.standing(i)).collect();
    assert_eq!(standings, [Standing::Right, Standing::ToDo, Standing::Retry, Standing::Wrong]);
    assert_eq!(q.progress(), Progress { right: 1, wrong: 1, to_do: 2 });
    // Back to the skipped one, and past the ends nothing moves.
    q.apply(Msg::Previous);
    q.apply(Msg::Previous);
    assert_eq!(q.current(), 1);
    q.apply(Msg::GoTo(0));
    assert!(q.apply(Msg::Previous).is_empty() && q.current() == 0);
    assert!(q.apply(Msg::GoTo(4)).is_empty() && q.current() == 0);
    // Another try opens the wrong one again: still to do until it is settled.
    q.apply(Msg::GoTo(2));
    q.apply(Msg::TryAgain);
    assert_eq!(q.standing(items[2]), Standing::Retry);
    // Where the student was survives the resume string.
    q.apply(Msg::GoTo(1));
    let resumed = state::decode_quiz(quiz_set(&[("questions", "[]")]), Lang::En, &state::encode_quiz(&q)).expect("resumes");
    assert_eq!((resumed.current(), resumed.progress()), (1, q.progress()));
}

#[test]
fn a_refused_submission_names_the_steps_it_lacks_in_the_order_shown() {
    let mut q = quiz(&[("quiz.criteriaStep", "\"required\""), ("quiz.evidenceStep", "\"required\""), ("quiz.certainty", "true")]);
    assert_eq!(q.missing_steps(), [Missing::Criteria, Missing::Evidence, Missing::Bin, Missing::Certainty]);
    q.apply(Msg::ToggleCriterion(0));
    q.apply(Msg::MarkWords { first: 0, last: 0 });
    q.apply(Msg::ChooseBin(0));
    assert_eq!(q.missing_steps(), [Missing::Certainty]);
    q.apply(Msg::SetCertainty(Certainty::Low));
    assert!(q.missing_steps().is_empty());
    q.apply(Msg::Submit);
    assert!(q.missing_steps().is_empty(), "nothing is missing from a submitted answer");
    // A question lacks its option.
    let k = q.items().iter().position(|i| matches!(i, Item::Question(_))).expect("a question");
    q.apply(Msg::GoTo(k));
    assert_eq!(q.missing_steps(), [Missing::Option, Missing::Certainty]);
}

#[test]
fn the_review_says_what_each_item_earned_and_why() {
    // Without certainty: 100 at the first try, 75 at the second, 0 for a solution or no answer.
    let mut q = quiz(&[("questions", "[]")]);
    answer(&mut q, true, None);
    q.apply(Msg::Next);
    answer(&mut q, false, None);
    q.apply(Msg::TryAgain);
    answer(&mut q, true, None);
    q.apply(Msg::Next);
    q.apply(Msg::ShowSolution);
    q.apply(Msg::Finish);
    let review = q.review().unwrap();
    let why: Vec<&str> = review.items.iter().map(|r| r.points.as_ref().unwrap().why.as_str()).collect();
    assert_eq!(
        why,
        [
            "100 of 100 points: right at the first try.",
            "75 of 100 points: right at try 2, which keeps 75% of the points.",
            "0 of 100 points: solution shown.",
            "0 of 100 points: not answered.",
        ]
    );
    assert!(q.review_markdown().unwrap().contains("- **Points**: 75 of 100 points: right at try 2"));

    // With certainty: the mark of the certainty, less the penalty of a later try; a confident
    // mistake costs its mark. The points add up to the score.
    let mut q = quiz(&[("questions", "[]"), ("quiz.certainty", "true")]);
    answer(&mut q, true, Some(Certainty::High));
    q.apply(Msg::Next);
    answer(&mut q, false, Some(Certainty::High));
    q.apply(Msg::TryAgain);
    answer(&mut q, true, Some(Certainty::High));
    q.apply(Msg::Next);
    answer(&mut q, false, Some(Certainty::High));
    q.apply(Msg::Next);
    answer(&mut q, true, Some(Certainty::Low));
    q.apply(Msg::Finish);
    let review = q.review().unwrap();
    let points: Vec<(i32, &str)> = review.items.iter().map(|r| r.points.as_ref().map(|p| (p.earned, p.why.as_str())).unwrap()).collect();
    assert_eq!(
        points,
        [
            (300, "3 of 3 points: right with ‘sure’, which earns 3."),
            (225, "2.25 of 3 points: right with ‘sure’ (3) at try 2, which keeps 75% of it."),
            (-600, "−6 of 3 points: wrong with ‘sure’, which earns −6."),
            (100, "1 of 3 points: right with ‘not sure’, which earns 1."),
        ]
    );
    let sum: i32 = points.iter().map(|(p, _)| p).sum();
    assert_eq!(i32::from(review.summary.score), sum * 100 / (300 * 4), "the points make the score");

    // A retry round is practice: its items earn nothing towards the score, the others keep theirs.
    q.apply(Msg::RetryWrong);
    answer(&mut q, true, Some(Certainty::High));
    q.apply(Msg::Finish);
    let review = q.review().unwrap();
    let kept: Vec<bool> = review.items.iter().map(|r| r.points.is_some()).collect();
    assert_eq!(kept, [true, true, false, true]);
    assert!(q.review_markdown().unwrap().contains("Practised in a retry round"));
}

#[test]
fn a_score_far_below_the_share_right_is_explained_beside_it() {
    // 3 of 4 right and sure, 1 wrong and sure: (9 − 6) of 12 = 25 % with 75 % right.
    let finish = |right_sure: usize, last: Option<(bool, Certainty)>, certainty: bool| {
        let mut q = quiz(&[("questions", "[]"), ("quiz.certainty", if certainty { "true" } else { "false" })]);
        for _ in 0..right_sure {
            answer(&mut q, true, certainty.then_some(Certainty::High));
            q.apply(Msg::Next);
        }
        if let Some((right, c)) = last {
            answer(&mut q, right, certainty.then_some(c));
        }
        q.apply(Msg::Finish);
        q
    };
    let q = finish(3, Some((false, Certainty::High)), true);
    assert_eq!(q.summary().map(|s| (s.score, s.right)), Some((25, 3)));
    let gap = q.score_gap_note().expect("a gap of 50 points is explained");
    assert!(gap.starts_with("3 of 4 right is 75%, but your score is 25%: with certainty a wrong answer costs points"), "{gap}");
    let md = q.review_markdown().unwrap();
    assert!(md.find("3 of 4 right is 75%").unwrap() < md.find("Not passed yet").unwrap(), "beside the score, before the verdict");
    // Every item right and sure: no gap.
    assert_eq!(finish(4, None, true).score_gap_note(), None);
    assert!(finish(3, Some((true, Certainty::Low)), true).score_gap_note().is_none(), "(9 + 1) of 12 = 83 % with 100 % right: 17 apart");
    assert!(finish(1, Some((false, Certainty::High)), true).score_gap_note().is_some(), "0 % with 25 % right: 25 apart");
    // Without certainty the score is the share right (less the penalties): no such note.
    assert_eq!(finish(3, Some((false, Certainty::High)), false).score_gap_note(), None);
}
