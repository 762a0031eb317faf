#!/usr/bin/env bash
# Builds the .deb in release, installs it with dpkg, starts the installed app under Xvfb and
# sees its first screen, then removes the package. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

ui/node_modules/.bin/tauri build --bundles deb
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "==> Installing $deb"
$sudo dpkg -i "$deb"
status=0
OKORT_APP=/usr/bin/opplevelseskort xvfb-run -a --server-args="-screen 0 1280x900x24" \
  node --test --test-concurrency=1 tests/install/ || status=$?
echo "==> Removing the package"
$sudo dpkg -r opplevelseskort
test ! -e /usr/bin/opplevelseskort
exit $status
