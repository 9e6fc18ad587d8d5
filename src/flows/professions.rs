//! `flows/professions.toml`: the professions people join with, the client role
//! for role swaps, and the distance table the swap maximises.

use super::node::{self, Kind, Reader};
use super::parse::Refs;
use super::{FlowError, FluentRef, SourceFile};
use crate::core::flow::{RoleInfo, Roles};
use crate::core::ids::RoleId;

pub fn load(file: &SourceFile) -> (Roles, Vec<FlowError>, Vec<FluentRef>) {
    let mut refs = Vec::new();
    let mut rd = Reader::new(file);
    let mut roles = Roles::default();
    let root = match node::parse(file) {
        Ok(r) => r,
        Err(e) => return (roles, vec![e], refs),
    };
    let Some(top) = rd.table(&root, "professions.toml") else {
        return (roles, rd.errors, refs);
    };
    let mut fluent = Refs {
        file,
        list: &mut refs,
    };
    let read_role = |rd: &mut Reader,
                     n: &node::Node,
                     profession: bool,
                     fluent: &mut Refs|
     -> Option<RoleInfo> {
        let t = rd.table(n, "a role")?;
        let id = rd.str(&t, "id", true);
        let name = fluent.read(rd, &t, "name", &[]);
        let card = fluent.read(rd, &t, "card", &[]);
        let aliases = rd
            .strings(&t, "aliases")
            .into_iter()
            .map(|(a, _)| a.to_lowercase())
            .collect();
        let side = t
            .get("side")
            .is_some()
            .then(|| fluent.read(rd, &t, "side", &[]))
            .flatten();
        rd.unknown_keys(&t, "a role", &["id", "name", "card", "aliases", "side"]);
        Some(RoleInfo {
            id: RoleId::new(id?.0),
            name: name?,
            card: card?,
            profession,
            aliases,
            side,
        })
    };
    for n in rd.list(&top, "profession").unwrap_or_default() {
        if let Some(r) = read_role(&mut rd, n, true, &mut fluent) {
            roles.roles.push(r);
        }
    }
    if roles.roles.is_empty() {
        rd.error(
            &top.node.span,
            "professions.toml needs at least one [[profession]]",
        );
    }
    if let Some(n) = top.get("client") {
        if let Some(r) = read_role(&mut rd, n, false, &mut fluent) {
            roles.client = Some(r.id.clone());
            roles.roles.push(r);
        }
    }
    if let Some(n) = top.get("distance") {
        if rd.table(n, "[distance]").is_some() {
            if let Kind::Table(entries) = &n.kind {
                for e in entries {
                    let a = RoleId::new(e.key.clone());
                    if roles.get(&a).is_none() {
                        rd.error(
                            &e.key_span,
                            format!("distance from unknown role `{}`", e.key),
                        );
                        continue;
                    }
                    let Kind::Table(row) = &e.node.kind else {
                        rd.error(
                            &e.node.span,
                            "each distance row must be a table: { other-role = 3, … }",
                        );
                        continue;
                    };
                    for cell in row {
                        let b = RoleId::new(cell.key.clone());
                        if roles.get(&b).is_none() {
                            rd.error(
                                &cell.key_span,
                                format!("distance to unknown role `{}`", cell.key),
                            );
                            continue;
                        }
                        match cell.node.kind {
                            Kind::Int(d) if (0..=100).contains(&d) => {
                                let key = if a <= b {
                                    (a.clone(), b)
                                } else {
                                    (b, a.clone())
                                };
                                roles.distance.insert(key, d as u32);
                            }
                            _ => rd.error(
                                &cell.node.span,
                                "a distance is a whole number from 0 to 100",
                            ),
                        }
                    }
                }
            }
        }
    }
    rd.unknown_keys(
        &top,
        "professions.toml",
        &["profession", "client", "distance"],
    );
    (roles, rd.errors, refs)
}
