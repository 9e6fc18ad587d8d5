//! Client identifiers: each kind found with valid checksums, inside sentences,
//! with spaces, dots and dashes; invalid ones and ordinary numbers left alone;
//! and a round where a case with a BSN is sent: the BSN is in no transcript
//! line, no store file and no log.

use brug::core::pii::{eleven_test, find, mask, Kind};
use std::process::{Command, Stdio};

fn kinds(text: &str) -> Vec<Kind> {
    find(text, 2026).into_iter().map(|h| h.kind).collect()
}

/// Each text must show exactly `kind`, and the masked text must not contain
/// the identifier's digits any more.
fn all_found(kind: Kind, texts: &[&str]) {
    for t in texts {
        assert_eq!(kinds(t), vec![kind], "{t:?}");
        let hits = find(t, 2026);
        let masked = mask(t, &hits);
        assert!(masked.contains(kind.placeholder()), "{masked}");
        let raw = &t[hits[0].span.clone()];
        assert!(!masked.contains(raw), "{masked}");
    }
}

fn none_found(texts: &[&str]) {
    for t in texts {
        assert_eq!(kinds(t), vec![], "{t:?}");
    }
}

#[test]
fn bsn_by_the_eleven_test() {
    assert!(eleven_test("111222333"));
    assert!(eleven_test("123456782"));
    assert!(!eleven_test("123456789"));
    assert!(!eleven_test("000000000"));
    assert!(!eleven_test("12345678"));
    all_found(
        Kind::Bsn,
        &[
            "Haar BSN is 111222333, zegt ze.",
            "bsn: 1234.56.782",
            "BSN 111 222 333 staat in het dossier",
            "citizen service number 123-456-782.",
        ],
    );
    none_found(&[
        "Het nummer 123456789 is geen BSN.",
        "Ze werkt 30 uur en heeft 250 klanten.",
        "Zaaknummer 1234567890 in het systeem.",
    ]);
}

#[test]
fn iban_by_mod_97() {
    all_found(
        Kind::Iban,
        &[
            "Rekening NL91ABNA0417164300 graag.",
            "pay to NL91 ABNA 0417 1643 00 please",
            "rekening nl91abna0417164300.",
            "German account DE89 3704 0044 0532 0130 00 as well",
        ],
    );
    none_found(&[
        "Rekening NL91ABNA0417164301 (een tikfout).",
        "Code AB12 CDEF GHIJ KLMN is iets anders.",
    ]);
}

#[test]
fn phone_numbers_dutch_and_international() {
    all_found(
        Kind::Phone,
        &[
            "Bel haar op 06-12345678 als het kan.",
            "mobile 06 1234 5678.",
            "+31 6 12345678 is her number",
            "0031 6 12345678",
            "Vast nummer 020-1234567, na vijf uur.",
            "(020) 123 45 67",
            "UK: +44 20 7946 0958.",
        ],
    );
    none_found(&[
        "Ze werkt 32 uur per week sinds 2019.",
        "06-1234 is te kort.",
        "Dossier 1234567890.",
    ]);
}

#[test]
fn email_addresses() {
    all_found(
        Kind::Email,
        &[
            "Mail naar j.jansen@example.nl voor afspraken.",
            "her address: Piet_de.Vries+zorg@mail.example.co.uk",
        ],
    );
    none_found(&["@anna:localhost said so", "at the meeting @ 10:00"]);
}

#[test]
fn postcodes_with_a_house_number() {
    all_found(
        Kind::Postcode,
        &[
            "Ze woont op 1234 AB 12.",
            "Adres: Dorpsstraat 12, 1234 AB Ergens",
            "Kerkweg 3a 1234AB",
            "postcode 1234AB, 5",
        ],
    );
    // A postcode without a house number, or a year before a word, passes.
    none_found(&["Ergens in 1234 AB, zei ze.", "In 2019 en 2020 werkte ze."]);
    // The number goes with the postcode: nothing of the address is left.
    for (text, masked) in [
        ("Ze woont op 1234 AB 12.", "Ze woont op [postcode]."),
        (
            "op 1234AB 12a, naast de school",
            "op [postcode], naast de school",
        ),
        (
            "Adres: Dorpsstraat 12, 1234 AB Ergens",
            "Adres: Dorpsstraat [postcode] Ergens",
        ),
        ("Kerkweg 3a 1234AB", "Kerkweg [postcode]"),
        (
            "he lives at 1234 AB, 5 since May",
            "he lives at [postcode] since May",
        ),
    ] {
        assert_eq!(mask(text, &find(text, 2026)), masked, "{text}");
    }
}

#[test]
fn dates_of_birth() {
    all_found(
        Kind::BirthDate,
        &[
            "Hij is geboren op 12-03-1988 in Utrecht.",
            "born 3 March 1990",
            "geb. 12.3.88",
            "DOB: 1988-03-12",
            "Her son (born 01-05-2020) is at school.",
            "De moeder, 14 februari 1985, heeft twee kinderen.",
        ],
    );
    none_found(&[
        "We spreken op 01-12-2026 af.",
        "The review is on 3 December 2026.",
        "Ze werkt sinds 2019.",
        "Gesprek op 31-02-1990 (bestaat niet).",
    ]);
}

