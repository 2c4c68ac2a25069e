#!/usr/bin/env bash
# Installs, with apt-get, the container tools the end-to-end test needs and that are missing.
# Exits non-zero with the reason when they are missing and cannot be installed, so that the
# test fails instead of skipping.
set -euo pipefail

# command=package: the command the test runs, and the Debian package that provides it.
tools=(
  podman=podman
  buildah=buildah
  runc=runc
  debootstrap=debootstrap
  docker-registry=docker-registry
  newuidmap=uidmap
  curl=curl
)

missing=()
for tool in "${tools[@]}"; do
  command -v "${tool%%=*}" >/dev/null 2>&1 || missing+=("${tool#*=}")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "container tools present: ${tools[*]%%=*}"
  exit 0
fi

echo "installing missing Debian packages: ${missing[*]}"
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing and cannot be installed here (needs root and apt-get):" \
    "run 'apt-get install -y ${missing[*]}' as root, then run the test again" >&2
  exit 1
fi
log="$(mktemp)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  "${missing[@]}"; } >"$log" 2>&1; then
  tail -20 "$log" >&2
  echo "error: apt-get could not install ${missing[*]} (output above): check that the" \
    "Debian mirror is reachable" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
echo "installed: ${missing[*]}"
