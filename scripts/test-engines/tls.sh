#!/usr/bin/env bash
# Starts (or stops) a second dockerd that only speaks TLS on loopback, with
# openssl-made certificates: a CA, a server certificate for IP:127.0.0.1 and a
# client certificate; plus a second CA and a client signed by it, for the tests of
# a wrong CA and a rejected client. It has its own bridge (never --bridge none:
# dockerd 20.10 would then delete docker0), data-root, exec-root, pidfile and
# containerd namespaces, and gets the test image.
#   tls.sh start|stop    env: CT_ENGINES_NAME, CT_ENGINES_DIR, CT_TLS_PORT,
#                        CT_TLS_BRIDGE_CIDR (10.113.0.1/24), CT_TLS_POOL (10.114.0.0/16)
set -euo pipefail
name=${CT_ENGINES_NAME:-ct}
dir=${CT_ENGINES_DIR:-/tmp/crosstalk-engines-$name}
port=${CT_TLS_PORT:-23776}
base=$dir/tls
pidfile=$base/service.pid
dataroot=/var/lib/crosstalk-dockerd-$name
bridge=ct${name}br0
bridge=${bridge:0:15}
cidr=${CT_TLS_BRIDGE_CIDR:-10.113.0.1/24}
pool=${CT_TLS_POOL:-10.114.0.0/16}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

# ca DIR SUBJECT: a self-signed CA in DIR/ca.pem, DIR/ca-key.pem
make_ca() {
  mkdir -p "$1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$2" \
    -keyout "$1/ca-key.pem" -out "$1/ca.pem" 2>/dev/null
}
# sign CA_DIR OUT_DIR NAME CN EXTENSIONS: OUT_DIR/NAME.pem and OUT_DIR/NAME-key.pem
sign() {
  mkdir -p "$2"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$4" -keyout "$2/$3-key.pem" -out "$2/$3.csr" 2>/dev/null
  printf '%s\n' "$5" >"$2/$3.ext"
  openssl x509 -req -days 30 -in "$2/$3.csr" -CA "$1/ca.pem" -CAkey "$1/ca-key.pem" \
    -CAcreateserial -extfile "$2/$3.ext" -out "$2/$3.pem" 2>/dev/null
  rm -f "$2/$3.csr" "$2/$3.ext"
}
# A client folder as the docker CLI wants it: ca.pem, cert.pem, key.pem.
client_dir() {
  mkdir -p "$3"
  cp "$1/ca.pem" "$3/ca.pem"
  sign "$2" "$3" cert crosstalk-client 'extendedKeyUsage = clientAuth'
  mv "$3/cert-key.pem" "$3/key.pem"
}

certificates() {
  [ -f "$base/client/cert.pem" ] && return
  make_ca "$base/ca" "Crosstalk test CA"
  sign "$base/ca" "$base/server" server 127.0.0.1 \
    $'subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth'
  client_dir "$base/ca" "$base/ca" "$base/client"
  # Another CA: its ca.pem does not vouch for the engine; its client is one the engine refuses.
  make_ca "$base/other-ca" "Somebody else's CA"
  client_dir "$base/other-ca" "$base/ca" "$base/wrong-ca"
  client_dir "$base/ca" "$base/other-ca" "$base/rogue-client"
}

docker_tls() {
  docker --host "tcp://127.0.0.1:$port" --tlsverify --tlscacert "$base/client/ca.pem" \
    --tlscert "$base/client/cert.pem" --tlskey "$base/client/key.pem" "$@"
}

case "${1:-start}" in
start)
  running && exit 0
  mkdir -p "$base/exec"
  certificates
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add "$cidr" dev "$bridge"
  fi
  ip link set "$bridge" up
  # A restart on a kept data-root makes dockerd 20.10 delete the host's docker0 while it
  # restores its stored networks (seen here: the second start of this engine removed it,
  # a start on an empty network store never did). The image store is kept; the network
  # store is made anew, as the default bridge is on every start anyway.
  rm -rf "$dataroot/network"
  dockerd --host "tcp://127.0.0.1:$port" --tlsverify \
    --tlscacert "$base/ca/ca.pem" --tlscert "$base/server/server.pem" --tlskey "$base/server/server-key.pem" \
    --data-root "$dataroot" --exec-root "$base/exec" --pidfile "$pidfile" \
    --containerd-namespace "crosstalk-$name" --containerd-plugins-namespace "crosstalk-$name-plugins" \
    --bridge "$bridge" --default-address-pool "base=$pool,size=24" \
    >"$base/dockerd.log" 2>&1 &
  for _ in $(seq 1 100); do docker_tls version >/dev/null 2>&1 && break; sleep 0.2; done
  docker_tls version >/dev/null 2>&1 || { echo "tls: dockerd did not start" >&2; tail -20 "$base/dockerd.log" >&2; exit 1; }
  if ! docker_tls image inspect crosstalk-test:latest >/dev/null 2>&1; then
    docker save crosstalk-test:latest | docker_tls load -q >/dev/null
  fi
  ;;
stop)
  if running; then
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  ip link del "$bridge" 2>/dev/null || true
  ;;
*) echo "usage: tls.sh start|stop" >&2; exit 2 ;;
esac
