#!/usr/bin/env bash
# Compares this client at two revisions on workloads a-g, for a refactoring that must not cost
# throughput: builds benchmarks.jar at each revision (in throwaway git worktrees), then runs the
# two jars alternately, round after round, against one private redis-server, our client only
# (the peers do not change between revisions), and prints a Markdown table of ops/s per round,
# the medians and the new/old ratio of the medians, and the client CPU time per operation of each side
# (ClientCpuProfiler, taken from whichever jar has it, so an old revision without it is measured too).
#
# Usage (from the repository root; needs a JDK 17+, redis-server and python3):
#   benchmarks/compare-revisions.sh OLD_REV NEW_REV [ROUNDS]      # ROUNDS defaults to 3
#   CLASSES=MixedReadWrite benchmarks/compare-revisions.sh ...   # a JMH regex instead of a-g
#   BUSY=1 benchmarks/compare-revisions.sh ...                    # with 1 CPU-bound neighbour process beside every run
#   BUSY="0 1" benchmarks/compare-revisions.sh ...                # each round quiet, then busy: one table for each
set -euo pipefail
cd "$(dirname "$0")/.."
old_rev=${1:?old revision}
new_rev=${2:?new revision}
rounds=${3:-3}
work=$(mktemp -d /tmp/compare-revisions.XXXXXX)
server_pid=
neighbour_pids=()
read -r -a phases <<<"${BUSY:-0}"
stop_neighbours() {
    for pid in ${neighbour_pids[@]+"${neighbour_pids[@]}"}; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
    neighbour_pids=()
}
cleanup() {
    stop_neighbours
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
    for side in old new; do git worktree remove --force "$work/$side" 2>/dev/null || true; done
}
trap cleanup EXIT

for side in old new; do
    rev=$old_rev; [[ $side == new ]] && rev=$new_rev
    git worktree add -q --detach "$work/$side" "$rev"
    (cd "$work/$side" && ./mvnw -B -ntp -q -Pbenchmarks -pl benchmarks -am package -DskipTests \
        -Dspotless.check.skip=true >"$work/$side-build.log" 2>&1) || { echo "build of $rev failed: $work/$side-build.log" >&2; exit 1; }
done

# The CPU profiler, from the first jar that has it, on the classpath of both sides.
for side in new old; do
    unzip -q -o -d "$work/profiler" "$work/$side/benchmarks/target/benchmarks.jar" \
        'org/dragonflyclient/benchmarks/ClientCpuProfiler*' 2>/dev/null && break
done
profiler=()
[[ -d $work/profiler/org ]] && profiler=(-prof org.dragonflyclient.benchmarks.ClientCpuProfiler)

port=$(( 20000 + RANDOM % 30000 ))
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" --logfile "$work/redis.log" &
server_pid=$!
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# a-g, ours only. A parameter a revision does not have (observation, before issue 16) is left out.
# e's latency per batch (PipelineBenchmark.pipelineLatency, SampleTime) is not a throughput: left out.
classes=${CLASSES:-'\.(GetBenchmark|MixedReadWriteBenchmark|MgetBenchmark|PipelineBenchmark|LargeValueBenchmark|CacheHitBenchmark)\.'}
for round in $(seq 1 "$rounds"); do
    # Odd rounds run the old jar first, even rounds the new one: neither always gets the machine
    # in the state the other left it.
    order=(old new); (( round % 2 == 0 )) && order=(new old)
    for busy in "${phases[@]}"; do
        for side in "${order[@]}"; do
            jar="$work/$side/benchmarks/target/benchmarks.jar"
            params=(-p library=dragonfly -p cacheManager=dragonfly)
            java -jar "$jar" "$classes" -lp | grep -q 'observation' && params+=(-p observation=off)
            echo "round $round: $side$( ((busy > 0)) && echo " ($busy neighbour process(es))")"
            # Neighbours burn CPU only once no other JMH run holds the machine's lock (JMH locks with fcntl).
            until python3 -c 'import fcntl; fcntl.lockf(open("/tmp/jmh.lock", "a"), fcntl.LOCK_EX | fcntl.LOCK_NB)' 2>/dev/null; do
                sleep 5
            done
            for ((i = 0; i < busy; i++)); do
                bash -c 'while kill -0 "$1" 2>/dev/null; do for ((i = 0; i < 200000; i++)); do :; done; done' busy-neighbour $$ &
                neighbour_pids+=($!)
            done
            # Another run may still take the lock first: then JMH refuses at once, and this waits and tries again.
            for attempt in $(seq 1 80); do
                status=0
                BENCHMARK_REDIS="127.0.0.1:$port" java -cp "$jar:$work/profiler" org.openjdk.jmh.Main "$classes" -e 'pipelineLatency' "${params[@]}" \
                    ${profiler[@]+"${profiler[@]}"} -f 1 -rf json -rff "$work/$side-$round-busy$busy.json" \
                    >"$work/$side-$round-busy$busy.log" 2>&1 || status=$?
                grep -q "Unable to acquire the JMH lock" "$work/$side-$round-busy$busy.log" || break
                sleep 15
            done
            (( status == 0 )) || { echo "JMH failed, see $work/$side-$round-busy$busy.log" >&2; exit 1; }
            stop_neighbours
        done
    done
done

for busy in "${phases[@]}"; do
(( ${#phases[@]} > 1 )) && echo && echo "With $busy CPU-bound neighbour process(es):" && echo
python3 - "$work" "$rounds" "$old_rev" "$new_rev" "$busy" <<'PY'
import json, statistics, sys
work, rounds, old_rev, new_rev, busy = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
names = {'GetBenchmark': 'a. GET, 1 thread', 'threads16': 'b. 50/50, 16 threads', 'threads64': 'c. 50/50, 64 threads',
         'MgetBenchmark': 'd. MGET 100', 'PipelineBenchmark': 'e. pipeline 1000', 'LargeValueBenchmark': 'f. 100 KiB GET',
         'CacheHitBenchmark': 'g. @Cacheable hit, 16 threads'}
def key(bench):
    for k in names:
        if k in bench:
            return names[k]
scores, cpu = {}, {}
for side in ('old', 'new'):
    for r in range(1, rounds + 1):
        for row in json.load(open(f'{work}/{side}-{r}-busy{busy}.json')):
            scores.setdefault(key(row['benchmark']), {}).setdefault(side, []).append(row['primaryMetric']['score'])
            norm = row.get('secondaryMetrics', {}).get('cpu.time.norm')
            if norm:
                cpu.setdefault(key(row['benchmark']), {}).setdefault(side, []).append(norm['score'])
print(f'| workload | old ({old_rev}) ops/s by round | new ({new_rev}) ops/s by round | new/old (medians) '
      '| client CPU µs/op, old | new |')
print('|---|---|---|---|---|---|')
for name in sorted(scores):
    o, n = scores[name].get('old', []), scores[name].get('new', [])
    fmt = lambda xs: ', '.join(f'{x:,.0f}' for x in xs)
    ratio = statistics.median(n) / statistics.median(o) if o and n else float('nan')
    c = lambda side: f"{statistics.median(cpu[name][side]):.1f}" if side in cpu.get(name, {}) else 'n/a'
    print(f'| {name} | {fmt(o)} | {fmt(n)} | {ratio:.2f}x | {c("old")} | {c("new")} |')
PY
done
