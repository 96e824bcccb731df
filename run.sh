#!/usr/bin/env bash
# Install what MentorDesk needs (once) and open it on the demo data.
#   ./run.sh            the demo data (a separate file, never mixed with yours)
#   ./run.sh --own      your own data file
set -euo pipefail
cd "$(dirname "$0")"
. .ci/bootstrap.sh
# shellcheck disable=SC2086
md_install_system_packages $MD_RUNTIME_PACKAGES
md_venv ""
if [ "${1:-}" = "--own" ]; then
    shift
    exec .venv/bin/mentordesk "$@"
fi
exec .venv/bin/mentordesk --demo "$@"
