#!/usr/bin/env bash
# Smoke-test the built .deb the way an office gets it: installed with dpkg into a clean Debian
# chroot that has no Python, run with the network cut off (an empty network namespace).
#
#     build_spec/smoke_deb.sh [build/plandesk_X_amd64.deb]
#     build_spec/smoke_deb.sh --suite bullseye build/compat/plandesk_X_amd64.deb   # the compat build
#
# The target system is a Debian release (--suite SUITE or PLANDESK_SUITE, default bookworm: Debian
# 12; bullseye is Debian 11, glibc 2.31, the base build_deb_compat.sh builds on). Its chroot is made
# once with debootstrap (--variant=minbase) in build/chroot-SUITE and copied for each run
# (PLANDESK_CHROOT=DIR to use another root, made by other means; PLANDESK_MIRROR for another mirror). The
# package's Depends are installed in the copy with apt before the network is cut; everything after
# runs in `unshare --net`. Without debootstrap or a mirror, PLANDESK_SMOKE_SCRATCH=1 runs the same
# checks on `dpkg -x` into a scratch folder on this host instead (a weaker test: the host's
# libraries and PATH minus Python).
#
# Checks: the bundled CLI imports the sample plan and a seed plan (../shared/seeds, when present),
# lists and searches with --json; the window starts offscreen and reports its first paint; the
# bundle's own GUI smoke test (`plandesk --smoke`) drives import, search and reader; export to
# .docx and comparison of two plans when the bundle has those commands; a second run of the same
# build reopens (and would migrate) the library made by the first; an older .deb
# (PLANDESK_OLD_DEB) is upgraded in place and its library kept, or a library file at an older schema
# (PLANDESK_OLD_LIBRARY) is opened and migrated; `dpkg --purge` removes /opt/plandesk
# and leaves the user's library. PostgreSQL: the bundled driver (psycopg with the wheel's libpq) loads
# and reports a refused connection; when this host has PostgreSQL (/usr/lib/postgresql/*/bin), a
# throwaway server (as user postgres, no TCP, its Unix socket in the chroot's /tmp/pgsock) takes an
# import and a list through `plandesk --library postgresql://…` from inside the cut-off chroot
# (PLANDESK_SMOKE_PG=0 skips it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE=${PLANDESK_SUITE:-bookworm}
if [ "${1:-}" = --suite ]; then SUITE=$2; shift 2; fi
DEB=$(readlink -f "${1:-$(ls -t "$ROOT"/build/plandesk_*_amd64.deb | head -1)}")
BASE=${PLANDESK_CHROOT:-$ROOT/build/chroot-$SUITE}
MIRROR=${PLANDESK_MIRROR:-http://deb.debian.org/debian}
SEEDS=$ROOT/../shared/seeds
WORK=$(mktemp -d /tmp/plandesk-smoke.XXXXXX)
failures=0
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PG_DATA=""
cleanup() {
    [ -z "$PG_DATA" ] || su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DATA -m immediate stop" >/dev/null 2>&1 || true
    [ -z "$PG_DATA" ] || rm -rf "$(dirname "$PG_DATA")"
    for m in proc dev/pts dev; do umount -l "$WORK/root/$m" 2>/dev/null || true; done
    [ "${PLANDESK_KEEP_SMOKE:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() {  # check NAME COMMAND…: run, print the outcome, keep going
    local name=$1; shift
    if "$@" > "$WORK/last.out" 2>&1; then ok "$name"; else fail "$name"; sed 's/^/      /' "$WORK/last.out" | tail -20; fi
}

echo "package: $DEB"

if [ "${PLANDESK_SMOKE_SCRATCH:-0}" = 1 ]; then
    say "scratch root (dpkg -x) on this host"
    mkdir -p "$WORK/root"
    dpkg -x "$DEB" "$WORK/root"
    run() {  # run a shell command as the office user would, network cut, no Python on PATH
        unshare --net --map-root-user env -i HOME="$WORK/home" PATH="$WORK/root/usr/bin:/usr/bin:/bin" \
            LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
            sh -c "sed -i 's#/opt/plandesk#$WORK/root/opt/plandesk#' $WORK/root/usr/bin/plandesk; $1"
    }
    mkdir -p "$WORK/home"
else
    if [ ! -x "$BASE/bin/sh" ]; then
        say "debootstrap a minimal Debian $SUITE into $BASE (once)"
        debootstrap --variant=minbase "$SUITE" "$BASE" "$MIRROR"
    fi
    say "fresh copy of the chroot"
    cp -a "$BASE" "$WORK/root"
    mount -t proc proc "$WORK/root/proc"
    mount --bind /dev "$WORK/root/dev"
    cp "$DEB" "$WORK/root/tmp/plandesk.deb"
    [ -n "${PLANDESK_OLD_DEB:-}" ] && cp "$PLANDESK_OLD_DEB" "$WORK/root/tmp/plandesk-old.deb"
    cp /etc/resolv.conf "$WORK/root/etc/resolv.conf"
    say "dependencies from the mirror (the last step with a network)"
    first=/tmp/plandesk.deb
    [ -n "${PLANDESK_OLD_DEB:-}" ] && first=/tmp/plandesk-old.deb
    chroot "$WORK/root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $first" > "$WORK/apt.log" 2>&1 \
        || { tail -30 "$WORK/apt.log"; exit 1; }
    tail -2 "$WORK/apt.log"
    chroot "$WORK/root" useradd -m office
    run() {  # run a shell command in the chroot as user "office", network cut
        unshare --net chroot "$WORK/root" su office -s /bin/sh -c \
            "cd ~ && env -i HOME=/home/office PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
             QT_QPA_PLATFORM=offscreen sh -c '$1'"
    }
    if [ -n "${PLANDESK_OLD_DEB:-}" ]; then
        say "library made by the older package"
        check "old build imports the sample" run "plandesk import --sample"
        say "upgrade to $(basename "$DEB") (dpkg -i over the old one)"
        check "dpkg -i the new package over the old one" \
            unshare --net chroot "$WORK/root" dpkg -i /tmp/plandesk.deb
    fi
fi

say "the system under test"
[ "${PLANDESK_SMOKE_SCRATCH:-0}" = 1 ] || echo "root: copy of $BASE; $(chroot "$WORK/root" ldd --version | head -1)"
check "no python on PATH" run '! command -v python3 && ! command -v python'
check "network is cut off" run '! (exec 3<>/dev/tcp/deb.debian.org/80) 2>/dev/null'
run 'plandesk --help' > "$WORK/help.txt" 2>&1 || true
commands=$(sed -n 's/^    \([a-z]\+\) .*/\1/p' "$WORK/help.txt" | tr '\n' ' ')
echo "commands: $commands"
has() { case " $commands " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if [ -n "${PLANDESK_OLD_LIBRARY:-}" ] && [ "${PLANDESK_SMOKE_SCRATCH:-0}" != 1 ] && [ -z "${PLANDESK_OLD_DEB:-}" ]; then
    say "a library at an older schema (PLANDESK_OLD_LIBRARY): the new build must migrate it"
    install -D -m 644 "$PLANDESK_OLD_LIBRARY" "$WORK/root/home/office/.local/share/PlanDesk/library.sqlite3"
    chroot "$WORK/root" chown -R office:office /home/office/.local
fi

say "command line"
check "import --sample" run 'plandesk import --sample'
if [ -d "$SEEDS" ] && seed=$(ls "$SEEDS"/*.txt 2>/dev/null | head -1) && [ -n "$seed" ]; then
    if [ "${PLANDESK_SMOKE_SCRATCH:-0}" = 1 ]; then cp "$seed" "$WORK/home/seed.txt"; else cp "$seed" "$WORK/root/home/office/seed.txt"; chmod 644 "$WORK/root/home/office/seed.txt"; fi
    check "import a seed plan ($(basename "$seed"))" run 'plandesk import seed.txt'
else
    echo "      (no seed plans at $SEEDS: the seed import is skipped)"
fi
check "list --json names the sample plan" run 'plandesk list --json | grep -q "青禾市"'
check "search 政务 --json finds hits" run 'plandesk search 政务 --json | grep -q "\"plan_id\""'
check "library in the user data folder" run 'test -s ~/.local/share/PlanDesk/library.sqlite3'
check "a second run of the same build reopens the library" run 'plandesk list | grep -q "青禾市"'

say "window (offscreen)"
check "window shows and paints" run 'PLANDESK_EXIT_AFTER_SHOW=1 plandesk 2>/dev/null | grep PLANDESK_FIRST_SHOW'
sed 's/^/      /' "$WORK/last.out"
for i in 1 2 3; do  # warm runs: the figure for the report
    run 'PLANDESK_EXIT_AFTER_SHOW=1 plandesk 2>/dev/null' | sed -n 's/^PLANDESK_FIRST_SHOW/      run '"$i"':/p'
done
check "window stays up for 5 s" run 'plandesk & pid=$!; sleep 5; kill -0 $pid && kill $pid'
check "GUI smoke: import dialog, search, reader (screenshots)" run 'plandesk --smoke shots && ls shots/4-reader.png'

say "export and compare"
if has export; then
    check "export the sample plan to .docx" run 'plandesk export 1 --out plan.docx && unzip -l plan.docx 2>/dev/null | grep -q document.xml || test -s plan.docx'
else
    echo "      (this build has no export command)"
fi
if has diff; then
    check "compare two plans (HTML report, Word redline)" run 'plandesk diff 1 2 --html diff.html --docx diff.docx && test -s diff.html && test -s diff.docx'
else
    echo "      (this build has no diff command)"
fi

say "PostgreSQL (shared library)"
# A refused connection must come back from libpq in plain words, not as a missing module.
check "the bundled psycopg and libpq load" run \
    'plandesk --library postgresql://office@127.0.0.1:9/none list 2>&1 | grep -q "connection to server at"'
if [ "${PLANDESK_SMOKE_SCRATCH:-0}" != 1 ] && [ "${PLANDESK_SMOKE_PG:-1}" != 0 ] && [ -n "$PG_BIN" ] && id postgres >/dev/null 2>&1; then
    PG_DATA=$(mktemp -d /tmp/plandesk-smoke-pg.XXXXXX)/data
    mkdir -p "$WORK/root/tmp/pgsock"
    chmod 711 "$WORK" "$(dirname "$PG_DATA")"
    chown postgres "$(dirname "$PG_DATA")" "$WORK/root/tmp/pgsock"
    if su postgres -s /bin/sh -c "$PG_BIN/initdb -D $PG_DATA -A trust -U office -E UTF8 --locale=C \
            && $PG_BIN/pg_ctl -D $PG_DATA -l $PG_DATA.log -w -o \"-c listen_addresses='' -k $WORK/root/tmp/pgsock\" start \
            && $PG_BIN/createdb -h $WORK/root/tmp/pgsock -U office plandesk" > "$WORK/pg.log" 2>&1; then
        pg='postgresql://office@/plandesk?host=/tmp/pgsock'
        check "import --sample into PostgreSQL ($(basename "$(dirname "$PG_BIN")"), Unix socket)" \
            run "plandesk --library \"$pg\" import --sample"
        check "list from PostgreSQL names the sample plan" run "plandesk --library \"$pg\" list | grep -q 青禾市"
    else
        fail "throwaway PostgreSQL server did not start"; tail -5 "$WORK/pg.log"
    fi
else
    echo "      (no PostgreSQL on this host, or PLANDESK_SMOKE_PG=0: the server round trip is skipped)"
fi

if [ "${PLANDESK_SMOKE_SCRATCH:-0}" != 1 ]; then
    say "remove: dpkg --purge keeps the user's library"
    check "dpkg --purge plandesk" unshare --net chroot "$WORK/root" dpkg --purge plandesk
    check "/opt/plandesk and /usr/bin/plandesk are gone" \
        chroot "$WORK/root" sh -c '! test -e /opt/plandesk && ! test -e /usr/bin/plandesk'
    check "the library is still there" test -s "$WORK/root/home/office/.local/share/PlanDesk/library.sqlite3"
    say "reinstall (offline): the kept library opens again"
    check "dpkg -i again" unshare --net chroot "$WORK/root" dpkg -i /tmp/plandesk.deb
    check "the kept library lists its plans" run 'plandesk list | grep -q "青禾市"'
fi

say "result"
if [ "$failures" -eq 0 ]; then echo "smoke test passed"; else echo "smoke test: $failures check(s) failed"; exit 1; fi
