#!/usr/bin/env bash
# Public social-map search in headless chromium against the local platform (issue #14): time from
# navigation to the first result of a typical search, median and p95 of 50 cold loads, and what the
# first load transferred. Needs chromium and chromium-driver (Debian packages).
# Usage: bench/portal.sh   (BENCH_LOADS=50 SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests install
./mvnw -q -B -o -pl local-platform test -Dbench=true -Dtest=PortalBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.loads="${BENCH_LOADS:-50}"
grep -E "^(time to first result|first load)" \
  local-platform/target/surefire-reports/nl.mantelzorgthuis.platform.PortalBenchmark-output.txt
