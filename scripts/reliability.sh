#!/bin/sh
# The long reliability run: the same tests as the suite's NodeFailureIntegrationTests, with
# a bigger load and more SIGKILLs. Usage: scripts/reliability.sh [contacts] [kills]
# (defaults 1000 contacts = 4000 steps due at once, 10 kills). Figures are printed as
# "reliability ...: kills survived N, steps checked N, delivered N, duplicates 0, lost 0"
# in target/surefire-reports/com.oshun.nurture.scheduling.NodeFailureIntegrationTests-output.txt;
# each node's log is in target/surefire-reports/node-*.log.
set -eu
cd "$(dirname "$0")/.."
CONTACTS="${1:-1000}"
KILLS="${2:-10}"
mvn -q verify -Dtest=NodeFailureIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnurture.reliability.contacts="$CONTACTS" -Dnurture.reliability.kills="$KILLS"
grep -h '^reliability' target/surefire-reports/com.oshun.nurture.scheduling.NodeFailureIntegrationTests-output.txt
