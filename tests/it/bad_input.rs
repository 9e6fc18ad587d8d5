//! The bad-input catalogue (issue 15 part 4): what people may type at the
//! bot that it must not choke on, each with the reaction they should see.
//! Every row runs through the console on a fresh Golden Circle (Anna
//! coordinates, Bram owns the case) after its own setup lines. For every
//! row: nothing panics, nothing is silently ignored (the writer gets a
//! reply), and what must stay private or be refused never shows.

use super::support::{default_people, replies, Run};
use brug::core::ids::Locale;

struct Row {
    name: &'static str,
    setup: &'static str,
    input: String,
    /// In what the bot answers (all of it, joined).
    expect: &'static str,
    /// Never in the transcript.
    never: &'static [&'static str],
}

fn row(name: &'static str, setup: &'static str, input: &str, expect: &'static str) -> Row {
    Row {
        name,
        setup,
        input: input.to_string(),
        expect,
        never: &[],
    }
}

const CASE: &str = "Bram (dm): A case.\nBram (dm): yes";

fn rows() -> Vec<Row> {
    let huge = "x".repeat(70_000);
    let mut rows = vec![
        // Commands, misspelt or incomplete.
        row("bare prefix", "", "Anna: !brug", "Commands:"),
        row("prefix and spaces", "", "Anna: !brug     ", "Commands:"),
        row(
            "unknown command",
            "",
            "Anna: !brug frobnicate",
            "There is no command `frobnicate`",
        ),
        row("shouted command", "", "Anna: !BRUG STATUS", "Step 1 of 10"),
        row(
            "help on nothing",
            "",
            "Anna: !brug help frobnicate",
            "There is no command `frobnicate`",
        ),
        row(
            "extend 0m",
            "",
            "Anna: !brug extend 0m",
            "`0m` is not a duration",
        ),
        row(
            "extend -3d",
            "",
            "Anna: !brug extend -3d",
            "`-3d` is not a duration",
        ),
        row(
            "extend 999999w",
            "",
            "Anna: !brug extend 999999w",
            "longer than I can wait",
        ),
        row(
            "extend 1x",
            "",
            "Anna: !brug extend 1x",
            "`1x` is not a duration",
        ),
        row(
            "extend nothing",
            "",
            "Anna: !brug extend",
            "`extend` needs more",
        ),
        row(
            "language fr",
            "",
            "Anna: !brug lang fr",
            "`fr` is not a language",
        ),
        row(
            "retention words",
            "",
            "Anna: !brug retention abc",
            "`abc` is not a number of days",
        ),
        row(
            "retention huge",
            "",
            "Anna: !brug retention 99999",
            "`99999` is not a number of days",
        ),
        row(
            "export pdf",
            "",
            "Anna: !brug export pdf",
            "`pdf` is not a format",
        ),
        row("away nothing", "", "Anna: !brug away", "`away` needs more"),
        row("away 0m", "", "Anna: !brug away 0m", "`0m`"),
        row("away -3d", "", "Anna: !brug away -3d", "`-3d`"),
        row(
            "away 999999w",
            "",
            "Anna: !brug away 999999w",
            "longer than I can wait",
        ),
        row("away 31 February", "", "Anna: !brug away 31-02", "`31-02`"),
        row(
            "unknown profession",
            "",
            "Chris: !brug join astronaut",
            "`astronaut` is not a profession",
        ),
        row(
            "owner nobody",
            "",
            "Anna: !brug owner",
            "`owner` needs more",
        ),
        row(
            "owner unknown",
            "",
            "Anna: !brug owner Zoë",
            "Zoë is not a participant",
        ),
        row(
            "group setting unknown",
            "",
            "Anna: !brug group colour red",
            "is not a group setting",
        ),
        row(
            "group tz unknown",
            "",
            "Anna: !brug group tz Mars/Olympus",
            "is not a group setting",
        ),
        row(
            "group quiet 25-8",
            "",
            "Anna: !brug group quiet 25-8",
            "is not a group setting",
        ),
        row(
            "schedule unreadable rhythm",
            "",
            "Anna: !brug schedule golden-circle someday",
            "is not a rhythm",
        ),
        row(
            "schedule method only",
            "",
            "Anna: !brug schedule golden-circle",
            "I could not read",
        ),
        row(
            "start unknown method",
            "",
            "Anna: !brug start tovenarij",
            "There is no method `tovenarij`",
        ),
        // The wrong person, or someone unknown.
        row(
            "next by a participant",
            "",
            "Bram: !brug next",
            "Only a coordinator",
        ),
        row(
            "cancel by a participant",
            "",
            "Bram: !brug cancel",
            "Only a coordinator",
        ),
        row(
            "group change by a participant",
            "",
            "Bram: !brug group quiet 21-7",
            "Only a coordinator",
        ),
        row(
            "schedule by a participant",
            "",
            "Bram: !brug schedule off",
            "Only a coordinator",
        ),
        row(
            "next by a stranger",
            "",
            "Zoë: !brug next",
            "Only a coordinator",
        ),
        row(
            "a stranger answers in the thread",
            CASE,
            "Zoë: I think it is about money",
            "not taking part",
        ),
        row(
            "a DM from someone in no round",
            "",
            "Zoë (dm): hello?",
            "You are not in an open round",
        ),
        row(
            "leave by a stranger",
            "",
            "Zoë: !brug leave",
            "not taking part",
        ),
        row(
            "joined twice",
            "",
            "Chris: !brug join sw",
            "already taking part",
        ),
        // Commands where they do not work.
        row(
            "start privately",
            "",
            "Anna (dm): !brug start golden-circle",
            "That does not work here",
        ),
        row(
            "group privately",
            "",
            "Anna (dm): !brug group",
            "That does not work here",
        ),
        row(
            "schedule privately",
            "",
            "Anna (dm): !brug schedule",
            "That does not work here",
        ),
        row(
            "resume when running",
            "",
            "Anna: !brug resume",
            "The round is not paused",
        ),
        row(
            "pause twice",
            "Anna: !brug pause",
            "Anna: !brug pause",
            "already paused",
        ),
        row(
            "next! while paused",
            "Anna: !brug pause",
            "Anna: !brug next!",
            "moved the round on",
        ),
        // Steps not open, rounds ended.
        row(
            "a private answer before its step",
            "",
            "Chris (dm): Why: w\\nHow: h\\nWhat: x",
            "This step is not for you",
        ),
        row(
            "an answer after cancel",
            "Anna: !brug cancel",
            "Chris: Late thoughts",
            "has ended",
        ),
        row(
            "next after cancel",
            "Anna: !brug cancel",
            "Anna: !brug next",
            "has ended",
        ),
        row(
            "a round that never was",
            "",
            "Bram (dm): #999 my case",
            "There is no round #999 here.",
        ),
        row(
            "export of a round that never was",
            "",
            "Anna: !brug export #999",
            "There is no round #999 here.",
        ),
        row("yes with nothing to confirm", CASE, "Bram (dm): yes", ""),
        // Empty, huge and strange text.
        row("an empty private message", "", "Bram (dm):", ""),
        row("whitespace only, privately", "", "Bram (dm):      ", ""),
        row(
            "control characters",
            "",
            "Bram (dm): a\u{7}b\u{0}c\u{1b}[31m",
            "This is what I received",
        ),
        row(
            "right-to-left override",
            "",
            "Bram (dm): \u{202e}esac a\u{202c}",
            "This is what I received",
        ),
        row(
            "zero-width characters",
            "",
            "Bram (dm): ca\u{200b}se\u{feff}",
            "This is what I received",
        ),
        row(
            "HTML",
            "",
            "Bram (dm): <script>alert(1)</script><b>case</b>",
            "This is what I received",
        ),
        row(
            "markdown",
            "",
            "Bram (dm): **bold** [link](http://x) `code` # heading",
            "This is what I received",
        ),
        row(
            "an emoji only",
            "",
            "Bram (dm): 🙂",
            "This is what I received",
        ),
        row(
            "many lines",
            "",
            &format!("Bram (dm): {}", "line\\n".repeat(500)),
            "This is what I received",
        ),
    ];
    rows.push(Row {
        name: "over every platform's message limit",
        setup: "",
        input: format!("Bram (dm): {huge}"),
        expect: "This message is 70000 characters long; an answer may have at most 4000.",
        never: &[],
    });
    // Mentions that would reach everyone, and identifiers.
    for (name, input) in [
        ("@room", "Bram (dm): @room look at this case"),
        ("@everyone", "Bram (dm): @everyone look at this case"),
        ("@here", "Bram (dm): @here look at this case"),
        ("a role mention", "Bram (dm): <@&123456> look at this case"),
    ] {
        rows.push(row(name, "", input, "This is what I received"));
    }
    for (name, input, never) in [
        (
            "a BSN",
            "Bram (dm): Client with BSN 111222333 needs help",
            "111222333",
        ),
        (
            "an IBAN",
            "Bram (dm): Paid from NL91ABNA0417164300 each month",
            "NL91ABNA0417164300",
        ),
        (
            "a phone number",
            "Bram (dm): Call her on 06 12345678",
            "12345678",
        ),
        (
            "an e-mail address",
            "Bram (dm): Mail jan.jansen@example.nl",
            "jan.jansen@example.nl",
        ),
        (
            "a BSN in the thread",
            "Chris: !brug join sw\nChris: Is this BSN 111222333 known?",
            "111222333",
        ),
    ] {
        let never: &'static [&'static str] = Box::leak(Box::new([never]));
        rows.push(Row {
            name,
            setup: "",
            input: input.to_string(),
            expect: "",
            never,
        });
    }
    rows
}

