#!/usr/bin/env bash
# experiment-service benchmark (issue #4), on the local platform started for it:
#   1. the run chart of a measure with 1,000 observations, requested at the service (1 client);
#   2. 10,000 experiments across 50 practices, filtered lists through the gateway at 50 clients.
# Prints percentiles (see docs/benchmarks.md). Usage: bench/experiments.sh
#   (BENCH_EXPERIMENTS=10000 BENCH_PRACTICES=50 BENCH_CLIENTS=50 BENCH_SECONDS=30 SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests install
# Rate limiting stays on, with a limit this load does not reach; production-like JIT.
export PLATFORM_RATE_LIMIT_REPLENISH_RATE=1000000 PLATFORM_RATE_LIMIT_BURST_CAPACITY=1000000
export PLATFORM_SERVICE_JVM_OPTIONS=${PLATFORM_SERVICE_JVM_OPTIONS:-"-Xms256m -Xmx768m -XX:+UseParallelGC"}
./mvnw -q -B -o -pl local-platform test -Dbench=true -Dtest=ExperimentServiceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.experiments="${BENCH_EXPERIMENTS:-10000}" -Dbench.practices="${BENCH_PRACTICES:-50}" \
  -Dbench.clients="${BENCH_CLIENTS:-50}" -Dbench.seconds="${BENCH_SECONDS:-30}"
grep -E "^(Loaded|run chart|filtered|  error)" \
  local-platform/target/surefire-reports/nl.mantelzorgthuis.platform.ExperimentServiceBenchmark-output.txt
