#!/bin/sh
# The container image's entrypoint (launcher-api's Jib build puts it in /app/bin). One image, two roles:
#   serve [--server.port=...]    the launcher API (Kubernetes Deployment, Cloud Run service)
#   worker | compare ... | --version | anything else   the buildtrace command line (workers as Kubernetes Indexed
#                                                      Jobs or Cloud Run tasks, scheduled compares, one-off runs)
# Jib's layout: /app/libs (dependencies, batch-jobs and schemas included), /app/resources and /app/classes (the
# API's own). The command line runs on /app/libs only, so the API's classes and settings stay out of it.
set -e
APP="${BUILDTRACE_APP_DIR:-/app}"
if [ "${1:-}" = "serve" ]; then
  shift
  # a long-lived server: most of the container's memory for the heap (comparisons run in it by default)
  exec java ${BUILDTRACE_JVM_OPTS:--XX:MaxRAMPercentage=75 -Djava.awt.headless=true} ${JAVA_OPTS:-} \
    -cp "$APP/resources:$APP/classes:$APP/libs/*" com.buildtrace.api.LauncherApiApplication "$@"
fi
exec java ${BUILDTRACE_JVM_OPTS:--XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Djava.awt.headless=true} ${JAVA_OPTS:-} \
  -cp "$APP/libs/*" com.buildtrace.cli.BuildTraceCli "$@"
