#!/bin/sh
# Runs the shared accuracy and speed benchmark (../shared/bench) on the command line of this checkout.
#   bench/run-bench.sh [dev|full] [extra run-bench options]
# The last line printed is the score summary. Needs ../shared/bench/install-deps to have been run once.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROFILE=${1:-dev}
[ $# -gt 0 ] && shift
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
cd "$ROOT"
mvn -q -B -Dstyle.color=never -DskipTests -pl batch-jobs -am package
# one warm-up run records the class-data-sharing archive, as a user's first run would
bin/buildtrace compare examples/clinic-rev-A.pdf examples/clinic-rev-B.pdf --out "${TMPDIR:-/tmp}/buildtrace-warmup" --quiet >/dev/null
exec "$BENCH/run-bench" --cmd 'bin/buildtrace compare {old} {new} --out {out}' --profile "$PROFILE" "$@"
