#!/usr/bin/env bash
# The one command that runs every SnapMagic test on a fresh machine (the README's test command, and CI's):
# installs the npm tools (npm ci, skipped when node_modules already matches package-lock.json), Debian's Chromium and
# redis-server when missing, builds once, runs every test project, and ends with one summary line "N passed, N failed, N skipped".
#
# Arguments go to `dotnet test`. Without a --filter of the caller's, the slow scale tests (Trait Category=Scale: 10,000
# cards per backend) are left out; run them on their own with `bash tests/run.sh --filter Category=Scale`.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci deletes and rewrites node_modules (about a minute): only when the lock file changed since the last one that
# succeeded here, whose hash it leaves in node_modules.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.package-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.package-lock-hash
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v ffmpeg >/dev/null 2>&1; then
  echo "Installing ffmpeg from Debian for the fake Bedrock's videos (a real output.mp4 per animation)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null
fi
if ! command -v espeak-ng >/dev/null 2>&1; then
  echo "Installing espeak-ng from Debian for the feedback tests (it speaks their recordings)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server from Debian for the scale-out tests (two Api replicas share it)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

dotnet build SnapMagic.sln -c Release -nologo -clp:ErrorsOnly

filter=(--filter "Category!=Scale")
for argument in "$@"; do
  case "$argument" in --filter|--filter=*) filter=() ;; esac
done

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
# A test that runs longer than the hang timeout (the slowest end-to-end test takes about 2 minutes) is a hang: the
# run is stopped there, with the name of the test in the output, instead of waiting for CI's own limit.
dotnet test SnapMagic.sln -c Release --no-build --nologo \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  --logger "trx" --results-directory "$results" "${filter[@]}" "$@" || status=$?

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
