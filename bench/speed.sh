#!/bin/sh
# Times the engine against pdfcompare 1.2.3 (the shared bench's Java peer) on one sheet pair, as whole
# processes: a warm-up, then RUNS runs of each, alternating; prints median wall time and peak RSS.
#   bench/speed.sh OLD.pdf NEW.pdf [DPI] [RUNS]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OLD=$1
NEW=$2
DPI=${3:-150}
RUNS=${4:-5}
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
PEER=$("$BENCH/peers/pdfcompare/build")
cd "$ROOT"
mvn -q -B -Dstyle.color=never -DskipTests -pl batch-jobs -am package
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
ours() { bin/buildtrace compare "$OLD" "$NEW" --out "$OUT/ours" --dpi "$DPI" --quiet >/dev/null; }
peer() { java -cp "$PEER" PdfComparePeer "$OLD" "$NEW" --out "$OUT/peer" --dpi "$DPI" >/dev/null; }
ours; peer # warm-up (also records the class-data-sharing archive)
: > "$OUT/ours.txt"; : > "$OUT/peer.txt"
i=0
while [ $i -lt "$RUNS" ]; do
  /usr/bin/time -f "%e %M" -a -o "$OUT/ours.txt" bin/buildtrace compare "$OLD" "$NEW" --out "$OUT/ours" --dpi "$DPI" --quiet >/dev/null
  /usr/bin/time -f "%e %M" -a -o "$OUT/peer.txt" java -cp "$PEER" PdfComparePeer "$OLD" "$NEW" --out "$OUT/peer" --dpi "$DPI" >/dev/null
  i=$((i + 1))
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
OW=$(cut -d' ' -f1 "$OUT/ours.txt" | median); OM=$(cut -d' ' -f2 "$OUT/ours.txt" | median)
PW=$(cut -d' ' -f1 "$OUT/peer.txt" | median); PM=$(cut -d' ' -f2 "$OUT/peer.txt" | median)
echo "dpi=$DPI runs=$RUNS buildtrace: wall ${OW}s peak $((OM / 1024)) MB | pdfcompare: wall ${PW}s peak $((PM / 1024)) MB | speed-up $(echo "$PW $OW" | awk '{printf "%.2f", $1/$2}')x"
