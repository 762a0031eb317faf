//! The build of Opplevelseskort, for the build scripts of the app and of `okort`: the commit it
//! was built from and that commit's date, from git, as `OKORT_BUILD` ("3f2a9c1e04 2026-12-02"),
//! so `okort --version` and the app's About say which build runs. A build outside a git clone
//! (a source tarball) says "unknown" unless `OKORT_BUILD` is set for it.

use std::path::Path;
use std::process::Command;

/// The build as git tells it in `repo`, or `None` outside a clone (or without git).
pub fn describe(repo: &Path) -> Option<String> {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let commit = git(&["rev-parse", "--short=10", "HEAD"])?;
    let date = git(&["log", "-1", "--format=%cs", "HEAD"]).unwrap_or_default();
    Some(format!("{commit} {date}").trim().to_string())
}

/// Called from a build script in the workspace: sets `OKORT_BUILD` for the crate and reruns
/// the script when the checked-out commit changes.
pub fn emit() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let crate_dir = Path::new(&manifest);
    // The clone's .git, found upwards from the crate (src-tauri or crates/cli).
    if let Some(git_dir) = crate_dir
        .ancestors()
        .map(|d| d.join(".git"))
        .find(|g| g.exists())
    {
        for watched in ["HEAD", "refs/heads", "packed-refs"] {
            let path = git_dir.join(watched);
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
    println!("cargo:rerun-if-env-changed=OKORT_BUILD");
    let build = std::env::var("OKORT_BUILD")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .or_else(|| describe(crate_dir))
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=OKORT_BUILD={build}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_describes_its_commit_and_a_plain_folder_nothing() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        if here.join(".git").exists() {
            let build = describe(&here).expect("a clone");
            let commit = build.split(' ').next().expect("commit");
            assert_eq!(commit.len(), 10, "{build}");
            assert!(commit.chars().all(|c| c.is_ascii_hexdigit()), "{build}");
        }
        let plain = std::env::temp_dir().join(format!("okort-no-git-{}", std::process::id()));
        std::fs::create_dir_all(&plain).expect("dir");
        assert_eq!(describe(&plain), None);
        let _ = std::fs::remove_dir(&plain);
    }
}
