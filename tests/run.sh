#!/usr/bin/env bash
# The one command that runs every SnapMagic test on a fresh machine (the README's test command, and CI's):
# installs the npm tools (npm ci), Debian's Chromium and redis-server when missing, builds once, runs every test project,
# and ends with one summary line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --loglevel=error
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server from Debian for the scale-out tests (two Api replicas share it)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

dotnet build SnapMagic.sln -c Release -nologo -clp:ErrorsOnly

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test SnapMagic.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over every test project, from the trx files each run wrote.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
