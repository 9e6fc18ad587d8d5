//! The group over time (issue 14 part 8): its frame profile across its last
//! ended rounds — which frames carried each round, and how far apart the
//! professions reasoned — so a team sees whether it is converging, drifting
//! apart or holding steady: the social reflexivity the research aims at.

use super::flow::Flow;
use super::message::{Arg, Block, Chart, Message, MessageRef, Series};
use super::msg;
use super::round::Round;
use super::summary::profession_profiles;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Rounds shown at most.
pub const LAST: usize = 5;
/// A change in distance between professions this large is a trend.
const TREND: f64 = 0.1;

/// One round's place in the group's history: counts and shares only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    round: String,
    opened: chrono::DateTime<chrono::Utc>,
    /// Share of all frame signals per frame id.
    shares: BTreeMap<String, f64>,
    /// Mean distance between the professions' profiles, 0 (alike) to 1.
    apart: Option<f64>,
}

fn normalised(counts: &BTreeMap<String, u32>) -> BTreeMap<String, f64> {
    let total: u32 = counts.values().sum();
    counts
        .iter()
        .map(|(f, n)| (f.clone(), f64::from(*n) / f64::from(total.max(1))))
        .collect()
}

/// A round's point, when frames showed in it.
pub fn point(r: &Round, flow: &Flow) -> Option<Point> {
    let profiles: Vec<BTreeMap<String, f64>> = profession_profiles(r, flow)
        .into_iter()
        .map(|(_, c)| c)
        .filter(|c| c.values().sum::<u32>() > 0)
        .map(|c| normalised(&c))
        .collect();
    if profiles.is_empty() {
        return None;
    }
    let mut all: BTreeMap<String, f64> = BTreeMap::new();
    for p in &profiles {
        for (f, s) in p {
            *all.entry(f.clone()).or_default() += s / profiles.len() as f64;
        }
    }
    let mut dist = Vec::new();
    for (i, a) in profiles.iter().enumerate() {
        for b in &profiles[i + 1..] {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            let l1: f64 = keys
                .iter()
                .map(|k| (a.get(*k).unwrap_or(&0.0) - b.get(*k).unwrap_or(&0.0)).abs())
                .sum();
            dist.push(l1 / 2.0);
        }
    }
    Some(Point {
        round: r.id.to_string(),
        opened: r.opened,
        shares: all,
        apart: (!dist.is_empty()).then(|| dist.iter().sum::<f64>() / dist.len() as f64),
    })
}

/// The group's frames over its last ended rounds (`points`, oldest first)
/// in `m`, and as a chart; nothing when none showed frames.
pub fn over_time(points: &[Point], flow: &Flow, m: &mut Message) -> Option<Chart> {
    render(points, flow, msg::GROUP_FRAMES_HEADING.msg(), m)
}

/// The summary's comparison: this round after the group's last ones.
pub fn compared(r: &Round, flow: &Flow, m: &mut Message) {
    if r.previous_frames.is_empty() {
        return;
    }
    let mut points = r.previous_frames.clone();
    points.extend(point(r, flow));
    render(&points, flow, msg::SUMMARY_OVER_TIME.msg(), m);
}

/// `points` as lines in `m` (and the trend), and as a chart.
fn render(points: &[Point], flow: &Flow, heading: MessageRef, m: &mut Message) -> Option<Chart> {
    points.last()?;
    let name_of = |id: &str| {
        flow.frames
            .frames
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.name.clone())
    };
    m.push(Block::Heading(heading.num("rounds", points.len() as i64)));
    for p in points {
        let mut top: Vec<(&String, &f64)> = p.shares.iter().collect();
        top.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let frames: Vec<Arg> = top
            .iter()
            .take(3)
            .filter_map(|(f, _)| name_of(f).map(Arg::Msg))
            .collect();
        let line = msg::GROUP_FRAMES_ROUND
            .msg()
            .text("round", p.round.clone())
            .time("opened", p.opened)
            .arg("frames", Arg::List(frames));
        m.push(Block::Item(match p.apart {
            Some(a) => line
                .num("apart", (a * 100.0).round() as i64)
                .with_id(msg::GROUP_FRAMES_ROUND_APART.id),
            None => line,
        }));
    }
    let aparts: Vec<f64> = points.iter().filter_map(|p| p.apart).collect();
    if let (Some(first), Some(last)) = (aparts.first(), aparts.last()) {
        if aparts.len() >= 2 {
            let trend = if last - first <= -TREND {
                msg::GROUP_FRAMES_CONVERGING
            } else if last - first >= TREND {
                msg::GROUP_FRAMES_DIVERGING
            } else {
                msg::GROUP_FRAMES_STEADY
            };
            m.push(Block::Line(trend.msg()));
        }
    }
    let frames: Vec<&crate::frames::FrameInfo> = flow
        .frames
        .frames
        .iter()
        .filter(|f| f.level != crate::frames::Level::Relational)
        .collect();
    Some(Chart {
        title: msg::GROUP_CHART_TITLE.msg(),
        axis: msg::GROUP_CHART_AXIS.msg(),
        categories: frames
            .iter()
            .map(|f| MessageRef::new(f.name.clone()))
            .collect(),
        series: points
            .iter()
            .map(|p| Series {
                label: msg::GROUP_CHART_ROUND.msg().text("round", p.round.clone()),
                values: frames
                    .iter()
                    .map(|f| (p.shares.get(&f.id).copied().unwrap_or(0.0) * 100.0).round() as u32)
                    .collect(),
            })
            .collect(),
    })
}
