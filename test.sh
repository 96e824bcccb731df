#!/usr/bin/env bash
# Install what the tests need (once), then run the linters and the whole test suite.
# Extra arguments go to pytest, e.g. ./test.sh tests/unit -x
set -euo pipefail
cd "$(dirname "$0")"
. .ci/bootstrap.sh
# shellcheck disable=SC2086
md_install_system_packages $MD_RUNTIME_PACKAGES $MD_TEST_PACKAGES
md_venv "[test]"
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check mentordesk tests main.py
echo "== mypy"
.venv/bin/mypy mentordesk
echo "== pytest"
set +e
.venv/bin/python -m pytest -p no:cacheprovider "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
    echo "test.sh: no test ran — that is a failure" >&2
    exit 1
fi
exit $rc
