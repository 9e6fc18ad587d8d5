//! A step's named fields: `{ id, label, aliases, device, scale }`.

use super::node::{Kind, Reader, Table};
use super::parse::Refs;
use crate::core::flow::Field;

pub(super) fn fields(rd: &mut Reader, t: &Table, key: &str, fluent: &mut Refs) -> Vec<Field> {
    let Some(items) = rd.list(t, key) else {
        return Vec::new();
    };
    let mut out: Vec<Field> = Vec::new();
    for n in items {
        let Some(ft) = rd.table(n, "a field") else {
            continue;
        };
        let id = rd.str(&ft, "id", true);
        let label = fluent.read(rd, &ft, "label", &[]);
        let aliases = rd
            .strings(&ft, "aliases")
            .into_iter()
            .map(|(a, _)| a.to_lowercase())
            .collect();
        let device = rd.str(&ft, "device", false).and_then(|(d, at)| {
            let parsed = crate::core::flow::Device::parse(&d);
            if parsed.is_none() {
                rd.error(
                    &at,
                    format!(
                        "`device` = \"{d}\" is not one of: problem, cause, judgement, solution"
                    ),
                );
            }
            parsed
        });
        let scale = scale(rd, &ft);
        rd.unknown_keys(
            &ft,
            "a field",
            &["id", "label", "aliases", "device", "scale"],
        );
        if let (Some((id, at)), Some(label)) = (id, label) {
            if out.iter().any(|f| f.id == id) {
                rd.error(&at, format!("field id `{id}` is used twice"));
            }
            out.push(Field {
                id: id.to_lowercase(),
                label,
                aliases,
                device,
                scale,
            });
        }
    }
    out
}

/// `scale = [0, 10]`: two whole numbers from 0 to 100, the lower first.
fn scale(rd: &mut Reader, ft: &Table) -> Option<(u8, u8)> {
    let n = ft.get("scale")?;
    let bounds: Vec<u8> = match &n.kind {
        Kind::Array(items) => items
            .iter()
            .filter_map(|i| match i.kind {
                Kind::Int(v) => u8::try_from(v).ok().filter(|v| *v <= 100),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    match bounds.as_slice() {
        [lo, hi] if lo < hi => Some((*lo, *hi)),
        _ => {
            rd.error(
                &n.span,
                "`scale` must be two whole numbers from 0 to 100, the lower first, e.g. [0, 10]"
                    .to_string(),
            );
            None
        }
    }
}
