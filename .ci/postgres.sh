#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests, as root on Debian.
#   .ci/postgres.sh start DIR   installs PostgreSQL if no server binary is found, creates a cluster in DIR
#                               owned by an unprivileged user, starts it on 127.0.0.1 on a free port, creates
#                               a database and prints its connection URL (the only line on stdout).
#   .ci/postgres.sh stop DIR    stops that cluster and removes DIR.
#   .ci/postgres.sh installed   succeeds when a server is installed (.ci/run installs it with git otherwise).
# PostgreSQL refuses to run as root, hence the unprivileged user.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

bin_dir() {
  local dir
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  # Debian keeps the server binaries out of PATH, one directory per major version; take the newest.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return
    fi
  done
  return 1
}

# The user the server runs as: Debian's postgres account when the package made one, else our own.
server_user() {
  if id postgres >/dev/null 2>&1; then
    echo postgres
  else
    id plexus-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin plexus-pg
    echo plexus-pg
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local dir="$1" bin user port password
  if ! bin="$(bin_dir)"; then
    # The caller has run apt-get update (.ci/run does, once).
    log "no PostgreSQL server found; installing it"
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    bin="$(bin_dir)"
  fi
  user="$(server_user)"
  mkdir -p "$dir"
  chown "$user" "$dir"
  chmod 700 "$dir"
  password="$(node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))")"
  printf '%s\n' "$password" >"$dir/pwfile"
  chown "$user" "$dir/pwfile"
  # Local socket connections (only this user can reach the socket in DIR) are trusted; TCP needs the password.
  runuser -u "$user" -- "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >&2 \
    || runuser -u "$user" -- "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >&2
  rm -f "$dir/pwfile"
  port="$(free_port)"
  # fsync off: the cluster is thrown away after the run, and the tests create many databases.
  runuser -u "$user" -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  runuser -u "$user" -- "$bin/createdb" -h "$dir" -p "$port" -U postgres plexus_test
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  echo "postgres://postgres:${password}@127.0.0.1:${port}/plexus_test"
}

stop() {
  local dir="$1" bin user
  if [ -f "$dir/data/postmaster.pid" ] && bin="$(bin_dir)"; then
    user="$(stat -c %U "$dir/data")"
    runuser -u "$user" -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?usage: postgres.sh start DIR}" ;;
  stop) stop "${2:?usage: postgres.sh stop DIR}" ;;
  installed) bin_dir >/dev/null ;;
  *)
    echo "usage: postgres.sh start DIR | stop DIR | installed" >&2
    exit 2
    ;;
esac
