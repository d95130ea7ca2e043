#!/usr/bin/env bash
# Runs the JMH benchmarks against a private redis-server and writes the results file and chart.
#
#   benchmarks/run.sh                 full suite, 3 rounds (~14 minutes on 2 cores), writes benchmarks/results/<date>.{md,png}
#   benchmarks/run.sh --quick         a few seconds per workload (~2 minutes), writes benchmarks/target/quick-results/
#   benchmarks/run.sh --only REGEX    only the JMH benchmarks matching REGEX (e.g. GetBenchmark), written under target/
#
# Other options: --rounds N (full: 3, quick: 1), --no-build (reuse benchmarks/target/benchmarks.jar), --out DIR (where the .md and .png go),
# --notes "text" (added to the results file, e.g. about other load on the machine); arguments after -- go to JMH
# as they are (e.g. -- -p commands=400; not the timing options, which the mode sets), and the results then go
# under target/ like --only.
# Environment: JAVA (default: $JAVA_HOME/bin/java, else java), REDIS_SERVER (default: redis-server).
# See benchmarks/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODULE="$ROOT/benchmarks"
JAR="$MODULE/target/benchmarks.jar"

mode=full
rounds=""
only=""
build=true
out=""
notes=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --only) only="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --no-build) build=false ;;
    --out) out="$2"; shift ;;
    --notes) notes="$2"; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
