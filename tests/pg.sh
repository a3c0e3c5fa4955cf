#!/bin/sh
# A throwaway PostgreSQL 15 cluster for the test suites, so that the same
# suites run against PostgreSQL as against SQLite (issue 7):
#   sh tests/pg.sh start        prints DIR URL: a cluster initialised in a
#                               new temporary DIR, listening on a free
#                               loopback port (and a socket in DIR), with
#                               an empty database whose postgresql:// URL
#                               is printed
#   sh tests/pg.sh createdb DIR prints the URL of one more empty database
#   sh tests/pg.sh stop DIR     stops the cluster and removes DIR
#   sh tests/pg.sh pause DIR    stops the server, keeping DIR (clients
#                               see the database go away)
#   sh tests/pg.sh resume DIR   starts it again on the same port
# initdb refuses to run as root: as root, the server runs as `postgres`.
# Trust authentication on loopback only; fsync off (nothing to keep).
set -eu

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V |
	tail -1)}
[ -x "$bin/initdb" ] || {
	echo "pg.sh: no PostgreSQL server (apt-get install postgresql)" >&2
	exit 1
}

as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); \
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# createdb DIR: a new database "t<N>" (N counts up in DIR/seq).
new_db() {
	dir=$1
	port=$(cat "$dir/port")
	n=$(($(cat "$dir/seq" 2>/dev/null || echo 0) + 1))
	echo "$n" >"$dir/seq"
	as_pg "$bin/createdb" -h "$dir" -p "$port" -U postgres \
		-T template0 -E UTF8 --locale=C "t$n"
	echo "postgresql://postgres@127.0.0.1:$port/t$n"
}

# pg_start DIR PORT: starts the server of DIR's cluster on PORT.
pg_start() {
	as_pg "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 30 \
		-o "-p $2 -k $1 -c listen_addresses=127.0.0.1 -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null 2>&1
}

# is_cluster DIR: refuses a directory that pg.sh did not make.
is_cluster() {
	case $1 in
	*/luoshi-pg-*) ;;
	*) echo "pg.sh: '$1' is not a cluster of pg.sh" >&2; exit 1 ;;
	esac
}

case ${1:-} in
start)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/luoshi-pg-XXXXXX")
	chmod 755 "$dir"
	[ "$(id -u)" -ne 0 ] || chown postgres "$dir"
	if ! as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust \
		-E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		rm -rf "$dir"
		exit 1
	fi
	tries=0
	while :; do
		port=$(free_port)
		if pg_start "$dir" "$port"; then
			break
		fi
		tries=$((tries + 1))
		if [ "$tries" -ge 5 ]; then
			cat "$dir/server.log" >&2
			rm -rf "$dir"
			exit 1
		fi
	done
	echo "$port" >"$dir/port"
	url=$(new_db "$dir")
	echo "$dir $url"
	;;
createdb)
	new_db "$2"
	;;
pause)
	is_cluster "$2"
	# fast: open connections are cut, as when the server goes down
	as_pg "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
	;;
resume)
	is_cluster "$2"
	pg_start "$2" "$(cat "$2/port")" || {
		tail -20 "$2/server.log" >&2
		exit 1
	}
	;;
stop)
	dir=$2
	is_cluster "$dir"
	as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 ||
		true
	rm -rf "$dir"
	;;
*)
	echo "usage: pg.sh start | createdb DIR | pause DIR | resume DIR |" \
		"stop DIR" >&2
	exit 2
	;;
esac
