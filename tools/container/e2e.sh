#!/usr/bin/env bash
# End-to-end test of the container image, through the Nx targets, with podman and a real
# local registry: build, inspect, run, run read-only, stop with SIGTERM, push, read back.
# Run it as `npx nx container-test time-service`. It installs missing tools with apt-get,
# reuses the stand-in base image when it exists, and removes everything else it started.
# The last line of its output is `N passed, N failed`.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root" || exit 1
# bun, nx and the other workspace tools, also when this runs outside Nx.
export PATH="$repo_root/node_modules/.bin:$PATH"

# On this kind of machine (no systemd, sandboxed) crun, systemd cgroups and raised rlimits all
# fail, so every container runs with runc, cgroupfs and these limits.
run_flags=(
  --runtime=runc --cgroup-manager=cgroupfs
  --ulimit nofile=4096:4096 --ulimit nproc=4096:4096
  --network=host
)
repository_name=simple-time-service
max_stop_seconds=10
work_dir="$(mktemp -d /var/tmp/container-e2e.XXXXXX)"
passed=0
failed=0
registry_pid=""
container=""
containers=()
images=()

# ---- reporting -------------------------------------------------------------------------

step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf '  ok    %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$*"; }

# Setup that the remaining checks cannot do without: count it, say why, and stop.
abort() {
  fail "$*"
  exit 1
}

# ---- cleanup, by container id and process id -------------------------------------------

cleanup() {
  local status=$? id
  for id in "${containers[@]}"; do
    podman rm --force --time 0 "$id" >/dev/null 2>&1
  done
  if [[ -n "$registry_pid" ]] && kill -0 "$registry_pid" 2>/dev/null; then
    kill "$registry_pid" 2>/dev/null
    wait "$registry_pid" 2>/dev/null
  fi
  for id in "${images[@]}"; do
    podman rmi --force "$id" >/dev/null 2>&1
  done
  rm -rf "$work_dir"
  printf '\n%s passed, %s failed\n' "$passed" "$failed"
  if [[ $status -eq 0 && $failed -gt 0 ]]; then
    status=1
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- helpers ---------------------------------------------------------------------------

# Plain writes, not console.log: under Nx, FORCE_COLOR would wrap numbers in colour codes.
free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => {
    process.stdout.write(String(s.address().port)); s.close(); });"
}

# Prints field $2 of the JSON object $1 (optional chaining allowed: 'config?.digest').
json_field() {
  node -e "process.stdout.write(String(JSON.parse(process.argv[1]).$2))" "$1"
}

# Polls a URL until it answers 200, for at most $2 seconds.
wait_for_200() {
  local url="$1" deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url")" == 200 ]] && return 0
    sleep 0.2
  done
  return 1
}

# Starts the image in the background and sets $container to its id, for cleanup and checks.
start_container() {
  local port="$1"
  shift
  container="$(podman run --detach "${run_flags[@]}" --env "PORT=$port" "$@" "$image" \
    2>"$work_dir/run.log")" || {
    sed 's/^/        /' "$work_dir/run.log"
    return 1
  }
  containers+=("$container")
}

# Remembers the id of the image $image names now, so that cleanup removes it and its tags.
remember_image() {
  local id
  id="$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null)" && images+=("$id")
}

# The checks every running container must pass, on the port it listens on.
check_serving() {
  local id="$1" port="$2" body status

  if ! wait_for_200 "http://127.0.0.1:$port/healthz" 15; then
    fail "service did not answer /healthz on 127.0.0.1:$port within 15 s; its log:"
    podman logs "$id" 2>&1 | tail -20 | sed 's/^/        /'
    return
  fi
  pass "GET /healthz answers 200"

  body="$(curl -s --max-time 5 "http://127.0.0.1:$port/")"
  # shellcheck disable=SC2016 # JavaScript: the backticks and ${} are template literals.
  if node -e '
    const body = JSON.parse(process.argv[1]);
    const keys = Object.keys(body).sort().join(",");
    const age = Date.now() - Date.parse(body.timestamp);
    if (keys !== "ip,timestamp") throw new Error(`keys are ${keys}, want ip,timestamp`);
    if (!(age >= -5000 && age < 60000)) throw new Error(`timestamp ${body.timestamp} is not now`);
    if (body.ip !== "127.0.0.1") throw new Error(`ip is ${body.ip}, want 127.0.0.1`);
  ' "$body" 2>"$work_dir/contract.log"; then
    pass "GET / answers the JSON contract: $body"
  else
    fail "GET / broke the contract: $(grep -m1 Error "$work_dir/contract.log"); body: $body"
  fi

  if status="$(podman healthcheck run "$id" 2>/dev/null)"; then
    pass "the image's HEALTHCHECK succeeds inside the container"
  else
    fail "the image's HEALTHCHECK failed inside the container: ${status:-no output}"
  fi

  local uid
  uid="$(podman exec "$id" id -u 2>&1)"
  if [[ "$uid" =~ ^[0-9]+$ && "$uid" != 0 ]]; then
    pass "the service runs as uid $uid, not root"
  else
    fail "id -u inside the container gave '$uid', want a non-zero uid"
  fi
}

