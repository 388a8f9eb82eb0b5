"""A private PostgreSQL server for the tests, on loopback, started from Debian's binaries.

``PgServer.start()`` runs ``initdb`` into a temporary folder and ``pg_ctl start`` on a free port
of 127.0.0.1 (no Unix socket in the system folder, nothing of the machine's own clusters touched),
so the tests can also restart it (a server restart in the middle of an import). As root the
server runs as the ``postgres`` user, because ``initdb`` refuses root.

``PLANDESK_TEST_POSTGRES=postgresql://superuser@host:port/db`` points the tests at a server of
your own instead; the tests that restart the server skip then.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ENV_URL = "PLANDESK_TEST_POSTGRES"
ENV_REQUIRE = "PLANDESK_REQUIRE_POSTGRES"  # set (CI): fail instead of skipping when there is no server
SUPERUSER = "plandesk_admin"


def find_bindir() -> Path | None:
    """The newest PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/N/bin), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def unavailable_reason() -> str | None:
    """Why no server can be had here, or None."""
    if os.environ.get(ENV_URL):
        return None
    if find_bindir() is None:
        return (
            "PostgreSQL server binaries not found (apt-get install postgresql, "
            f"or set {ENV_URL}=postgresql://superuser@host/db)"
        )
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: cannot start PostgreSQL as another user"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    """A running server: ``url`` is a superuser URL to its ``postgres`` database."""

    url: str
    own: bool  # started by us, so we may restart and stop it
    bindir: Path | None = None
    datadir: Path | None = None
    port: int = 0
    _root: Path | None = field(default=None, repr=False)

    @classmethod
    def start(cls) -> PgServer:
        external = os.environ.get(ENV_URL)
        if external:
            return cls(url=external, own=False)
        bindir = find_bindir()
        assert bindir is not None, unavailable_reason()
        root = Path(tempfile.mkdtemp(prefix="plandesk-pg-"))
        datadir = root / "data"
        server = cls(url="", own=True, bindir=bindir, datadir=datadir, port=_free_port(), _root=root)
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        server._run(
            "initdb", "-D", str(datadir), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        server._ctl_start()
        server.url = f"postgresql://{SUPERUSER}@127.0.0.1:{server.port}/postgres"
        return server

    def _run(self, program: str, *args: str) -> None:
        assert self.bindir is not None
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd="/")

    def _ctl_start(self) -> None:
        assert self.datadir is not None
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
            "-c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB"
        )
        self._run("pg_ctl", "-D", str(self.datadir), "-o", options, "-l", str(self.datadir / "server.log"), "-w", "start")

    def restart(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: disconnect clients, ``immediate``: as in a crash) and start it."""
        assert self.own, "not our server"
        self.stop(mode)
        self._ctl_start()

    def stop(self, mode: str = "fast") -> None:
        assert self.own and self.datadir is not None
        self._run("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")

    def cleanup(self) -> None:
        if self.own and self.datadir is not None:
            try:
                self.stop("immediate")
            except subprocess.CalledProcessError:
                pass  # already stopped
            shutil.rmtree(self._root or self.datadir, ignore_errors=True)

    def database_url(self, name: str) -> str:
        """The superuser URL of database ``name`` on this server."""
        base, _, _ = self.url.rpartition("/")
        return f"{base}/{name}"

    def create_database(self, template: str | None = None) -> str:
        """A new, uniquely named database (from ``template`` if given); returns its superuser URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        # FILE_COPY: copies the template's files, 2–3x faster than the default WAL_LOG for small databases
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return self.database_url(name)

    def execute(self, sql: str, database: str | None = None) -> None:
        """Run one statement outside a transaction (CREATE DATABASE, CREATE ROLE …) as the superuser."""
        import psycopg

        url = self.database_url(database) if database else self.url
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)
