#!/usr/bin/env bash
# The test command: install what the tests need (apt, pip, npm), start two private dockerds (Debian
# 12's 20.10 and Debian 13's 26.1, see scripts/engine26.sh), run pytest against both (the tests
# that need no dockerd in two processes, then the live ones in one), stop them by their pids, exit
# failing when either pytest run or the lint failed. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

echo "== apt: docker.io busybox-static chromium debootstrap, and rootless Docker's rootlesskit uidmap slirp4netns"
apt-get update -qq
apt-get install -y -qq docker.io busybox-static chromium iproute2 debootstrap rootlesskit uidmap slirp4netns >/dev/null

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

echo "== dockerd 20.10 (Debian 12's docker.io)"
run_dir=$(mktemp -d /tmp/dockerbench-ci.XXXXXX)
dockerd --host "unix://$run_dir/docker.sock" --data-root "$run_dir/data" \
  --exec-root "$run_dir/exec" --pidfile "$run_dir/docker.pid" >"$run_dir/dockerd.log" 2>&1 &
dockerd_pid=$!
stop_dockerd() {
  bash scripts/engine26.sh stop "$run_dir/engine26" &  # both at once: each waits for its containers
  local stop26=$!
  kill "$dockerd_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$dockerd_pid" 2>/dev/null || true
  wait "$stop26" || true
  # What the stopped 20.10 dockerd leaves mounted (its exec-root's netns/default).
  awk -v root="$run_dir/" 'index($5, root) == 1 {print $5}' /proc/self/mountinfo | sort -r |
    while read -r point; do umount -l "$point" 2>/dev/null || true; done
}
trap stop_dockerd EXIT
export DOCKERBENCH_TEST_DOCKER_HOST="unix://$run_dir/docker.sock"

echo "== dockerd 26.1 (Debian 13's docker.io, unpacked; own network namespace)"
# Without it the 26.1 live tests skip on a developer machine and fail under CI=true.
if address=$(bash scripts/engine26.sh start "$run_dir/engine26"); then
  export DOCKERBENCH_TEST_DOCKER_HOST_26="$address"
  export DOCKERBENCH_TEST_DOCKERD_26="$(bash scripts/engine26.sh fetch)/dockerd"
else
  echo "dockerd 26.1 is not available (see above)"
fi

echo "== dockerd 20.10: waiting for it to answer"
for _ in $(seq 1 60); do
  if DOCKER_HOST="$DOCKERBENCH_TEST_DOCKER_HOST" docker version >/dev/null 2>&1; then break; fi
  kill -0 "$dockerd_pid" 2>/dev/null || { cat "$run_dir/dockerd.log"; echo "dockerd died"; exit 1; }
  sleep 1
done
DOCKER_HOST="$DOCKERBENCH_TEST_DOCKER_HOST" docker version >/dev/null || { tail -50 "$run_dir/dockerd.log"; echo "dockerd did not answer"; exit 1; }

echo "== lint: ruff, mypy --strict (configuration in pyproject.toml)"
lint_status=0
python3 -m ruff check dockerbench tests benchmarks || lint_status=1
python3 -m mypy || lint_status=1

# Two runs: the tests that need no dockerd in two processes (pytest-xdist: each has its own
# embedded engine), then the live tests (tests/integration) in one, as they always ran: each of
# their modules starts private dockerds under a lock. Paths among the arguments go to the run
# they belong to (a run given none of them is skipped; `tests` is both); every other argument
# goes to both.
unit_paths=() live_paths=() options=()
for arg in "$@"; do
  if [[ "$arg" != -* && -e "${arg%%::*}" ]]; then
    path="$(realpath -m "${arg%%::*}")/"
    if [[ "$path" == "$PWD/tests/integration/"* ]]; then live_paths+=("$arg")
    elif [[ "$PWD/tests/integration/" == "$path"* ]]; then unit_paths+=("$arg") live_paths+=(tests/integration)  # e.g. tests
    else unit_paths+=("$arg"); fi
  else
    options+=("$arg")
  fi
done
unit_status=skipped live_status=skipped
if [ ${#unit_paths[@]} -gt 0 ] || [ ${#live_paths[@]} -eq 0 ]; then
  echo "== pytest: the tests that need no dockerd, in 2 processes (pytest-xdist)"
  unit_status=0
  python3 -m pytest -q --durations=15 -n 2 --ignore=tests/integration ${options[@]+"${options[@]}"} \
    ${unit_paths[@]+"${unit_paths[@]}"} || unit_status=$?
fi
if [ ${#live_paths[@]} -gt 0 ] || [ ${#unit_paths[@]} -eq 0 ]; then
  echo "== pytest: the live tests (tests/integration), in one process"
  live_status=0
  python3 -m pytest -q --durations=15 ${options[@]+"${options[@]}"} \
    ${live_paths[@]+"${live_paths[@]}"} $([ ${#live_paths[@]} -gt 0 ] || echo tests/integration) || live_status=$?
fi
# Failing if either run failed; pytest's 5 (no test selected, e.g. by -k) only when neither ran one.
status=0
for part in "$unit_status" "$live_status"; do
  if [ "$part" != skipped ] && [ "$part" -ne 0 ] && [ "$part" -ne 5 ]; then status=$part; fi
done
if [ "$status" -eq 0 ] && [ "$unit_status" != 0 ] && [ "$live_status" != 0 ]; then status=5; fi

for benchmark in $(python3 -c 'import dockerbench; print(*dockerbench.available_benchmarks())'); do
  echo "== dockerbench audit of the 20.10 dockerd under $benchmark (first 20 lines)"
  dockerbench --no-color audit --benchmark "$benchmark" --docker-host "$DOCKERBENCH_TEST_DOCKER_HOST" --fail-on never 2>&1 |
    head -20 || true
done
if [ "$status" -eq 0 ] && [ "$lint_status" -ne 0 ]; then status=1; fi
exit "$status"