# Sends SIGTERM through `podman stop` and checks the service exits 0, by itself, in time.
check_sigterm_stop() {
  local id="$1" started elapsed_ms exit_code
  started="$(date +%s%N)"
  podman stop --time 30 "$id" >/dev/null 2>&1
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  exit_code="$(podman inspect --format '{{.State.ExitCode}}' "$id" 2>/dev/null)"

  if [[ "$exit_code" == 0 && $elapsed_ms -le $((max_stop_seconds * 1000)) ]]; then
    pass "SIGTERM: exited 0 by itself in ${elapsed_ms} ms (kill timeout 30 s)"
  else
    fail "SIGTERM: exit code '$exit_code' after ${elapsed_ms} ms; want 0 within" \
      "${max_stop_seconds} s (137 means it ignored SIGTERM and was killed)"
  fi
}

# Runs one Nx target of the service, without its dependencies (see "the bundle" below).
nx_target() {
  npx nx run "time-service:$1" --outputStyle=stream --excludeTaskDependencies
}

# ---- 1. tools, base image, registry ----------------------------------------------------

step "container tools"
tools/container/install-tools.sh || abort "container tools are missing and could not be installed"
pass "podman $(podman --version | awk '{print $3}'), docker-registry and debootstrap available"

step "stand-in base image"
bun_version="$(sed -n 's/^ARG BUN_VERSION=//p' Dockerfile)"
[[ -n "$bun_version" ]] || abort "no 'ARG BUN_VERSION=' default in the Dockerfile"
CONTAINER_CLI=podman tools/container/stand-in-base-image.sh "$bun_version" ||
  abort "could not build the stand-in for docker.io/oven/bun:$bun_version-slim"
pass "docker.io/oven/bun:$bun_version-slim is available locally"

step "local registry"
registry_port="$(free_port)"
mkdir -p "$work_dir/registry"
cat >"$work_dir/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work_dir/registry
http:
  addr: 127.0.0.1:$registry_port
EOF
docker-registry serve "$work_dir/registry.yml" >"$work_dir/registry.log" 2>&1 &
registry_pid=$!
if ! wait_for_200 "http://127.0.0.1:$registry_port/v2/" 15; then
  tail -20 "$work_dir/registry.log"
  abort "docker-registry (pid $registry_pid) did not answer on 127.0.0.1:$registry_port"
fi
pass "docker-registry pid $registry_pid listens on 127.0.0.1:$registry_port"

# ---- 2. the tag ------------------------------------------------------------------------

step "image reference"
export CONTAINER_CLI=podman
export IMAGE_REPOSITORY="127.0.0.1:$registry_port/$repository_name"
export CONTAINER_BUILD_FLAGS=--pull=never
export CONTAINER_PUSH_FLAGS=--tls-verify=false
unset IMAGE_EXTRA_TAGS BUN_VERSION
# docker-push refuses a -dirty tag, by design; a developer running the tests with local
# changes still gets a full run, under an explicit throwaway tag, and is told so.
if [[ -z "${IMAGE_TAG:-}" ]]; then
  reference_json="$(bun libs/container-image/src/cli/image-reference.ts 2>&1)"
  if [[ $? -ne 0 || "$reference_json" == *'"dirty":true'* ]]; then
    IMAGE_TAG="e2e-$(date +%s)"
    export IMAGE_TAG
    echo "  note: no clean commit to name the image after, so IMAGE_TAG=$IMAGE_TAG"
    echo "        ($reference_json)"
  fi
fi
reference_json="$(bun libs/container-image/src/cli/image-reference.ts)" ||
  abort "could not resolve the image reference"
image="$(json_field "$reference_json" reference)"
tag="$(json_field "$reference_json" tag)"
pass "image $image"

# ---- 3. the targets and the bundle ------------------------------------------------------

step "nx targets and the bundle"
graph="$(npx nx show project time-service --json 2>/dev/null)"
# shellcheck disable=SC2016 # JavaScript: the backticks and ${} are template literals.
if node -e '
  const targets = JSON.parse(process.argv[1]).targets;
  const wanted = { "docker-build": ["build"], "docker-push": ["docker-build"] };
  for (const [name, dependsOn] of Object.entries(wanted)) {
    const got = JSON.stringify(targets[name]?.dependsOn);
    if (got !== JSON.stringify(dependsOn)) throw new Error(`${name} dependsOn ${got}`);
  }
' "$graph" 2>"$work_dir/graph.log"; then
  pass "docker-build depends on build, docker-push on docker-build"
else
  fail "the Nx targets are not chained as they must be: $(grep -m1 Error "$work_dir/graph.log")"
fi
# Under Nx, container-test depends on build, which has just run, and other tasks of the same
# run may be reading the bundle: the targets below run without their dependencies so that
# nothing rebuilds it under them. Run alone, this script builds the bundle first.
if [[ "${NX_TASK_TARGET_TARGET:-}" != container-test ]]; then
  nx_target build || abort "nx build time-service failed"
