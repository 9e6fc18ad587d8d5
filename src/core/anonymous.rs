//! Anonymous answers that cannot be linked: each question's answers in an
//! order of its own (following neither the authors nor the other questions),
//! and nothing but counts and averages where too few answered for anonymity
//! to mean anything.

use super::roles::stable_hash;
use super::round::{Answer, Round};

/// Fewer answers than this and an anonymous step shows only what cannot be
/// traced: how many answered, and the average scores.
pub const MIN_ANSWERS: usize = 3;

/// Whether an anonymous step with `n` answers is too small to show them.
pub fn too_few(n: usize) -> bool {
    n > 0 && n < MIN_ANSWERS
}

/// The answers to one question (`field` of `step`) in an order of their own:
/// stable for the round, unrelated to who answered first and to the order
/// of any other question.
pub fn order<'a>(
    r: &Round,
    step: &str,
    field: &str,
    answers: impl Iterator<Item = &'a Answer>,
) -> Vec<&'a Answer> {
    let mut v: Vec<(u64, &Answer)> = answers
        .map(|a| {
            let key = [
                step.as_bytes(),
                b"\0",
                field.as_bytes(),
                b"\0",
                a.by.id.as_bytes(),
            ]
            .concat();
            // Mixed twice so that keys differing only at the end still
            // spread over the whole range.
            (mix(stable_hash(r.id.0, &key)), a)
        })
        .collect();
    v.sort_by_key(|(h, _)| *h);
    v.into_iter().map(|(_, a)| a).collect()
}

/// A finaliser (splitmix64) over the hash.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::GroupId;
    use crate::core::ids::{Platform, RoundId, UserRef};
    use chrono::{DateTime, Utc};
    use std::collections::BTreeMap;

    fn at() -> DateTime<Utc> {
        "2026-12-01T08:00:00Z".parse().unwrap()
    }

    fn sample() -> Round {
        Round::sample(RoundId(1), GroupId::new(Platform::Console, "g"), at())
    }

    fn answer(by: &str) -> Answer {
        Answer {
            step: "eval".into(),
            by: UserRef::new(Platform::Console, by),
            at: at(),
            fields: BTreeMap::new(),
            picks: Vec::new(),
            removed: false,
            scores: BTreeMap::new(),
            pieces: Vec::new(),
        }
    }

    /// Where each author stands in each question's order.
    fn positions(r: &Round, answers: &[Answer], q: &str) -> Vec<usize> {
        let order = order(r, "eval", q, answers.iter());
        answers
            .iter()
            .map(|a| order.iter().position(|o| o.by == a.by).unwrap())
            .collect()
    }

    /// Spearman's rho of two rankings without ties.
    fn rho(a: &[usize], b: &[usize]) -> f64 {
        let n = a.len() as f64;
        let d2: f64 = a
            .iter()
            .zip(b)
            .map(|(x, y)| (*x as f64 - *y as f64).powi(2))
            .sum();
        1.0 - 6.0 * d2 / (n * (n * n - 1.0))
    }

    /// Over many rounds of five people, knowing someone's place under one
    /// question says nothing about their place under another: the mean rank
    /// correlation is about zero and equal orders are as rare as chance
    /// (1 in 120).
    #[test]
    fn orders_of_different_questions_are_unrelated() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut sum, mut same, rounds) = (0.0, 0, 2_000);
        for i in 0..rounds {
            let mut r = sample();
            r.id = RoundId(next() % 10_000 + i);
            let answers: Vec<Answer> = (0..5)
                .map(|_| answer(&format!("@u{}", next() % 100_000)))
                .collect();
            let trust = positions(&r, &answers, "trust");
            let openness = positions(&r, &answers, "openness");
            sum += rho(&trust, &openness);
            same += usize::from(trust == openness);
        }
        let mean = sum / f64::from(rounds as u32);
        assert!(mean.abs() < 0.05, "mean rank correlation {mean}");
        assert!(
            same < rounds as usize / 40,
            "{same} of {rounds} orders equal"
        );
    }

    /// The order follows neither who answered first nor anything but the
    /// round, the question and the authors.
    #[test]
    fn the_order_does_not_follow_who_answered_first() {
        let r = sample();
        let answers: Vec<Answer> = ["@a", "@b", "@c", "@d", "@e"].map(answer).to_vec();
        let mut reversed = answers.clone();
        reversed.reverse();
        let ids = |v: Vec<&Answer>| v.iter().map(|a| a.by.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(order(&r, "eval", "trust", answers.iter())),
            ids(order(&r, "eval", "trust", reversed.iter()))
        );
    }

    #[test]
    fn fewer_than_three_is_too_few() {
        assert!(!too_few(0));
        assert!(too_few(1) && too_few(2));
        assert!(!too_few(3));
    }
}
