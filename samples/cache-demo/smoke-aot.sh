#!/usr/bin/env bash
# AOT smoke test of the cache demo, for CI: processes the demo with Spring AOT
# (spring-boot:process-aot), starts it with the generated code (-Dspring.aot.enabled=true) and
# runs smoke.sh's checks against it: healthy, one book twice with the second from the cache, a
# clean stop. The log must say "Starting AOT-processed", which Spring Boot prints only when the
# generated initializers are in use. This is the JVM in AOT mode, not a GraalVM native image.
#
# The AOT-processed application is the demo's main class, which starts no server of its own, so
# this script starts a throwaway redis-server (from the PATH) on a free loopback port and stops it.
#
# Usage: samples/cache-demo/smoke-aot.sh   (needs a JDK 17+, curl and redis-server)
set -euo pipefail

cd "$(dirname "$0")/../.."
readonly LOG=samples/cache-demo/target/smoke-aot.log
readonly SERVER_LOG=samples/cache-demo/target/smoke-aot-server.log

command -v redis-server >/dev/null || { echo "smoke-aot: FAILED: needs redis-server on the PATH" >&2; exit 1; }

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port=
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 30000))
    port_open "$candidate" || { port=$candidate; break; }
done
[[ -n $port ]] || { echo "smoke-aot: FAILED: found no free port" >&2; exit 1; }

mkdir -p "$(dirname "$LOG")"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$SERVER_LOG" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    port_open "$port" && break
    sleep 0.1
done
port_open "$port" || { echo "smoke-aot: FAILED: redis-server did not listen on $port" >&2; cat "$SERVER_LOG" >&2; exit 1; }
echo "smoke-aot: redis-server on 127.0.0.1:$port for this run"

DRAGONFLY_URL=redis://127.0.0.1:$port \
DEMO_LOCAL_SERVER=auto \
SMOKE_LOG=$LOG \
SMOKE_GOALS="compile spring-boot:process-aot spring-boot:run -Dspring-boot.run.jvmArguments=-Dspring.aot.enabled=true" \
    bash samples/cache-demo/smoke.sh

grep -q "Starting AOT-processed CacheDemoApplication" "$LOG" \
    || { echo "smoke-aot: FAILED: the demo did not run its AOT-processed code (no 'Starting AOT-processed' in $LOG)" >&2; exit 1; }
echo "smoke-aot: the demo ran AOT-processed; OK"
