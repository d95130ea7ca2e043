#!/usr/bin/env bash
# Virtual-thread smoke test of the cache demo, for CI: smoke.sh's run with
# spring.threads.virtual.enabled=true on a JDK 21+ (Tomcat then serves each request on a virtual
# thread, which calls the cache and the client), a burst of 200 concurrent lookups, and a JFR
# recording of every jdk.VirtualThreadPinned event (threshold 0). Fails when the demo does not
# report virtual threads or when a virtual thread was pinned with a frame of this project's code
# on its stack, except while the JVM loaded or initialised a class for it (a one-time wait per
# class that pins even on Java 25). Other pins (Tomcat, the JDK) are listed but do not fail it.
#
# Usage: samples/cache-demo/smoke-virtual.sh
# Environment: VIRTUAL_JAVA_HOME, a JDK 21+ (default: JAVA_HOME when it is 21+, else
# /usr/lib/jvm/temurin-25-jdk-amd64). Without one the script says so and exits 0.
set -euo pipefail

cd "$(dirname "$0")/../.."
readonly LOG=samples/cache-demo/target/smoke-virtual.log
readonly JFR=$PWD/samples/cache-demo/target/smoke-virtual.jfr

feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java_home=${VIRTUAL_JAVA_HOME:-}
if [[ -z $java_home && -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && (($(feature "$JAVA_HOME") >= 21)); then
    java_home=$JAVA_HOME
fi
java_home=${java_home:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [[ ! -x $java_home/bin/java ]] || (($(feature "$java_home") < 21)); then
    echo "smoke-virtual: SKIPPED: no JDK 21+ (set VIRTUAL_JAVA_HOME); virtual threads need one"
    exit 0
fi
echo "smoke-virtual: JDK $(feature "$java_home") at $java_home"

mkdir -p "$(dirname "$JFR")"
rm -f "$JFR"
JAVA_HOME=$java_home \
SPRING_THREADS_VIRTUAL_ENABLED=true \
SMOKE_LOG=$LOG \
SMOKE_BURST=200 \
SMOKE_GOALS="spring-boot:test-run -Dspring-boot.run.jvmArguments=-XX:StartFlightRecording=filename=$JFR,dumponexit=true,jdk.VirtualThreadPinned#threshold=0ms" \
    bash samples/cache-demo/smoke.sh

grep -q "Requests run on virtual threads" "$LOG" \
    || { echo "smoke-virtual: FAILED: the demo does not report virtual threads (see $LOG)" >&2; exit 1; }
[[ -s $JFR ]] || { echo "smoke-virtual: FAILED: no JFR recording at $JFR" >&2; exit 1; }
pinned=$("$java_home/bin/jfr" print --stack-depth 64 --events jdk.VirtualThreadPinned "$JFR")
count=$(grep -c '^jdk.VirtualThreadPinned' <<<"$pinned" || true)
echo "smoke-virtual: jdk.VirtualThreadPinned events (any duration): $count"
if ((count > 0)); then
    echo "$pinned" | head -n 60
    # One record per event; ours = a frame of org.dragonflyclient, not during class loading or initialisation.
    ours=$(awk -v RS='jdk.VirtualThreadPinned {' 'NR > 1 && /org\.dragonflyclient/ && !/initialization of|ClassLoader\.loadClass/ { n++ } END { print n + 0 }' <<<"$pinned")
    echo "smoke-virtual: of which pinned in this project's code outside class loading: $ours"
    if ((ours > 0)); then
        echo "smoke-virtual: FAILED: a virtual thread was pinned with this project's code on its stack" >&2
        exit 1
    fi
fi
echo "smoke-virtual: OK"
