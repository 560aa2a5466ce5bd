#!/usr/bin/env bash
# Rebuild the editor bundle of `smartprint serve` from the npm registry (node and npm
# needed only here, never at run time): installs the pinned packages of package.json in
# a temporary folder, bundles entry.js with esbuild into ../static/vendor/editor.js, and
# writes the licences beside it. Run it after changing entry.js or a version.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/entry.js" "$here/build.mjs" "$work/"
(cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
node "$work/build.mjs" "$here" "$work" "$repo"
