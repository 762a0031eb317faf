#!/usr/bin/env bash
# Sets up what is missing, builds the UI and the app, and starts Opplevelseskort.
# The first start creates a workspace in your data folder; the welcome screen offers the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
(cd ui && npm run build)
cargo build -p opplevelseskort
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found; starting under a virtual display (xvfb-run)." >&2
  exec xvfb-run -a target/debug/opplevelseskort
fi
exec target/debug/opplevelseskort
