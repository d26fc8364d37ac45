//! `diary-sort package --set FILE --format scorm12|scorm2004|cmi5 -o OUT.zip [--root DIR]`: a
//! course package an LMS imports. The set is validated first (a set with problems is refused
//! with the validator's messages). The zip holds the manifest at its root (`imsmanifest.xml` for
//! SCORM, `cmi5.xml` for cmi5), the launch page `www/course.html` with its scripts and styles,
//! the module (`pkg/`, built by `scripts/build`) and the set as `www/sets/course.json`, laid out
//! as in the source tree so the pages find each other as they do there.
//!
//! - SCORM 1.2: IMS CP 1.1.2 with the ADL CP 1.2 extension (`adlcp:scormtype="sco"`), the set's
//!   pass mark as `adlcp:masteryscore`.
//! - SCORM 2004 4th Edition: IMS CP 1.1 with ADL CP 1.3 (`adlcp:scormType="sco"`), a primary
//!   objective satisfied by measure with the pass mark as `minNormalizedMeasure`, completion and
//!   success set by the content.
//! - cmi5: a course structure with one AU (`moveOn="CompletedAndPassed"`, `masteryScore` = the
//!   pass mark as 0–1, `launchMethod="AnyWindow"`).

use crate::markup;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use diary_sort::core::set::{self, Set};

use crate::validate;

/// The package's standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// SCORM 1.2.
    Scorm12,
    /// SCORM 2004 4th Edition.
    Scorm2004,
    /// cmi5.
    Cmi5,
}

impl Format {
    /// The format for its command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "scorm12" => Some(Format::Scorm12),
            "scorm2004" => Some(Format::Scorm2004),
            "cmi5" => Some(Format::Cmi5),
            _ => None,
        }
    }
}

/// Options of `package`, parsed by `main`.
#[derive(Debug)]
pub struct Options {
    /// The set file.
    pub set: PathBuf,
    /// The standard.
    pub format: Format,
    /// The zip to write.
    pub out: PathBuf,
    /// Where `www/` and `pkg/` are.
    pub root: PathBuf,
}

/// The launch page, relative to the package's root.
const LAUNCH: &str = "www/course.html";
/// Where the set goes in the package (the launch page's default).
const SET_PATH: &str = "www/sets/course.json";
/// The files of the package besides the set, from the root.
const FILES: &[&str] = &[
    "www/course.html",
    "www/page.css",
    "pkg/widget.css",
    "www/favicon.svg",
    "www/diary-sort.js",
    "www/failure.js",
    "www/parent.js",
    "www/lms/course.js",
    "www/lms/notices.js",
    "www/lms/interaction.js",
    "www/lms/scorm.js",
    "www/lms/xapi.js",
    "www/lms/cmi5.js",
    "pkg/diary_sort.js",
    "pkg/diary_sort_bg.wasm",
];

/// Builds the package; failures are printed to stderr (status 1).
pub fn run(options: &Options) -> ExitCode {
    match build(options) {
        Ok(()) => {
            println!("wrote {}", options.out.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("diary-sort package: {message}");
            ExitCode::FAILURE
        }
    }
}

fn build(options: &Options) -> Result<(), String> {
    let name = options.set.display().to_string();
    let text = validate::read(&options.set).map_err(|p| format!("{name}: {}", p.message))?;
    let set = set::load(&text).map_err(|errors| {
        validate::print_problems(&name, &errors.0);
        format!("{name} has {} problem(s); nothing was written", errors.0.len())
    })?;
    let mut contents = Vec::new();
    for file in FILES {
        let path = options.root.join(file);
        let bytes = std::fs::read(&path).map_err(|e| {
            let hint = if file.starts_with("pkg/") { " (run `bash scripts/build` first)" } else { "" };
            format!("{}: {e}{hint}", path.display())
        })?;
        contents.push((file.to_string(), bytes));
    }
    contents.push((SET_PATH.to_string(), text.into_bytes()));
    let paths: Vec<&str> = contents.iter().map(|(p, _)| p.as_str()).collect();
    let manifest = match options.format {
        Format::Scorm12 => ("imsmanifest.xml", scorm12_manifest(&set, &paths)),
        Format::Scorm2004 => ("imsmanifest.xml", scorm2004_manifest(&set, &paths)),
        Format::Cmi5 => ("cmi5.xml", cmi5_structure(&set)),
    };
    write_zip(&options.out, manifest, &contents).map_err(|e| format!("{}: {e}", options.out.display()))
}

/// Writes the manifest first, then the files, deflated.
fn write_zip(out: &Path, manifest: (&str, String), contents: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out)?);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(manifest.0, deflated)?;
    zip.write_all(manifest.1.as_bytes())?;
    for (path, bytes) in contents {
        zip.start_file(path.as_str(), deflated)?;
        zip.write_all(bytes)?;
    }
    zip.finish()?;
    Ok(())
}

/// The `<file href>` lines of the resource.
fn file_list(paths: &[&str]) -> String {
    paths.iter().map(|p| format!("      <file href=\"{}\"/>\n", markup::escape(p))).collect()
}

/// The manifest's identifier: an XML ID from the set's id (letters, digits, `-`, `_`).
fn identifier(set: &Set) -> String {
    format!("diary-sort-{}", set.file.id)
}

/// SCORM 1.2's imsmanifest.xml.
pub fn scorm12_manifest(set: &Set, paths: &[&str]) -> String {
    let title = markup::escape(&set.file.title);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>{title}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">
{files}    </resource>
  </resources>
</manifest>
"#,
        id = identifier(set),
        pass = set.file.settings.pass_mark,
        files = file_list(paths),
    )
}

/// SCORM 2004 4th Edition's imsmanifest.xml.
pub fn scorm2004_manifest(set: &Set, paths: &[&str]) -> String {
    let title = markup::escape(&set.file.title);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>{title}</title>
      <item identifier="item" identifierref="sco">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{pass}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="{LAUNCH}">
{files}    </resource>
  </resources>
</manifest>
"#,
        id = identifier(set),
        pass = fraction(set.file.settings.pass_mark),
        files = file_list(paths),
    )
}

/// A percentage as a fraction of one: 60 → `0.6`, 100 → `1`, 0 → `0`.
fn fraction(percent: u8) -> String {
    match percent {
        100 => "1".into(),
        p if p % 10 == 0 => format!("0.{}", p / 10),
        p => format!("0.{p:02}"),
    }
}

/// cmi5's course structure (cmi5.xml) with one AU.
pub fn cmi5_structure(set: &Set) -> String {
    let lang = set.file.lang.code();
    let title = markup::escape(&set.file.title);
    let description = markup::escape(set.file.intro.split("\n\n").next().unwrap_or_default());
    let base = format!("https://w3id.org/xapi/diary-sort/sets/{}", set.file.id);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="{base}">
    <title><langstring lang="{lang}">{title}</langstring></title>
    <description><langstring lang="{lang}">{description}</langstring></description>
  </course>
  <au id="{base}/au" moveOn="CompletedAndPassed" masteryScore="{pass}" launchMethod="AnyWindow">
    <title><langstring lang="{lang}">{title}</langstring></title>
    <description><langstring lang="{lang}">{description}</langstring></description>
    <url>{LAUNCH}</url>
  </au>
</courseStructure>
"#,
        pass = fraction(set.file.settings.pass_mark),
    )
}
