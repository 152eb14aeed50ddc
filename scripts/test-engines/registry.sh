#!/usr/bin/env bash
# Starts (or stops) two local registries (Debian's docker-registry, distribution
# 2.8) on loopback with their own config and storage: an open one holding a
# generated image of about 250 MB in three random-data layers (for the pull tests),
# and one that needs a login (htpasswd) holding the small test image. The login is
# kept in a docker config folder of its own ($base/docker-config), as `docker login`
# writes it, never in the user's.
#   registry.sh start|stop    env: CT_ENGINES_NAME, CT_ENGINES_DIR, CT_REGISTRY_PORT,
#                             CT_AUTH_REGISTRY_PORT, CT_AUTH_USER, CT_AUTH_PASSWORD
set -euo pipefail
name=${CT_ENGINES_NAME:-ct}
dir=${CT_ENGINES_DIR:-/tmp/crosstalk-engines-$name}
port=${CT_REGISTRY_PORT:-23750}
auth_port=${CT_AUTH_REGISTRY_PORT:-23751}
user=${CT_AUTH_USER:-crosstalk}
password=${CT_AUTH_PASSWORD:-hold-my-word}
base=$dir/registry
pidfile=$base/service.pid
auth_pidfile=$base/auth.pid
storage=/var/lib/crosstalk-registry-$name
BIG=crosstalk-big:latest
LAYER_MB=${CT_BIG_LAYER_MB:-80}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

config() { # config FILE PORT STORAGE [AUTH]
  cat >"$1" <<CONF
version: 0.1
log: { level: warn }
storage:
  filesystem: { rootdirectory: $3 }
  delete: { enabled: true }
http: { addr: "127.0.0.1:$2" }
CONF
  if [ -n "${4:-}" ]; then
    printf 'auth:\n  htpasswd: { realm: crosstalk-test, path: %s }\n' "$4" >>"$1"
  fi
}

serve() { # serve CONFIG PIDFILE PORT LOG
  docker-registry serve "$1" >"$4" 2>&1 &
  echo $! >"$2"
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$3/v2/" && return; sleep 0.1; done
  echo "registry: nothing answers on 127.0.0.1:$3" >&2; tail -5 "$4" >&2; exit 1
}

# The big image: three layers of incompressible random data on the test image.
push_big() {
  local ref=127.0.0.1:$port/$BIG
  curl -sf "http://127.0.0.1:$port/v2/crosstalk-big/manifests/latest" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' -o /dev/null && return
  local ctx=$base/big-context
  mkdir -p "$ctx"
  printf 'FROM crosstalk-test:latest\n' >"$ctx/Dockerfile"
  for i in 1 2 3; do
    head -c "$((LAYER_MB * 1024 * 1024))" /dev/urandom >"$ctx/layer$i.bin"
    printf 'COPY layer%s.bin /data/layer%s.bin\n' "$i" "$i" >>"$ctx/Dockerfile"
  done
  DOCKER_BUILDKIT=0 docker build -q -t "$ref" "$ctx" >/dev/null 2>&1
  docker push -q "$ref" >/dev/null
  docker rmi -f "$ref" >/dev/null
  rm -rf "$ctx"
}

push_private() {
  local ref=127.0.0.1:$auth_port/private/crosstalk-test:latest
  DOCKER_CONFIG=$base/docker-config docker login -u "$user" --password-stdin "127.0.0.1:$auth_port" \
    <<<"$password" >/dev/null 2>&1
  docker tag crosstalk-test:latest "$ref"
  DOCKER_CONFIG=$base/docker-config docker push -q "$ref" >/dev/null
  docker rmi "$ref" >/dev/null
}

case "${1:-start}" in
start)
  mkdir -p "$base" "$storage/open" "$storage/auth" "$base/docker-config"
  if ! alive "$pidfile"; then
    config "$base/open.yml" "$port" "$storage/open"
    serve "$base/open.yml" "$pidfile" "$port" "$base/open.log"
  fi
  if ! alive "$auth_pidfile"; then
    htpasswd -Bbn "$user" "$password" >"$base/htpasswd" 2>/dev/null
    config "$base/auth.yml" "$auth_port" "$storage/auth" "$base/htpasswd"
    serve "$base/auth.yml" "$auth_pidfile" "$auth_port" "$base/auth.log"
  fi
  push_big
  push_private
  ;;
stop)
  for f in "$pidfile" "$auth_pidfile"; do
    if alive "$f"; then kill "$(cat "$f")"; fi
    rm -f "$f"
  done
  ;;
*) echo "usage: registry.sh start|stop" >&2; exit 2 ;;
esac
