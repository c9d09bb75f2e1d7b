#!/bin/sh
# Install everything flowgen needs on a fresh Debian or Ubuntu machine, into ./.venv.
#   sh scripts/install.sh        the program (Graphviz, fonts, Python packages)
#   sh scripts/install.sh test   the same, plus what the test suite needs
# System packages come from apt (as root, or through sudo); Python packages from PyPI.
set -eu
cd "$(dirname "$0")/.."

want_test=no
[ "${1:-}" = "test" ] && want_test=yes

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    echo "flowgen needs Python 3.11 or newer: apt-get install python3" >&2
    exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "flowgen needs Python 3.11 or newer; $("$python" --version 2>&1) was found" >&2
    exit 1
fi

# Graphviz lays out the flowchart; Liberation fonts (metric-compatible with Arial and
# Times New Roman) and URW Bookman are the typefaces of the shipped style sheets;
# poppler-utils (pdfinfo, pdftotext) lets the tests read the PDFs back; chromium (Debian's, driven
# by the playwright package, never a downloaded browser) opens the catalogue and the editor in the tests.
# LibreOffice Writer without its GUI (soffice --headless) converts the DOCX output to PDF in the tests.
packages="graphviz fonts-liberation2 fonts-urw-base35"
[ "$want_test" = yes ] && packages="$packages poppler-utils chromium libreoffice-writer-nogui"
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    packages="$packages python3-venv"
fi

missing=""
if command -v dpkg >/dev/null 2>&1; then
    for p in $packages; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
elif ! command -v dot >/dev/null 2>&1; then
    echo "please install Graphviz and the Liberation fonts with your system's package manager" >&2
    exit 1
fi
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "flowgen needs these system packages:$missing; install them as root (apt-get install$missing)" >&2
        exit 1
    fi
    echo "installing system packages:$missing"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
if [ "$want_test" = yes ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
else
    .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi
