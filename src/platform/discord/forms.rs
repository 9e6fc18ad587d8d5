//! Buttons and modal forms: a message's actions as buttons, a form for a
//! step (one text box per field, Discord allows five), and a submitted form
//! turned back into the text the engine reads. Everything a button needs is
//! in its `custom_id`, so buttons work after a restart.

use crate::core::flow::{Step, StepKind};
use crate::core::ids::{Locale, RoundId};
use crate::core::message::{Action, MessageRef};
use crate::core::msg;
use crate::core::round::TEXT;
use crate::flows::Catalog;
use serenity::all::{
    ActionRow, ActionRowComponent, ButtonStyle, CreateActionRow, CreateButton, CreateInputText,
    CreateModal, InputTextStyle,
};

/// What a button of brug's asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Click {
    /// Open the form for a round's step.
    Answer {
        round: RoundId,
        step: usize,
        flow: String,
    },
    /// Show someone their private messages about a round, privately.
    Mine { round: RoundId },
}

impl Click {
    pub fn custom_id(&self) -> String {
        match self {
            Click::Answer { round, step, flow } => format!("brug:answer:{}:{step}:{flow}", round.0),
            Click::Mine { round } => format!("brug:mine:{}", round.0),
        }
    }

    pub fn parse(custom_id: &str) -> Option<Click> {
        let mut parts = custom_id.strip_prefix("brug:")?.split(':');
        let kind = parts.next()?;
        let round = RoundId(parts.next()?.parse().ok()?);
        let click = match kind {
            "answer" => Click::Answer {
                round,
                step: parts.next()?.parse().ok()?,
                flow: parts.next()?.to_string(),
            },
            "mine" => Click::Mine { round },
            _ => return None,
        };
        parts.next().is_none().then_some(click)
    }
}

impl From<&Action> for Click {
    fn from(a: &Action) -> Click {
        match a {
            Action::Answer { round, step, flow } => Click::Answer {
                round: *round,
                step: *step,
                flow: flow.clone(),
            },
            Action::Mine { round } => Click::Mine { round: *round },
        }
    }
}

/// The id of the form for step `step` of `round` (of flow `flow`).
pub fn form_id(round: RoundId, step: usize, flow: &str) -> String {
    format!("brug:form:{}:{step}:{flow}", round.0)
}

/// The round, step and flow a submitted form was for.
pub fn parse_form_id(custom_id: &str) -> Option<(RoundId, usize, String)> {
    let mut parts = custom_id.strip_prefix("brug:form:")?.splitn(3, ':');
    let round = RoundId(parts.next()?.parse().ok()?);
    let step = parts.next()?.parse().ok()?;
    let flow = parts.next().filter(|f| !f.is_empty() && !f.contains(':'))?;
    Some((round, step, flow.to_string()))
}

fn say(catalog: &Catalog, m: &MessageRef, l: Locale, max: usize) -> String {
    let text = catalog
        .strings
        .render_ref(m, l, chrono_tz::UTC, &mut Vec::new());
    cut(&text, max)
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// A message's actions as one row of buttons (Discord allows five a row).
pub fn buttons(catalog: &Catalog, actions: &[Action], l: Locale) -> Vec<CreateActionRow> {
    if actions.is_empty() {
        return Vec::new();
    }
    let row = actions
        .iter()
        .take(5)
        .map(|a| {
            let (label, style) = match a {
                Action::Answer { .. } => (msg::DC_BUTTON_ANSWER, ButtonStyle::Primary),
                Action::Mine { .. } => (msg::DC_BUTTON_MINE, ButtonStyle::Secondary),
            };
            CreateButton::new(Click::from(a).custom_id())
                .label(say(catalog, &label.msg(), l, 80))
                .style(style)
        })
        .collect();
    vec![CreateActionRow::Buttons(row)]
}

/// The form for a step: its title, one text box per field (a free text
/// when it has none). None when the flow has no such step any more.
pub fn modal(
    catalog: &Catalog,
    flow: &str,
    round: RoundId,
    step: usize,
    l: Locale,
) -> Option<CreateModal> {
    let s = catalog.flow(flow)?.steps.get(step)?;
    let title = say(catalog, &MessageRef::new(s.title.clone()), l, 45);
    let scores = matches!(s.kind, StepKind::Reflect { .. });
    let boxes: Vec<CreateActionRow> = if s.fields().is_empty() {
        let prompt = say(catalog, &MessageRef::new(s.title.clone()), l, 45);
        vec![CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, prompt, TEXT)
                .max_length(4000)
                .required(true),
        )]
    } else {
        let single = s.fields().len() == 1;
        s.fields()
            .iter()
            .take(5)
            .map(|f| {
                let label = say(catalog, &MessageRef::new(f.label.clone()), l, 45);
                let mut input = CreateInputText::new(InputTextStyle::Paragraph, label, &f.id)
                    .max_length(4000)
                    .required(single || scores);
                if scores {
                    input =
                        input.placeholder(say(catalog, &msg::DC_SCORE_PLACEHOLDER.msg(), l, 100));
                }
                CreateActionRow::InputText(input)
            })
            .collect()
    };
    Some(CreateModal::new(form_id(round, step, flow), title).components(boxes))
}

