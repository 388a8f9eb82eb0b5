#!/usr/bin/env bash
# Build PlanDesk's Debian package: a PyInstaller one-folder bundle in /opt/plandesk, wrapped with
# dpkg-deb, checked with lintian.
#
#     build_spec/build_deb.sh            # → build/plandesk_<version>-<revision>_amd64.deb
#
# Needs (Debian 12 / bookworm, as root or not): python3 python3-venv libpython3.11 binutils
# dpkg-dev lintian, and the runtime libraries the bundle links against installed on the build host
# (dpkg-shlibdeps reads the Depends: line from them): libgl1 libegl1 libfontconfig1 libdbus-1-3
# libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
# libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libwayland-client0 libwayland-cursor0.
#
# Environment: PYTHON (default /usr/bin/python3: Debian's own, whose binaries carry no RUNPATH),
# PLANDESK_DEB_REVISION (default 1), PLANDESK_MAINTAINER (the control file's Maintainer:),
# PLANDESK_SKIP_LINTIAN=1 to skip the check, PLANDESK_GLIBC_MAX=2.x to fail the build when any ELF
# file in the bundle asks for a newer glibc (build_deb_compat.sh sets it; the floor is always
# printed, and listed per file in build/glibc.txt).
#
# This builds for the glibc of the build host (Debian 12: 2.36 symbols, 2.35 in practice). For 统信UOS
# 20 / 麒麟 V10 use build_deb_compat.sh, which runs this script in a Debian 11 chroot.
set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-/usr/bin/python3}
REVISION=${PLANDESK_DEB_REVISION:-1}
MAINTAINER=${PLANDESK_MAINTAINER:-PlanDesk Team <plandesk@example.org>}
BUILD=$ROOT/build
VENV=$BUILD/venv
started=$(date +%s)

say() { printf '\n== %s\n' "$*"; }

VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
DEB_VERSION=$VERSION-$REVISION
changelog_version=$(sed -n '1s/^plandesk (\([^)]*\)).*/\1/p' build_spec/debian/changelog)
if [ "$changelog_version" != "$DEB_VERSION" ]; then
    echo "build_spec/debian/changelog starts with $changelog_version, but this build is $DEB_VERSION:" >&2
    echo "add an entry for $DEB_VERSION at the top of build_spec/debian/changelog" >&2
    exit 1
fi

say "Python: $PYTHON (no RUNPATH allowed)"
real_python=$(readlink -f "$PYTHON")
if readelf -d "$real_python" | grep -q 'R\(UN\)\?PATH'; then
    echo "$real_python carries an RPATH/RUNPATH; build from Debian's /usr/bin/python3" >&2
    exit 1
fi

say "venv $VENV: the project and PyInstaller"
if [ ! -x "$VENV/bin/python" ] || [ "$(readlink -f "$VENV/bin/python")" != "$real_python" ]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/pip" install -q --upgrade pip
# resources/ and templates/ are not Python packages: the spec takes them from this checkout.
"$VENV/bin/pip" install -q . 'pyinstaller>=6,<7'

say "PyInstaller"
rm -rf "$BUILD/pyi" "$BUILD/dist"
pyi_started=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$BUILD/dist" --workpath "$BUILD/pyi" \
    build_spec/plandesk.spec
pyi_seconds=$(( $(date +%s) - pyi_started ))

say "Package tree"
PKG=$BUILD/deb/plandesk
rm -rf "$BUILD/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
    "$PKG/usr/share/doc/plandesk" "$PKG/usr/share/man/man1" "$PKG/usr/share/lintian/overrides"
cp -a "$BUILD/dist/plandesk" "$PKG/opt/plandesk"
# Python byte-code caches written while building must not ship (Alembic compiles the migrations
# it imports; the bundle's own modules are compiled into its archive).
find "$PKG/opt" -name __pycache__ -prune -exec rm -rf {} +

