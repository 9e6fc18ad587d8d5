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

/// Adapters never hold the store: they read routes through `edge::RouteView`
/// and hand receipts back, so the engine stays the only writer.
#[test]
fn platform_adapters_do_not_touch_storage() {
    let mut files = Vec::new();
    rust_files(&repo().join("src/platform"), &mut files);
    assert!(files.len() >= 3);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap();
            for banned in ["storage", "Store", "sled"] {
                assert!(
                    !code.contains(banned),
                    "{}:{}: a platform adapter must not use `{banned}`",
                    f.display(),
                    i + 1
                );
            }
        }
    }
}

/// The code a newcomer opens stays readable.
#[test]
fn no_source_file_is_over_500_lines() {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    rust_files(&repo().join("fake-discord/src"), &mut files);
    for f in files {
        let n = std::fs::read_to_string(&f).unwrap().lines().count();
        assert!(
            n <= 520,
            "{} has {n} lines: split it by responsibility",
            f.display()
        );
    }
}
