//! Every sentence the Rust side shows a user lives in the message catalogue
//! (`crates/core/src/i18n`): this test reads the Rust sources and fails on a Norwegian sentence
//! or a language switch (`if nb`) anywhere else, so a new text goes into the catalogue, where
//! it is written in Bokmål, Nynorsk and English side by side.

use std::path::{Path, PathBuf};

/// Files that may hold Norwegian text that is not a message: the demo program's data and the
/// Typst copy of the card layout that the print benchmark measures against.
const DATA: &[&str] = &[
    "crates/store/src/demo.rs",
    "crates/cli/src/bench.rs",
    "crates/core/src/languages.rs",
    "crates/core/src/letters/texts.rs",
];

/// Files whose texts are still to be moved into the catalogue (the command line's answers).
/// The test fails when one of them no longer needs to be here, so the list only shrinks.
const NOT_YET: &[&str] = &[];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !matches!(name, "tests" | "target" | "i18n" | "node_modules") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            // Test modules in their own files (`role_tests.rs`) are read by nobody but tests.
            && !path.to_string_lossy().ends_with("tests.rs")
        {
            out.push(path);
        }
    }
}

/// Whether a string literal reads as a Norwegian sentence: several words, with a Norwegian
/// letter or one of the commonest Bokmål words.
fn norwegian_sentence(literal: &str) -> bool {
    let words: Vec<&str> = literal.split_whitespace().collect();
    words.len() >= 2
        && (literal.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
            || words.iter().any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphabetic()),
                    "ikke" | "og" | "er" | "kan" | "til" | "med" | "kortet" | "må"
                )
            }))
}

/// The lines before the file's tests that hold user-facing text outside the catalogue.
fn offending_lines(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        // A test module ends what is read; a single test-only item does not.
        let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
        if code.starts_with("#[cfg(test)]")
            && next.is_some_and(|l| l.trim_start().starts_with("mod "))
        {
            break;
        }
        if code.starts_with("//") || line.contains("// not a sentence") {
            continue;
        }
        let switch = code.contains("if nb") || code.contains("let nb =");
        let sentence = code.split('"').skip(1).step_by(2).any(norwegian_sentence);
        if switch || sentence {
            found.push(format!("{}: {}", i + 1, line.trim()));
        }
    }
    found
}

#[test]
fn no_user_facing_text_outside_the_catalogue() {
    let root = root();
    let mut files = Vec::new();
    for dir in ["crates", "src-tauri/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "found only {} Rust files", files.len());
    let mut problems = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        if DATA.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let lines = offending_lines(&text);
        match (NOT_YET.contains(&rel.as_str()), lines.is_empty()) {
            (false, false) => problems.push(format!("{rel}:\n  {}", lines.join("\n  "))),
            (true, true) => problems.push(format!("{rel} is clean: take it off NOT_YET")),
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "user-facing text outside crates/core/src/i18n:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_sees_a_sentence_and_a_language_switch() {
    assert_eq!(
        offending_lines("let m = \"Filen kunne ikke leses\";\nlet ok = \"fornavn\";").len(),
        1
    );
    assert_eq!(offending_lines("if nb { a } else { b }").len(), 1);
    assert!(offending_lines("// Kortet er personlig og gjelder kortholderen.").is_empty());
    assert!(
        offending_lines("#[cfg(test)]\nmod tests {\nlet m = \"Kortet er personlig\";").is_empty()
    );
    assert_eq!(
        offending_lines("#[cfg(test)]\nfn f() {}\nlet m = \"Kortet er personlig\";").len(),
        1
    );
}
