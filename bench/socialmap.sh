#!/usr/bin/env bash
# socialmap-service benchmark (issue #5): 100,000 generated services stored in a running service
# (embedded Kafka; the Mongo store in a JVM of its own, as a MongoDB would be, unless BENCH_STORE=memory
# puts it in the service's heap), the search index rebuilt from the store (timed), then a combined
# text + geo + two-filter search at the service (1 client, 3,000 queries after 1,000 warm-up).
# Prints percentiles (see docs/benchmarks.md). Java assertions are off: Lucene's own checks would dominate.
# Then 8 concurrent clients for 20 s from Java in the same JVM; then wrk (installed if missing), a process of
# its own, at 1 and at 8 connections.
# Usage: bench/socialmap.sh   (BENCH_SERVICES=100000 BENCH_STORE=process|memory BENCH_JVM_OPTIONS= SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } || echo "wrk not installed: its phase is skipped"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests install
./mvnw -q -B -o -pl socialmap-service test -Dbench=true -Dtest=SocialMapBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.services="${BENCH_SERVICES:-100000}" -Dbench.store="${BENCH_STORE:-process}" -DargLine="-Xmx2g -XX:-ClassUnloadingWithConcurrentMark ${BENCH_JVM_OPTIONS:-}" -DenableAssertions=false
grep -E "^(Stored|search|index rebuild)" \
  socialmap-service/target/surefire-reports/nl.mantelzorgthuis.socialmap.offer.SocialMapBenchmark-output.txt
