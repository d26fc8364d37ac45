# shellcheck shell=bash
# Shared by scripts/*: strict mode, repo root, PATH, pinned tool versions, logging.
# Source it; do not run it.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

# cargo-installed tools (wasm-bindgen) live here; CI's PATH may not have it.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Exact pins. wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="0.2.130"
WASM_TARGET="wasm32-unknown-unknown"
BROWSER_DIR="$REPO_ROOT/tests/browser"
CARGO_TARGET="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
# Ralph, the Learning Record Store of the tests, in a virtual environment of its own; the tests
# find it there (tests/browser/ralph.mjs) unless RALPH_VENV says otherwise.
RALPH_VERSION="5.1.0"
export RALPH_VENV="${RALPH_VENV:-$CARGO_TARGET/ralph-venv}"

# Browser test settings: Debian's chromium and chromedriver.
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
