#!/usr/bin/env bash
# Runs every test of the solution; installs the Debian packages the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tshark >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark >/dev/null
fi

dotnet test DmvpnLab.sln
