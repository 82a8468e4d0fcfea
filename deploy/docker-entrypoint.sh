#!/bin/sh
# The image's command (PID 1 is tini, which forwards signals to the node process exec'd here).
#   motcua <service>            run one service: gateway tenants catalogue intake processing payment postal evaluation
#   motcua migrate [service]    apply the migrations (MIGRATION_DATABASE_URL), then exit
# With no argument the service comes from $SERVICE.
set -eu

SERVICES="gateway tenants catalogue intake processing payment postal evaluation"

command="${1:-${SERVICE:-}}"
[ "$#" -gt 0 ] && shift

cd /app
case " $SERVICES " in
  *" $command "*)
    exec node -r @swc-node/register "apps/$command/src/main.ts" "$@"
    ;;
esac

case "$command" in
  migrate)
    exec node -r @swc-node/register tools/migrate/main.ts "$@"
    ;;
  "")
    echo "motcua: set SERVICE or pass a command: one of: $SERVICES; or: migrate [service]" >&2
    exit 64
    ;;
  *)
    echo "motcua: unknown command '$command'; expected one of: $SERVICES; or: migrate [service]" >&2
    exit 64
    ;;
esac
