#!/usr/bin/env bash
# The second Docker Engine of the integration tests: Debian 13's docker.io 26.1 on this Debian 12.
#
#   engine26.sh fetch            unpack trixie's docker.io, containerd, docker-cli, tini into the cache
#                                (once; later runs reuse it) and print the cache directory
#   engine26.sh start RUN_DIR    fetch, then start dockerd 26 in a network namespace of its own with
#                                its own socket, data-root, exec-root and pidfile under RUN_DIR;
#                                prints the socket address once dockerd answers
#   engine26.sh stop RUN_DIR     stop that dockerd by its pid, then remove its mounts, netns and state
#
# The packages are never installed: apt-get downloads them through a sources list of its own
# (suite trixie on the mirror this machine's apt already uses for bookworm; separate lists and
# cache directories, so the machine's apt state is untouched) and dpkg-deb -x unpacks them.
# trixie's runc needs glibc 2.38, so it is not unpacked: Debian 12's /usr/sbin/runc stays on the
# daemon's PATH. dockerd finds containerd (which it starts itself), containerd-shim-runc-v2,
# docker-init (tini-static) and docker-proxy on its PATH: the unpacked usr/sbin and usr/bin first.
set -euo pipefail

PACKAGES=(docker.io containerd docker-cli tini)
cache="${DOCKERBENCH_ENGINE26_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerbench-engine26}"

die() { echo "engine26: $*" >&2; exit 1; }

mirror() {
  # The URI this machine's apt sources name for bookworm (deb822 or one-line format alike).
  if [ -n "${DOCKERBENCH_DEBIAN_MIRROR:-}" ]; then echo "$DOCKERBENCH_DEBIAN_MIRROR"; return; fi
  apt-get indextargets --format '$(RELEASE) $(SITE)' 2>/dev/null | awk '$1 == "bookworm" && !n++ {print $2}'
}

unpack() {
  local apt_dir="$cache/apt" new="$cache/root.new" uri version
  uri=$(mirror)
  [ -n "$uri" ] || die "no bookworm mirror in this machine's apt sources (set DOCKERBENCH_DEBIAN_MIRROR)"
  rm -rf "$apt_dir" "$new"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$new"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" >"$apt_dir/trixie.list"
  local opts=(-qq -o "Dir::Etc::sourcelist=$apt_dir/trixie.list" -o Dir::Etc::sourceparts=-
              -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
  echo "engine26: apt-get download ${PACKAGES[*]} from $uri trixie" >&2
  apt-get "${opts[@]}" update >&2
  (cd "$apt_dir/debs" && apt-get "${opts[@]}" download "${PACKAGES[@]}" >&2)
  for deb in "$apt_dir"/debs/*.deb; do dpkg-deb -x "$deb" "$new"; done
  [ ! -e "$new/usr/sbin/runc" ] && [ ! -e "$new/usr/bin/runc" ] || die "a runc was unpacked: it would shadow Debian 12's"
  version=$("$new/usr/sbin/dockerd" --version)
  [[ $version == "Docker version 26.1."* ]] || die "trixie's dockerd is not 26.1: $version"
  # dockerd with its PATH: the unpacked binaries first, then Debian 12's (runc).
  cat >"$new/dockerd" <<'EOF'
#!/bin/sh
# dockerd 26.1 unpacked from Debian 13, with the PATH it finds its helpers on (runc from Debian 12).
root=$(dirname "$(readlink -f "$0")")
PATH="$root/usr/sbin:$root/usr/bin:/usr/sbin:/usr/bin:/sbin:/bin" exec "$root/usr/sbin/dockerd" "$@"
EOF
  chmod 755 "$new/dockerd"
  (cd "$apt_dir/debs" && ls *.deb) >"$new/PACKAGES"
  rm -rf "$cache/root" "$apt_dir"
  mv "$new" "$cache/root"
}

fetch() {
  mkdir -p "$cache"
  # One unpacking at a time (parallel test runs share the cache); a finished one is reused.
  exec 9>"$cache/.lock"
  flock 9
  [ -x "$cache/root/dockerd" ] && [ -s "$cache/root/PACKAGES" ] || unpack
  flock -u 9
  exec 9>&-
}

our_pid() {
  # The pid we started, if it is still that dockerd (its argv names our socket).
  local run_dir=$1 pid argv
  pid=$(cat "$run_dir/dockerd.pid" 2>/dev/null) || return 1
  argv=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $argv == *"--host unix://$run_dir/docker.sock "* ]] || return 1
  echo "$pid"
}

start() {
  local run_dir=$1 netns
  [ -x /usr/sbin/runc ] || die "Debian 12's runc is missing: /usr/sbin/runc (apt-get install runc)"
  fetch
  mkdir -p "$run_dir"
  run_dir=$(cd "$run_dir" && pwd)
  netns="dbt26-$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "$netns" >"$run_dir/netns"
  ip netns add "$netns"
  ip netns exec "$netns" ip link set lo up
  # nsenter and the wrapper exec, so $! is dockerd's own pid.
  nsenter --net="/var/run/netns/$netns" "$cache/root/dockerd" --host "unix://$run_dir/docker.sock" \
    --data-root "$run_dir/data" --exec-root "$run_dir/exec" --pidfile "$run_dir/docker.pid" \
    >"$run_dir/dockerd.log" 2>&1 </dev/null &
  echo $! >"$run_dir/dockerd.pid"
  for _ in $(seq 1 120); do
    if DOCKER_HOST="unix://$run_dir/docker.sock" "$cache/root/usr/bin/docker" version >/dev/null 2>&1; then
      echo "unix://$run_dir/docker.sock"
      return 0
    fi
    our_pid "$run_dir" >/dev/null || break
    sleep 0.5
  done
  tail -30 "$run_dir/dockerd.log" >&2
  stop "$run_dir"
  die "dockerd 26 did not answer"
}

stop() {
  local run_dir=$1 pid netns proc argv
  [ -d "$run_dir" ] || return 0
  run_dir=$(cd "$run_dir" && pwd)
  if pid=$(our_pid "$run_dir"); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # Shims of our containerd outlive it only when something went wrong; they name its socket.
  for proc in /proc/[0-9]*; do
    argv=$(tr '\0' ' ' 2>/dev/null <"$proc/cmdline") || continue
    [[ $argv != *"-address $run_dir/exec/containerd/containerd.sock "* ]] || kill -9 "${proc#/proc/}" 2>/dev/null || true
  done
  awk -v root="$run_dir/" 'index($5, root) == 1 {print $5}' /proc/self/mountinfo | sort -r |
    while read -r point; do umount -l "$point" 2>/dev/null || true; done
  netns=$(cat "$run_dir/netns" 2>/dev/null || true)
  [ -z "$netns" ] || ip netns delete "$netns" 2>/dev/null || true
  rm -rf "$run_dir/data" "$run_dir/exec" "$run_dir/netns" "$run_dir/dockerd.pid"
}

case "${1:-}" in
  fetch) fetch; echo "$cache/root" ;;
  start) [ $# -eq 2 ] || die "usage: engine26.sh start RUN_DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: engine26.sh stop RUN_DIR"; stop "$2" ;;
  *) die "usage: engine26.sh fetch | start RUN_DIR | stop RUN_DIR" ;;
esac
