# Sourced by backup.sh and restore.sh: turns BuildTrace's database settings into libpq's PG* variables.
#   BUILDTRACE_DB_URL       jdbc:postgresql://HOST[:PORT]/DATABASE[?sslmode=...]   (as the application reads it)
#   BUILDTRACE_DB_USER, BUILDTRACE_DB_PASSWORD
# Without BUILDTRACE_DB_URL the PG* variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ...) apply as
# they are. The Cloud SQL Java connector (a socketFactory URL, or BUILDTRACE_DB_CLOUDSQL_INSTANCE) cannot be used by
# pg_dump: run the Cloud SQL Auth Proxy and point PGHOST/PGPORT at it instead (infra/runbooks/backup-restore.md).

die() {
  echo "$SCRIPT: $*" >&2
  exit 1
}

buildtrace_connection() {
  if [ -n "${BUILDTRACE_DB_CLOUDSQL_INSTANCE:-}" ]; then
    die "BUILDTRACE_DB_CLOUDSQL_INSTANCE uses the Cloud SQL connector; unset it, start a Cloud SQL Auth Proxy (cloud-sql-proxy --port=5432 $BUILDTRACE_DB_CLOUDSQL_INSTANCE) and set PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE"
  fi
  if [ -n "${BUILDTRACE_DB_URL:-}" ]; then
    case "$BUILDTRACE_DB_URL" in
      *socketFactory*) die "BUILDTRACE_DB_URL uses the Cloud SQL connector; unset it and set PGHOST/PGPORT to a Cloud SQL Auth Proxy" ;;
      jdbc:postgresql://*/*) ;;
      *) die "BUILDTRACE_DB_URL must look like jdbc:postgresql://HOST[:PORT]/DATABASE, not '$BUILDTRACE_DB_URL'" ;;
    esac
    rest=${BUILDTRACE_DB_URL#jdbc:postgresql://}
    hostport=${rest%%/*}
    database=${rest#*/}
    query=
    case "$database" in *\?*) query=${database#*\?}; database=${database%%\?*} ;; esac
    case "$hostport" in
      *:*) PGHOST=${hostport%:*}; PGPORT=${hostport##*:} ;;
      *) PGHOST=$hostport; PGPORT=5432 ;;
    esac
    PGDATABASE=$database
    export PGHOST PGPORT PGDATABASE
    sslmode=$(printf '%s\n' "$query" | tr '&' '\n' | sed -n 's/^sslmode=//p')
    if [ -n "$sslmode" ]; then export PGSSLMODE="$sslmode"; fi
  fi
  if [ -n "${BUILDTRACE_DB_USER:-}" ]; then export PGUSER="$BUILDTRACE_DB_USER"; fi
  if [ -n "${BUILDTRACE_DB_PASSWORD:-}" ]; then export PGPASSWORD="$BUILDTRACE_DB_PASSWORD"; fi
  [ -n "${PGDATABASE:-}" ] || die "no database: set BUILDTRACE_DB_URL (jdbc:postgresql://HOST:PORT/DATABASE) or PGHOST, PGPORT, PGDATABASE"
  PGHOST=${PGHOST:-localhost}
  PGPORT=${PGPORT:-5432}
  export PGHOST PGPORT
}

require() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found: install the PostgreSQL client tools (apt-get install postgresql-client), of the server's major version or newer"
}
