//! A validated flow: the method a round follows, as data. Built from a flow file
//! by `crate::flows` (which reports every error with its place); the core only
//! ever sees flows that passed validation.

use super::ids::RoleId;
use super::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    pub id: String,
    pub version: u32,
    /// Fluent ids.
    pub name: String,
    pub description: String,
    pub steps: Vec<Step>,
    /// The roles this flow's role swap draws from (professions plus perhaps `client`).
    pub roles: Roles,
    /// The frames the summary looks for.
    pub frames: crate::frames::Frames,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    /// Fluent id of the step's short title (used in status and the record).
    pub title: String,
    /// Fluent id of the step's prompt (what the bot asks).
    pub prompt: String,
    pub who: Who,
    pub end: EndRule,
    pub deadline: Option<Span>,
    /// Whether `deadline` is the flow's default (no deadline of the step's
    /// own): a group's own deadline takes its place.
    #[serde(default)]
    pub flow_deadline: bool,
    /// How long before the deadline the reminder goes out.
    pub remind: Option<Span>,
    /// Whose reasoning the answers show, for the frame summary.
    #[serde(default)]
    pub voice: Voice,
    /// The case owner may reply in the thread to a step asked of the others
    /// (the gossip method's question round); their replies are kept with the
    /// step but are not answers to it.
    #[serde(default)]
    pub owner_replies: bool,
    /// At its deadline with nobody's answer, go on anyway (`when_empty =
    /// "go-on"`) instead of staying open and telling the coordinator.
    #[serde(default)]
    pub go_on_empty: bool,
    /// A choose step over an earlier step's answers: the one picked most
    /// names the case owner, its writer (the gossip method's choice of case).
    #[serde(default)]
    pub sets_owner: bool,
    /// A choose step of fixed options: when most answers pick option `.1`
    /// (1-based), the round goes back to step `.0` (by index) — the four
    /// windows' "the facts are too thin: gather more first".
    #[serde(default)]
    pub back: Option<(usize, u32)>,
    /// Answering as pairs (the joint interview's social worker and client
    /// manager): one answer counts for the pair.
    #[serde(default)]
    pub pairs: Pairs,
    /// A choose step of conditions: an answer counts only once every option
    /// is picked; until then its pair is told what is missing, and waits.
    #[serde(default)]
    pub all_needed: bool,
}

/// How a step treats pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pairs {
    /// Each answers for themselves.
    #[default]
    Apart,
    /// Opening the step forms the pairs; each pair answers it once.
    Form,
    /// A pair formed earlier answers once for both.
    Together,
}

/// What becomes of a blind step's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A reveal step shows them to the group, all at once.
    Revealed,
    /// Each goes privately to whoever plays its writer's role.
    Card,
    /// Nobody sees them during the round; the frame summary at the end
    /// shows them (self-tagged frames, with names).
    InSummary,
    /// Counted, without names, in each side's frame profile (the game's end
    /// of part 1); the frame summary at the end shows them with names.
    GroupProfile,
}

/// Whose reasoning a step's answers show. The frame summary credits a
/// person only with what they said as themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    /// Their own.
    #[default]
    Own,
    /// Those with a swapped role speak as that role; the rest as themselves.
    InRole,
    /// They describe how others reason (the game's "other side").
    AboutOthers,
}

impl Step {
    /// The step's deadline in round `r`: its own, else the group's, else
    /// the flow's default.
    pub fn deadline_in(&self, r: &super::round::Round) -> Option<Span> {
        match (self.flow_deadline, r.deadlines) {
            (true, Some(own)) => Some(own),
            _ => self.deadline,
        }
    }

    /// Whether each one asked owes an answer (a question, not a discussion
    /// window): such a step is not skipped, or reminded of, lightly.
    pub fn expects_answers(&self) -> bool {
        matches!(
            self.kind,
            StepKind::Intake { .. }
                | StepKind::Prompt { .. }
                | StepKind::Choose { .. }
                | StepKind::Reflect { .. }
        )
    }

    /// Whether this step waits for answers (as opposed to posting and moving on).
    pub fn collects(&self) -> bool {
        match &self.kind {
            StepKind::Intake { .. }
            | StepKind::Prompt { .. }
            | StepKind::Discuss { .. }
            | StepKind::Choose { .. }
            | StepKind::Actions
            | StepKind::Review
            | StepKind::Reflect { .. } => true,
            StepKind::Reveal { .. } | StepKind::AssignRoles { .. } | StepKind::Summary => false,
        }
    }

    /// Whether answers to this step are sent privately and kept hidden.
    pub fn blind(&self) -> bool {
        match &self.kind {
            StepKind::Intake { .. } => true,
            StepKind::Prompt { blind, .. } | StepKind::Choose { blind, .. } => *blind,
            StepKind::Reflect { .. } => true,
            StepKind::Reveal { .. }
            | StepKind::AssignRoles { .. }
            | StepKind::Discuss { .. }
            | StepKind::Actions
            | StepKind::Review
            | StepKind::Summary => false,
        }
    }

