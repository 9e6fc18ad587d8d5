//! Crash recovery of the real binary: `brug try --store DIR` killed with
//! SIGKILL mid-round, or aborted between committing and sending, continues
//! where it stopped — same record, no message twice, no answer lost.

use super::support::{repo, script};
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const START: &str = "2026-12-01T08:00:00Z";

fn brug(store: &std::path::Path, env: &[(&str, &str)]) -> Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brug"));
    c.args([
        "try",
        "golden-circle",
        "--locale",
        "en",
        "--start-at",
        START,
        "--store",
    ])
    .arg(store)
    .current_dir(repo())
    .env("BRUG_STORE_KEY", super::support::STORE_KEY)
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    c.spawn().unwrap()
}

/// Runs to the end of `input` and returns stdout.
fn run(store: &std::path::Path, input: &str, env: &[(&str, &str)]) -> (String, bool) {
    let out = super::support::feed(brug(store, env), input);
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

fn reference(input: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (out, ok) = run(dir.path(), input, &[]);
    assert!(ok);
    out
}

/// Waits until the process sits in `read(0, …)`: it has handled and delivered
/// everything it was sent and waits for more — so the kill lands between two
/// chat messages, as a crash of a real bot would between two events.
fn wait_until_reading_stdin(pid: u32) {
    #[cfg(target_arch = "x86_64")]
    const READ: &str = "0 0x0 ";
    #[cfg(target_arch = "aarch64")]
    const READ: &str = "63 0x0 ";
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let s = std::fs::read_to_string(format!("/proc/{pid}/syscall")).unwrap_or_default();
        if s.starts_with(READ) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the child never waited for input: {s}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn sigkill_mid_round_then_restart_gives_the_same_transcript() {
    let full = script("golden-circle.en.txt");
    let all: Vec<&str> = full.lines().collect();
    let whole = reference(&full);
    // Kill after these many script lines (mid-way through the blind circle step).
    let cut = all
        .iter()
        .position(|l| l.starts_with("Chris (dm): Why"))
        .unwrap()
        + 1;
    let (first, rest) = (all[..cut].join("\n") + "\n", all[cut..].join("\n") + "\n");
    let expect_first = reference(&first);

    let dir = tempfile::tempdir().unwrap();
    let mut child = brug(dir.path(), &[]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(first.as_bytes()).unwrap();
    stdin.flush().unwrap();
    // Wait until the child has answered everything it was sent, then kill it
    // while its stdin is still open (it is waiting for more).
    let mut stdout = child.stdout.take().unwrap();
    let mut got = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut buf = [0u8; 4096];
    while got.len() < expect_first.len() {
        assert!(Instant::now() < deadline, "child did not answer in time");
        let n = stdout.read(&mut buf).unwrap();
        assert!(n > 0, "child exited early");
        got.extend_from_slice(&buf[..n]);
    }
    wait_until_reading_stdin(child.id());
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    drop(stdin);
    let got = String::from_utf8(got).unwrap();
    assert_eq!(got, expect_first);

    let (second, ok) = run(dir.path(), &rest, &[]);
    assert!(ok);
    let combined = format!("{got}{second}");
    assert_eq!(
        lines(&combined),
        lines(&whole),
        "restart changed the transcript"
    );
    assert!(combined.contains("Round #1 is closed."));
}

#[test]
fn abort_between_commit_and_send_replays_the_outbox_once() {
    let full = script("golden-circle.en.txt");
    let all: Vec<&str> = full
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let whole = reference(&full);
    // Deliveries: 1 = outbox replay at start, 2 = the round's opening, then one
    // per script line. Abort at the 4th: the owner's `yes`, whose commit posts
    // the case; the process dies before sending any of it.
    let (partial, ok) = run(
        tempfile::tempdir().unwrap().path(),
        &full,
        &[("BRUG_FAULT_ABORT_AFTER", "0")],
    );
    assert!(ok, "a limit of 0 never aborts");
    assert_eq!(partial, whole);

    let dir = tempfile::tempdir().unwrap();
    let (first, ok) = run(dir.path(), &full, &[("BRUG_FAULT_ABORT_AFTER", "4")]);
    assert!(!ok, "the process aborted");
    assert!(
        !first.contains("The case, brought in by"),
        "nothing of the aborted commit was sent"
    );
    // The platform would not deliver the same chat line twice: go on after it.
    let rest = all[2..].join("\n") + "\n";
    let (second, ok) = run(dir.path(), &rest, &[]);
    assert!(ok);
    let combined = format!("{first}{second}");
    assert_eq!(lines(&combined), lines(&whole));
    assert_eq!(combined.matches("The case, brought in by Bram").count(), 1);
}

/// The crash tests arm faults in the real binary; without the feature they
/// would pass for the wrong reason, so the suite refuses to run without it.
#[cfg(not(feature = "fault-injection"))]
#[test]
fn fault_injection_is_built_in() {
    panic!("run the tests as the README says: cargo test --features fault-injection");
}
