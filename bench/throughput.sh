#!/bin/sh
# Throughput of compareSheetsStep: a 12-sheet set of full-size sheets (bench/make-set.py --large) compared
# with 1 and with 2 partitions at once, in worker processes and in-process, one engine thread per partition;
# each configuration RUNS times (default 3).
#   bench/throughput.sh [DPI] [RUNS]
# Prints, per configuration, the median time of the partitioned step (from the job's log), the median wall
# time of the whole command, the peak RSS of the command's process (which runs the partitions in-process)
# and the largest peak RSS of a worker process. Needs ../shared/bench cases
# (generated here if missing) and PyMuPDF (../shared/bench/install-deps).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DPI=${1:-300}
RUNS=${2:-3}
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
WORK=${TMPDIR:-/tmp}/buildtrace-throughput
CASES=${TMPDIR:-/tmp}/buildtrace-bench/cases/full-seed1
if [ ! -f "$CASES/index.json" ]; then
  /usr/bin/python3 "$BENCH/make_cases.py" --profile full --seed 1 --out "$CASES"
fi
/usr/bin/python3 "$ROOT/bench/make-set.py" "$CASES" "$WORK/set" --sheets 12 --large
cd "$ROOT"
mvn -q -B -Dstyle.color=never -DskipTests -pl batch-jobs -am package
bin/buildtrace compare examples/clinic-rev-A.pdf examples/clinic-rev-B.pdf --out "$WORK/warmup" --quiet >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# step_seconds LOG: duration of compareSheetsStep as Spring Batch logged it ("executed in 1m2s345ms")
step_seconds() {
  grep -o 'Step: \[compareSheetsStep\] executed in [0-9hms]*' "$1" | tail -n 1 | sed 's/.*executed in //' |
    awk '{ s = 0; t = $0
           if (match(t, /[0-9]+h/)) s += 3600 * substr(t, RSTART, RLENGTH - 1)
           if (match(t, /[0-9]+m[^s]/) || match(t, /[0-9]+m$/)) s += 60 * substr(t, RSTART, RLENGTH - 1)
           if (match(t, /[0-9]+s/)) s += substr(t, RSTART, RLENGTH - 1)
           if (match(t, /[0-9]+ms/)) s += substr(t, RSTART, RLENGTH - 2) / 1000
           printf "%.2f\n", s }'
}

run_config() { # NAME OPTIONS...
  name=$1; shift
  steps=""; walls=""; rss=""; main=""
  i=1
  while [ "$i" -le "$RUNS" ]; do
    out="$WORK/$name-$i"
    rm -rf "$out"
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$out.rss" bin/buildtrace compare "$WORK/set/old.pdf" "$WORK/set/new.pdf" \
      --out "$out" --dpi "$DPI" --quiet --no-full-images "$@" >/dev/null
    main="$main $(($(tail -n 1 "$out.rss") / 1024))"
    end=$(date +%s.%N)
    walls="$walls $(echo "$end - $start" | bc)"
    steps="$steps $(step_seconds "$out/logs/buildtrace.log")"
    for log in "$out"/logs/worker-*.log; do
      [ -f "$log" ] && rss="$rss $(grep -o 'peak RSS [0-9]*' "$log" | grep -o '[0-9]*$')"
    done
    i=$((i + 1))
  done
  s=$(echo "$steps" | tr ' ' '\n' | grep . | median)
  w=$(echo "$walls" | tr ' ' '\n' | grep . | median)
  r=$(echo "$rss" | tr ' ' '\n' | grep . | sort -n | tail -n 1)
  m=$(echo "$main" | tr ' ' '\n' | grep . | sort -n | tail -n 1)
  echo "$name step_s=$s wall_s=$w main_peak_rss_mb=$m worker_peak_rss_mb=${r:--}"
  eval "STEP_$name=$s"
}

echo "12 sheets at $DPI dpi, $RUNS runs each, median"
run_config proc1 --worker-processes 1 --threads 1
run_config proc2 --worker-processes 2 --threads 1
run_config thread1 --parallel 1 --threads 1
run_config thread2 --parallel 2 --threads 1
echo "ratio worker processes 1->2: $(echo "scale=2; $STEP_proc1 / $STEP_proc2" | bc)x;" \
  "in-process partitions 1->2: $(echo "scale=2; $STEP_thread1 / $STEP_thread2" | bc)x"
