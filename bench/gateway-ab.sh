#!/usr/bin/env bash
# A/B of two gateway variants on this noisy machine (issue #18): the speed of these 2 cores drifts
# by ±30% from minute to minute, so two separate runs of bench/gateway.sh cannot tell a 5% change.
# This starts two extra gateways beside a running local platform, A on 8092 and B on 8093, each with
# its own arguments (Spring properties, or --spring.config.location=file:variant.yml), warms both,
# then loads them in alternating rounds with the same call as bench/gateway.sh and prints
# requests/s, p50/p99 and the gateway's CPU per call for each round.
# Needs the local platform running with the rate limit above the load, e.g.
#   PLATFORM_RATE_LIMIT_REPLENISH_RATE=1000000 PLATFORM_RATE_LIMIT_BURST_CAPACITY=1000000 \
#   PLATFORM_SERVICE_JVM_OPTIONS="-Xms256m -Xmx512m -XX:+UseParallelGC" bin/platform
# Usage: bench/gateway-ab.sh "ARGS A" "ARGS B"   (ROUNDS=3 WARMUP=90s DURATION=20s CONNECTIONS=100 JAR=gateway/target/gateway.jar
#          JVM_A= JVM_B=: extra JVM options per variant, e.g. JVM_B=-Dreactor.netty.ioWorkerCount=1)
# e.g.   bench/gateway-ab.sh "" "--management.tracing.enabled=false"
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-90s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100}
JAR=${JAR:-gateway/target/gateway.jar}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
platform_gateway=$(pgrep -f 'gateway/target/gateway.jar' | head -1) || { echo "start the local platform first (see above)"; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# The same service addresses and settings as the platform's own gateway.
mapfile -t environment < <(tr '\0' '\n' < "/proc/$platform_gateway/environ" | grep -E '^PLATFORM_' | grep -v JVM_OPTIONS)
start() { # port, JVM options, arguments
  local port=$1 jvm=$2; shift 2
  # shellcheck disable=SC2086 # the options and arguments are split on purpose
  env "${environment[@]}" java -Xms256m -Xmx512m -XX:+UseParallelGC $jvm -jar "$JAR" --server.port="$port" $* > "$work/$port.log" 2>&1 &
  pids+=("$!")
}
start 8092 "${JVM_A:-}" "${1:-}"
start 8093 "${JVM_B:-}" "${2:-}"
for port in 8092 8093; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" && break; sleep 1; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" || { cat "$work/$port.log"; exit 1; }
done

# Client-credentials tokens live 10 minutes, less than a long run: each load run gets a fresh one.
fresh_token() {
  curl -s -d grant_type=client_credentials -d client_id=gemeente-zwolle -d client_secret=demo-secret-zwolle \
    http://localhost:9000/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
id=$(curl -s 'http://localhost:8080/api/v1/practices?pageSize=1' | sed -E 's/.*"id":"([^"]+)".*/\1/')
load() { # variant, port, duration
  local pid=${pids[$([ "$2" = 8092 ] && echo 0 || echo 1)]} t0 t1 out
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$3" --latency -H "Authorization: Bearer $(fresh_token)" "http://127.0.0.1:$2/api/v1/practices/$id")
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  echo "$out" | awk -v v="$1" -v d=$((t1 - t0)) '
    /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } /requests in/ { n = $1 } /Non-2xx/ { bad = $5 }
    END { printf "%s %10s %10s %10s %8d %10.3f\n", v, rps, p50, p99, bad, d * 10 / n }'
}
load A 8092 "$WARMUP" > /dev/null
load B 8093 "$WARMUP" > /dev/null
echo "variant requests/s p50 p99 non-2xx cpu_ms_per_call"
for _ in $(seq 1 "$ROUNDS"); do
  load A 8092 "$DURATION"
  load B 8093 "$DURATION"
done
