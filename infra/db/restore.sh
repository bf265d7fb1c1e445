#!/bin/sh
# Restores an archive of backup.sh into a database: its objects are dropped and made again from the archive
# (--clean --if-exists), owned by the connecting user (--no-owner, no grants), in one transaction: on any
# error nothing changes.
#   infra/db/restore.sh FILE [DATABASE]
# DATABASE defaults to the one of the connection (BUILDTRACE_DB_URL, else PGDATABASE); it is created when it
# does not exist (the user needs CREATEDB then). Stop the API and the workers first: a restore while they
# write fails on their locks or loses what they write.
set -eu
SCRIPT=restore.sh
. "$(dirname "$0")/connection.sh"

[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: infra/db/restore.sh FILE [DATABASE]" >&2; exit 2; }
FILE=$1
require pg_restore
require psql
buildtrace_connection
TARGET=${2:-$PGDATABASE}
[ -r "$FILE" ] || die "cannot read $FILE"
pg_restore --list "$FILE" >/dev/null 2>&1 || die "$FILE is not a pg_dump archive of the custom format (made by backup.sh)"

start=$(date +%s)
exists=$(psql --no-password --dbname=postgres --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '$(printf '%s' "$TARGET" | sed "s/'/''/g")'" 2>&1) \
  || die "cannot reach PostgreSQL on $PGHOST:$PGPORT as ${PGUSER:-$(id -un)}: $exists"
if [ "$exists" != 1 ]; then
  out=$(psql --no-password --dbname=postgres --quiet --command="CREATE DATABASE \"$TARGET\"" 2>&1) \
    || die "cannot create database $TARGET: $out"
fi
if ! out=$(pg_restore --dbname="$TARGET" --clean --if-exists --no-owner --no-acl --exit-on-error \
    --single-transaction --no-password "$FILE" 2>&1); then
  die "restore of $FILE into $TARGET on $PGHOST:$PGPORT failed, nothing changed: $out"
fi
tables=$(psql --no-password --dbname="$TARGET" --tuples-only --no-align \
  --command="SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
migration=$(psql --no-password --dbname="$TARGET" --tuples-only --no-align \
  --command="SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1" 2>/dev/null || true)
echo "restore: $FILE -> $TARGET on $PGHOST:$PGPORT ($tables tables, Flyway at version ${migration:-none}, $(( $(date +%s) - start )) s)"
