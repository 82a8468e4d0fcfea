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

# The Kafka mock broker (tools/kafka-mock): librdkafka's mock cluster, compiled with gcc.
missing_packages=()
[ -f /usr/include/librdkafka/rdkafka_mock.h ] || missing_packages+=(librdkafka-dev)
command -v gcc >/dev/null 2>&1 || missing_packages+=(gcc libc6-dev)
# The Unicode font embedded in printable receipts (Vietnamese glyphs).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing_packages+=(fonts-dejavu-core)
if [ ${#missing_packages[@]} -gt 0 ]; then
  step "apt-get install ${missing_packages[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_packages[@]}"
fi
bash tools/kafka-mock/build.sh
