#!/bin/sh
# Installs every Debian package luoshi needs to build, test and run.
# Idempotent: checks what is there first and runs apt-get only when
# something is missing (one update, then one install).
set -eu

PKGS="build-essential pkg-config clang sqlite3 libsqlite3-dev libsodium-dev
libcmocka-dev libjansson-dev libmicrohttpd-dev curl jq wrk
libclang-rt-14-dev
libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk
libzip-dev libexpat1-dev
poppler-utils unzip libcurl4-openssl-dev python3 valgrind time
postgresql libpq-dev"

# The web UI needs Node.js 20+ (the machine image carries it) to build, and
# Debian's Chromium for its browser tests.
if [ -f web/package.json ]; then
	PKGS="$PKGS chromium"
	command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
fi

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "deps: installing$missing" >&2
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing \
		>/dev/null
fi
if [ -f web/package.json ]; then
	major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
	if [ "$major" -lt 20 ]; then
		echo "deps: the web UI needs Node.js 20 or newer (found $major);" \
			"install it, or build without the UI: make NO_WEB=1" >&2
		exit 1
	fi
fi