/// A submitted form as the engine reads an answer: `field: text` lines for
/// a step with fields, the text alone for one without.
pub fn answer_text(step: Option<&Step>, rows: &[ActionRow]) -> String {
    let values: Vec<(&str, &str)> = rows
        .iter()
        .flat_map(|r| &r.components)
        .filter_map(|c| match c {
            ActionRowComponent::InputText(t) => Some((
                t.custom_id.as_str(),
                t.value.as_deref().unwrap_or("").trim(),
            )),
            _ => None,
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let labelled = step.is_some_and(|s| !s.fields().is_empty());
    if !labelled {
        return values
            .iter()
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
            .join("\n");
    }
    values
        .iter()
        .map(|(id, v)| format!("{id}: {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_read_back_and_fit() {
        for c in [
            Click::Answer {
                round: RoundId(u64::MAX),
                step: 12,
                flow: "overbruggen-van-verschillen".into(),
            },
            Click::Mine { round: RoundId(7) },
        ] {
            let id = c.custom_id();
            assert!(id.len() <= 100, "{id}");
            assert_eq!(Click::parse(&id), Some(c));
        }
        assert_eq!(Click::parse("brug:mine:7:extra"), None);
        assert_eq!(Click::parse("other:mine:7"), None);
        assert_eq!(
            parse_form_id(&form_id(RoundId(3), 4, "gossip")),
            Some((RoundId(3), 4, "gossip".to_string()))
        );
    }

    #[test]
    fn a_golden_circle_form_has_a_box_per_field() {
        let catalog = Catalog::load(&crate::flows::Sources::embedded()).unwrap();
        let flow = catalog.flow("golden-circle").unwrap();
        let (i, step) = flow
            .steps
            .iter()
            .enumerate()
            .find(|(_, s)| s.fields().len() == 3)
            .unwrap();
        let m = modal(&catalog, "golden-circle", RoundId(1), i, Locale::Nl).unwrap();
        let json = serde_json::to_value(&m).unwrap();
        let rows = json["components"].as_array().unwrap();
        assert_eq!(rows.len(), step.fields().len());
        for (row, f) in rows.iter().zip(step.fields()) {
            let input = &row["components"][0];
            assert_eq!(input["custom_id"], f.id.as_str());
            let label = input["label"].as_str().unwrap();
            assert!(!label.is_empty() && label.chars().count() <= 45, "{label}");
        }
        assert!(json["title"].as_str().unwrap().chars().count() <= 45);
    }

    #[test]
    fn a_submitted_form_reads_as_labelled_text() {
        let catalog = Catalog::load(&crate::flows::Sources::embedded()).unwrap();
        let flow = catalog.flow("golden-circle").unwrap();
        let step = flow.steps.iter().find(|s| s.fields().len() == 3).unwrap();
        let rows: Vec<ActionRow> = serde_json::from_value(serde_json::json!([
            {"type": 1, "components": [{"type": 4, "custom_id": step.fields()[0].id, "value": " because "}]},
            {"type": 1, "components": [{"type": 4, "custom_id": step.fields()[1].id, "value": ""}]},
            {"type": 1, "components": [{"type": 4, "custom_id": step.fields()[2].id, "value": "a plan\nwith steps"}]}
        ]))
        .unwrap();
        let text = answer_text(Some(step), &rows);
        let parsed = crate::core::answer::fields(&text, step.fields()).unwrap();
        assert_eq!(parsed[&step.fields()[0].id], "because");
        assert!(!parsed.contains_key(&step.fields()[1].id));
        assert_eq!(parsed[&step.fields()[2].id], "a plan\nwith steps");
    }
}
