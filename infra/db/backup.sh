#!/bin/sh
# Backs up BuildTrace's PostgreSQL database (every table: comparisons, projects, accounts, the Spring Batch job
# repository and Flyway's history) into one pg_dump archive of the custom format, for restore.sh.
#   infra/db/backup.sh FILE
# Connection: BUILDTRACE_DB_URL / BUILDTRACE_DB_USER / BUILDTRACE_DB_PASSWORD, else the PG* variables (see
# connection.sh). The archive is written next to FILE and renamed when complete, so FILE is never a partial
# dump. Prints one line: the database, the file, its size and the time taken.
set -eu
SCRIPT=backup.sh
. "$(dirname "$0")/connection.sh"

[ $# -eq 1 ] || { echo "usage: infra/db/backup.sh FILE" >&2; exit 2; }
FILE=$1
require pg_dump
buildtrace_connection
[ ! -e "$FILE" ] || die "$FILE exists; choose a new file name (backups are never overwritten)"
dir=$(dirname "$FILE")
[ -d "$dir" ] && [ -w "$dir" ] || die "cannot write into $dir"

start=$(date +%s)
partial="$FILE.partial"
trap 'rm -f "$partial"' EXIT
if ! pg_dump --format=custom --compress=6 --no-password --file="$partial" 2>"$partial.err"; then
  err=$(cat "$partial.err"); rm -f "$partial.err"
  die "pg_dump of $PGDATABASE on $PGHOST:$PGPORT failed: $err"
fi
rm -f "$partial.err"
mv "$partial" "$FILE"
trap - EXIT
bytes=$(wc -c <"$FILE" | tr -d ' ')
echo "backup: $PGDATABASE on $PGHOST:$PGPORT -> $FILE ($bytes bytes, $(( $(date +%s) - start )) s)"
