#!/usr/bin/env bash
# Installs what Opplevelseskort needs on Debian/Ubuntu and is missing: system packages for
# Tauri and the tests (perl and make also build the OpenSSL that SQLCipher uses), the UI's
# npm packages, and tauri-driver for the end-to-end tests.
# Safe to run again: it only installs what is not there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential perl pkg-config libssl-dev file curl libwebkit2gtk-4.1-dev
  libjavascriptcoregtk-4.1-dev libsoup-3.0-dev libgtk-3-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev xvfb xauth webkit2gtk-driver fonts-dejavu-core fonts-noto-core
  qpdf poppler-utils zbar-tools dbus)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is missing. Install it with rustup (see the Rust project's install page), then run this again." >&2
  exit 1
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found $(node --version))." >&2
  exit 1
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> Installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "==> Installing tauri-driver (WebDriver for the end-to-end tests)"
  cargo install tauri-driver --version '^2' --locked
fi