command_line="benchmarks/run.sh"
[ "$mode" = quick ] && command_line="$command_line --quick"
[ -n "$rounds" ] && command_line="$command_line --rounds $rounds"
[ -n "$rounds" ] || { [ "$mode" = quick ] && rounds=1 || rounds=3; }
[ -n "$only" ] && command_line="$command_line --only '$only'"
[ ${#extra[@]} -gt 0 ] && command_line="$command_line -- ${extra[*]}"

if [ -n "${JAVA:-}" ]; then :; elif [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
REDIS_SERVER=${REDIS_SERVER:-redis-server}
command -v "$REDIS_SERVER" >/dev/null || { echo "$REDIS_SERVER not found: install Redis (apt-get install redis-server) or set REDIS_SERVER" >&2; exit 1; }

date=$(date +%F)
if [ -z "$out" ]; then
  if [ "$mode" = full ] && [ -z "$only" ] && [ ${#extra[@]} -eq 0 ]; then out="$MODULE/results"; else out="$MODULE/target/$mode-results"; fi
fi
work="$MODULE/target/jmh-results"
mkdir -p "$out" "$work"
stamp="$mode-$(date +%F-%H%M%S)"

# ---------------------------------------------------------------- build
if $build; then
  echo "Building the benchmark jar..."
  ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
fi
[ -f "$JAR" ] || { echo "$JAR is missing; run without --no-build" >&2; exit 1; }

# ---------------------------------------------------------------- server
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port found" >&2; exit 1
}
port=$(free_port)
server_dir=$(mktemp -d)
"$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$server_dir" \
  --logfile "$server_dir/server.log" &
server_pid=$!
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$server_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ping_server() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'PING\r\n' >&3
  IFS= read -r -t 2 reply <&3 || true
  exec 3>&-
  [ "${reply%$'\r'}" = "+PONG" ]
}
for _ in $(seq 1 50); do ping_server 2>/dev/null && break; sleep 0.1; done
ping_server 2>/dev/null || { echo "redis-server did not start on port $port:" >&2; cat "$server_dir/server.log" >&2; exit 1; }
server_version=$("$REDIS_SERVER" --version | head -1)
echo "Started $server_version on 127.0.0.1:$port (pid $server_pid, no persistence)"

# ---------------------------------------------------------------- benchmarks
# The full suite runs in rounds: each round runs every client once, and the report takes the median
# of the rounds. Load from other work on a shared machine comes in bursts of seconds to minutes; a
# burst then spoils one round of one client instead of deciding a ratio.
if [ "$mode" = quick ]; then
  timing=(-wi 1 -w 1s -i 2 -r 1s -f 1)
else
  # No -wi/-w: each benchmark class sets the warm-up its slowest client needs to reach a steady
  # score (3 s for one thread, 6 s for the mixed workloads, 10 s for the Spring cache).
  timing=(-i 3 -r 1s -f 1)
fi
jmh_display="BENCHMARK_REDIS=127.0.0.1:<port> java -jar benchmarks/target/benchmarks.jar${only:+ '$only'} ${timing[*]} -prof gc -rf json${extra[*]:+ ${extra[*]}}"
[ "$rounds" -gt 1 ] && jmh_display="$jmh_display, $rounds times, each @Param's values rotated one place per round"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# The cores are shared with whatever else runs: sample, every few seconds, the CPU used by processes
# that are neither this benchmark's JVMs nor its server, and report it with the results.
# (top's second frame covers the last 2 seconds; ps would show lifetime averages.)
other_cpu_log="$work/$stamp.other-cpu"
sample_other_cpu() {
  while :; do
    top -b -c -w 512 -n 2 -d 2 2>/dev/null | awk -v jar="$JAR" -v server="127.0.0.1:$port" '
      /^top -/ { frame++ }
      frame == 2 && $1 ~ /^[0-9]+$/ && index($0, jar) == 0 && index($0, server) == 0 && $12 != "top" {
        cpu += $9; if ($9 > 20) busy = busy sprintf("%s%s %.0f%%", (busy ? ", " : ""), $12, $9) }
      END { printf "%.0f\t%s\n", cpu, busy }' >>"$other_cpu_log"
    sleep 3
  done
}
command -v top >/dev/null && { sample_other_cpu & sampler_pid=$!; }
# Each round runs the clients of a workload in another order (JMH runs @Param values in the order
# given), so that over the rounds each client takes each place once and a drift in the machine's speed
# during a workload favours nobody. The values come from JMH's own listing of the @Params; arguments
# after -- that set a -p themselves turn this off.
param_lists=()
if [[ " ${extra[*]-} " != *" -p "* ]]; then
  mapfile -t param_lists < <("$JAVA" -jar "$JAR" ${only:+"$only"} -lp \
    | sed -n 's/^ *param "\([^"]*\)" = {\(.*\)}$/\1=\2/p' | sed 's/, /,/g' | awk -F= '!seen[$1]++')
fi
rotate() { # rotate NAME=V1,V2,... left by $2 places
  local name=${1%%=*} items i out=()
  IFS=, read -r -a items <<<"${1#*=}"
  for ((i = 0; i < ${#items[@]}; i++)); do out+=("${items[(i + $2) % ${#items[@]}]}"); done
  (IFS=,; echo "$name=${out[*]}")
}
jsons=()
for round in $(seq 1 "$rounds"); do
  json="$work/$stamp-round$round.json"
  log="$work/$stamp-round$round.log"
  jmh=("$JAVA" -jar "$JAR")
  # The cluster benchmarks need a cluster: run-cluster.sh runs them.
  if [ -n "$only" ]; then jmh+=("$only"); else jmh+=(-e '\.cluster\.'); fi
  for list in ${param_lists[@]+"${param_lists[@]}"}; do jmh+=(-p "$(rotate "$list" $((round - 1)))"); done
  jmh+=("${timing[@]}" -prof gc -rf json -rff "$json" ${extra[@]+"${extra[@]}"})
  echo "Round $round of $rounds: ${jmh[*]}"
  # JMH allows one run per machine (/tmp/jmh.lock), and two at once would disturb each other anyway:
  # wait up to 20 minutes for another run to finish.
  for attempt in $(seq 1 80); do
    set +e
    BENCHMARK_REDIS="127.0.0.1:$port" "${jmh[@]}" 2>&1 | tee "$log"
    jmh_status=${PIPESTATUS[0]}
    set -e
    grep -q "Unable to acquire the JMH lock" "$log" || break
    [ "$attempt" -eq 1 ] && echo "Another JMH run holds /tmp/jmh.lock; waiting for it to finish..." >&2
    sleep 15
  done
  [ "$jmh_status" -eq 0 ] || echo "JMH exited with status $jmh_status; some rows may be missing (see $log)" >&2
  if [ -s "$json" ]; then jsons+=("$json"); else echo "Round $round wrote no results; see $log" >&2; fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
if [ -n "${sampler_pid:-}" ]; then
  kill "$sampler_pid" 2>/dev/null; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
fi
if [ -s "$other_cpu_log" ]; then
  other_cpu=$(awk -F'\t' '{ sum += $1; n++; if ($1 > max) max = $1; if ($1 > 50) busy++ }
    END { printf "on average %.0f%% CPU (max %.0f%%; above 50%% in %d of %d samples)", sum / n, max, busy, n }' "$other_cpu_log")
  heavy=$(cut -f2 "$other_cpu_log" | tr ',' '\n' | sed 's/^ *//; s/ [0-9]*%$//' | grep -v '^$' | sort | uniq -c | sort -rn | head -3 \
    | awk '{ printf "%s%s (%d samples)", (NR > 1 ? ", " : ""), $2, $1 }' || true)
  notes="${notes:+$notes }Other processes on the machine used $other_cpu of the $(nproc) cores' $(( $(nproc) * 100 ))% during the run${heavy:+; the busiest: $heavy}."
fi
[ ${#jsons[@]} -gt 0 ] || { echo "JMH wrote no results; see the logs in $work" >&2; exit 1; }

# ---------------------------------------------------------------- report
revision=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$ROOT" status --porcelain -- dragonfly-core benchmarks/src 2>/dev/null)" ] && revision="$revision-dirty"
report=(--json "$(IFS=,; echo "${jsons[*]}")" --markdown "$out/$date.md" --chart "$out/$date.png" --date "$date"
  --command "$command_line (runs: $jmh_display)" --server "$server_version, started by run.sh: loopback, no persistence"
  --revision "$revision" --load-before "$load_before" --load-after "$load_after" --notes "$notes")
[ "$mode" = quick ] && report+=(--quick)
"$JAVA" -cp "$JAR" org.dragonflyclient.benchmarks.report.ResultsReport "${report[@]}"
