#!/bin/sh
# Runs the built image without a Docker engine and checks it: unpacks the layers of the image tarball (Jib's
# jib:buildTar, `docker save`) into a root file system, then, in mount and PID namespaces of their own (a fresh
# /proc, a /dev of the usual devices, a /dev/shm), chroots into it as the image's user with the image's
# environment and entrypoint, as a container runtime would, and
#   1. answers `--version` (the expected version given as the second argument is checked);
#   2. compares the two example sets of examples/ end to end (the command line with its embedded PostgreSQL):
#      PDFBox renders, OpenCV's natives load (ldd shows what they link: no X, no GL) and result.json is written;
#   3. finds the Cloud SQL connector (socket factory) on the classpath the image's java runs with;
#   4. finds no X11, xcb or GL library anywhere in the image.
# Prints the layers (compressed and unpacked sizes) and the time of each step.
#
#   infra/image/verify-image.sh IMAGE.tar [VERSION]          (as root: chroot and namespaces need it)
#
# BUILDTRACE_VERIFY_KEEP=DIR keeps the unpacked file system there (otherwise a temporary folder, removed).
set -eu
SCRIPT=verify-image.sh
HERE=$(cd "$(dirname "$0")" && pwd)
EXAMPLES=$(cd "$HERE/../../examples" && pwd)

die() {
  echo "$SCRIPT: $*" >&2
  exit 1
}

[ $# -ge 1 ] || die "usage: $SCRIPT IMAGE.tar [VERSION]"
IMAGE=$1
VERSION=${2:-}
[ -f "$IMAGE" ] || die "$IMAGE not found (build it: mvn -B -pl launcher-api -am -Pimage verify)"
[ "$(id -u)" = 0 ] || die "run as root (chroot and the namespaces need it)"
for tool in jq unshare chroot tar unzip; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
done

WORK=${BUILDTRACE_VERIFY_KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/buildtrace-image-XXXXXX")}
mkdir -p "$WORK"
if [ -z "${BUILDTRACE_VERIFY_KEEP:-}" ]; then
  trap 'rm -rf --one-file-system "$WORK"' EXIT
fi
ROOTFS="$WORK/rootfs"
rm -rf --one-file-system "$ROOTFS" "$WORK/image"
mkdir -p "$ROOTFS" "$WORK/image"

now() {
  date +%s.%N
}
since() {
  awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'
}

# 0. unpack: the layers in order, whiteouts (.wh.NAME deletes NAME, .wh..wh..opq empties the folder) applied
t=$(now)
tar -C "$WORK/image" -xf "$IMAGE"
[ -f "$WORK/image/manifest.json" ] || die "$IMAGE has no manifest.json: not an image tarball of docker-save format"
CONFIG="$WORK/image/$(jq -r '.[0].Config' "$WORK/image/manifest.json")"
echo "layers of $IMAGE ($(du -m "$IMAGE" | cut -f1) MB):"
i=0
jq -r '.[0].Layers[]' "$WORK/image/manifest.json" | while read -r layer; do
  blob="$WORK/image/$layer"
  tar --warning=no-unknown-keyword -tf "$blob" | grep -E '(^|/)\.wh\.' | while read -r wh; do
    dir=$(dirname "$wh")
    case "$(basename "$wh")" in
      .wh..wh..opq) find "$ROOTFS/$dir" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} + ;;
      *) rm -rf --one-file-system "$ROOTFS/$dir/$(basename "$wh" | sed 's/^\.wh\.//')" ;;
    esac
  done
  tar --warning=no-unknown-keyword --numeric-owner --exclude='.wh.*' -C "$ROOTFS" -xf "$blob"
  unpacked=$(tar --warning=no-unknown-keyword -xOf "$blob" | wc -c)
  what=$(jq -r --argjson i "$i" '[.history[] | select(.empty_layer != true)][$i] | (.comment // .created_by // "")' \
    "$CONFIG" | cut -c1-60)
  printf '  %-12s %8.1f MB compressed %8.1f MB unpacked  %s\n' "$(echo "$layer" | cut -c1-12)" \
    "$(du -k "$blob" | cut -f1 | awk '{ print $1 / 1024 }')" "$(echo "$unpacked" | awk '{ print $1 / 1048576 }')" "$what"
  i=$((i + 1))
done
echo "unpacked: $(du -sm "$ROOTFS" | cut -f1) MB in $(since "$t")"

# the container as a runtime would start it
USER_ID=$(jq -r '.config.User // "0"' "$CONFIG" | cut -d: -f1)
GROUP_ID=$(awk -F: -v u="$USER_ID" '$3 == u { print $4 }' "$ROOTFS/etc/passwd")
HOME_DIR=$(awk -F: -v u="$USER_ID" '$3 == u { print $6 }' "$ROOTFS/etc/passwd")
WORKDIR=$(jq -r '.config.WorkingDir // "/"' "$CONFIG")
[ -n "$WORKDIR" ] || WORKDIR=/
jq -r '.config.Env[]' "$CONFIG" >"$WORK/env"
echo "HOME=${HOME_DIR:-/}" >>"$WORK/env"
jq -r '.config.Entrypoint[]' "$CONFIG" >"$WORK/entrypoint"

