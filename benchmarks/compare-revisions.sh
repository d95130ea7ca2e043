#!/usr/bin/env bash
# Compares this client at two revisions on workloads a-g, for a refactoring that must not cost
# throughput: builds benchmarks.jar at each revision (in throwaway git worktrees), then runs the
# two jars alternately, round after round, against one private redis-server, our client only
# (the peers do not change between revisions), and prints a Markdown table of ops/s per round,
# the medians and the new/old ratio of the medians.
#
# Usage (from the repository root; needs a JDK 17+, redis-server and python3):
#   benchmarks/compare-revisions.sh OLD_REV NEW_REV [ROUNDS]      # ROUNDS defaults to 3
#   CLASSES=MixedReadWrite benchmarks/compare-revisions.sh ...   # a JMH regex instead of a-g
set -euo pipefail
cd "$(dirname "$0")/.."
old_rev=${1:?old revision}
new_rev=${2:?new revision}
rounds=${3:-3}
work=$(mktemp -d /tmp/compare-revisions.XXXXXX)
server_pid=
cleanup() {
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

port=$(( 20000 + RANDOM % 30000 ))
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" --logfile "$work/redis.log" &
server_pid=$!
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# a-g, ours only. A parameter a revision does not have (observation, before issue 16) is left out.
classes=${CLASSES:-'\.(GetBenchmark|MixedReadWriteBenchmark|MgetBenchmark|PipelineBenchmark|LargeValueBenchmark|CacheHitBenchmark)\.'}
for round in $(seq 1 "$rounds"); do
    # Odd rounds run the old jar first, even rounds the new one: neither always gets the machine
    # in the state the other left it.
    order=(old new); (( round % 2 == 0 )) && order=(new old)
    for side in "${order[@]}"; do
        jar="$work/$side/benchmarks/target/benchmarks.jar"
        params=(-p library=dragonfly -p cacheManager=dragonfly)
        java -jar "$jar" "$classes" -lp | grep -q 'observation' && params+=(-p observation=off)
        echo "round $round: $side"
        BENCHMARK_REDIS="127.0.0.1:$port" java -jar "$jar" "$classes" "${params[@]}" -f 1 \
            -rf json -rff "$work/$side-$round.json" >"$work/$side-$round.log" 2>&1
    done
done

python3 - "$work" "$rounds" "$old_rev" "$new_rev" <<'PY'
import json, statistics, sys
work, rounds, old_rev, new_rev = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = {'GetBenchmark': 'a. GET, 1 thread', 'threads16': 'b. 50/50, 16 threads', 'threads64': 'c. 50/50, 64 threads',
         'MgetBenchmark': 'd. MGET 100', 'PipelineBenchmark': 'e. pipeline 1000', 'LargeValueBenchmark': 'f. 100 KiB GET',
         'CacheHitBenchmark': 'g. @Cacheable hit, 16 threads'}
def key(bench):
    for k in names:
        if k in bench:
            return names[k]
scores = {}
for side in ('old', 'new'):
    for r in range(1, rounds + 1):
        for row in json.load(open(f'{work}/{side}-{r}.json')):
            scores.setdefault(key(row['benchmark']), {}).setdefault(side, []).append(row['primaryMetric']['score'])
print(f'| workload | old ({old_rev}) ops/s by round | new ({new_rev}) ops/s by round | new/old (medians) |')
print('|---|---|---|---|')
for name in sorted(scores):
    o, n = scores[name].get('old', []), scores[name].get('new', [])
    fmt = lambda xs: ', '.join(f'{x:,.0f}' for x in xs)
    ratio = statistics.median(n) / statistics.median(o) if o and n else float('nan')
    print(f'| {name} | {fmt(o)} | {fmt(n)} | {ratio:.2f}x |')
PY
