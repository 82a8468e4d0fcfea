#!/usr/bin/env bash
# Idempotent set-up shared by the test command and the dev stack: dependencies, native tools.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n==> %s\n' "$*"; }

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi
node_version=$(node_modules/.bin/node --version)
case "$node_version" in v24.*) ;; *) echo "expected Node 24 from node_modules, got $node_version" >&2; exit 1 ;; esac
