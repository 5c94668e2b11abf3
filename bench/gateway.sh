#!/usr/bin/env bash
# Gateway benchmark (issue #3): the same practice-service endpoint, GET /api/v1/practices/{id} with a
# bearer token, at 100 concurrent connections, five ways in one run:
#   direct   -> practice-service
#   nginx    -> plain reverse proxy (Debian's nginx, keep-alive upstream): the reference point
#   gateway  -> Spring Cloud Gateway with token validation and per-client rate limiting on
#   floor    -> the same Spring Cloud Gateway with one route and nothing else (bench/gateway-floor):
#               what the library itself costs here, the floor under the gateway's figure
#   floormvc -> Spring Cloud Gateway's Server MVC variant (Tomcat, virtual threads), one route and
#               nothing else (bench/gateway-floor-mvc): the other stack's floor
# Rounds are interleaved so drift of this noisy 2-core machine hits all alike. Prints
# throughput, p50/p99 latency and the CPU each process spent per call, per round; then the medians
# and the gateway/nginx ratios.
# Then the same for nginx and the gateway with the proxy on a core of its own (taskset: the proxy on
# CPU 1; wrk, the services, Kafka and the store on CPU 0), as where the gateway runs in pods of its own.
# Usage: bench/gateway.sh   (DURATION=20s CONNECTIONS=100 ROUNDS=3 WARMUP=60s PINNED_ROUNDS=2 SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-60s}
PINNED_ROUNDS=${PINNED_ROUNDS:-2}
NGINX_PORT=${NGINX_PORT:-8090}

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx
fi
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package
# The floors are built here, not by the main build: also with SKIP_BUILD when their jars are missing.
for floor in gateway-floor gateway-floor-mvc; do
  [ -n "${SKIP_BUILD:-}" ] && [ -f "bench/$floor/target/$floor.jar" ] || ./mvnw -q -B -f "bench/$floor/pom.xml" -DskipTests package
done

work=$(mktemp -d)
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "${floor_pid:-}" ] && kill "$floor_pid" 2>/dev/null || true
  [ -n "${floormvc_pid:-}" ] && kill "$floormvc_pid" 2>/dev/null || true
  [ -n "${platform_pid:-}" ] && kill "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Rate limiting stays on, with a limit this load does not reach: the check itself is measured.
export PLATFORM_RATE_LIMIT_REPLENISH_RATE=1000000 PLATFORM_RATE_LIMIT_BURST_CAPACITY=1000000
# Production-like JIT (the local platform's default stops at C1 for a faster start).
export PLATFORM_SERVICE_JVM_OPTIONS=${PLATFORM_SERVICE_JVM_OPTIONS:-"-Xms256m -Xmx512m -XX:+UseParallelGC"}
PLATFORM_AOT_CACHE=false PLATFORM_DATA_DIR="$work/data" java -jar local-platform/target/local-platform.jar > "$work/platform.log" 2>&1 &
platform_pid=$!
for _ in $(seq 1 180); do grep -q "is ready in" "$work/platform.log" && break; sleep 1; done
grep -q "is ready in" "$work/platform.log" || { cat "$work/platform.log"; exit 1; }
java $PLATFORM_SERVICE_JVM_OPTIONS -jar bench/gateway-floor/target/gateway-floor.jar > "$work/floor.log" 2>&1 &
floor_pid=$!
java $PLATFORM_SERVICE_JVM_OPTIONS -jar bench/gateway-floor-mvc/target/gateway-floor-mvc.jar > "$work/floormvc.log" 2>&1 &
floormvc_pid=$!
for port in 8091 8094; do
  for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
done

