#!/usr/bin/env bash
# Makes the hub's base image from Debian packages alone, without a Docker daemon and without a container registry:
# the Java 17 runtime (openjdk-17-jre-headless) and exactly what apt resolves it to on an empty system, unpacked with
# `dpkg -x` (no maintainer scripts, no chroot), plus what those scripts would have made: the `java` command, the Java
# trust store, and an unprivileged user `hub` (65532). Written as a `docker save` tar, which Jib takes as a base image
# (`tar://` in the `image` profile of app/pom.xml). docs/operations.md, "Image and Kubernetes".
#
#   ops/image/base-image.sh OUT.tar
#
# Needs a Debian-like host with apt (the package lists are updated when run as root and apt knows no candidate),
# GNU tar, jq, objdump and a Java 17 (to write the trust store).
set -euo pipefail

out="${1:?usage: ops/image/base-image.sh OUT.tar}"
jre_package=openjdk-17-jre-headless
java_home_name=java-17-openjdk
# packages no maintainer script would have put in the image either and the runtime does not need
extra_packages=(base-files netbase)
hub_uid=65532
mtime=@1 # as Jib's own layers: the image depends on the packages only, not on the day it was built

for tool in apt-get dpkg dpkg-deb tar jq java objdump sha256sum; do
  command -v "$tool" >/dev/null || { echo "base-image: $tool is missing (a Debian host with apt is needed)" >&2; exit 1; }
done

arch="$(dpkg --print-architecture)"
java_home="/usr/lib/jvm/${java_home_name}-${arch}"
work="$(mktemp -d "${TMPDIR:-/tmp}/hub-base-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs" "$work/rootfs" "$work/user" "$work/image"
chmod 777 "$work/debs" # apt downloads as its sandbox user when run as root

resolve() {
  # apt's own resolver on an empty package database: the runtime's full dependency closure, no recommends
  : > "$work/empty-status"
  apt-get -s -o Dir::State::status="$work/empty-status" install --no-install-recommends "$jre_package" \
    "${extra_packages[@]}" 2>/dev/null | awk '/^Inst /{print $2}'
}
packages="$(resolve)"
if ! grep -qx "$jre_package" <<<"$packages" && [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  packages="$(resolve)"
fi
grep -qx "$jre_package" <<<"$packages" || { echo "base-image: apt knows no $jre_package (run apt-get update)" >&2; exit 1; }

echo "base-image: $(grep -c . <<<"$packages") Debian packages"
(cd "$work/debs" && apt-get download -qq $packages 2>&1 | grep -v 'unsandboxed' || true)
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$work/rootfs"
done
[ "$(ls "$work"/debs/*.deb | wc -l)" -eq "$(grep -c . <<<"$packages")" ] || { echo "base-image: a download failed" >&2; exit 1; }
rootfs="$work/rootfs"

# what the maintainer scripts would have done: the alternatives' `java`, the trust store, the users, /tmp
mkdir -p "$rootfs/usr/bin" "$rootfs/etc/ssl/certs/java" "$rootfs/tmp" "$rootfs/var/lib/retail-hub"
ln -sfn "$java_home/bin/java" "$rootfs/usr/bin/java"
chmod 1777 "$rootfs/tmp"
echo "base-image: trust store of $(java -Xmx64m "$(dirname "$0")/TrustStore.java" "$rootfs/usr/share/ca-certificates" \
  "$rootfs/etc/ssl/certs/java/cacerts")"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nhub:x:%s:%s:retail hub:/home/hub:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' \
  "$hub_uid" "$hub_uid" > "$rootfs/etc/passwd"
printf 'root:x:0:\nhub:x:%s:\nnogroup:x:65534:\n' "$hub_uid" > "$rootfs/etc/group"
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/lintian"

# every native library the runtime loads must be in the image (a missing package shows here, not at the first start)
missing=""
for needed in $(find "$rootfs$java_home" "$rootfs/usr/lib/jvm" -name '*.so' -o -name java -type f 2>/dev/null \
    | xargs objdump -p 2>/dev/null | awk '/NEEDED/{print $2}' | sort -u); do
  [ -n "$(find "$rootfs" -name "$needed" -print -quit)" ] || missing="$missing $needed"
done
[ -z "$missing" ] || { echo "base-image: libraries missing from the image:$missing" >&2; exit 1; }

# the hub's own writable folders, owned by its user (a layer of their own: no root needed to own them)
mkdir -p "$work/user/home/hub" "$work/user/var/lib/retail-hub/settlements"
tar_layer() { # dir out [tar options...]
  local dir="$1" layer="$2"; shift 2
  tar -C "$dir" --sort=name --mtime="$mtime" --numeric-owner \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime "$@" -cf "$layer"
}
tar_layer "$rootfs" "$work/image/system.tar" --owner=0 --group=0 .
tar_layer "$work/user" "$work/image/hub-user.tar" --owner="$hub_uid" --group="$hub_uid" --no-recursion \
  ./home/hub ./var/lib/retail-hub/settlements

system_id="sha256:$(sha256sum "$work/image/system.tar" | cut -d' ' -f1)"
user_id="sha256:$(sha256sum "$work/image/hub-user.tar" | cut -d' ' -f1)"
jq -n --arg arch "$arch" --arg home "$java_home" --arg uid "$hub_uid" --arg system "$system_id" --arg user "$user_id" \
  --arg packages "$(tr '\n' ' ' <<<"$packages")" '{
  architecture: $arch, os: "linux", created: "1970-01-01T00:00:01Z",
  config: {
    User: $uid, WorkingDir: "/home/hub",
    Env: ["PATH=\($home)/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "JAVA_HOME=\($home)",
          "LANG=C.UTF-8"]
  },
  rootfs: {type: "layers", diff_ids: [$system, $user]},
  history: [{created: "1970-01-01T00:00:01Z", created_by: "ops/image/base-image.sh: dpkg -x \($packages)"},
            {created: "1970-01-01T00:00:01Z", created_by: "ops/image/base-image.sh: /home/hub and the settlement inbox"}]
}' > "$work/image/config.json"
jq -n '[{Config: "config.json", RepoTags: ["retail-hub-base:17"], Layers: ["system.tar", "hub-user.tar"]}]' \
  > "$work/image/manifest.json"

mkdir -p "$(dirname "$out")"
tar_layer "$work/image" "$out.partial" --owner=0 --group=0 manifest.json config.json system.tar hub-user.tar
mv "$out.partial" "$out"
echo "base-image: wrote $out ($(du -h "$out" | cut -f1), Java runtime $(dpkg-deb -f "$work"/debs/${jre_package}_*.deb Version))"
