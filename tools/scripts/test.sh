#!/usr/bin/env bash
# The one test command (README, .ci/run): every set-up step, then every check and test tier.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true SCARF_ANALYTICS=false
# kafkajs on Node 24 warns about a negative timer inside its own retry code: not ours, and harmless.
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning"

step() { printf '\n==> %s\n' "$*"; }

bash tools/scripts/setup.sh

step "contracts: buf lint, generated types and event reference up to date"
npm run -s contracts:check
step "lint (module boundaries included)"
npm run -s lint
step "openapi: the gateway's document is valid OpenAPI 3.1, covers every route, docs/api/openapi.json up to date"
node -r @swc-node/register tools/checks/openapi.ts
step "deploy: Dockerfile, compose file and Helm chart (helm lint/template + rules)"
node -r @swc-node/register tools/checks/deploy.ts
step "typecheck"
npm run -s typecheck
step "jest: unit, integration and end-to-end tiers"
node node_modules/jest/bin/jest.js --ci "$@"
