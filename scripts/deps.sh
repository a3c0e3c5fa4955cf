#!/bin/sh
# Installs every Debian package luoshi needs to build, test and run.
# Idempotent: checks what is there first and runs apt-get only when
# something is missing (one update, then one install).
set -eu

PKGS="build-essential pkg-config clang sqlite3 libsqlite3-dev libsodium-dev
libcmocka-dev libjansson-dev libmicrohttpd-dev curl jq wrk
libclang-rt-14-dev"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
