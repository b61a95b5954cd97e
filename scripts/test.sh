#!/usr/bin/env bash
# The test command: install what the tests need (apt, pip, npm), start a private dockerd, run
# pytest against it, stop dockerd by its pid, exit with pytest's status. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

echo "== apt: docker.io busybox-static chromium debootstrap"
apt-get update -qq
apt-get install -y -qq docker.io busybox-static chromium iproute2 debootstrap >/dev/null

echo "== pip: gordon-to-regorus (hash-pinned), dockerbench[test], real OPA in-process"
python3 -m pip install -q --upgrade pip >/dev/null
# The engine binding published by an individual: exactly the pinned wheel, checked by its hash.
python3 -m pip install -q --require-hashes --no-deps -r .ci/pinned.txt
python3 -m pip install -q ".[test]"
python3 -m pip install -q --ignore-requires-python opa-golib-python-bindings

echo "== npm: SARIF Multitool"
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/dockerbench-npm"
if [ ! -x "$npm_dir/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$npm_dir"
  npm install --silent --no-audit --no-fund --prefix "$npm_dir" @microsoft/sarif-multitool >/dev/null
fi
export DOCKERBENCH_SARIF_MULTITOOL="$npm_dir/node_modules/.bin/sarif-multitool"

echo "== dockerd"
run_dir=$(mktemp -d /tmp/dockerbench-ci.XXXXXX)
dockerd --host "unix://$run_dir/docker.sock" --data-root "$run_dir/data" \
  --exec-root "$run_dir/exec" --pidfile "$run_dir/docker.pid" >"$run_dir/dockerd.log" 2>&1 &
dockerd_pid=$!
stop_dockerd() {
  kill "$dockerd_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$dockerd_pid" 2>/dev/null || true
}
trap stop_dockerd EXIT
export DOCKERBENCH_TEST_DOCKER_HOST="unix://$run_dir/docker.sock"
for _ in $(seq 1 60); do
  if DOCKER_HOST="$DOCKERBENCH_TEST_DOCKER_HOST" docker version >/dev/null 2>&1; then break; fi
  kill -0 "$dockerd_pid" 2>/dev/null || { cat "$run_dir/dockerd.log"; echo "dockerd died"; exit 1; }
  sleep 1
done
DOCKER_HOST="$DOCKERBENCH_TEST_DOCKER_HOST" docker version >/dev/null || { tail -50 "$run_dir/dockerd.log"; echo "dockerd did not answer"; exit 1; }

echo "== pytest"
status=0
python3 -m pytest -q "$@" || status=$?

echo "== dockerbench audit of this dockerd (first 20 lines)"
dockerbench --no-color audit --docker-host "$DOCKERBENCH_TEST_DOCKER_HOST" --fail-on never 2>&1 | head -20 || true
exit "$status"
