#!/usr/bin/env bash
# The README's test command: installs what the tests need when this machine lacks it (Java 17,
# Maven, Debian's chromium for the dashboard's browser tests), then runs `mvn verify`.
# Extra arguments go to Maven (e.g. scripts/test.sh -Dtest=EngineIntegrationTests).
set -euo pipefail
cd "$(dirname "$0")/.."

# The repository stands alone: nothing in it may read or link the team's folder beside it.
if git grep -nI -e '\.\./shared' -- ':!scripts/test.sh' >/dev/null 2>&1; then
  echo "The repository refers to ../shared (a folder outside it):" >&2
  git grep -nI -e '\.\./shared' -- ':!scripts/test.sh' >&2
  exit 1
fi

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} (Debian packages) ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  else
    echo "Missing ${need[*]}: install them (sudo apt-get install -y ${need[*]}) and run this again." >&2
    exit 1
  fi
fi

exec mvn -B verify "$@"
