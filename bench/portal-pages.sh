#!/usr/bin/env bash
# The staff portal's pages at 20 concurrent users through the gateway (issue #15): 20 staff accounts
# invited and activated, each logged in once in headless chromium, then every page's API calls
# replayed in parallel per page, with a think time between pages. Prints p50/p95/p99 per page.
# Needs chromium and chromium-driver (Debian packages).
# Usage: bench/portal-pages.sh   (BENCH_USERS=20 BENCH_SECONDS=60 BENCH_THINK_MS=1000 SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests install
# Production-like JIT, as the other benchmarks (the local default is C1 only, for a fast start).
export PLATFORM_SERVICE_JVM_OPTIONS=${PLATFORM_SERVICE_JVM_OPTIONS:-"-Xms256m -Xmx768m -XX:+UseParallelGC"}
./mvnw -q -B -o -pl local-platform test -Dbench=true -Dtest=PortalPagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.users="${BENCH_USERS:-20}" -Dbench.seconds="${BENCH_SECONDS:-60}" -Dbench.thinkMs="${BENCH_THINK_MS:-1000}"
grep -E "^(staff portal pages|page |all pages|call |non-2xx)" \
  local-platform/target/surefire-reports/nl.mantelzorgthuis.platform.PortalPagesBenchmark-output.txt
