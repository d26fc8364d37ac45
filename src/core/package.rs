//! A course package, as an LMS imports it: which files it holds, in which order, and its manifest
//! for each standard. One implementation for the two that make packages, so theirs are the same:
//! `diary-sort package` (which reads the files from disk and zips them) and the set editor's
//! "Download for an LMS" (the module's `coursePackage`; the page fetches the files from its
//! server and zips them in the browser).
//!
//! The zip holds the manifest at its root (`imsmanifest.xml` for SCORM, `cmi5.xml` for cmi5),
//! then the launch page `www/course.html` with its scripts and styles and the module (`pkg/`),
//! laid out as in the source tree so the pages find each other as they do there, and last the
//! set as `www/sets/course.json`.
//!
//! - SCORM 1.2: IMS CP 1.1.2 with the ADL CP 1.2 extension (`adlcp:scormtype="sco"`), the set's
//!   pass mark as `adlcp:masteryscore`.
//! - SCORM 2004 4th Edition: IMS CP 1.1 with ADL CP 1.3 (`adlcp:scormType="sco"`), a primary
//!   objective satisfied by measure with the pass mark as `minNormalizedMeasure`, completion and
//!   success set by the content.
//! - Both SCORM versions launch `course.html?scorm=VERSION`: the page then talks to its own
//!   version's API only (an LMS page may offer both). No `xsi:schemaLocation`: the schemas are
//!   not in the package, and LMSs read the manifest without them.
//! - cmi5: a course structure with one AU (`moveOn="CompletedAndPassed"`, `masteryScore` = the
//!   pass mark as 0–1, `launchMethod="AnyWindow"`).

use std::str::FromStr;

use crate::core::markup::escape;
use crate::core::set::Set;

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

/// A format name that is none of `scorm12`, `scorm2004`, `cmi5`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is none of scorm12, scorm2004, cmi5")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// The format for its name: `scorm12`, `scorm2004` or `cmi5`.
    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        match name {
            "scorm12" => Ok(Format::Scorm12),
            "scorm2004" => Ok(Format::Scorm2004),
            "cmi5" => Ok(Format::Cmi5),
            _ => Err(UnknownFormat(name.to_string())),
        }
    }
}

impl Format {
    /// Every format's name, as [`str::parse`] reads it.
    pub const NAMES: [&'static str; 3] = ["scorm12", "scorm2004", "cmi5"];

    /// Where the manifest goes: the package's root.
    pub fn manifest_path(self) -> &'static str {
        match self {
            Format::Scorm12 | Format::Scorm2004 => "imsmanifest.xml",
            Format::Cmi5 => "cmi5.xml",
        }
    }
}

/// The launch page, relative to the package's root.
pub const LAUNCH: &str = "www/course.html";
/// Where the set goes in the package (the launch page's default).
pub const SET_PATH: &str = "www/sets/course.json";
/// The package's files besides the manifest and the set, as they are in the source tree (and
/// on a server of `www/` and `pkg/`), in the zip's order.
pub const FILES: &[&str] = &[
    "www/course.html",
    "www/page.css",
    "pkg/widget.css",
    "www/favicon.svg",
    "www/diary-sort.js",
    "www/failure.js",
    "www/lang.js",
    "www/parent.js",
    "www/lms/course.js",
    "www/lms/notices.js",
    "www/lms/backoff.js",
    "www/lms/interaction.js",
    "www/lms/scorm.js",
    "www/lms/xapi.js",
    "www/lms/cmi5.js",
    "pkg/diary_sort.js",
    "pkg/diary_sort_bg.wasm",
];

/// One entry of the zip: where it goes, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The manifest, written here.
    Manifest {
        /// Its path in the zip.
        path: &'static str,
        /// Its text.
        text: String,
    },
    /// One of [`FILES`], copied as it is.
    File(&'static str),
    /// The set's text, at [`SET_PATH`].
    Set,
}

impl Entry {
    /// The entry's path in the zip.
    pub fn path(&self) -> &'static str {
        match self {
            Entry::Manifest { path, .. } => path,
            Entry::File(path) => path,
            Entry::Set => SET_PATH,
        }
    }
}

/// The zip's entries in order: the manifest of `set` for `format`, then [`FILES`], then the set.
pub fn entries(set: &Set, format: Format) -> Vec<Entry> {
    let manifest = match format {
        Format::Scorm12 => scorm12_manifest(set),
        Format::Scorm2004 => scorm2004_manifest(set),
        Format::Cmi5 => cmi5_structure(set),
    };
    let mut entries = vec![Entry::Manifest { path: format.manifest_path(), text: manifest }];
    entries.extend(FILES.iter().copied().map(Entry::File));
    entries.push(Entry::Set);
    entries
}

/// The `<file href>` lines of the SCORM resource: every file but the manifest.
fn file_list() -> String {
    FILES.iter().chain([&SET_PATH]).map(|p| format!("      <file href=\"{}\"/>\n", escape(p))).collect()
}

/// The manifest's identifier: an XML ID from the set's id (letters, digits, `-`, `_`).
fn identifier(set: &Set) -> String {
    format!("diary-sort-{}", set.file.id)
}

/// SCORM 1.2's imsmanifest.xml.
fn scorm12_manifest(set: &Set) -> String {
    let title = escape(&set.file.title);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
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
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}?scorm=1.2">
{files}    </resource>
  </resources>
</manifest>
"#,
        id = identifier(set),
        pass = set.file.settings.pass_mark,
        files = file_list(),
    )
}

/// SCORM 2004 4th Edition's imsmanifest.xml.
fn scorm2004_manifest(set: &Set) -> String {
    let title = escape(&set.file.title);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
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
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="{LAUNCH}?scorm=2004">
{files}    </resource>
  </resources>
</manifest>
"#,
        id = identifier(set),
        pass = fraction(set.file.settings.pass_mark),
        files = file_list(),
    )
}

/// A percentage as a fraction of one: 60 → `0.6`, 100 → `1`, 0 → `0`.
fn fraction(percent: u8) -> String {
    match percent {
        0 => "0".into(),
        100 => "1".into(),
        p if p % 10 == 0 => format!("0.{}", p / 10),
        p => format!("0.{p:02}"),
    }
}

/// cmi5's course structure (cmi5.xml) with one AU.
fn cmi5_structure(set: &Set) -> String {
    let lang = set.file.lang.code();
    let title = escape(&set.file.title);
    let description = escape(set.file.intro.split("\n\n").next().unwrap_or_default());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip_and_others_are_refused() {
        assert_eq!("scorm12".parse(), Ok(Format::Scorm12));
        assert_eq!("scorm2004".parse(), Ok(Format::Scorm2004));
        assert_eq!("cmi5".parse(), Ok(Format::Cmi5));
        assert_eq!(Format::NAMES.map(|name| name.parse::<Format>().is_ok()), [true; 3]);
        let refused = "scorm".parse::<Format>().unwrap_err();
        assert_eq!(refused.to_string(), "`scorm` is none of scorm12, scorm2004, cmi5");
    }

    #[test]
    fn fractions_of_pass_marks() {
        assert_eq!(fraction(0), "0");
        assert_eq!(fraction(5), "0.05");
        assert_eq!(fraction(60), "0.6");
        assert_eq!(fraction(75), "0.75");
        assert_eq!(fraction(100), "1");
    }
}
