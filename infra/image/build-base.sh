#!/bin/sh
# The base image of the offline image build, without Docker Hub and without a Docker engine: a minimal Debian 12
# (bookworm) made with debootstrap from Debian's own archive, with OpenJDK 17's headless runtime (Debian's
# security updates applied), CA certificates (the JDK's cacerts too), the Liberation and DejaVu fonts for PDFs
# that do not embed theirs, and the user nonroot (65532, home /home/nonroot) that the image runs as. OpenCV's
# natives in the openpnp jar need only libc, libm, libstdc++ and libgcc_s: no X, no GL.
#
#   infra/image/build-base.sh [--if-missing] [OUTPUT.tar]   (as root; default target/image/buildtrace-base.tar)
#
# --if-missing keeps an OUTPUT.tar that exists (the image profile's build uses it; delete the file to refresh
# the base with Debian's latest security updates).
#
# Writes a docker-save tarball (write-image-tar.sh) that Jib takes as its base:
#   mvn -B -pl launcher-api -am -Pimage verify    (see infra/README.md, "The image without Docker Hub")
# Settings: BUILDTRACE_DEBIAN_MIRROR (default http://deb.debian.org/debian), BUILDTRACE_DEBIAN_SECURITY
# (default http://deb.debian.org/debian-security). Takes 2-4 minutes and downloads about 100 MB.
set -eu
SCRIPT=build-base.sh
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
IF_MISSING=false
if [ "${1:-}" = "--if-missing" ]; then
  IF_MISSING=true
  shift
fi
OUT=${1:-$ROOT/target/image/buildtrace-base.tar}
MIRROR=${BUILDTRACE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY=${BUILDTRACE_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
SUITE=bookworm
PACKAGES="openjdk-17-jre-headless ca-certificates fonts-liberation fonts-dejavu-core"

die() {
  echo "$SCRIPT: $*" >&2
  exit 1
}

if $IF_MISSING && [ -s "$OUT" ]; then
  echo "$SCRIPT: keeping $OUT (built $(date -r "$OUT" +%Y-%m-%d); delete it to build it again)" >&2
  exit 0
fi
[ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null 2>&1 || die "debootstrap not found: apt-get install debootstrap"
command -v unshare >/dev/null 2>&1 || die "unshare not found: apt-get install util-linux"

start=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buildtrace-base-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"

echo "$SCRIPT: debootstrap $SUITE (minbase) from $MIRROR" >&2
debootstrap --variant=minbase --arch=amd64 "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -n 20 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

cat >"$ROOTFS/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY $SUITE-security main
EOF
# no recommends (the JDK's would bring X fonts and libraries); no docs or man pages
cat >"$ROOTFS/etc/apt/apt.conf.d/90buildtrace" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
EOF
cat >"$ROOTFS/etc/dpkg/dpkg.cfg.d/90buildtrace" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF

echo "$SCRIPT: installing $PACKAGES (with $SUITE-security)" >&2
# in a mount namespace of its own: the /proc that maintainer scripts (and the JDK's) need goes with it
unshare --mount --fork sh -eu -c '
  mount -t proc proc "$1/proc"
  export DEBIAN_FRONTEND=noninteractive LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin
  chroot "$1" apt-get update -qq
  chroot "$1" apt-get upgrade -y -qq
  chroot "$1" apt-get install -y -qq $2
  chroot "$1" groupadd --gid 65532 nonroot
  chroot "$1" useradd --uid 65532 --gid 65532 --home-dir /home/nonroot --create-home --shell /usr/sbin/nologin nonroot
  chroot "$1" apt-get clean
' sh "$ROOTFS" "$PACKAGES" >"$WORK/apt.log" 2>&1 \
  || { tail -n 20 "$WORK/apt.log" >&2; die "installing the packages failed (log above)"; }

JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
[ -x "$ROOTFS$JAVA_HOME/bin/java" ] || die "no java in $JAVA_HOME"
[ -s "$ROOTFS/etc/ssl/certs/java/cacerts" ] || die "the JDK's CA certificates (cacerts) were not made"
JAVA_VERSION=$(chroot "$ROOTFS" dpkg-query -W -f '${Version}' openjdk-17-jre-headless)

# what a container runtime provides, or what belongs to the machine that built it
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/cache/debconf/*-old \
  "$ROOTFS"/var/lib/dpkg/*-old "$ROOTFS"/var/log/* "$ROOTFS"/tmp/* "$ROOTFS"/dev/* "$ROOTFS"/root/.bash_history
find "$ROOTFS/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
: >"$ROOTFS/etc/hostname"
: >"$ROOTFS/etc/resolv.conf"
: >"$ROOTFS/etc/machine-id"
# the runtime usually mounts its own; without one, localhost still resolves (the embedded PostgreSQL needs it)
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOTFS/etc/hosts"

# nothing of X or GL: the image's OpenCV and AWT (headless) must work without them
found=$(find "$ROOTFS/usr/lib" "$ROOTFS/lib" -name 'libX11.so*' -o -name 'libGL*.so*' -o -name 'libxcb.so*' | head -n 3)
[ -z "$found" ] || die "X or GL libraries in the base: $found"

BUILDTRACE_IMAGE_TAG=buildtrace-base:$SUITE-java17 \
  BUILDTRACE_IMAGE_HISTORY="$SCRIPT: debootstrap --variant=minbase $SUITE; apt-get install $PACKAGES" \
  sh "$HERE/write-image-tar.sh" "$ROOTFS" "$OUT" \
  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "LANG=C.UTF-8" "JAVA_HOME=$JAVA_HOME" \
  >/dev/null
echo "$SCRIPT: wrote $OUT ($(du -m "$OUT" | cut -f1) MB, Debian $(cat "$ROOTFS/etc/debian_version")," \
  "openjdk-17-jre-headless $JAVA_VERSION) in $(( $(date +%s) - start )) s" >&2