    /// Whether the record must never show who wrote what.
    pub fn anonymous(&self) -> bool {
        match &self.kind {
            StepKind::Reflect { anonymous, .. } => *anonymous,
            // A reveal's own anonymity is about another step: see `anonymous_in`.
            StepKind::Intake { .. }
            | StepKind::Prompt { .. }
            | StepKind::Reveal { .. }
            | StepKind::AssignRoles { .. }
            | StepKind::Discuss { .. }
            | StepKind::Choose { .. }
            | StepKind::Actions
            | StepKind::Review
            | StepKind::Summary => false,
        }
    }

    /// Whether this step's answers must never show who wrote them: an anonymous
    /// reflect step, or a step some reveal shows anonymously.
    /// Who gets to see a blind step's answers, by what later steps do with
    /// them: what its receipt promises and the record keeps to.
    pub fn shown_in(&self, flow: &Flow) -> Shown {
        let me = flow.steps.iter().position(|s| s.id == self.id);
        let mut shown = Shown::InSummary;
        for s in &flow.steps {
            match &s.kind {
                StepKind::Reveal { of, .. } if Some(*of) == me => {
                    return match self.kind {
                        StepKind::Choose { .. } => Shown::GroupProfile,
                        _ => Shown::Revealed,
                    }
                }
                StepKind::AssignRoles {
                    hand_cards_from, ..
                } if *hand_cards_from == me && me.is_some() => shown = Shown::Card,
                _ => {}
            }
        }
        shown
    }

    /// A blind step no reveal shows: the record (thread and export) leaves
    /// its answers out, as its receipt says.
    pub fn never_revealed(&self, flow: &Flow) -> bool {
        matches!(
            self.kind,
            StepKind::Prompt { blind: true, .. } | StepKind::Choose { blind: true, .. }
        ) && self.shown_in(flow) != Shown::Revealed
    }

    pub fn anonymous_in(&self, flow: &Flow) -> bool {
        self.anonymous()
            || flow.steps.iter().any(|s| match &s.kind {
                StepKind::Reveal { of, anonymous } => {
                    *anonymous && flow.steps.get(*of).is_some_and(|o| o.id == self.id)
                }
                StepKind::Intake { .. }
                | StepKind::Prompt { .. }
                | StepKind::AssignRoles { .. }
                | StepKind::Discuss { .. }
                | StepKind::Choose { .. }
                | StepKind::Actions
                | StepKind::Review
                | StepKind::Reflect { .. }
                | StepKind::Summary => false,
            })
    }

    pub fn fields(&self) -> &[Field] {
        match &self.kind {
            StepKind::Prompt { fields, .. } => fields,
            StepKind::Reflect { questions, .. } => questions,
            StepKind::Intake { .. }
            | StepKind::Reveal { .. }
            | StepKind::AssignRoles { .. }
            | StepKind::Discuss { .. }
            | StepKind::Choose { .. }
            | StepKind::Actions
            | StepKind::Review
            | StepKind::Summary => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StepKind {
    /// The case owner sends the case privately; it is confirmed, then posted.
    /// With `consent`, the owner must confirm that the case is pseudonymised
    /// or that the client consented; until then the round does not go on.
    Intake { consent: bool },
    /// A question; open (thread) or blind (private, revealed later). No fields
    /// means one free text.
    Prompt { blind: bool, fields: Vec<Field> },
    /// Posts the blind answers of an earlier step (by index) side by side.
    Reveal { of: usize, anonymous: bool },
    /// Role swap: hands out roles and role cards privately.
    AssignRoles {
        /// Whether one participant (never the case owner) plays the client.
        client: bool,
        /// A blind prompt step whose cards go to the one who plays their writer.
        hand_cards_from: Option<usize>,
        /// Whether the coordinator swaps too; by default they chair the
        /// round and keep their own role.
        #[serde(default)]
        chair_plays: bool,
    },
    /// An open discussion window; the case owner may be set to listen only.
    Discuss { owner_listens: bool },
    /// Pick one or more of several options.
    Choose {
        options: ChoiceSource,
        multiple: bool,
        blind: bool,
    },
    /// Agreed next steps: what, who, by when.
    Actions,
    /// The previous round's actions, and what came of them.
    Review,
    /// Evaluation questions on a 1–5 scale plus text.
    Reflect {
        questions: Vec<Field>,
        anonymous: bool,
    },
    /// The round's record (and, later, its frame analysis).
    Summary,
}

impl StepKind {
    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Intake { .. } => "intake",
            StepKind::Prompt { .. } => "prompt",
            StepKind::Reveal { .. } => "reveal",
            StepKind::AssignRoles { .. } => "assign-roles",
            StepKind::Discuss { .. } => "discuss",
            StepKind::Choose { .. } => "choose",
            StepKind::Actions => "actions",
            StepKind::Review => "review",
            StepKind::Reflect { .. } => "reflect",
            StepKind::Summary => "summary",
        }
    }
}

/// A named part of an answer (`why`, `how`, `what`; or a reflect question).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    /// Fluent id of the label.
    pub label: String,
    /// Other words people may type before the colon (`waarom`, `hoe`, `wat`).
    pub aliases: Vec<String>,
    /// Which reasoning device this field asks for, if any.
    pub device: Option<Device>,
    /// A number the answer starts with, lowest and highest (`scale = [0, 10]`).
    #[serde(default)]
    pub scale: Option<(u8, u8)>,
}

