//! The core stays pure: no async runtime, no storage, no platform, no clock.

use super::support::repo;

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn core_does_no_io_and_reads_no_clock() {
    let mut files = Vec::new();
    rust_files(&repo().join("src/core"), &mut files);
    rust_files(&repo().join("src/frames"), &mut files);
    assert!(files.len() > 5);
    let banned = [
        "tokio",
        "sled",
        "matrix_sdk",
        "serenity",
        "fluent",
        "std::fs",
        "std::net",
        "std::io",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "thread::sleep",
        "rand::",
    ];
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap();
            for b in banned {
                assert!(
                    !code.contains(b),
                    "{}:{}: the core must not use `{b}`",
                    f.display(),
                    i + 1
                );
            }
        }
    }
}

#[test]
fn architecture_md_exists_and_names_the_layers() {
    let text = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    for layer in ["core", "engine", "storage", "platform", "outbox"] {
        assert!(
            text.contains(layer),
            "ARCHITECTURE.md does not mention {layer}"
        );
    }
}