# run [args...]: the entrypoint with these arguments; in_container CMD...: any command, as the image's user
in_container() {
  # shellcheck disable=SC2016
  timeout 900 unshare --mount --pid --fork --mount-proc="$ROOTFS/proc" sh -eu -c '
    root=$1; user=$2; workdir=$3; envfile=$4; shift 4
    mount -t tmpfs -o mode=755,nosuid dev "$root/dev"
    for d in null zero full random urandom tty; do
      touch "$root/dev/$d"
      mount --bind "/dev/$d" "$root/dev/$d"
    done
    mkdir "$root/dev/shm" "$root/dev/pts"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
    ln -s /proc/self/fd "$root/dev/fd"
    ln -s /proc/self/fd/0 "$root/dev/stdin"
    ln -s /proc/self/fd/1 "$root/dev/stdout"
    ln -s /proc/self/fd/2 "$root/dev/stderr"
    set -- /usr/bin/env -i $(cat "$envfile") /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$workdir" "$@"
    exec chroot --userspec="$user" "$root" "$@"
  ' sh "$ROOTFS" "$USER_ID:${GROUP_ID:-0}" "$WORKDIR" "$WORK/env" "$@"
}
run() {
  # the entrypoint has no spaces in its words (checked by the tests of the image configuration)
  # shellcheck disable=SC2046
  in_container $(cat "$WORK/entrypoint") "$@"
}

# 1. --version
t=$(now)
out=$(run --version 2>&1) || die "--version failed: $out"
case "$out" in
  "buildtrace ${VERSION}"*) echo "--version: $out ($(since "$t"))" ;;
  *) die "--version answered '$out', not 'buildtrace ${VERSION}...'" ;;
esac

# 2. a real comparison of the examples, on the embedded PostgreSQL, as the image's user
mkdir -p "$ROOTFS/tmp/examples"
cp "$EXAMPLES"/*.pdf "$ROOTFS/tmp/examples/"
chown -R "$USER_ID:${GROUP_ID:-0}" "$ROOTFS/tmp/examples"
t=$(now)
old=$(ls "$ROOTFS"/tmp/examples/*.pdf | head -n 1)
new=$(ls "$ROOTFS"/tmp/examples/*.pdf | sed -n 2p)
old=/tmp/examples/$(basename "$old")
new=/tmp/examples/$(basename "$new")
if ! run compare "$old" "$new" --out /tmp/examples/out >"$WORK/compare.log" 2>&1; then
  tail -n 30 "$WORK/compare.log" >&2
  die "compare $old $new failed in the image (log above)"
fi
result="$ROOTFS/tmp/examples/out/result.json"
[ -s "$result" ] || die "compare wrote no result.json"
summary=$(jq -r '.summary | "\(.sheets) sheets, \(.changed) changed, \(.regions) change regions, \(.failed) failed"' \
  "$result")
[ "$(jq -r '.summary.failed' "$result")" = 0 ] && [ "$(jq -r '.summary.regions' "$result")" -gt 0 ] \
  || die "the comparison of the examples should find changes and fail no sheet: $summary"
echo "compare $(basename "$old") $(basename "$new"): $summary ($(since "$t"))"

# OpenCV's natives for this platform, from the jar the comparison loaded them from: every library they need is in
# the image
jar=$(ls "$ROOTFS"/app/libs/opencv-*.jar | head -n 1)
[ -n "$jar" ] || die "no OpenCV jar in /app/libs"
mkdir -p "$ROOTFS/tmp/opencv"
unzip -q -o -j "$jar" 'nu/pattern/opencv/linux/x86_64/*.so' -d "$ROOTFS/tmp/opencv"
lib=$(ls "$ROOTFS"/tmp/opencv/*.so | head -n 1)
deps=$(in_container /usr/bin/ldd "${lib#"$ROOTFS"}")
case "$deps" in *"not found"*) die "OpenCV's natives miss libraries in the image: $deps" ;; esac
echo "OpenCV natives ($(basename "$jar")) link: $(echo "$deps" | awk '{ print $1 }' | grep -v '^/' | tr '\n' ' ')"

# 3. the Cloud SQL connector on the image's classpath: java finds the class (and says it has no main method)
out=$(in_container java -cp '/app/libs/*' com.google.cloud.sql.postgres.SocketFactory 2>&1 || true)
case "$out" in
  *"Main method not found in class com.google.cloud.sql.postgres.SocketFactory"*)
    echo "Cloud SQL connector: $(ls "$ROOTFS/app/libs" | grep -E '^postgres-socket-factory-.*\.jar$')" ;;
  *) die "the Cloud SQL connector is not on the image's classpath: $out" ;;
esac

# 4. no X, no GL
found=$(find "$ROOTFS" -xdev \( -name 'libX11.so*' -o -name 'libxcb.so*' -o -name 'libGL*.so*' \) | head -n 3)
[ -z "$found" ] || die "X or GL libraries in the image: $found"
echo "no X11, xcb or GL libraries in the image"
echo "$SCRIPT: $IMAGE is good"
