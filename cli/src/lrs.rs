//! `report --lrs URL`: reads the answers from a Learning Record Store (any xAPI 1.0.3 LRS) with
//! `GET statements`, page by page along each page's `more` link. Each page is read into
//! [`Answers`] and dropped before the next is asked for, so memory holds one page of JSON and the
//! answers read so far, however many statements the LRS keeps.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use diary_sort_cli::answers::{self, Answers};

use crate::validate::print_problems;

/// Where the statements are and who may read them (`report`'s LRS options; none without --lrs).
#[derive(Debug, clap::Args)]
pub struct Source {
    /// Read the statements from this Learning Record Store: its xAPI endpoint, such as
    /// https://lrs.example.org/xAPI/ (GET statements, then each page's `more` link).
    #[arg(long = "lrs", value_name = "URL", requires_all = ["user", "password"])]
    pub endpoint: Option<String>,
    /// The LRS's Basic auth user (its key).
    #[arg(long, value_name = "U", requires = "endpoint")]
    pub user: Option<String>,
    /// The LRS's Basic auth password (its secret).
    #[arg(long, value_name = "P", requires = "endpoint")]
    pub password: Option<String>,
    /// Only the statements the LRS stored since this time (ISO 8601, e.g. 2026-09-01T00:00:00Z).
    #[arg(long, value_name = "T", requires = "endpoint")]
    pub since: Option<String>,
}

/// What reading took.
pub struct Read {
    /// Pages asked for.
    pub pages: usize,
}

/// A page larger than this is refused (an LRS's pages are some hundreds of statements).
const PAGE_LIMIT: u64 = 256 * 1024 * 1024;
/// How long one page may take, from the request to the last byte.
const PAGE_TIMEOUT: Duration = Duration::from_secs(300);

/// Reads every statement of `source` (about `activity`, when given) into `into`. A problem in a
/// page is printed as `URL:LINE:COL: PATH: message`; the error says what went wrong.
pub fn read(source: &Source, activity: Option<&str>, into: &mut Answers) -> Result<Read, String> {
    let given = source.endpoint.as_deref().unwrap_or_default();
    let endpoint = if given.ends_with('/') { given.to_string() } else { format!("{given}/") };
    let origin = origin(&endpoint).ok_or_else(|| format!("--lrs: `{given}` is not an http:// or https:// address"))?;
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(PAGE_TIMEOUT)).build().into();
    let credentials = format!("{}:{}", source.user.as_deref().unwrap_or_default(), source.password.as_deref().unwrap_or_default());
    let auth = format!("Basic {}", BASE64.encode(credentials));
    let mut url = format!("{endpoint}statements");
    let mut since = source.since.as_deref();
    let mut pages = 0;
    loop {
        let mut request =
            agent.get(&url).header("Authorization", &auth).header("X-Experience-API-Version", "1.0.3").header("Accept", "application/json");
        if let Some(since) = since.take() {
            request = request.query("since", since);
        }
        let mut response = request.call().map_err(|e| format!("{url}: {e}"))?;
        let status = response.status();
        let text = response.body_mut().with_config().limit(PAGE_LIMIT).read_to_string().map_err(|e| format!("{url}: {e}"))?;
        if !status.is_success() {
            let said: String = text.chars().take(300).collect();
            let hint = if status.as_u16() == 401 || status.as_u16() == 403 { " (check --user and --password)" } else { "" };
            return Err(format!("{url}: the LRS answered {status}{hint}: {said}"));
        }
        pages += 1;
        match answers::read_page(&text, activity, into) {
            Ok(Some(more)) => url = next_page(&origin, &more).ok_or_else(|| format!("{url}: the next page `{more}` is not on the LRS"))?,
            Ok(None) => return Ok(Read { pages }),
            Err(problems) => {
                print_problems(&url, &problems);
                return Err(format!("{url}: the LRS's page has problems"));
            }
        }
    }
}

/// `scheme://host[:port]` of an http(s) address.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// The address of the next page: `more` is relative to the LRS's origin (xAPI 1.0.3, 2.1.3);
/// an absolute one must be on the same origin, since the credentials go with it.
fn next_page(origin: &str, more: &str) -> Option<String> {
    if more.starts_with('/') {
        return Some(format!("{origin}{more}"));
    }
    (self::origin(more).as_deref() == Some(origin)).then(|| more.to_string())
}

#[cfg(test)]
mod tests {
    use super::{next_page, origin};

    #[test]
    fn the_next_page_stays_on_the_lrs() {
        let o = origin("https://lrs.example.org:8443/data/xAPI/").unwrap();
        assert_eq!(o, "https://lrs.example.org:8443");
        assert_eq!(
            next_page(&o, "/data/xAPI/statements?more=2").as_deref(),
            Some("https://lrs.example.org:8443/data/xAPI/statements?more=2")
        );
        assert_eq!(next_page(&o, "https://lrs.example.org:8443/x?p=3").as_deref(), Some("https://lrs.example.org:8443/x?p=3"));
        assert_eq!(next_page(&o, "https://elsewhere.example.org/x"), None, "credentials go to the LRS only");
        assert_eq!(origin("ftp://lrs.example.org/"), None);
    }
}
