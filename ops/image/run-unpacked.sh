#!/usr/bin/env bash
# Runs an image tar (as written by `./mvnw -Pimage`) without a container runtime, to prove it is whole: unpacks its
# layers in order into a folder and starts its entrypoint there as the image's user, with the image's environment and
# working directory, in a mount and PID namespace of its own (its root changed to the folder; the host's network).
# Needs root (mounts, changing root).
#
#   ops/image/run-unpacked.sh IMAGE.tar [NAME=VALUE ...]      extra variables for the hub, e.g. SERVER_PORT=19500
#
# Whiteout files are not handled: Jib's layers and the base image's have none. docs/operations.md.
set -euo pipefail
image="${1:?usage: ops/image/run-unpacked.sh IMAGE.tar [NAME=VALUE ...]}"; shift
[ "$(id -u)" -eq 0 ] || { echo "run-unpacked: needs root (chroot and mounts)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hub-image-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tar" "$work/root"
tar -C "$work/tar" --warning=no-unknown-keyword -xf "$image"
for layer in $(jq -r '.[0].Layers[]' "$work/tar/manifest.json"); do
  tar -C "$work/root" --numeric-owner --warning=no-unknown-keyword -xf "$work/tar/$layer"
done
config="$work/tar/$(jq -r '.[0].Config' "$work/tar/manifest.json")"
user="$(jq -r '.config.User // "0"' "$config")"
workdir="$(jq -r '.config.WorkingDir // "/"' "$config")"
mapfile -t env < <(jq -r '.config.Env[]?' "$config")
mapfile -t entrypoint < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
echo "run-unpacked: $(du -sh "$work/root" | cut -f1) unpacked; user $user; ${entrypoint[*]}" >&2

mkdir -p "$work/root/proc" "$work/root/dev"
# /dev and /proc are mounted in a mount namespace of the child's own: nothing stays mounted on the host when it ends.
# The image has no shell: unshare changes root and folder, the image's own setpriv (util-linux) takes its user.
env -i "${env[@]}" "$@" unshare --mount --pid --fork --propagation private /bin/bash -c '
  root="$1"; shift
  mount --rbind /dev "$root/dev"
  mount -t proc proc "$root/proc"
  exec "$@"' run-unpacked "$work/root" \
  unshare --root="$work/root" --wd="$workdir" \
  /usr/bin/setpriv --reuid="$user" --regid="$user" --clear-groups "${entrypoint[@]}"