fi
if [[ -f dist/apps/time-service/main.js ]]; then
  pass "the bundle from nx build: dist/apps/time-service/main.js"
else
  abort "no dist/apps/time-service/main.js: run 'npx nx build time-service'"
fi

# ---- 4. configuration errors fail at once ----------------------------------------------

step "missing CLI and missing repository fail with what to do"
output="$(CONTAINER_CLI=no-such-container-cli nx_target docker-build 2>&1)"
if [[ $? -ne 0 && "$output" == *'Container CLI "no-such-container-cli" was not found'* ]]; then
  pass "docker-build with a missing CLI fails and says to install it or set CONTAINER_CLI"
else
  fail "docker-build with a missing CLI did not fail with the expected message: $output"
fi
output="$(IMAGE_REPOSITORY='' nx_target docker-push 2>&1)"
if [[ $? -ne 0 && "$output" == *'IMAGE_REPOSITORY is not set'* ]]; then
  pass "docker-push without IMAGE_REPOSITORY fails before pushing and says to set it"
else
  fail "docker-push without IMAGE_REPOSITORY did not fail with the expected message: $output"
fi

# ---- 5. build through Nx ---------------------------------------------------------------

step "nx docker-build (podman, real Dockerfile, real nx build output)"
nx_target docker-build || abort "docker-build failed"
remember_image || abort "docker-build succeeded but $image does not exist"
pass "docker-build built $image"

user="$(podman image inspect --format '{{.Config.User}}' "$image")"
if [[ -n "$user" && "$user" != root && "$user" != 0 && "$user" != 0:* ]]; then
  pass "the image's user is '$user', not root"
else
  fail "the image's user is '${user:-<unset, so root>}'; want a non-root user"
fi

healthcheck="$(podman image inspect --format '{{json .Config.Healthcheck}}' "$image")"
if [[ "$healthcheck" == *'"Test":["CMD","bun"'* ]]; then
  pass "the image keeps its HEALTHCHECK (Docker format)"
else
  fail "the image has no HEALTHCHECK: $healthcheck"
fi

app_files="$(podman run --rm "${run_flags[@]}" "$image" ls -A /app 2>/dev/null | sort | xargs)"
if [[ "$app_files" == "main.js package.json" ]]; then
  pass "/app holds the build output only: $app_files"
else
  fail "/app holds '$app_files'; want only main.js and package.json from the nx build"
fi

echo "  layer sizes (newest first):"
podman history --format '{{.Size}}\t{{.CreatedBy}}' "$image" |
  grep -v -E '^0 B' | cut -c1-90 | sed 's/^/        /'
app_layer="$(podman history --format '{{.Size}}\t{{.CreatedBy}}' "$image" | grep -m1 'COPY')"
echo "  app layer: ${app_layer%%$'\t'*}; whole image:" \
  "$(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=si)B"

# ---- 6. run ----------------------------------------------------------------------------

step "run the container"
port="$(free_port)"
if start_container "$port"; then
  check_serving "$container" "$port"
  pid1="$(podman exec "$container" cat /proc/1/comm 2>&1)"
  if [[ "$pid1" == bun ]]; then
    pass "bun is PID 1, so the stop signal reaches it"
  else
    fail "PID 1 in the container is '$pid1', not bun: signals would not reach the service"
  fi
  if podman exec "$container" sh -c 'echo x >/app/main.js' 2>/dev/null; then
    fail "the app user could overwrite /app/main.js"
  else
    pass "the app user cannot overwrite its own code"
  fi
  check_sigterm_stop "$container"
else
  fail "podman run failed (output above)"
fi

step "run the container with a read-only root filesystem"
port="$(free_port)"
if start_container "$port" --read-only; then
  check_serving "$container" "$port"
  check_sigterm_stop "$container"
else
  fail "podman run --read-only failed (output above)"
fi

# ---- 7. push through Nx and read back --------------------------------------------------

step "nx docker-push to the local registry"
nx_target docker-push
push_status=$?
remember_image
if [[ $push_status -eq 0 ]]; then
  pass "docker-push pushed $image"
else
  fail "docker-push failed"
fi

tags="$(curl -s --max-time 5 "http://127.0.0.1:$registry_port/v2/$repository_name/tags/list")"
if [[ "$tags" == *"\"$tag\""* ]]; then
  pass "the registry lists tag $tag: $tags"
else
  fail "the registry does not list tag $tag: ${tags:-no answer}"
fi

manifest="$(curl -s --max-time 5 \
  -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
  "http://127.0.0.1:$registry_port/v2/$repository_name/manifests/$tag")"
pushed_config="$(json_field "$manifest" 'config?.digest' 2>/dev/null)"
local_config="sha256:$(podman image inspect --format '{{.Id}}' "$image")"
if [[ "$pushed_config" == "$local_config" ]]; then
  pass "the pushed manifest names the image that was built ($local_config)"
else
  fail "the pushed manifest's config is '$pushed_config', the built image is $local_config"
fi
