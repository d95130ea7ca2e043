#!/usr/bin/env bash
# Runs the cluster benchmarks and scenarios of issue 19 against a private local cluster and writes the results file.
#
#   benchmarks/run-cluster.sh              3 JMH rounds of ClusterMixedBenchmark and ClusterBenchmark, then both scenarios; writes benchmarks/results/<date>-cluster.md
#   benchmarks/run-cluster.sh --quick      1 short round and the scenarios; writes benchmarks/target/quick-results/<date>-cluster.md
#
# Other options: --rounds N, --no-build (reuse benchmarks/target/benchmarks.jar), --out DIR, --notes "text",
# --no-scenarios, --no-throughput, --failover-threads "16 64" (one failover run per count),
# --scenarios-from FILE (no scenarios; put the sections an earlier run wrote, target/jmh-results/*-scenarios.md, in the report).
# Environment: JAVA (default: $JAVA_HOME/bin/java, else java). The cluster is six redis-server processes
# started by the test support (the redis-server on the PATH, or embedded-redis's with DRAGONFLY_TEST_SERVER=embedded).
# See benchmarks/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODULE="$ROOT/benchmarks"
JAR="$MODULE/target/benchmarks.jar"

command_line="benchmarks/run-cluster.sh${*:+ $*}"
mode=full
rounds=""
build=true
out=""
notes=""
scenarios=true
throughput=true
failover_threads="16 64"
scenarios_from=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --rounds) rounds="$2"; shift ;;
    --no-build) build=false ;;
    --out) out="$2"; shift ;;
    --notes) notes="$2"; shift ;;
    --no-scenarios) scenarios=false ;;
    --no-throughput) throughput=false ;;
    --failover-threads) failover_threads="$2"; shift ;;
    --scenarios-from) scenarios_from="$2"; scenarios=false; shift ;;
    -h|--help) sed -n "2,12p" "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$rounds" ] || { [ "$mode" = quick ] && rounds=1 || rounds=3; }
if [ -n "${JAVA:-}" ]; then :; elif [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
date=$(date +%F)
if [ -z "$out" ]; then
  if [ "$mode" = full ] && $throughput && { $scenarios || [ -n "$scenarios_from" ]; }; then out="$MODULE/results"; else out="$MODULE/target/$mode-results"; fi
fi
work="$MODULE/target/jmh-results"
stamp="cluster-$mode-$(date +%F-%H%M%S)"
mkdir -p "$out" "$work"

if $build; then
  echo "Building the benchmark jar..."
  ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
fi
[ -f "$JAR" ] || { echo "$JAR is missing; run without --no-build" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
server="?"
jsons=()

# ---------------------------------------------------------------- throughput, on one shared cluster
launcher_pid=""
stop_cluster() {
  if [ -n "$launcher_pid" ]; then
    exec 5>&- || true # the launcher stops the cluster when its input ends
    wait "$launcher_pid" 2>/dev/null || true
    launcher_pid=""
  fi
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

if $throughput; then
  control=$(mktemp -u); mkfifo "$control"
  launcher_log="$work/$stamp.cluster.log"
  "$JAVA" -cp "$JAR" org.dragonflyclient.benchmarks.cluster.ClusterLauncher <"$control" >"$launcher_log" 2>&1 &
  launcher_pid=$!
  exec 5>"$control"
  rm -f "$control"
  for _ in $(seq 1 600); do grep -q '^SEEDS ' "$launcher_log" && break; kill -0 "$launcher_pid" 2>/dev/null || break; sleep 0.1; done
  grep -q '^SEEDS ' "$launcher_log" || { echo "The cluster did not start:" >&2; cat "$launcher_log" >&2; exit 1; }
  seeds=$(sed -n 's/^SEEDS //p' "$launcher_log")
  server=$(sed -n 's/^SERVER //p' "$launcher_log")
  echo "Cluster ($server) at $seeds"
  if [ "$mode" = quick ]; then timing=(-wi 2 -w 1s -i 2 -r 1s -f 1); else timing=(-i 3 -r 1s -f 1); fi
  libraries=(dragonfly jedis lettuce)
  for round in $(seq 1 "$rounds"); do
    # Each round runs the clients in another order, so a drift in the machine's speed favours nobody.
    order=()
    for i in 0 1 2; do order+=("${libraries[(i + round - 1) % 3]}"); done
    json="$work/$stamp-round$round.json"
    log="$work/$stamp-round$round.log"
    echo "Round $round of $rounds: ${order[*]}"
    # JMH allows one run per machine (/tmp/jmh.lock): wait up to 20 minutes for another to finish.
    for attempt in $(seq 1 80); do
      set +e
      BENCHMARK_CLUSTER="$seeds" "$JAVA" -jar "$JAR" '\.cluster\.Cluster' -p library="$(IFS=,; echo "${order[*]}")" \
        "${timing[@]}" -rf json -rff "$json" 2>&1 | tee "$log"
      set -e
      grep -q "Unable to acquire the JMH lock" "$log" || break
      [ "$attempt" -eq 1 ] && echo "Another JMH run holds /tmp/jmh.lock; waiting for it to finish..." >&2
      sleep 15
    done
    if [ -s "$json" ]; then jsons+=("$json"); else echo "Round $round wrote no results; see $log" >&2; fi
  done
  stop_cluster
fi

# ---------------------------------------------------------------- scenarios, each on dedicated clusters
scenario_md="${scenarios_from:-$work/$stamp-scenarios.md}"
if $scenarios; then
  "$JAVA" -cp "$JAR" org.dragonflyclient.benchmarks.cluster.MigrationScenario --threads 16 --out "$scenario_md" \
    2>&1 | tee "$work/$stamp-migration.log"
  for threads in $failover_threads; do
    "$JAVA" -cp "$JAR" org.dragonflyclient.benchmarks.cluster.FailoverScenario --threads "$threads" --out "$scenario_md" \
      2>&1 | tee "$work/$stamp-failover-$threads.log"
  done
  [ "$server" = "?" ] && server=$(grep -ho 'dedicated local cluster[^,]*' "$scenario_md" | head -1 | sed 's/.*(//')
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
revision=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$ROOT" status --porcelain -- dragonfly-core benchmarks/src 2>/dev/null)" ] && revision="$revision-dirty"
"$JAVA" -cp "$JAR" org.dragonflyclient.benchmarks.report.ClusterReport \
  --json "$(IFS=,; echo "${jsons[*]-}")" --scenarios "$scenario_md" --markdown "$out/$date-cluster.md" --date "$date" \
  --command "$command_line" --server "$server" --revision "$revision" \
  --load-before "$load_before" --load-after "$load_after" --notes "$notes"
