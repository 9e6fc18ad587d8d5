//! `brug flows check`: every error in a broken flow file, each with its place.

use super::support::repo;
use std::process::Command;

const BROKEN: &str = r#"id = "broken"
version = 1
name = "gc-name"
description = "no-such-message"
colour = "blue"

[[step]]
id = "wall"
kind = "reveal"
of = "circle"
title = "gc-wall-title"
prompt = "gc-wall"

[[step]]
id = "circle"
kind = "prompt"
blind = true
title = "gc-circle-title"
prompt = "gc-circle"
deadline = "soon"
fields = [{ id = "why", label = "field-why", alias = ["waarom"] }]

[[step]]
id = "circle"
kind = "brainstorm"
title = "gc-circle-title"
prompt = "gc-circle"

[[step]]
id = "talk"
kind = "discuss"
who = "everyone"
end = "deadline"
title = "gc-reflection-title"
prompt = "gc-reflection"
"#;

fn check(dir: &std::path::Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_brug"))
        .args(["flows", "check"])
        .arg(dir)
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_shipped_flows_pass() {
    let (ok, out) = check(&repo().join("flows"));
    assert!(ok, "{out}");
    assert!(out.starts_with("7 flows OK"), "{out}");
}

#[test]
fn a_broken_flow_reports_every_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let flows = dir.path().join("flows");
    std::fs::create_dir(&flows).unwrap();
    std::fs::copy(
        repo().join("flows/professions.toml"),
        flows.join("professions.toml"),
    )
    .unwrap();
    std::fs::write(flows.join("broken.toml"), BROKEN).unwrap();
    let (ok, out) = check(&flows);
    assert!(!ok);
    let f = flows.join("broken.toml").display().to_string();
    let expected = [
        format!("{f}:5:1: unknown key `colour` in the flow"),
        format!("{f}:10:6: `of` = \"circle\" is not an earlier step"),
        format!("{f}:20:12: `deadline` = \"soon\" is not a duration"),
        format!("{f}:21:46: unknown key `alias` in a field"),
        format!("{f}:25:8: unknown step kind `brainstorm`"),
        format!("{f}:32:7: `who` = \"everyone\" is not one of"),
        format!("{f}:33:7: `end = \"deadline\"` needs a `deadline`"),
        format!("{f}:4:15: message `no-such-message` is missing in locale nl"),
        format!("{f}:4:15: message `no-such-message` is missing in locale en"),
    ];
    for e in &expected {
        assert!(
            out.lines().any(|l| l.starts_with(e.as_str())),
            "missing `{e}` in:\n{out}"
        );
    }
    // Every line has the file:line:column: message shape.
    for l in out.lines() {
        let mut parts = l.splitn(4, ':');
        let (_, line, col) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        assert!(
            line.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
            "no place in `{l}`"
        );
    }
}

#[test]
fn a_toml_syntax_error_has_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("flows/professions.toml"),
        dir.path().join("professions.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.toml"), "id = \"x\"\nversion = = 1\n").unwrap();
    let (ok, out) = check(dir.path());
    assert!(!ok);
    let f = dir.path().join("bad.toml").display().to_string();
    assert!(out.starts_with(&format!("{f}:2:")), "{out}");
}
