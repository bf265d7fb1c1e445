#!/bin/sh
# Writes a root file system (a folder) as a one-layer image tarball in the format of `docker save`, which Jib
# reads as a base image (tar://...) and `docker load` or `podman load` would load: manifest.json, the image
# configuration (named by its SHA-256) and the layer (an uncompressed tar, its SHA-256 the diff_id).
#
#   infra/image/write-image-tar.sh ROOTFS OUTPUT.tar [NAME=VALUE ...]     (environment of the image)
#
# Prints the image id (sha256:... of the configuration). The layer keeps owners, modes and links (run it as root
# for a root file system of root's files) and is reproducible: entries in name order, and with SOURCE_DATE_EPOCH
# set, no time later than it, which is then also the image's creation time. Settings: BUILDTRACE_IMAGE_TAG
# (default buildtrace-base:latest), BUILDTRACE_IMAGE_HISTORY (what made the layer).
set -eu
SCRIPT=write-image-tar.sh

die() {
  echo "$SCRIPT: $*" >&2
  exit 1
}

[ $# -ge 2 ] || die "usage: $SCRIPT ROOTFS OUTPUT.tar [NAME=VALUE ...]"
ROOTFS=$1
OUT=$2
shift 2
[ -d "$ROOTFS" ] || die "$ROOTFS is not a folder"
[ -n "$(ls -A "$ROOTFS")" ] || die "$ROOTFS is empty"
TAG=${BUILDTRACE_IMAGE_TAG:-buildtrace-base:latest}
HISTORY=${BUILDTRACE_IMAGE_HISTORY:-$SCRIPT $(basename "$ROOTFS")}

json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

mkdir -p "$(dirname "$OUT")"
STAGE=$(mktemp -d "$(dirname "$OUT")/.image-XXXXXX")
trap 'rm -rf "$STAGE"' EXIT

TAR_TIME=""
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  CREATED=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
  TAR_TIME="--mtime=@$SOURCE_DATE_EPOCH --clamp-mtime"
else
  CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
fi

# entries without a leading ./, as in the layers of registries
(cd "$ROOTFS" && ls -A) | sort >"$STAGE/top"
# shellcheck disable=SC2086
tar -C "$ROOTFS" --sort=name --numeric-owner --format=gnu $TAR_TIME -cf "$STAGE/layer.tar" -T "$STAGE/top"
LAYER=$(sha256sum "$STAGE/layer.tar" | cut -d' ' -f1)
mkdir "$STAGE/$LAYER"
mv "$STAGE/layer.tar" "$STAGE/$LAYER/layer.tar"

env_json=""
for e in "$@"; do
  case "$e" in *=*) ;; *) die "environment entries are NAME=VALUE, not '$e'" ;; esac
  env_json="$env_json${env_json:+,}$(json_string "$e")"
done
printf '{"architecture":"amd64","os":"linux","created":"%s","config":{"Env":[%s],"Cmd":["/bin/sh"]},' \
  "$CREATED" "$env_json" >"$STAGE/config.json"
printf '"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"%s","created_by":%s}]}' \
  "$LAYER" "$CREATED" "$(json_string "$HISTORY")" >>"$STAGE/config.json"
CONFIG=$(sha256sum "$STAGE/config.json" | cut -d' ' -f1)
mv "$STAGE/config.json" "$STAGE/$CONFIG.json"
printf '[{"Config":"%s.json","RepoTags":[%s],"Layers":["%s/layer.tar"]}]' "$CONFIG" "$(json_string "$TAG")" \
  "$LAYER" >"$STAGE/manifest.json"

# shellcheck disable=SC2086
tar -C "$STAGE" --sort=name --owner=0 --group=0 --numeric-owner --format=gnu $TAR_TIME \
  -cf "$STAGE/image.tar" manifest.json "$CONFIG.json" "$LAYER"
mv "$STAGE/image.tar" "$OUT"
echo "sha256:$CONFIG"
