#!/usr/bin/env bash
# notification-service benchmark (issue #6): events from a real Kafka broker at a fixed rate for
# 1,000 following people and 50 webhook receivers (one always failing, one answering after 5 s).
# Prints percentiles from event time to delivery, and the first and last minute side by side (see
# docs/benchmarks.md). The embedded store keeps everything in memory (600,000 events with their
# deliveries need about 8 GB), hence BENCH_STORE_JVM_OPTIONS and BENCH_HEAP. Usage: bench/notifications.sh
#   (BENCH_RATE=1000 BENCH_SECONDS=60 BENCH_WARMUP=15 BENCH_PEOPLE=1000 BENCH_RECEIVERS=50 BENCH_ALL_HEALTHY=false BENCH_HEAP=12g BENCH_JVM_OPTIONS= SKIP_BUILD=1
#    BENCH_STORE=process|memory|h2|mongodb: process (default) runs the in-memory store in a JVM of its own, with
#    BENCH_STORE_JVM_OPTIONS="-Xmx10g -XX:MaxGCPauseMillis=50", as a MongoDB keeps its data out of the service's heap; memory keeps it in the service's JVM;
#    mongodb runs a real MongoDB replica set from its image, where a Docker engine exists)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests install
./mvnw -q -B -o -pl notification-service test -Dbench=true -Dtest=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rate="${BENCH_RATE:-1000}" -Dbench.seconds="${BENCH_SECONDS:-60}" -Dbench.people="${BENCH_PEOPLE:-1000}" \
  -Dbench.receivers="${BENCH_RECEIVERS:-50}" -Dbench.allHealthy="${BENCH_ALL_HEALTHY:-false}" \
  -Dbench.warmupSeconds="${BENCH_WARMUP:-15}" -Dbench.store="${BENCH_STORE:-process}" \
  "-Dbench.storeJvmOptions=${BENCH_STORE_JVM_OPTIONS:--Xmx10g -XX:MaxGCPauseMillis=50}" \
  "-DargLine=-Xmx${BENCH_HEAP:-12g} ${BENCH_JVM_OPTIONS:-}"
grep -E "^(notification benchmark|sent|inbox|webhooks|stored|deliveries)" \
  notification-service/target/surefire-reports/nl.mantelzorgthuis.notificationservice.NotificationBenchmark-output.txt
