#!/usr/bin/env bash
# Build PlanDesk's .deb on an old Debian base, so that it runs on the older glibc of the systems
# offices use (统信UOS 20: glibc 2.28; 麒麟 V10: glibc 2.31) as well as on Debian 12 and later.
#
#     build_spec/build_deb_compat.sh        # → build/compat/plandesk_<version>-<revision>_amd64.deb
#
# A binary only needs the glibc it was linked against or a newer one, so the bundle is made inside a
# Debian 11 (bullseye, glibc 2.31) chroot — the oldest Debian the configured mirror still carries
# (buster, glibc 2.28, is only on archive.debian.org, which is out of reach here). The few libm
# functions glibc 2.29 gave new symbol versions (exp, log, pow, exp2, log2) are bound to their
# older versions by build_spec/compat/glibc-2.28.h, which brings the floor down to glibc 2.28.
#
# Steps: debootstrap --variant=minbase into build/chroot-<suite>-build (once); apt-get the compiler,
# the -dev packages and the runtime libraries dpkg-shlibdeps reads the Depends: from; build SQLite
# 3.40.1 and CPython 3.11.2 from the source tarballs of Debian 12's own packages (deb.debian.org,
# checked against the SHA-256 of Debian's Sources index) into /usr/local of the chroot (once);
# copy this checkout (the files git knows, committed or not, minus ignored ones) to /src/plandesk
# in the chroot; run build_deb.sh there with that Python and PLANDESK_GLIBC_MAX (the build fails if
# any ELF file in the bundle asks for a newer glibc); lintian the result on this host.
#
# SQLite is built rather than taken from bullseye (3.34.1) because the library code uses
# INSERT … RETURNING (SQLite ≥ 3.35); 3.40.1 with Debian 12's compile options and security patches
# is the SQLite the Debian 12 build carries. CPython is built with --enable-shared (PyInstaller
# needs libpython3.11.so) into /usr/local, which is on the default library path: no RUNPATH.
#
# Needs (on this host, as root): debootstrap, lintian, network access to the Debian mirror and to
# PyPI (pip, inside the chroot). Environment: PLANDESK_COMPAT_SUITE (default bullseye),
# PLANDESK_MIRROR (default http://deb.debian.org/debian), PLANDESK_GLIBC_MAX (default 2.28),
# PLANDESK_DEB_REVISION, PLANDESK_MAINTAINER, PLANDESK_SKIP_LINTIAN=1 (passed on).
# Then: build_spec/smoke_deb.sh --suite bullseye build/compat/plandesk_*_amd64.deb
set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE=${PLANDESK_COMPAT_SUITE:-bullseye}
MIRROR=${PLANDESK_MIRROR:-http://deb.debian.org/debian}
GLIBC_MAX=${PLANDESK_GLIBC_MAX:-2.28}
CHROOT=$ROOT/build/chroot-$SUITE-build
SRC=$ROOT/build/src
OUT=$ROOT/build/compat
JOBS=${PLANDESK_JOBS:-$(nproc)}
started=$(date +%s)

# Source tarballs of Debian 12's python3.11 and sqlite3 packages (the .orig tarballs are upstream's
# releases), with the SHA-256 sums Debian's Sources index lists for them.
POOL=$MIRROR/pool/main
PY_VERSION=3.11.2
PY_TARBALL=python3.11_$PY_VERSION.orig.tar.gz
PY_SHA256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
SQLITE_TARBALL=sqlite3_3.40.1.orig.tar.xz
SQLITE_SHA256=aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655
SQLITE_DEBIAN=sqlite3_3.40.1-2+deb12u2.debian.tar.xz
SQLITE_DEBIAN_SHA256=0843bc12e4364076477935ce313a6d0796fd899a989ff18ebb6545540e10e4ca
# Debian 12's patches to SQLite's code (bug and security fixes); its build-system patches are not
# needed for a plain ./configure build.
SQLITE_PATCHES="41-fix_a_bug_in_the_NOT_NULL-IS_NULL_optimization.patch 42-CVE-2025-6965.patch
0001-Fix-a-buffer-overread-in-the-sessions-extension-that.patch
0002-Avoid-a-stack-overflow-that-could-be-caused-by-a-rec.patch
0003-Fix-a-technically-undefined-signed-integer-overflow-.patch"
# Debian 12's compile options for libsqlite3 (debian/rules of sqlite3 3.40.1-2).
SQLITE_CFLAGS="-O2 -fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA
-DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1
-DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB
-DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_ENABLE_LOAD_EXTENSION
-DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1
-DSQLITE_ENABLE_FTS3_TOKENIZER=1 -DSQLITE_USE_URI=1 -DSQLITE_MAX_SCHEMA_RETRY=25
-DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB
-DSQLITE_MAX_VARIABLE_NUMBER=250000"

BUILD_PACKAGES="build-essential pkg-config binutils dpkg-dev file xz-utils patch tcl ca-certificates
libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev uuid-dev libexpat1-dev"
# The runtime libraries the bundle links against (see build_deb.sh): dpkg-shlibdeps reads them.
RUNTIME_PACKAGES="libgl1 libegl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0
libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
libxcb-xkb1 libwayland-client0 libwayland-cursor0"

say() { printf '\n== %s\n' "$*"; }
in_chroot() { chroot "$CHROOT" env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin "$@"; }
mounted=()
cleanup() { for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT

say "chroot $CHROOT (Debian $SUITE)"
if [ ! -x "$CHROOT/bin/sh" ]; then
    t=$(date +%s)
    rm -rf "$CHROOT"
    debootstrap --variant=minbase "$SUITE" "$CHROOT" "$MIRROR"
    echo "debootstrap: $(( $(date +%s) - t )) s"
fi
echo "glibc in the chroot: $(in_chroot ldd --version | sed -n '1s/.* //p')"
mount -t proc proc "$CHROOT/proc"; mounted+=("$CHROOT/proc")
mount --bind /dev "$CHROOT/dev"; mounted+=("$CHROOT/dev")
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
# pip in the chroot trusts what this host trusts (a site whose proxy re-signs TLS puts its CA in
# this host's bundle, not in the chroot's fresh ca-certificates).
CA_BUNDLE=${PLANDESK_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
install -D -m 644 "$CA_BUNDLE" "$CHROOT/usr/local/share/plandesk-compat/ca-certificates.crt"
# The header that binds glibc 2.29's re-versioned libm functions to their old versions.
install -D -m 644 "$ROOT/build_spec/compat/glibc-2.28.h" "$CHROOT/usr/local/share/plandesk-compat/glibc-2.28.h"
COMPAT_CFLAGS=""
case "$GLIBC_MAX" in 2.2[0-8]) COMPAT_CFLAGS="-include /usr/local/share/plandesk-compat/glibc-2.28.h" ;; esac

say "build and runtime packages"
t=$(date +%s)
# shellcheck disable=SC2086
in_chroot sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $(echo $BUILD_PACKAGES $RUNTIME_PACKAGES)" > "$ROOT/build/compat-apt.log" 2>&1 \
    || { tail -30 "$ROOT/build/compat-apt.log"; exit 1; }
echo "apt-get: $(( $(date +%s) - t )) s"

fetch_source() {  # fetch_source POOL_DIR FILE SHA256: into build/src (once), checked
    local file=$SRC/$2
    mkdir -p "$SRC"
    if [ ! -s "$file" ]; then curl -fsS -o "$file.part" "$1/$2"; mv "$file.part" "$file"; fi
    echo "$3  $file" | sha256sum -c --quiet - || { echo "$file: wrong SHA-256" >&2; rm -f "$file"; exit 1; }
}

if [ ! -e "$CHROOT/usr/local/lib/libsqlite3.so.0" ]; then
    say "SQLite 3.40.1 → /usr/local (Debian 12's source, options and patches)"
    t=$(date +%s)
    fetch_source "$POOL/s/sqlite3" "$SQLITE_TARBALL" "$SQLITE_SHA256"
    fetch_source "$POOL/s/sqlite3" "$SQLITE_DEBIAN" "$SQLITE_DEBIAN_SHA256"
    rm -rf "$CHROOT/tmp/sqlite"; mkdir -p "$CHROOT/tmp/sqlite"
    tar xJf "$SRC/$SQLITE_TARBALL" -C "$CHROOT/tmp/sqlite" --strip-components=1
    tar xJf "$SRC/$SQLITE_DEBIAN" -C "$CHROOT/tmp/sqlite"
    for p in $SQLITE_PATCHES; do patch -s -d "$CHROOT/tmp/sqlite" -p1 < "$CHROOT/tmp/sqlite/debian/patches/$p"; done
    # shellcheck disable=SC2086
    in_chroot sh -c "cd /tmp/sqlite && ./configure --prefix=/usr/local --disable-static --disable-tcl \
        --enable-threadsafe --enable-load-extension --enable-fts4 --enable-fts5 \
        CFLAGS='$(echo $SQLITE_CFLAGS) $COMPAT_CFLAGS' >/tmp/sqlite.log 2>&1 && make -j$JOBS >>/tmp/sqlite.log 2>&1 \
        && make install >>/tmp/sqlite.log 2>&1 && ldconfig" \
        || { tail -30 "$CHROOT/tmp/sqlite.log"; exit 1; }
    echo "SQLite: $(( $(date +%s) - t )) s"
fi

if [ ! -x "$CHROOT/usr/local/bin/python3.11" ]; then
    say "CPython $PY_VERSION → /usr/local (shared libpython, no RUNPATH; make -j$JOBS, no PGO/LTO)"
    t=$(date +%s)
    fetch_source "$POOL/p/python3.11" "$PY_TARBALL" "$PY_SHA256"
    rm -rf "$CHROOT/tmp/cpython"; mkdir -p "$CHROOT/tmp/cpython"
    tar xzf "$SRC/$PY_TARBALL" -C "$CHROOT/tmp/cpython" --strip-components=1
    # CFLAGS_NODIST: for the interpreter and the standard library only, not remembered in sysconfig
    # for extension modules pip might compile later. sem_clockwait is glibc 2.30; without it
    # CPython waits on locks with sem_timedwait, as Python 3.10 did.
    nodist=""; [ -n "$COMPAT_CFLAGS" ] && nodist="ac_cv_func_sem_clockwait=no CFLAGS_NODIST='$COMPAT_CFLAGS'"
    in_chroot sh -c "cd /tmp/cpython && ./configure --prefix=/usr/local --enable-shared --with-system-expat \
        --with-ensurepip=install $nodist >/tmp/cpython.log 2>&1 && make -j$JOBS >>/tmp/cpython.log 2>&1 \
        && make altinstall >>/tmp/cpython.log 2>&1 && ldconfig" \
        || { tail -40 "$CHROOT/tmp/cpython.log"; exit 1; }
    grep -A3 'necessary bits to build these optional modules were not found' "$CHROOT/tmp/cpython.log" || true
    in_chroot python3.11 -c 'import sqlite3, ctypes, lzma, bz2, zlib, decimal, uuid; print("Python", __import__("sys").version.split()[0], "SQLite", sqlite3.sqlite_version)'
    echo "CPython: $(( $(date +%s) - t )) s"
    rm -rf "$CHROOT/tmp/cpython" "$CHROOT/tmp/sqlite"
fi

say "this checkout → $CHROOT/src/plandesk (build/ there is kept: the venv is reused)"
DEST=$CHROOT/src/plandesk
mkdir -p "$DEST"
find "$DEST" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf -) | tar xf - -C "$DEST"

say "build_deb.sh in the chroot (glibc ceiling $GLIBC_MAX)"
in_chroot env PIP_CERT=/usr/local/share/plandesk-compat/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHON=/usr/local/bin/python3.11 PLANDESK_SKIP_LINTIAN=1 PLANDESK_GLIBC_MAX="$GLIBC_MAX" \
    PLANDESK_DEB_REVISION="${PLANDESK_DEB_REVISION:-1}" \
    PLANDESK_MAINTAINER="${PLANDESK_MAINTAINER:-PlanDesk Team <plandesk@example.org>}" \
    bash /src/plandesk/build_spec/build_deb.sh

mkdir -p "$OUT"
DEB=$(ls -t "$DEST"/build/plandesk_*_amd64.deb | head -1)
cp "$DEB" "$DEST/build/glibc.txt" "$OUT/"
DEB=$OUT/$(basename "$DEB")

if [ "${PLANDESK_SKIP_LINTIAN:-0}" != 1 ]; then
    say "lintian (this host's)"
    lintian --fail-on error,warning --display-info "$DEB" | tee "$OUT/lintian.txt"
    echo "lintian: no errors or warnings; overridden tags:"
    lintian --show-overrides "$DEB" 2>/dev/null | grep '^O:' | sed 's/ \[.*//' | sort | uniq -c \
        | tee "$OUT/lintian-overrides.txt" || true
fi

say "compat package"
echo "package:          $DEB ($(du -h "$DEB" | cut -f1))"
echo "Depends:          $(dpkg-deb -f "$DEB" Depends)"
echo "whole compat build: $(( $(date +%s) - started )) s"
echo "smoke test:       build_spec/smoke_deb.sh --suite $SUITE $DEB"