# Client-credentials tokens live 10 minutes; the run takes longer, so each load run gets a fresh one.
fresh_token() {
  curl -s -d grant_type=client_credentials -d client_id=gemeente-zwolle -d client_secret=demo-secret-zwolle \
    http://localhost:9000/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
id=$(curl -s 'http://localhost:8080/api/v1/practices?pageSize=1' | sed -E 's/.*"id":"([^"]+)".*/\1/')
path="/api/v1/practices/$id"

cat > "$work/nginx.conf" <<NGINX
daemon on;
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream practice { server 127.0.0.1:8081; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://practice;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"

declare -A url=([direct]="http://127.0.0.1:8081$path" [nginx]="http://127.0.0.1:$NGINX_PORT$path" [gateway]="http://127.0.0.1:8080$path"
  [floor]="http://127.0.0.1:8091$path" [floormvc]="http://127.0.0.1:8094$path")
gateway_pid=$(pgrep -f 'gateway/target/gateway.jar')
service_pid=$(pgrep -f 'practice-service/target/practice-service.jar')
for target in direct nginx gateway floor floormvc; do
  token=$(fresh_token)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${url[$target]}")
  [ "$code" = 200 ] || { echo "$target answered $code"; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $token" "${url[$target]}" > /dev/null
done

to_ms() { # wrk prints 1.23ms, 850.00us or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else { sub(/s$/,"",v); print v*1000 } }'
}
cpu_ticks() { # user + system clock ticks (1/100 s) of the processes given
  local total=0 p
  for p in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
# One load run: prints "requests_per_s p50_ms p99_ms non_2xx proxy_cpu_ms service_cpu_ms" (CPU per call).
load() {
  local target=$1 wrk_prefix=$2 threads=$3 proxy_pids out rps p50 p99 errors n p0 s0 p1 s1
  case $target in
    nginx) proxy_pids=$(pgrep -f 'nginx: (worker|master)' | tr '\n' ' ') ;;
    gateway) proxy_pids=$gateway_pid ;;
    floor) proxy_pids=$floor_pid ;;
    floormvc) proxy_pids=$floormvc_pid ;;
    *) proxy_pids="" ;;
  esac
  p0=$(cpu_ticks $proxy_pids); s0=$(cpu_ticks "$service_pid")
  out=$($wrk_prefix wrk -t"$threads" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $(fresh_token)" "${url[$target]}")
  p1=$(cpu_ticks $proxy_pids); s1=$(cpu_ticks "$service_pid")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}'); errors=${errors:-0}
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$rps $p50 $p99 $errors $(awk -v d=$((p1 - p0)) -v n="$n" 'BEGIN { printf "%.3f", d * 10 / n }') $(awk -v d=$((s1 - s0)) -v n="$n" 'BEGIN { printf "%.3f", d * 10 / n }')"
}
summary() {
  awk 'NR > 1 { rps[$2] = rps[$2] " " $3; p50[$2] = p50[$2] " " $4; p99[$2] = p99[$2] " " $5; cpu[$2] = cpu[$2] " " $7 }
    function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END {
      printf "%-8s %12s %8s %8s %14s\n", "median", "requests/s", "p50 ms", "p99 ms", "proxy CPU ms"
      for (t in rps) { R[t] = median(rps[t]); P50[t] = median(p50[t]); P99[t] = median(p99[t]); printf "%-8s %12.0f %8.2f %8.2f %14.3f\n", t, R[t], P50[t], P99[t], median(cpu[t]) }
      printf "\ngateway/nginx throughput: %.2f (goal >= 0.80)\n", R["gateway"] / R["nginx"]
      printf "gateway/nginx p99:        %.2f (goal <= 1.50)\n", P99["gateway"] / P99["nginx"]
      if ("floor" in R) printf "floor/nginx throughput:   %.2f (bare Spring Cloud Gateway, no security or filters)\n", R["floor"] / R["nginx"]
      if ("floormvc" in R) printf "floormvc/nginx throughput: %.2f (bare Server MVC gateway, virtual threads)\n", R["floormvc"] / R["nginx"]
    }' "$1"
}

results="$work/results.txt"
echo "== shared cores: wrk, proxy, service, Kafka and store on the same two cores"
echo "round target requests_per_s p50_ms p99_ms non_2xx proxy_cpu_ms_per_call service_cpu_ms_per_call" | tee "$results"
for round in $(seq 1 "$ROUNDS"); do
  for target in direct nginx gateway floor floormvc; do
    echo "$round $target $(load "$target" "" 2)" | tee -a "$results"
  done
done
echo
summary "$results"

if [ "$PINNED_ROUNDS" -gt 0 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  kill "$floor_pid" "$floormvc_pid" 2>/dev/null; floor_pid=""; floormvc_pid=""
  for p in $(pgrep java); do taskset -a -p -c 0 "$p" > /dev/null; done
  for p in $gateway_pid $(pgrep nginx); do taskset -a -p -c 1 "$p" > /dev/null; done
  pinned="$work/pinned.txt"
  echo
  echo "== proxy on a core of its own: nginx or the gateway on CPU 1; wrk, services, Kafka and store on CPU 0"
  echo "round target requests_per_s p50_ms p99_ms non_2xx proxy_cpu_ms_per_call service_cpu_ms_per_call" | tee "$pinned"
  for round in $(seq 1 "$PINNED_ROUNDS"); do
    for target in nginx gateway; do
      echo "$round $target $(load "$target" "taskset -c 0" 1)" | tee -a "$pinned"
    done
  done
  echo
  summary "$pinned"
fi
