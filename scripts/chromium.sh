#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium). `make test` runs this first: when Chromium is
# missing it installs Debian's package as root; otherwise it stops at once with the exact command to run.
set -euo pipefail

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
INSTALL="apt-get update && apt-get install -y chromium"

[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need Debian's chromium ($CHROMIUM is missing). Install it, then run make test again:" >&2
    echo "    sudo sh -c '$INSTALL'" >&2
    exit 1
fi
echo "== installing Debian's chromium for the browser tests ($INSTALL)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium was installed but $CHROMIUM is still missing" >&2; exit 1; }
