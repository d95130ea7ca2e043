#!/usr/bin/env bash
# Smoke test of the cache demo, for CI: runs the README's command, waits until the demo is
# healthy, asks for one book twice and checks that the second answer came from the cache, then
# stops the demo and checks that nothing it started is left running. Exits non-zero on any failure.
#
# Usage (from any directory; needs a JDK 17+ and curl):
#   samples/cache-demo/smoke.sh
#
# Environment:
#   DEMO_LOCAL_SERVER  handed to the demo: "always" (the default here) makes it start a throwaway
#                      server as on a fresh machine, whatever runs on localhost:6379; "auto" is
#                      the README's default behaviour (use localhost:6379 when something answers there).
#   DRAGONFLY_TEST_SERVER  handed to the demo's test support: which server a throwaway one is
#                      (embedded: the redis-server inside embedded-redis, as on a machine with only
#                      a JDK; binary; docker). When set, the log must name a server of that kind.
#   SMOKE_PORT         HTTP port of the demo (default 0: a free one, read from the log).
#   SMOKE_TIMEOUT      seconds to wait for /actuator/health (default 180: it includes compiling).
#   SMOKE_LOG          where the demo's output goes (default samples/cache-demo/target/smoke.log).
#   SMOKE_GOALS        what Maven runs, split at spaces (default spring-boot:test-run); smoke-aot.sh
#                      and smoke-virtual.sh set their own.
#   SMOKE_BURST        extra concurrent lookups (16 at a time) after the two above, all of which must
#                      succeed (default 0); smoke-virtual.sh uses it to give virtual threads work.
set -euo pipefail

cd "$(dirname "$0")/../.."
readonly ISBN=978-0134685991
readonly TIMEOUT=${SMOKE_TIMEOUT:-180}
readonly LOG=${SMOKE_LOG:-samples/cache-demo/target/smoke.log}
export DEMO_LOCAL_SERVER=${DEMO_LOCAL_SERVER:-always}
export SERVER_PORT=${SMOKE_PORT:-0}
readonly GOALS=${SMOKE_GOALS:-spring-boot:test-run}
readonly BURST=${SMOKE_BURST:-0}

pgid=
fail() {
    echo "smoke: FAILED: $*" >&2
    if [[ -f $LOG ]]; then
        echo "smoke: last lines of $LOG:" >&2
        tail -n 40 "$LOG" >&2
    fi
    exit 1
}

# The group, or its leader alone in the instant before setsid has made the group.
group_alive() {
    [[ -n $pgid ]] && { kill -0 -- "-$pgid" 2>/dev/null || kill -0 "$pgid" 2>/dev/null; }
}

signal_group() {
    kill "-$1" -- "-$pgid" 2>/dev/null || kill "-$1" "$pgid" 2>/dev/null || true
}

# Stops Maven, the demo's JVM and a server it started: they share one process group. SIGTERM
# lets the demo shut down cleanly (it stops its server itself); SIGKILL if it has not within 30 s.
stop_demo() {
    group_alive || return 0
    signal_group TERM
    for _ in $(seq 1 30); do
        group_alive || return 0
        sleep 1
    done
    echo "smoke: the demo did not stop within 30 s of SIGTERM; killing it" >&2
    signal_group KILL
    sleep 1
    ! group_alive
}
trap stop_demo EXIT

port_open() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# The README's command, in the background and in a process group of its own.
echo "smoke: starting (./mvnw -pl samples/cache-demo -am $GOALS, DEMO_LOCAL_SERVER=$DEMO_LOCAL_SERVER${DRAGONFLY_TEST_SERVER:+, DRAGONFLY_TEST_SERVER=$DRAGONFLY_TEST_SERVER}), log in $LOG"
mkdir -p "$(dirname "$LOG")"
# shellcheck disable=SC2086 # GOALS is a list of Maven arguments
setsid ./mvnw -B -ntp -pl samples/cache-demo -am $GOALS >"$LOG" 2>&1 </dev/null &
pgid=$!
for _ in $(seq 1 50); do
    [[ $(ps -o pgid= -p "$pgid" 2>/dev/null | tr -d ' ') == "$pgid" ]] && break
    sleep 0.1
done

port=
deadline=$((SECONDS + TIMEOUT))
until [[ -n $port ]] && curl -fsS -o /dev/null "http://localhost:$port/actuator/health" 2>/dev/null; do
    kill -0 "$pgid" 2>/dev/null || fail "the demo exited before it was healthy"
    ((SECONDS < deadline)) || fail "no healthy /actuator/health within $TIMEOUT s"
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$LOG" | head -n 1)
    sleep 1
done
base="http://localhost:$port"
echo "smoke: healthy at $base after $((SECONDS - deadline + TIMEOUT)) s"
grep -E 'LocalServerConfiguration|ServerReport' "$LOG" | sed 's/^[^]]*\] [^ ]* *: /smoke:   /' || true

# A forced kind of server must be the one the demo started.
case ${DRAGONFLY_TEST_SERVER:-} in
    '') ;;
    embedded) kind=EMBEDDED_REDIS ;;
    binary) kind='(REDIS|DRAGONFLY)_BINARY' ;;
    docker) kind=DRAGONFLY_CONTAINER ;;
    *) fail "DRAGONFLY_TEST_SERVER=$DRAGONFLY_TEST_SERVER is not one the smoke test checks (embedded, binary, docker)" ;;
esac
if [[ -n ${kind:-} ]]; then
    grep -Eq "LocalServerConfiguration.*Started $kind " "$LOG" \
        || fail "DRAGONFLY_TEST_SERVER=$DRAGONFLY_TEST_SERVER but the log names no $kind server started by the demo"
fi

health=$(curl -fsS "$base/actuator/health/dragonfly") || fail "GET /actuator/health/dragonfly failed"
echo "smoke: GET /actuator/health/dragonfly -> $health"
[[ $health == *'"status":"UP"'* ]] || fail "the dragonfly health component is not UP"

first=$(curl -fsS "$base/books/$ISBN") || fail "GET /books/$ISBN failed"
echo "smoke: GET /books/$ISBN -> $first"
second=$(curl -fsS "$base/books/$ISBN") || fail "second GET /books/$ISBN failed"
echo "smoke: GET /books/$ISBN -> $second"
[[ $second == *'"cacheHit":true'* ]] || fail "the second lookup was not served from the cache"

if ((BURST > 0)); then
    # The price endpoint once alone first (the books one was called above): the classes a first
    # request initialises are then ready, so the burst measures steady state, not a one-time wait of
    # many threads on one class's initialisation.
    curl -fsS -o /dev/null "$base/books/$ISBN/price" || fail "the first price lookup failed"
    # Books and prices (the CompletableFuture path), 16 requests at a time.
    for i in $(seq 1 "$BURST"); do
        if ((i % 2)); then echo "$base/books/$ISBN"; else echo "$base/books/$ISBN/price"; fi
    done | xargs -P 16 -n 1 curl -fsS -o /dev/null || fail "a lookup of the burst of $BURST failed"
    echo "smoke: $BURST concurrent lookups answered"
fi

# Where the demo's own server listens, if it started one: it must be gone after the stop.
server=$(sed -n 's|.*LocalServerConfiguration.*Started .* at redis://\([^ ]*:[0-9]*\) for this run.*|\1|p' "$LOG" | head -n 1)
stop_demo || fail "processes of the demo are still running (process group $pgid)"
echo "smoke: stopped the demo"
if [[ -n $server ]]; then
    if port_open "${server%:*}" "${server#*:}"; then
        fail "the server the demo started ($server) still answers after the demo stopped"
    fi
    echo "smoke: the server it started ($server) is gone"
elif [[ $DEMO_LOCAL_SERVER == always ]]; then
    fail "DEMO_LOCAL_SERVER=always but the log names no server started by the demo"
fi
echo "smoke: OK"