# Strip ELF libraries and extension modules (not the executable: its archive is appended to it).
# Debug and symbol tables only; --strip-unneeded keeps the dynamic symbols they link with.
is_elf() { [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; }
before=$(du -sb "$PKG/opt/plandesk" | cut -f1)
while IFS= read -r -d '' f; do
    if is_elf "$f"; then
        strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"
    fi
done < <(find "$PKG/opt/plandesk/_internal" -type f -name '*.so*' -print0)
after=$(du -sb "$PKG/opt/plandesk" | cut -f1)
echo "stripped: $(( before / 1048576 )) MB → $(( after / 1048576 )) MB"

# Modes: directories 755, files 644, executables 755 (the launcher and the bootloader only;
# shared libraries are not executables).
find "$PKG" -type d -exec chmod 755 {} +
find "$PKG" -type f -exec chmod 644 {} +
chmod 755 "$PKG/opt/plandesk/plandesk"

install -m 755 build_spec/debian/plandesk.sh "$PKG/usr/bin/plandesk"
install -m 644 build_spec/debian/plandesk.desktop "$PKG/usr/share/applications/plandesk.desktop"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "resources/icons/plandesk-$size.png" \
        "$PKG/usr/share/icons/hicolor/${size}x${size}/apps/plandesk.png"
done
install -m 644 build_spec/debian/copyright "$PKG/usr/share/doc/plandesk/copyright"
gzip -9n < build_spec/debian/changelog > "$PKG/usr/share/doc/plandesk/changelog.Debian.gz"
gzip -9n < build_spec/debian/plandesk.1 > "$PKG/usr/share/man/man1/plandesk.1.gz"
install -m 644 build_spec/debian/lintian-overrides "$PKG/usr/share/lintian/overrides/plandesk"
chmod 644 "$PKG"/usr/share/doc/plandesk/* "$PKG/usr/share/man/man1/plandesk.1.gz"

say "glibc: the newest symbol version any ELF file in the bundle asks for"
# objdump -T lists each dynamic symbol with the version it needs, e.g. "(GLIBC_2.29) pow"; the
# newest over all files is the oldest glibc the bundle starts on.
GLIBC_TXT=$BUILD/glibc.txt
while IFS= read -r -d '' f; do
    if is_elf "$f"; then
        v=$(objdump -T "$f" | { grep -o 'GLIBC_[0-9][0-9.]*' || true; } | sed 's/^GLIBC_//' | sort -uV | tail -1)
        [ -z "$v" ] || printf '%s\t%s\n' "$v" "${f#"$PKG"/opt/plandesk/}"
    fi
done < <(find "$PKG/opt/plandesk" -type f \( -name '*.so*' -o -perm -u+x \) -print0) | sort -V > "$GLIBC_TXT"
glibc_floor=$(cut -f1 "$GLIBC_TXT" | sort -V | tail -1)
echo "the bundle needs glibc >= $glibc_floor; files that ask for it (all in $GLIBC_TXT):"
grep -F "$glibc_floor	" "$GLIBC_TXT" | cut -f2 | head -5 | sed 's/^/    /'
if [ -n "${PLANDESK_GLIBC_MAX:-}" ] \
        && [ "$(printf '%s\n%s\n' "$glibc_floor" "$PLANDESK_GLIBC_MAX" | sort -V | tail -1)" != "$PLANDESK_GLIBC_MAX" ]; then
    echo "the bundle needs glibc $glibc_floor, above PLANDESK_GLIBC_MAX=$PLANDESK_GLIBC_MAX:" >&2
    tail -10 "$GLIBC_TXT" >&2
    exit 1
fi

say "Depends (dpkg-shlibdeps over every ELF file in the bundle)"
# The libraries the bundle carries are found through their own RUNPATH or the folders passed
# with -l; everything else is a system library and becomes a dependency.
#
# -l alone is not enough: dpkg-shlibdeps collects every copy of a soname on its search path (the
# bundle's first, then /lib and /usr/lib), and a copy that no package owns and that has no shlibs
# entry counts as "no information", so it moves on to the next copy. When the build base has the
# same soname installed (libffi.so.7, libssl.so.1.1 and libcrypto.so.1.1 on Debian 11), the
# system copy's package (libffi7, libssl1.1) became a dependency although the bundle loads its
# own copy, and Debian 10 (统信UOS 20) has no libffi7. So every soname the bundle carries in a -l
# folder gets a line in debian/shlibs.local naming this package, which wins over the system's
# symbols and shlibs files, and -xplandesk drops that self-dependency (dpkg-shlibdeps(1): -x is
# for binaries using a library contained in the same package). The bundled libraries are ELF
# files scanned here too, so what they need in turn (libc6, …) still becomes a dependency.
SHLIB_WORK=$BUILD/deb/shlibdeps
mkdir -p "$SHLIB_WORK/debian"
printf 'Source: plandesk\n\nPackage: plandesk\nArchitecture: amd64\n' > "$SHLIB_WORK/debian/control"
mapfile -d '' elves < <(find "$PKG/opt/plandesk" -type f \( -name '*.so*' -o -name plandesk \) -print0)
mapfile -t libdirs < <(find "$PKG/opt/plandesk" -type f -name '*.so*' -printf '%h\n' | sort -u)
# The file names in those folders (files and symlinks: the loader follows a symlink to a library in
# another folder), split into name and version as dpkg-shlibdeps splits a soname: "name.so.version"
# or "name-version.so" (deb-shlibs(5)).
mapfile -t carried < <(find "${libdirs[@]}" -maxdepth 1 \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u)
printf '%s\n' "${carried[@]}" \
    | sed -nE 's/^(.*)\.so\.(.+)$/\1 \2 plandesk/p; t; s/^(lib.*)-([0-9].*)\.so$/\1 \2 plandesk/p' \
    > "$SHLIB_WORK/debian/shlibs.local"
shlibs=$(cd "$SHLIB_WORK" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 -xplandesk \
    "${libdirs[@]/#/-l}" "${elves[@]}" 2>"$BUILD/deb/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
# For the record: the carried sonames the build base has installed as well (the ones that used to
# turn into dependencies).
for so in "${carried[@]}"; do
    for d in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /usr/local/lib; do
        [ -e "$d/$so" ] || continue
        owner=$( { dpkg -S "$d/$so" || dpkg -S "$(readlink -f "$d/$so")"; } 2>/dev/null | head -1 | cut -d: -f1 || true)
        echo "carried, not a dependency: $so (also in the build base: ${owner:-$d/$so, no package})"
        break
    done
done
if [ -z "$shlibs" ]; then
    cat "$BUILD/deb/shlibdeps.log" >&2
    echo "dpkg-shlibdeps found no dependencies" >&2
    exit 1
fi
# Adjusted for older systems (统信UOS 20 is Debian 10 based, 麒麟 V10 Ubuntu 20.04 based):
# - libx11-xcb1 and libzstd1 have no symbols file, only an shlibs file that names the build base's
#   version (Debian 11: 2:1.7.2 and 1.4.0). The bundle calls XGetXCBConnection and
#   XSetEventQueueOwner (libX11 1.1) and ZSTD_decompress, ZSTD_getFrameContentSize, ZSTD_isError,
#   ZSTD_getErrorName (zstd 1.3), so any version will do.
# - libgcc-s1 was called libgcc1 (version with epoch 1:) before Debian 11 and Ubuntu 20.04.
shlibs=$(echo "$shlibs" | sed -E 's/libx11-xcb1 \([^)]*\)/libx11-xcb1/; s/libzstd1 \([^)]*\)/libzstd1/;
    s/libgcc-s1 \(>= ([^)]*)\)/libgcc-s1 (>= \1) | libgcc1 (>= 1:\1)/')
echo "$shlibs"

installed_kb=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: plandesk
Version: $DEB_VERSION
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $installed_kb
Depends: $shlibs, fonts-noto-cjk | fonts-wqy-microhei
Suggests: libreoffice-writer-nogui | libreoffice-writer
Section: misc
Priority: optional
Description: planning desk for five-year informatization plans (规划编制助手)
 PlanDesk keeps a local library of prior five-year informatization plans
 imported with their structure, searches them in Chinese full text, and helps
 draft, compare and export new plans (GB/T 9704 documents). It works without
 a network connection.
 .
 The program and its own Python and Qt are installed in /opt/plandesk; each
 user's library stays in ~/.local/share/PlanDesk and is kept when the package
 is removed, purged or upgraded (a newer version upgrades the library when it
 opens it). LibreOffice is used for PDF export when installed.
EOF
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$PKG/DEBIAN/md5sums"
chmod 644 "$PKG/DEBIAN/control" "$PKG/DEBIAN/md5sums"

say "dpkg-deb"
DEB=$BUILD/plandesk_${DEB_VERSION}_amd64.deb
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz -z9 --build "$PKG" "$DEB"

if [ "${PLANDESK_SKIP_LINTIAN:-0}" != 1 ]; then
    say "lintian"
    # The verdict: no error or warning left. (With --show-overrides lintian counts the overridden
    # tags as failures too, so the overrides are listed in a second, informational run.)
    lintian --fail-on error,warning --display-info "$DEB" | tee "$BUILD/lintian.txt"
    echo "lintian: no errors or warnings; overridden tags (build/lintian-overrides.txt):"
    lintian --show-overrides "$DEB" 2>/dev/null | grep '^O:' | sed 's/ \[.*//' | sort | uniq -c \
        | tee "$BUILD/lintian-overrides.txt" || true
fi

say "Figures"
echo "glibc floor:      $glibc_floor (objdump -T over every ELF file; build/glibc.txt)"
echo "bundle unpacked:  $(du -sh "$PKG/opt/plandesk" | cut -f1) ($(find "$PKG/opt/plandesk" -type f | wc -l) files)"
echo "package (.deb):   $(du -h "$DEB" | cut -f1)  $DEB"
echo "PyInstaller:      ${pyi_seconds} s; whole build: $(( $(date +%s) - started )) s"