#[test]
fn several_kinds_in_one_text_in_order() {
    let t = "Mevrouw J. (BSN 111222333) — mail j@example.nl of bel 06-12345678.";
    assert_eq!(kinds(t), vec![Kind::Bsn, Kind::Email, Kind::Phone]);
    assert_eq!(
        mask(t, &find(t, 2026)),
        "Mevrouw J. (BSN [BSN]) — mail [e-mail] of bel [tel]."
    );
}

/// `brug try golden-circle --store STORE` with `key` as BRUG_STORE_KEY (or
/// none), more environment, and `input` on stdin.
fn try_with_store(
    store: &std::path::Path,
    locale: &str,
    key: Option<&str>,
    env: &[(&str, &str)],
    input: &str,
) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brug"));
    c.args(["try", "golden-circle", "--locale", locale, "--start-at"])
        .arg("2026-12-01T08:00:00Z")
        .arg("--store")
        .arg(store)
        .env_remove("BRUG_STORE_KEY")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(k) = key {
        c.env("BRUG_STORE_KEY", k);
    }
    super::support::feed(c.spawn().unwrap(), input)
}

/// Every file under `dir`, read as bytes.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// A case with a BSN (and more) is sent at intake and then confirmed: the
/// BSN is in no transcript line, no store file and no log line.
#[test]
fn a_bsn_in_a_case_is_never_posted_stored_or_logged() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let input = "\
Bram (dm): Mevrouw J., BSN 111.222.333, geboren 12-03-1988, bel 06-12345678. Ze werkt weer.
Bram (dm): ja
Anna: Wat zegt ze zelf?
Bram: Ze wil haar baan houden; haar nummer is 111222333 trouwens.
Bram: ja
Anna: !brug next
";
    let key = Some(super::support::STORE_KEY);
    let out = try_with_store(&store, "nl", key, &[("RUST_LOG", "trace")], input);
    assert!(out.status.success());
    let transcript = String::from_utf8(out.stdout).unwrap();
    let log = String::from_utf8(out.stderr).unwrap();
    // The case went on, pseudonymised, and the sender was told.
    assert!(transcript.contains("BSN [BSN]"), "{transcript}");
    assert!(
        transcript.contains("Een BSN wordt nooit geplaatst."),
        "{transcript}"
    );
    assert!(
        transcript.contains("nummer is [BSN] trouwens"),
        "{transcript}"
    );
    let forms = ["111222333", "111.222.333", "06-12345678", "12-03-1988"];
    for f in forms {
        assert!(
            !transcript.contains(f),
            "{f} in the transcript:\n{transcript}"
        );
        assert!(!log.contains(f), "{f} in the log:\n{log}");
    }
    let stored = files(&store);
    assert!(!stored.is_empty());
    for (path, bytes) in &stored {
        for f in forms {
            assert!(!contains(bytes, f), "{f} in {}", path.display());
        }
    }
}

/// After a round in a sled store, no answer text is in the store's files in
/// the clear; opening it with another key is refused with a clear message,
/// and without a key `brug try --store` does not start.
#[test]
fn answers_are_sealed_at_rest_and_need_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let script = super::support::script("golden-circle.en.txt");
    let run = |key: Option<&str>, input: &str| try_with_store(&store, "en", key, &[], input);
    // Stop before the end, so the round (and its outbox) is still open.
    let half: String = script.lines().take(12).map(|l| format!("{l}\n")).collect();
    let out = run(Some(super::support::STORE_KEY), &half);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let words = [
        "A mother in her mid-thirties",
        "the family is under strain",
        "work gives people independence",
        "stability at home, childcare arranged",
    ];
    {
        // With the key, the store holds them all.
        let key = brug::storage::Key::from_hex(super::support::STORE_KEY, "test").unwrap();
        let s = brug::storage::SledStore::open(&store, &key).unwrap();
        let r = brug::storage::Store::round(&s, brug::core::ids::RoundId(1))
            .unwrap()
            .unwrap();
        let all: String = r
            .answers
            .iter()
            .flat_map(|a| a.fields.values().cloned())
            .collect();
        assert!(words.iter().all(|w| all.contains(w)), "{all}");
    }
    for (path, bytes) in files(&store) {
        for w in words {
            assert!(
                !contains(&bytes, w),
                "{w:?} in the clear in {}",
                path.display()
            );
        }
    }
    let other = "ff".repeat(32);
    let out = run(Some(&other), "");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("written with another key"), "{err}");
    let out = run(None, "");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no store key: set BRUG_STORE_KEY"), "{err}");
    // The right key goes on where it stopped.
    let out = run(Some(super::support::STORE_KEY), "Anna: !brug status\n");
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("Round #1"));
}
