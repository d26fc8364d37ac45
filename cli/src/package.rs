//! `diary-sort package --set FILE --format scorm12|scorm2004|cmi5 -o OUT.zip [--root DIR]`: a
//! course package an LMS imports. The set is validated first (a set with problems is refused
//! with the validator's messages). What the zip holds, in which order, and each standard's
//! manifest are the core's ([`diary_sort::core::package`], which the set editor's "Download for
//! an LMS" uses too); this command reads the files from `--root` and writes the zip.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser as _};

use diary_sort::core::package::{self, Entry, Format};
use diary_sort::core::set;

use crate::validate;

/// Options of `package`.
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The set file.
    #[arg(long, value_name = "FILE")]
    pub set: PathBuf,
    /// The standard.
    #[arg(long, value_parser = PossibleValuesParser::new(Format::NAMES).try_map(|name| name.parse::<Format>()))]
    pub format: Format,
    /// The zip to write.
    #[arg(short, long, value_name = "OUT.zip")]
    pub out: PathBuf,
    /// The folder holding www/ and pkg/: the current directory when it has a www/ folder, else
    /// the source tree this tool was built from.
    #[arg(long, value_name = "DIR", default_value_os_t = crate::default_root(), hide_default_value = true)]
    pub root: PathBuf,
}

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
    for entry in package::entries(&set, options.format) {
        let path = entry.path();
        let bytes = match entry {
            Entry::Manifest { text, .. } => text.into_bytes(),
            Entry::File(file) => {
                let on_disk = options.root.join(file);
                std::fs::read(&on_disk).map_err(|e| {
                    let hint = if file.starts_with("pkg/") { " (run `bash scripts/build` first)" } else { "" };
                    format!("{}: {e}{hint}", on_disk.display())
                })?
            }
            Entry::Set => text.as_bytes().to_vec(),
        };
        contents.push((path, bytes));
    }
    write_zip(&options.out, &contents).map_err(|e| format!("{}: {e}", options.out.display()))
}

/// Writes the entries in their order, deflated.
fn write_zip(out: &Path, contents: &[(&str, Vec<u8>)]) -> std::io::Result<()> {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out)?);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (path, bytes) in contents {
        zip.start_file(*path, deflated)?;
        zip.write_all(bytes)?;
    }
    zip.finish()?;
    Ok(())
}
