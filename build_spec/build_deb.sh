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
# PLANDESK_SKIP_LINTIAN=1 to skip the check.
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

say "Depends (dpkg-shlibdeps over every ELF file in the bundle)"
# The libraries the bundle carries are found through their own RUNPATH or the folders passed
# with -l; everything else is a system library and becomes a dependency.
SHLIB_WORK=$BUILD/deb/shlibdeps
mkdir -p "$SHLIB_WORK/debian"
printf 'Source: plandesk\n\nPackage: plandesk\nArchitecture: amd64\n' > "$SHLIB_WORK/debian/control"
mapfile -d '' elves < <(find "$PKG/opt/plandesk" -type f \( -name '*.so*' -o -name plandesk \) -print0)
mapfile -t libdirs < <(find "$PKG/opt/plandesk" -type f -name '*.so*' -printf '%h\n' | sort -u)
shlibs=$(cd "$SHLIB_WORK" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
    "${libdirs[@]/#/-l}" "${elves[@]}" 2>"$BUILD/deb/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
if [ -z "$shlibs" ]; then
    cat "$BUILD/deb/shlibdeps.log" >&2
    echo "dpkg-shlibdeps found no dependencies" >&2
    exit 1
fi
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
echo "bundle unpacked:  $(du -sh "$PKG/opt/plandesk" | cut -f1) ($(find "$PKG/opt/plandesk" -type f | wc -l) files)"
echo "package (.deb):   $(du -h "$DEB" | cut -f1)  $DEB"
echo "PyInstaller:      ${pyi_seconds} s; whole build: $(( $(date +%s) - started )) s"
