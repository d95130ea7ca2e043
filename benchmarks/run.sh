#!/usr/bin/env bash
# Runs the JMH benchmarks against a private redis-server and writes the results file and chart.
#
#   benchmarks/run.sh                 full suite, 3 rounds (~15 minutes on 2 cores), writes benchmarks/results/<date>.{md,png}
#   benchmarks/run.sh --quick         a few seconds per workload (~2 minutes), writes benchmarks/target/quick-results/
#   benchmarks/run.sh --only REGEX    only the JMH benchmarks matching REGEX (e.g. GetBenchmark), written under target/
#   benchmarks/run.sh --busy 1        also runs every round with 1 unrelated CPU-bound process (a tight shell loop)
#                                     next to it, reported beside the quiet results (roughly doubles the time)
#
# Other options: --rounds N (full: 3, quick: 1), --no-build (reuse benchmarks/target/benchmarks.jar), --out DIR (where the .md and .png go),
# --notes "text" (added to the results file, e.g. about other load on the machine), --busy N (N neighbour processes,
# default 0: quiet only; the results then go to results/<date>-busy.{md,png}); arguments after -- go to JMH
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
busy=0
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
    --busy) busy="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
command_line="benchmarks/run.sh"
[ "$mode" = quick ] && command_line="$command_line --quick"
[ -n "$rounds" ] && command_line="$command_line --rounds $rounds"
[ -n "$rounds" ] || { [ "$mode" = quick ] && rounds=1 || rounds=3; }
[ -n "$only" ] && command_line="$command_line --only '$only'"
[[ "$busy" =~ ^[0-9]+$ ]] || { echo "--busy takes a number of neighbour processes, e.g. --busy 1" >&2; exit 2; }
[ "$busy" -gt 0 ] && command_line="$command_line --busy $busy"
[ ${#extra[@]} -gt 0 ] && command_line="$command_line -- ${extra[*]}"

if [ -n "${JAVA:-}" ]; then :; elif [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
REDIS_SERVER=${REDIS_SERVER:-redis-server}
command -v "$REDIS_SERVER" >/dev/null || { echo "$REDIS_SERVER not found: install Redis (apt-get install redis-server) or set REDIS_SERVER" >&2; exit 1; }

date=$(date +%F)
name=$date
[ "$busy" -gt 0 ] && name="$date-busy"
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
# The revision the jar was built from is the one measured: taken now, not after the run (with
# --no-build, the checkout's state when the run starts).
revision=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$ROOT" status --porcelain -- dragonfly-core benchmarks/src 2>/dev/null)" ] && revision="$revision-dirty"

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
neighbour_pids=()
# A neighbour is a separate OS process that only burns CPU, as an unrelated busy program on an
# application server would; its command line carries a marker so the load sampler can tell it apart.
# It also ends by itself within a fraction of a second once this script is gone (even after kill -9).
NEIGHBOUR_MARK=dragonfly-benchmark-busy-neighbour
start_neighbours() {
  local i
  # Another run's JMH holds the lock: start burning CPU only once it is free, so as not to disturb it
  # (JMH locks with fcntl, which python's lockf tests; without python3 this wait is skipped).
  if command -v python3 >/dev/null; then
    until python3 -c 'import fcntl; fcntl.lockf(open("/tmp/jmh.lock", "a"), fcntl.LOCK_EX | fcntl.LOCK_NB)' 2>/dev/null; do
      sleep 5
    done
  fi
  for ((i = 0; i < busy; i++)); do
    bash -c 'while kill -0 "$1" 2>/dev/null; do for ((i = 0; i < 200000; i++)); do :; done; done' "$NEIGHBOUR_MARK" $$ &
    neighbour_pids+=($!)
  done
}
stop_neighbours() {
  local pid
  for pid in ${neighbour_pids[@]+"${neighbour_pids[@]}"}; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  neighbour_pids=()
}
cleanup() {
  stop_neighbours
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
cpu_profiler=org.dragonflyclient.benchmarks.ClientCpuProfiler
jmh_display="BENCHMARK_REDIS=127.0.0.1:<port> java -jar benchmarks/target/benchmarks.jar${only:+ '$only'} ${timing[*]} -prof gc -prof $cpu_profiler -rf json${extra[*]:+ ${extra[*]}}"
[ "$rounds" -gt 1 ] && jmh_display="$jmh_display, $rounds times, each @Param's values rotated one place per round"
[ "$busy" -gt 0 ] && jmh_display="$jmh_display; each round once quiet and once beside $busy neighbour process(es) (a tight bash loop each), quiet first in odd rounds, busy first in even ones"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# The cores are shared with whatever else runs: sample, every few seconds, the CPU used by processes
# that are neither this benchmark's JVMs nor its server, and report it with the results.
# (top's second frame covers the last 2 seconds; ps would show lifetime averages.)
# The neighbours of the busy phase are counted apart (third column); each sample is tagged with the phase.
other_cpu_log="$work/$stamp.other-cpu"
phase_file="$work/$stamp.phase"
echo quiet >"$phase_file"
sample_other_cpu() {
  while :; do
    top -b -c -w 512 -n 2 -d 2 2>/dev/null | awk -v jar="$JAR" -v server="127.0.0.1:$port" -v mark="$NEIGHBOUR_MARK" \
        -v phase="$(cat "$phase_file")" '
      /^top -/ { frame++ }
      frame == 2 && $1 ~ /^[0-9]+$/ && index($0, mark) > 0 { if ($12 != "awk") neighbours += $9; next }
      frame == 2 && $1 ~ /^[0-9]+$/ && index($0, jar) == 0 && index($0, server) == 0 && $12 != "top" {
        cpu += $9; if ($9 > 20) busy = busy sprintf("%s%s %.0f%%", (busy ? ", " : ""), $12, $9) }
      END { printf "%.0f\t%s\t%.0f\t%s\n", cpu, busy, neighbours, phase }' >>"$other_cpu_log"
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
busy_jsons=()
run_round() { # run_round ROUND PHASE (quiet or busy)
  local round=$1 phase=$2 tag="" list attempt
  [ "$phase" = busy ] && tag="-busy"
  json="$work/$stamp$tag-round$round.json"
  log="$work/$stamp$tag-round$round.log"
  jmh=("$JAVA" -jar "$JAR")
  # The cluster benchmarks need a cluster: run-cluster.sh runs them.
  if [ -n "$only" ]; then jmh+=("$only"); else jmh+=(-e '\.cluster\.'); fi
  for list in ${param_lists[@]+"${param_lists[@]}"}; do jmh+=(-p "$(rotate "$list" $((round - 1)))"); done
  jmh+=("${timing[@]}" -prof gc -prof "$cpu_profiler" -rf json -rff "$json" ${extra[@]+"${extra[@]}"})
  echo "Round $round of $rounds ($phase${tag:+, $busy neighbour process(es)}): ${jmh[*]}"
  # JMH allows one run per machine (/tmp/jmh.lock), and two at once would disturb each other anyway:
  # wait up to 20 minutes for another run to finish.
  for attempt in $(seq 1 80); do
    set +e
    echo "$phase" >"$phase_file"
    [ "$phase" = busy ] && start_neighbours
    BENCHMARK_REDIS="127.0.0.1:$port" "${jmh[@]}" 2>&1 | tee "$log"
    jmh_status=${PIPESTATUS[0]}
    stop_neighbours
    set -e
    grep -q "Unable to acquire the JMH lock" "$log" || break
    [ "$attempt" -eq 1 ] && echo "Another JMH run holds /tmp/jmh.lock; waiting for it to finish..." >&2
    sleep 15
  done
  [ "$jmh_status" -eq 0 ] || echo "JMH exited with status $jmh_status; some rows may be missing (see $log)" >&2
  if [ ! -s "$json" ]; then echo "Round $round ($phase) wrote no results; see $log" >&2
  elif [ "$phase" = busy ]; then busy_jsons+=("$json"); else jsons+=("$json"); fi
}
for round in $(seq 1 "$rounds"); do
  if [ "$busy" -eq 0 ]; then run_round "$round" quiet
  elif (( round % 2 == 1 )); then run_round "$round" quiet; run_round "$round" busy
  else run_round "$round" busy; run_round "$round" quiet; fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
if [ -n "${sampler_pid:-}" ]; then
  kill "$sampler_pid" 2>/dev/null; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
fi
other_cpu_note() { # other_cpu_note PHASE: what other processes used while that phase ran
  local other heavy neighbours
  other=$(awk -F'\t' -v phase="$1" '$4 == phase { sum += $1; n++; if ($1 > max) max = $1; if ($1 > 50) busy++ }
    END { if (n) printf "on average %.0f%% CPU (max %.0f%%; above 50%% in %d of %d samples)", sum / n, max, busy, n }' "$other_cpu_log")
  [ -n "$other" ] || return 0
  heavy=$(awk -F'\t' -v phase="$1" '$4 == phase { print $2 }' "$other_cpu_log" | tr ',' '\n' | sed 's/^ *//; s/ [0-9]*%$//' \
    | grep -v '^$' | sort | uniq -c | sort -rn | head -3 | awk '{ printf "%s%s (%d samples)", (NR > 1 ? ", " : ""), $2, $1 }' || true)
  neighbours=$(awk -F'\t' -v phase="$1" '$4 == phase { sum += $3; n++ } END { if (n && sum) printf "%.0f%%", sum / n }' "$other_cpu_log")
  echo "Other processes on the machine used $other of the $(nproc) cores' $(( $(nproc) * 100 ))% during the ${2:-run}${heavy:+; the busiest: $heavy}${neighbours:+; the neighbour process(es) started by run.sh used $neighbours on average}."
}
busy_notes=""
if [ -s "$other_cpu_log" ]; then
  quiet_note=$(other_cpu_note quiet "quiet rounds")
  notes="${notes:+$notes }$quiet_note"
  [ "$busy" -gt 0 ] && busy_notes=$(other_cpu_note busy "busy rounds, not counting the neighbours")
fi
[ ${#jsons[@]} -gt 0 ] || { echo "JMH wrote no results; see the logs in $work" >&2; exit 1; }

# ---------------------------------------------------------------- report
report=(--json "$(IFS=,; echo "${jsons[*]}")" --markdown "$out/$name.md" --chart "$out/$name.png" --date "$date"
  --command "$command_line (runs: $jmh_display)" --server "$server_version, started by run.sh: loopback, no persistence"
  --revision "$revision" --load-before "$load_before" --load-after "$load_after" --notes "$notes")
[ "$mode" = quick ] && report+=(--quick)
if [ "$busy" -gt 0 ]; then
  [ ${#busy_jsons[@]} -gt 0 ] || { echo "The busy rounds wrote no results; see the logs in $work" >&2; exit 1; }
  report+=(--busy "$busy" --busy-json "$(IFS=,; echo "${busy_jsons[*]}")" --busy-notes "$busy_notes")
fi
"$JAVA" -cp "$JAR" org.dragonflyclient.benchmarks.report.ResultsReport "${report[@]}"
