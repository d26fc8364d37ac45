//! `diary-sort package` as an instructor runs it: the zip's entries, each manifest's contents for
//! its standard, and a bad set refused with the validator's messages (and no zip written).
//! The files come from a copy of `www/` and a stand-in `pkg/` in a temporary root, so these tests

//! do not need the wasm build.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::ROOT;

/// A temporary root with the repository's `www/` and a stand-in `pkg/`.
fn root(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("diary-sort-package-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&Path::new(ROOT).join("www"), &dir.join("www"));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/diary_sort.js"), "export default async function init() {}\n").unwrap();
    std::fs::write(dir.join("pkg/diary_sort_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("pkg/widget.css"), ".diary-sort{}\n").unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `package` with `set`, `format` into `root`/out.zip: (status, stdout + stderr, zip path).
fn package(root: &Path, set: &str, format: &str) -> (i32, String, PathBuf) {
    let out = root.join("out.zip");
    let run = Command::new(env!("CARGO_BIN_EXE_diary-sort"))
        .args(["package", "--set", set, "--format", format, "-o"])
        .arg(&out)
        .arg("--root")
        .arg(root)
        .current_dir(ROOT)
        .output()
        .expect("runs");
    let text = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    (run.status.code().unwrap_or(-1), text, out)
}

/// The zip's entry names, in order, and the text of `file`.
fn read_zip(zip: &Path, file: &str) -> (Vec<String>, String) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let mut text = String::new();
    archive.by_name(file).unwrap().read_to_string(&mut text).unwrap();
    (names, text)
}

const FILES: &[&str] = &[
    "www/course.html",
    "www/page.css",
    "pkg/widget.css",
    "www/diary-sort.js",
    "www/lms/course.js",
    "www/lms/scorm.js",
    "www/lms/xapi.js",
    "www/lms/cmi5.js",
    "pkg/diary_sort.js",
    "pkg/diary_sort_bg.wasm",
    "www/sets/course.json",
];

#[test]
fn scorm12_package_has_a_1_2_manifest_the_launch_page_and_every_file() {
    let dir = root("scorm12");
    let (code, out, zip) = package(&dir, "www/sets/snijders-nl.json", "scorm12");
    assert_eq!(code, 0, "{out}");
    let (names, manifest) = read_zip(&zip, "imsmanifest.xml");
    assert_eq!(names[0], "imsmanifest.xml", "the manifest at the root, first");
    for file in FILES {
        assert!(names.iter().any(|n| n == file), "{file} in {names:?}");
        if !file.starts_with("pkg/") && *file != "www/sets/course.json" {
            assert!(manifest.contains(&format!("<file href=\"{file}\"/>")), "{file} listed in the manifest");
        }
    }
    for part in [
        "xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"",
        "xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"",
        "<schemaversion>1.2</schemaversion>",
        "adlcp:scormtype=\"sco\" href=\"www/course.html?scorm=1.2\"",
        "<adlcp:masteryscore>60</adlcp:masteryscore>",
        "<title>Eenzaam of geatomiseerd?",
    ] {
        assert!(manifest.contains(part), "{part} in\n{manifest}");
    }
    // No schema the package does not ship is referenced.
    assert!(!manifest.contains("schemaLocation"), "{manifest}");
    let (_, set) = read_zip(&zip, "www/sets/course.json");
    assert_eq!(set, std::fs::read_to_string(Path::new(ROOT).join("www/sets/snijders-nl.json")).unwrap(), "the set as written");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn scorm2004_package_has_a_4th_edition_manifest_with_the_pass_mark_as_objective() {
    let dir = root("scorm2004");
    let (code, out, zip) = package(&dir, "www/sets/snijders-en.json", "scorm2004");
    assert_eq!(code, 0, "{out}");
    let (_, manifest) = read_zip(&zip, "imsmanifest.xml");
    for part in [
        "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"",
        "xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"",
        "xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"",
        "<schemaversion>2004 4th Edition</schemaversion>",
        "adlcp:scormType=\"sco\" href=\"www/course.html?scorm=2004\"",
        "<imsss:primaryObjective objectiveID=\"pass-mark\" satisfiedByMeasure=\"true\">",
        "<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>",
        "completionSetByContent=\"true\" objectiveSetByContent=\"true\"",
    ] {
        assert!(manifest.contains(part), "{part} in\n{manifest}");
    }
    // No schema the package does not ship is referenced.
    assert!(!manifest.contains("schemaLocation"), "{manifest}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cmi5_package_has_a_course_structure_with_one_au() {
    let dir = root("cmi5");
    let (code, out, zip) = package(&dir, "tests/fixtures/mini.json", "cmi5");
    assert_eq!(code, 0, "{out}");
    let (names, structure) = read_zip(&zip, "cmi5.xml");
    assert!(!names.iter().any(|n| n == "imsmanifest.xml"));
    for part in [
        "<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">",
        "<course id=\"https://w3id.org/xapi/diary-sort/sets/mini\">",
        "moveOn=\"CompletedAndPassed\" masteryScore=\"0.6\" launchMethod=\"AnyWindow\"",
        "<url>www/course.html</url>",
        "<langstring lang=\"en\">Mini set</langstring>",
        "<langstring lang=\"en\">A tiny set for tests.</langstring>",
    ] {
        assert!(structure.contains(part), "{part} in\n{structure}");
    }
    assert_eq!(structure.matches("<au ").count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_set_is_refused_with_the_validators_messages_and_nothing_is_written() {
    let dir = root("bad");
    let bad = dir.join("bad.json");
    let text =
        include_str!("../../../tests/fixtures/mini.json").replacen("\"criterion\": \"propaganda\"", "\"criterion\": \"propagand\"", 1);
    std::fs::write(&bad, text).unwrap();
    let (code, out, zip) = package(&dir, bad.to_str().unwrap(), "scorm12");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("criterion `propagand` does not exist; did you mean `propaganda`?"), "{out}");
    assert!(out.contains("1 problem(s); nothing was written"), "{out}");
    assert!(!zip.exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_module_names_the_build_step_and_an_unknown_format_is_a_usage_error() {
    let dir = root("nopkg");
    std::fs::remove_dir_all(dir.join("pkg")).unwrap();
    let (code, out, _) = package(&dir, "tests/fixtures/mini.json", "scorm12");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("run `bash scripts/build` first"), "{out}");
    let (code, out, _) = package(&dir, "tests/fixtures/mini.json", "scorm3");
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("invalid value 'scorm3' for '--format <FORMAT>'"), "{out}");
    assert!(out.contains("[possible values: scorm12, scorm2004, cmi5]"), "the choices: {out}");
    std::fs::remove_dir_all(&dir).ok();
}
