#!/usr/bin/env bash
# Gateway benchmark (issue #3): the same practice-service endpoint, GET /api/v1/practices/{id} with a
# bearer token, at 100 concurrent connections, three ways in one run:
#   direct   -> practice-service
#   nginx    -> plain reverse proxy (Debian's nginx, keep-alive upstream): the reference point
#   gateway  -> Spring Cloud Gateway with token validation and per-client rate limiting on
# Rounds are interleaved so drift of this noisy 2-core machine hits all three alike. Prints
# throughput and p50/p99 latency per round, the medians, and the gateway/nginx ratios.
# Usage: bench/gateway.sh   (DURATION=20s CONNECTIONS=100 ROUNDS=3 WARMUP=30s SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30s}
NGINX_PORT=${NGINX_PORT:-8090}

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx
fi
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package

work=$(mktemp -d)
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "${platform_pid:-}" ] && kill "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Rate limiting stays on, with a limit this load does not reach: the check itself is measured.
export PLATFORM_RATE_LIMIT_REPLENISH_RATE=1000000 PLATFORM_RATE_LIMIT_BURST_CAPACITY=1000000
# Production-like JIT (the local platform's default stops at C1 for a faster start).
export PLATFORM_SERVICE_JVM_OPTIONS=${PLATFORM_SERVICE_JVM_OPTIONS:-"-Xms256m -Xmx512m -XX:+UseParallelGC"}
PLATFORM_DATA_DIR="$work/data" java -jar local-platform/target/local-platform.jar > "$work/platform.log" 2>&1 &
platform_pid=$!
for _ in $(seq 1 180); do grep -q "is ready in" "$work/platform.log" && break; sleep 1; done
grep -q "is ready in" "$work/platform.log" || { cat "$work/platform.log"; exit 1; }

token=$(curl -s -d grant_type=client_credentials -d client_id=gemeente-zwolle -d client_secret=demo-secret-zwolle \
  http://localhost:9000/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
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

declare -A url=([direct]="http://127.0.0.1:8081$path" [nginx]="http://127.0.0.1:$NGINX_PORT$path" [gateway]="http://127.0.0.1:8080$path")
for target in direct nginx gateway; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${url[$target]}")
  [ "$code" = 200 ] || { echo "$target answered $code"; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $token" "${url[$target]}" > /dev/null
done

to_ms() { # wrk prints 1.23ms, 850.00us or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else { sub(/s$/,"",v); print v*1000 } }'
}
results="$work/results.txt"
echo "round target requests_per_s p50_ms p99_ms non_2xx" | tee "$results"
for round in $(seq 1 "$ROUNDS"); do
  for target in direct nginx gateway; do
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" "${url[$target]}")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
    p99=$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}'); errors=${errors:-0}
    echo "$round $target $rps $p50 $p99 $errors" | tee -a "$results"
  done
done

echo
awk 'NR > 1 { rps[$2] = rps[$2] " " $3; p50[$2] = p50[$2] " " $4; p99[$2] = p99[$2] " " $5 }
  function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    printf "%-8s %12s %8s %8s\n", "median", "requests/s", "p50 ms", "p99 ms"
    for (t in rps) { R[t] = median(rps[t]); P50[t] = median(p50[t]); P99[t] = median(p99[t]); printf "%-8s %12.0f %8.2f %8.2f\n", t, R[t], P50[t], P99[t] }
    printf "\ngateway/nginx throughput: %.2f (goal >= 0.80)\n", R["gateway"] / R["nginx"]
    printf "gateway/nginx p99:        %.2f (goal <= 1.50)\n", P99["gateway"] / P99["nginx"]
  }' "$results"