#[test]
fn every_bad_input_gets_a_clear_reaction_and_leaks_nothing() {
    let rows = rows();
    assert!(rows.len() >= 60, "{} rows", rows.len());
    let mut failures = Vec::new();
    for r in &rows {
        let mut run = Run::new("golden-circle", Locale::En, default_people());
        run.feed("Chris: !brug join sw");
        if !r.setup.is_empty() {
            run.feed(r.setup);
        }
        let mut said = Vec::new();
        for line in r.input.lines() {
            said.extend(replies(&mut run, line));
        }
        let said = said.join("\n");
        let writer = r.input.split([':', ' ']).next().unwrap_or_default();
        let transcript = run.transcript();
        let problem = if said.is_empty() {
            Some("no reaction at all".to_string())
        } else if !said.contains(r.expect) {
            Some(format!("expected «{}»", r.expect))
        } else if let Some(n) = r.never.iter().find(|n| transcript.contains(**n)) {
            Some(format!("«{n}» shown"))
        } else if !run.errors().is_empty() {
            Some(format!("rendering errors: {:?}", run.errors()))
        } else if transcript.contains("@everyone") && !r.input.contains("@everyone") {
            Some("a mention of everyone".into())
        } else {
            None
        };
        if let Some(p) = problem {
            let shown: String = said.chars().take(400).collect();
            failures.push(format!("{} ({writer}): {p}; said: {shown}", r.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// Bad files and keys an operator may hand brug: each refused at start-up
/// with where and what is wrong, never half-read.
#[test]
fn bad_flows_configs_and_keys_are_refused_with_what_is_wrong() {
    use brug::flows::{Catalog, Sources};
    let good =
        std::fs::read_to_string(super::support::repo().join("flows/golden-circle.toml")).unwrap();
    let flow_rows: Vec<(&str, String, &str)> = vec![
        (
            "an unknown key",
            good.replacen("version = ", "colour = \"red\"\nversion = ", 1),
            "colour",
        ),
        (
            "not TOML",
            "id = \"x\"\n[[step\n".to_string(),
            "broken.toml:",
        ),
        (
            "an unknown step kind",
            good.replacen("kind = \"intake\"", "kind = \"dance\"", 1),
            "dance",
        ),
        ("an empty file", String::new(), "broken.toml"),
        (
            "a step reference to nothing",
            good.replacen("of = \"circle\"", "of = \"nowhere\"", 1),
            "nowhere",
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, expect) in flow_rows {
        let dir = tempfile::tempdir().unwrap();
        for f in ["professions.toml", "frames.toml", "frames-model.tsv"] {
            std::fs::copy(
                super::support::repo().join("flows").join(f),
                dir.path().join(f),
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("broken.toml"), text).unwrap();
        let sources = Sources::from_dirs(dir.path(), None).unwrap();
        match Catalog::load(&sources) {
            Ok(_) => failures.push(format!("flow with {name}: accepted")),
            Err(errors) => {
                let all = errors.join("\n");
                if !all.contains(expect) || !all.contains("broken.toml") {
                    failures.push(format!("flow with {name}: {all}"));
                }
            }
        }
    }
    for (name, text, expect) in [
        (
            "an unknown key",
            "[store]\npath = \"x\"\ncolour = 1\n",
            "colour",
        ),
        (
            "quiet hours 25-8",
            "[store]\npath = \"x\"\n[defaults]\nquiet_hours = \"25-8\"\n",
            "quiet_hours",
        ),
        (
            "a language brug does not speak",
            "[store]\npath = \"x\"\n[defaults]\nlanguage = \"fr\"\n",
            "fr",
        ),
        ("not TOML", "[store\n", "c.toml"),
    ] {
        match brug::config::Config::parse(text, "c.toml") {
            Ok(_) => failures.push(format!("config with {name}: accepted")),
            Err(e) if e.to_string().contains(expect) => {}
            Err(e) => failures.push(format!("config with {name}: {e}")),
        }
    }
    for (name, text) in [
        ("not hex", "zz".repeat(32)),
        ("too short", "ab".repeat(8)),
        ("empty", String::new()),
    ] {
        match brug::storage::Key::from_hex(&text, "BRUG_STORE_KEY") {
            Ok(_) => failures.push(format!("a key {name}: accepted")),
            Err(e) if e.to_string().contains("64 hex digits") => {}
            Err(e) => failures.push(format!("a key {name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
