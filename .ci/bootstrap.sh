# Shared set-up for run.sh, test.sh and .ci/run: system packages, then .venv.
# Sourced, not run. Installs only what is missing; uses sudo only when not root.

# Python and the libraries Qt needs to load (and to show a window under X11).
MD_RUNTIME_PACKAGES="python3 python3-venv libgl1 libegl1 libxkbcommon0 libglib2.0-0 \
libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0"
# Extra tools the test suite uses (reading PDFs back, a virtual screen).
MD_TEST_PACKAGES="poppler-utils xvfb xauth desktop-file-utils"

md_missing_packages() {
    local missing="" pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing="$missing $pkg"
    done
    echo "$missing"
}

md_install_system_packages() {
    local missing
    # shellcheck disable=SC2086,SC2048
    missing=$(md_missing_packages $*)
    [ -z "$missing" ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "MentorDesk needs these system packages:$missing (install them, then run this again)" >&2
        return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            echo "MentorDesk needs:$missing — run as root or install sudo" >&2; return 1; }
        sudo="sudo"
    fi
    echo "Installing system packages:$missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# md_venv EXTRA: create .venv and install the project (EXTRA is "" or "[test]")
# when pyproject.toml is newer than the last install.
md_venv() {
    local extra=$1
    local stamp=".venv/.installed$extra"
    if [ ! -x .venv/bin/python ]; then
        # Debian's own Python: readable by every user, unlike a per-user pyenv.
        local python=python3
        [ -x /usr/bin/python3 ] && python=/usr/bin/python3
        "$python" -m venv .venv
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e ".$extra"
        touch "$stamp"
    fi
}
