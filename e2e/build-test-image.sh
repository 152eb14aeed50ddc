#!/usr/bin/env bash
# Builds crosstalk-test:latest without a registry: a root file system made from
# the host's busybox-static, bash and netcat-traditional (plus the libraries
# they link), brought in with `docker import`.
set -euo pipefail
IMAGE=${1:-crosstalk-test:latest}
for f in /bin/busybox /bin/bash /bin/nc.traditional; do
  [ -x "$f" ] || { echo "missing $f: apt-get install busybox-static bash netcat-traditional" >&2; exit 1; }
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var/run}
chmod 1777 "$root/tmp"
cp /bin/busybox /bin/bash /bin/nc.traditional "$root/bin/"
# Shared libraries of the dynamic binaries, at their own paths.
for lib in $(ldd /bin/bash /bin/nc.traditional | awk '$2 == "=>" && $3 ~ "^/" { print $3 } $1 ~ "^/" && NF > 1 { print $1 }' | sort -u); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# Busybox applets, except nc: the image's nc is the traditional netcat (nc -lp 1234).
for applet in $(/bin/busybox --list); do
  case "$applet" in nc | bash | busybox) continue ;; esac
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
ln -s nc.traditional "$root/bin/nc"
# Terminfo for the TERM consoles set (xterm-256color): without it bash's readline takes the
# terminal as dumb and scrolls a long command line sideways ("<s 127.0.0.1 -p 1234; do …").
for t in xterm xterm-256color xterm-color vt100 linux screen; do
  f=$(find /lib/terminfo /usr/share/terminfo -name "$t" 2>/dev/null | head -1)
  [ -n "$f" ] && mkdir -p "$root/usr/share/terminfo/${t:0:1}" && cp -L "$f" "$root/usr/share/terminfo/${t:0:1}/"
done
ln -s /bin/bash "$root/bin/sh.bash"
printf 'root:x:0:0:root:/root:/bin/bash\n' >"$root/etc/passwd"
printf 'root:x:0:\n' >"$root/etc/group"
printf 'PS1="\\u@\\h:\\w# "\n' >"$root/root/.bashrc"
tar -C "$root" -c . | docker import \
  --change 'CMD ["/bin/bash"]' \
  --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'LABEL io.crosstalk.test-image=true' \
  - "$IMAGE" >/dev/null
echo "built $IMAGE"

# A second image shaped like the public busybox image the lessons default to:
# busybox alone, its own nc and sh, so tests cover the other netcat flavour.
BUSYBOX_IMAGE=${2:-crosstalk-busybox:latest}
bb=$(mktemp -d)
trap 'rm -rf "$root" "$bb"' EXIT
mkdir -p "$bb"/{bin,etc,tmp,root,proc,sys,dev,var/run}
chmod 1777 "$bb/tmp"
cp /bin/busybox "$bb/bin/"
for applet in $(/bin/busybox --list); do
  [ "$applet" = busybox ] || ln -s busybox "$bb/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$bb/etc/passwd"
printf 'root:x:0:\n' >"$bb/etc/group"
tar -C "$bb" -c . | docker import \
  --change 'CMD ["sh"]' \
  --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'LABEL io.crosstalk.test-image=true' \
  - "$BUSYBOX_IMAGE" >/dev/null
echo "built $BUSYBOX_IMAGE"
