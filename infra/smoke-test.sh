#!/bin/sh
# Smoke test of a deployed BuildTrace API (cloudbuild.yaml runs it after a deployment; SmokeScriptIntegrationTests
# runs it against the API started locally):
#   1. /health answers UP
#   2. /api/v1/auth/me without credentials answers 401
#   3. a tiny comparison runs end to end: two PDFs uploaded and compared directly, followed to "completed",
#      its result.json read
# Usage: infra/smoke-test.sh BASE_URL [OLD.pdf NEW.pdf]   (default: the example set of examples/)
# Environment: BUILDTRACE_SMOKE_API_KEY   an API key (bt_...) limited to the smoke-test project
#              BUILDTRACE_SMOKE_PROJECT   that project's id
#              BUILDTRACE_SMOKE_TIMEOUT   seconds to wait for the comparison (default 300)
# Needs sh and curl. Exit status 0 when every check passed; otherwise the failed check is named on stderr.
set -eu
BASE="${1:?usage: smoke-test.sh BASE_URL [OLD.pdf NEW.pdf]}"
BASE="${BASE%/}"
HERE=$(dirname "$0")
OLD="${2:-$HERE/../examples/clinic-rev-A.pdf}"
NEW="${3:-$HERE/../examples/clinic-rev-B.pdf}"
KEY="${BUILDTRACE_SMOKE_API_KEY:?set BUILDTRACE_SMOKE_API_KEY to an API key of the smoke-test project}"
PROJECT="${BUILDTRACE_SMOKE_PROJECT:?set BUILDTRACE_SMOKE_PROJECT to the smoke-test project id}"
TIMEOUT="${BUILDTRACE_SMOKE_TIMEOUT:-300}"
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
# request METHOD PATH [curl options...]: the status code; the body in $BODY
request() {
  method=$1; path=$2; shift 2
  curl -s -o "$BODY" -w '%{http_code}' --max-time 60 -X "$method" "$@" "$BASE$path" || echo 000
}
# the first string field of that name in $BODY (the comparison's own status comes before its sheets')
field() { grep -o "\"$1\":\"[^\"]*\"" "$BODY" | head -n 1 | sed -E 's/.*:"(.*)"/\1/'; }

code=$(request GET /health)
[ "$code" = 200 ] && grep -q '"status":"UP"' "$BODY" || fail "/health answered $code: $(cat "$BODY")"
echo "smoke: /health UP"

code=$(request GET /api/v1/auth/me)
[ "$code" = 401 ] || fail "/api/v1/auth/me without credentials answered $code, not 401"
echo "smoke: /api/v1/auth/me without credentials 401"

start=$(date +%s)
code=$(request POST "/api/v1/comparisons?projectId=$PROJECT" -H "X-API-Key: $KEY" \
  -F "oldFile=@$OLD;type=application/pdf" -F "newFile=@$NEW;type=application/pdf")
[ "$code" = 202 ] || [ "$code" = 200 ] || fail "comparing $OLD and $NEW answered $code: $(cat "$BODY")"
id=$(sed -n -E 's/^\{"id":"([^"]+)".*/\1/p' "$BODY")
[ -n "$id" ] || fail "no comparison id in: $(cat "$BODY")"
echo "smoke: comparison $id accepted ($code)"

while :; do
  code=$(request GET "/api/v1/comparisons/$id" -H "X-API-Key: $KEY")
  [ "$code" = 200 ] || fail "reading comparison $id answered $code"
  status=$(field status)
  case "$status" in
    queued|running) ;;
    completed) break ;;
    *) fail "comparison $id ended $status: $(field error)" ;;
  esac
  [ $(( $(date +%s) - start )) -lt "$TIMEOUT" ] || fail "comparison $id still $status after $TIMEOUT s"
  sleep 2
done
echo "smoke: comparison $id completed in $(( $(date +%s) - start )) s"

code=$(request GET "/api/v1/comparisons/$id/result.json" -H "X-API-Key: $KEY")
[ "$code" = 200 ] && grep -q '"pages"' "$BODY" || fail "result.json of $id answered $code"
echo "smoke: result.json of $id read; all checks passed"
