#!/usr/bin/env bash
# The test entry point: installs what the tests need when it is missing, runs every test
# project of the solution, and ends with one plain line "N passed, N failed" summed over the
# projects. Exits with dotnet test's status. Works from a fresh clone, without a terminal.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# tshark checks the lab's captures (tests/DmvpnLab.Lab.Tests/Tools/CaptureDecodeTests.cs).
if ! command -v tshark >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "test.sh: installing tshark"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q </dev/null
        apt-get install -y -q tshark </dev/null
    else
        echo "test.sh: tshark is missing and this is not root; the capture tests will fail" >&2
    fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test DmvpnLab.sln </dev/null 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test project: "Passed!  - Failed: 0, Passed: 21, Skipped: 0, ...".
passed=0
failed=0
while read -r p f; do
    passed=$((passed + p))
    failed=$((failed + f))
done < <(sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+),.*/\2 \1/p' "$log")

echo "$passed passed, $failed failed"
exit "$status"
