#!/usr/bin/env bash
# Builds a local stand-in for docker.io/oven/bun:<version>-slim, because this kind of machine
# cannot pull from Docker Hub. The stand-in matches what the project's Dockerfile relies on:
# Debian trixie, Bun at /usr/local/bin/bun, a `bun` user and group with uid and gid 1000,
# WORKDIR /home/bun/app and an entrypoint that execs its command. It is tagged with the real
# image's name, so the Dockerfile builds unchanged with `--pull=never`. An existing stand-in
# is reused.
#
# Usage: tools/container/stand-in-base-image.sh BUN_VERSION
# Env:   CONTAINER_CLI (default podman), STAND_IN_CACHE_DIR (default <repo>/tmp/container)
set -euo pipefail

bun_version="${1:?usage: stand-in-base-image.sh BUN_VERSION}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="${CONTAINER_CLI:-podman}"
cache_dir="${STAND_IN_CACHE_DIR:-$repo_root/tmp/container}"
image="docker.io/oven/bun:${bun_version}-slim"
bun_binary="$repo_root/node_modules/bun/bin/bun.exe"
# The debootstrap tree does not depend on Bun, so one cached tarball serves every version.
rootfs_tarball="$cache_dir/debootstrap-trixie-minbase.tar"

if "$cli" image inspect "$image" >/dev/null 2>&1; then
  echo "stand-in $image already exists; reusing it"
  exit 0
fi

if [[ ! -x "$bun_binary" ]]; then
  echo "error: no Bun binary at $bun_binary: run 'npm install' first" >&2
  exit 1
fi
installed_version="$("$bun_binary" --version)"
if [[ "$installed_version" != "$bun_version" ]]; then
  echo "error: the stand-in must run Bun $bun_version, but node_modules has Bun" \
    "$installed_version: set BUN_VERSION=$installed_version or install bun@$bun_version" >&2
  exit 1
fi

mkdir -p "$cache_dir"
work_dir="$(mktemp -d "$cache_dir/stand-in.XXXXXX")"
trap 'rm -rf "$work_dir"' EXIT
rootfs="$work_dir/rootfs"

if [[ -f "$rootfs_tarball" ]]; then
  echo "unpacking cached Debian trixie rootfs from $rootfs_tarball"
  mkdir -p "$rootfs"
  tar -C "$rootfs" -xf "$rootfs_tarball"
else
  echo "bootstrapping a minimal Debian trixie rootfs (about 30 s)"
  debootstrap --variant=minbase trixie "$rootfs" http://deb.debian.org/debian \
    >"$work_dir/debootstrap.log" 2>&1 || {
    tail -20 "$work_dir/debootstrap.log" >&2
    echo "error: debootstrap failed (log above): check that deb.debian.org is reachable" >&2
    exit 1
  }
  # Docs, manuals and apt lists only make the stand-in heavier than the real slim image.
  rm -rf "$rootfs"/usr/share/{doc,man,info} "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*
  tar -C "$rootfs" -cf "$rootfs_tarball.partial" . && mv "$rootfs_tarball.partial" "$rootfs_tarball"
fi

install -m 0755 "$bun_binary" "$rootfs/usr/local/bin/bun"
ln -sf bun "$rootfs/usr/local/bin/bunx"
echo 'bun:x:1000:' >>"$rootfs/etc/group"
echo 'bun:x:1000:1000::/home/bun:/bin/sh' >>"$rootfs/etc/passwd"
echo 'bun:!:19000::::::' >>"$rootfs/etc/shadow"
mkdir -p "$rootfs/home/bun/app"
chown -R 1000:1000 "$rootfs/home/bun"
# Like the real image's entrypoint: run Bun when the command is a flag or not a program, and
# exec the command, so that it (not this shell) is PID 1 and receives the stop signal.
cat >"$rootfs/usr/local/bin/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/sh
set -e
if [ "${1#-}" != "$1" ] || ! command -v "$1" >/dev/null 2>&1; then
  set -- /usr/local/bin/bun "$@"
fi
exec "$@"
ENTRYPOINT
chmod 0755 "$rootfs/usr/local/bin/docker-entrypoint.sh"

echo "importing $image"
tar -C "$rootfs" -c . | "$cli" import --quiet \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV BUN_RUNTIME_TRANSPILER_CACHE_PATH=0' \
  --change 'WORKDIR /home/bun/app' \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'CMD ["/usr/local/bin/bun"]' \
  - "$image" >/dev/null
echo "stand-in $image built"
