#!/usr/bin/env bash
# Starts (or stops) Podman's Docker-compatible API service as root, with its own
# configuration, storage and network, and loads the test image into it.
#   podman.sh start|stop    env: CT_ENGINES_NAME (default "ct"), CT_ENGINES_DIR
# Prints nothing but errors; the socket is $CT_ENGINES_DIR/podman.sock.
set -euo pipefail
name=${CT_ENGINES_NAME:-ct}
dir=${CT_ENGINES_DIR:-/tmp/crosstalk-engines-$name}
base=$dir/podman
sock=$dir/podman.sock
pidfile=$base/service.pid
export CONTAINERS_CONF=$base/containers.conf
export CONTAINERS_STORAGE_CONF=$base/storage.conf
export CONTAINERS_REGISTRIES_CONF=$base/registries.conf

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

configure() {
  mkdir -p "$base/run" "$base/tmp" "$base/networks" /var/lib/crosstalk-podman-$name
  # No CAP_SYS_RESOURCE on these machines: without default_ulimits every start fails with
  # "error setting rlimit type 7: operation not permitted".
  cat >"$CONTAINERS_CONF" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
# crun refuses hybrid cgroup v1/v2 hosts such as these; runc (docker.io brings it) does not.
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$base/events.log"
# Podman keeps each API exec session's conmon for this long after the process ended (300 s
# by default, so a Docker client could still read its exit code): a shell console per click
# would leave a conmon per console for five minutes. Crosstalk reads what it needs at once.
exit_command_delay = 2
tmp_dir = "$base/tmp"
[network]
network_backend = "netavark"
network_config_dir = "$base/networks"
default_subnet = "10.111.0.0/24"
default_subnet_pools = [{"base" = "10.112.0.0/16", "size" = 24}]
CONF
  cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "overlay"
runroot = "$base/run"
graphroot = "/var/lib/crosstalk-podman-$name"
CONF
  # Loopback registries speak plain HTTP.
  cat >"$CONTAINERS_REGISTRIES_CONF" <<CONF
unqualified-search-registries = []
[[registry]]
location = "127.0.0.1"
insecure = true
CONF
}

case "${1:-start}" in
start)
  running && exit 0
  configure
  rm -f "$sock"
  podman system service --time=0 "unix://$sock" >"$base/service.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.1; done
  [ -S "$sock" ] || { echo "podman: the service did not start" >&2; tail -20 "$base/service.log" >&2; exit 1; }
  if ! podman image exists localhost/crosstalk-test:latest; then
    docker save crosstalk-test:latest | podman load -q >/dev/null
  fi
  ;;
stop)
  if running; then
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile" "$sock"
  ;;
*) echo "usage: podman.sh start|stop" >&2; exit 2 ;;
esac
