#!/usr/bin/env bash
# Runs every SnapMagic test on a fresh machine: installs the npm tools and Chromium when missing,
# builds, runs all test projects and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

dotnet build SnapMagic.sln -c Release
dotnet test SnapMagic.sln -c Release --no-build