/// The four reasoning devices of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Device {
    Problem,
    Cause,
    Judgement,
    Solution,
}

impl Device {
    pub fn parse(s: &str) -> Option<Device> {
        Some(match s {
            "problem" => Device::Problem,
            "cause" => Device::Cause,
            "judgement" => Device::Judgement,
            "solution" => Device::Solution,
            _ => return None,
        })
    }

    /// Its Fluent id.
    pub fn message(self) -> &'static str {
        match self {
            Device::Problem => "device-problem",
            Device::Cause => "device-cause",
            Device::Judgement => "device-judgement",
            Device::Solution => "device-solution",
        }
    }
}

impl Field {
    pub fn matches(&self, key: &str) -> bool {
        let key = key.trim().to_lowercase();
        self.id == key || self.aliases.iter().any(|a| a.to_lowercase() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChoiceSource {
    /// Fixed options: Fluent ids.
    Fixed(Vec<String>),
    /// The answers given to an earlier step (by index).
    AnswersOf(usize),
    /// The frames of the catalogue (people tag themselves).
    Frames,
    /// Those who play a role (the game's visitors), then "everyone passed":
    /// a visitor most of the others pick gave themselves away.
    Visitors,
}

/// Who acts in a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    All,
    Owner,
    /// Everyone but the case owner.
    Others,
    Coordinator,
    /// Whoever plays this role after a role swap.
    Role(RoleId),
}

/// When a step ends (the coordinator's `next` always ends it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndRule {
    /// When everyone expected has answered, or at the deadline.
    AllAnswered,
    /// At the deadline (answers may be changed until then).
    Deadline,
    /// Only when the coordinator says `next`.
    Coordinator,
}

/// Professions and role-swap roles with the distance between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Roles {
    pub roles: Vec<RoleInfo>,
    /// Symmetric distances; a missing pair counts as 1, a role to itself as 0.
    #[serde(with = "pairs")]
    pub distance: BTreeMap<(RoleId, RoleId), u32>,
    /// The role of the person the case is about, when a flow uses it.
    pub client: Option<RoleId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleInfo {
    pub id: RoleId,
    /// Fluent ids.
    pub name: String,
    pub card: String,
    /// Whether people can join with it (false for `client`).
    pub profession: bool,
    /// Words people may type instead of the id (`sw`, `km-werk`, …).
    pub aliases: Vec<String>,
    /// The side of the game this profession plays on (Fluent id of its name:
    /// public or social professionals); without one, its own group.
    #[serde(default)]
    pub side: Option<String>,
}

impl Roles {
    pub fn get(&self, id: &RoleId) -> Option<&RoleInfo> {
        self.roles.iter().find(|r| &r.id == id)
    }

    pub fn distance(&self, a: &RoleId, b: &RoleId) -> u32 {
        if a == b {
            return 0;
        }
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        self.distance
            .get(&(x.clone(), y.clone()))
            .copied()
            .unwrap_or(1)
    }

    /// Finds a profession by id or alias, case-insensitively.
    pub fn profession(&self, word: &str) -> Option<&RoleInfo> {
        let w = word.trim().to_lowercase();
        self.roles
            .iter()
            .filter(|r| r.profession)
            .find(|r| r.id.as_str() == w || r.aliases.iter().any(|a| a.to_lowercase() == w))
    }

    pub fn professions(&self) -> impl Iterator<Item = &RoleInfo> {
        self.roles.iter().filter(|r| r.profession)
    }
}

/// Serialises the distance table as a list of `[a, b, d]` (JSON maps need
/// string keys).
mod pairs {
    use super::RoleId;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(
        m: &BTreeMap<(RoleId, RoleId), u32>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        m.iter()
            .map(|((a, b), d)| (a, b, d))
            .collect::<Vec<_>>()
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<(RoleId, RoleId), u32>, D::Error> {
        let v: Vec<(RoleId, RoleId, u32)> = Vec::deserialize(d)?;
        Ok(v.into_iter().map(|(a, b, d)| ((a, b), d)).collect())
    }
}
