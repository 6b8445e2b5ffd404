"""A throw-away PostgreSQL server for the tests: a cluster in a temporary folder.

``start_server()`` finds Debian's PostgreSQL binaries (``initdb``, ``pg_ctl``), creates a cluster
in a fresh folder under the system's temp folder, and starts it listening only on a Unix socket
in that folder (no TCP port, so two runs never collide), with trust authentication for local
connections. PostgreSQL refuses to run as root, and CI runs as root: then the folder is given to
the unprivileged user ``nobody`` and every server command runs through ``runuser``.

The server is stopped and its folder removed by :meth:`PostgresServer.stop` (the session
fixture's teardown and an ``atexit`` hook), and also when the test process dies without either:
a small watchdog process waits for the test process to end and then stops the server and
removes the folder. Where the server cannot start, ``start_server`` raises
:class:`ServerUnavailableError` with the reason, which the fixture turns into a skip.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL

#: The superuser the cluster is created with; tests connect as it.
USER = "kinerja"
#: Where Debian installs the server's binaries (not on PATH).
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
#: The unprivileged account the server runs as when the tests run as root.
UNPRIVILEGED_USER = "nobody"

# The watchdog: polls the test process and, once it is gone, stops the server and removes
# its folder. It runs in its own session, so a Ctrl+C to the test run does not kill it first.
_WATCHDOG = """
import os, shutil, subprocess, sys, time
parent, folder, *stop = sys.argv[1:]
while True:
    try:
        os.kill(int(parent), 0)
    except ProcessLookupError:
        break
    except PermissionError:
        pass
    time.sleep(1)
subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
shutil.rmtree(folder, ignore_errors=True)
"""


class ServerUnavailableError(Exception):
    """PostgreSQL cannot be started here; the message says why (shown as the skip reason)."""


@dataclass
class PostgresServer:
    """A running throw-away cluster."""

    folder: Path
    bin_dir: Path
    #: Prefix for commands run as the server's user (empty when not root).
    as_user: tuple[str, ...]
    watchdog: subprocess.Popen[bytes] | None = None
    stopped: bool = field(default=False)
    #: The TCP port on 127.0.0.1 when started with one (None: the Unix socket only).
    tcp_port: int | None = None

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> Path:
        return self.folder

    def url(self, database: str = "postgres") -> URL:
        """The SQLAlchemy URL of ``database`` on this server (psycopg 3, over the socket)."""
        return URL.create(
            "postgresql+psycopg",
            username=USER,
            database=database,
            query={"host": str(self.socket_dir), "port": str(self.tcp_port or 5432)},
        )

    def _stop_command(self) -> list[str]:
        return [
            *self.as_user,
            str(self.bin_dir / "pg_ctl"),
            "stop",
            "-D",
            str(self.data_dir),
            "-m",
            "immediate",
            "-w",
        ]

    def stop(self) -> None:
        """Stop the server (immediately: its data is thrown away) and remove its folder."""
        if self.stopped:
            return
        self.stopped = True
        subprocess.run(self._stop_command(), capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.watchdog is not None and self.watchdog.poll() is None:
            self.watchdog.terminate()
            self.watchdog.wait(timeout=10)


def find_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: on PATH, else Debian's newest version."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    candidates = sorted(
        (Path(found) for found in glob.glob(DEBIAN_BINARIES)),
        key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0,
    )
    for folder in reversed(candidates):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise ServerUnavailableError(
        "PostgreSQL tidak terpasang (initdb/pg_ctl tidak ditemukan): pasang paket Debian "
        "'postgresql' (.ci/run memasangnya bila apt tersedia)."
    )


def _as_unprivileged(folder: Path) -> tuple[str, ...]:
    """The command prefix to run the server as a user PostgreSQL accepts; chowns ``folder``."""
    if os.name != "posix" or os.geteuid() != 0:
        return ()
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ServerUnavailableError(
            "PostgreSQL menolak berjalan sebagai root dan runuser tidak tersedia untuk "
            "menjalankannya sebagai pengguna biasa."
        )
    try:
        shutil.chown(folder, user=UNPRIVILEGED_USER, group=None)
    except (LookupError, OSError) as error:
        raise ServerUnavailableError(
            f"PostgreSQL menolak berjalan sebagai root, dan folder server tidak dapat diberikan "
            f"kepada pengguna {UNPRIVILEGED_USER} ({error})."
        ) from error
    return (runuser, "-u", UNPRIVILEGED_USER, "--")


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ServerUnavailableError(f"{what} gagal (kode {done.returncode}): {' | '.join(detail)}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _password_file(folder: Path, password: str) -> Path:
    """The superuser's password for initdb, in a file the server's user can read."""
    path = folder / "password"
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o644)
    return path


def _self_signed_certificate(folder: Path, owner: tuple[str, ...]) -> tuple[Path, Path]:
    """A TLS key and self-signed certificate for the server, readable by it alone."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kinerja-test")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = folder / "server.key", folder / "server.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.chmod(0o600)  # PostgreSQL refuses a key others can read
    if owner:
        for path in (key_path, cert_path):
            shutil.chown(path, user=UNPRIVILEGED_USER, group=None)
    return key_path, cert_path


def start_server(*, tcp_password: str | None = None, tls: bool = False) -> PostgresServer:
    """Create and start a throw-away cluster; raises :class:`ServerUnavailableError` when it cannot.

    The server is tuned for tests, not for safety: no fsync, no durable commit, since the whole
    cluster is removed at the end of the run.

    Args:
        tcp_password: Also listen on a free TCP port of 127.0.0.1 (:attr:`tcp_port`), where
            the superuser logs in with this password (SCRAM) and TLS is not offered; the
            Unix socket keeps trusting local connections.
        tls: Offer TLS on that port, with a self-signed certificate (no client trusts it).
    """
    bin_dir = find_binaries()
    # Directly under the system temp folder (world-traversable), not under pytest's
    # owner-only base, so the unprivileged server user can reach it. The socket path must
    # stay under ~100 bytes, which a short prefix here keeps.
    folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    server = PostgresServer(folder=folder, bin_dir=bin_dir, as_user=())
    try:
        server.as_user = _as_unprivileged(folder)
        _run(
            [
                *server.as_user,
                str(bin_dir / "initdb"),
                "-D",
                str(server.data_dir),
                "-U",
                USER,
                "--auth-local=trust",
                "--auth-host=scram-sha-256" if tcp_password else "--auth-host=reject",
                *((f"--pwfile={_password_file(folder, tcp_password)}",) if tcp_password else ()),
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            "initdb",
        )
        if tcp_password:
            server.tcp_port = _free_port()
        options = " ".join(
            (
                f"-c listen_addresses='{'127.0.0.1' if tcp_password else ''}'",
                f"-c port={server.tcp_port or 5432}",
                f"-c unix_socket_directories='{server.socket_dir}'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=100",
            )
        )
        if tls:
            key_path, cert_path = _self_signed_certificate(folder, server.as_user)
            options += f" -c ssl=on -c ssl_key_file='{key_path}' -c ssl_cert_file='{cert_path}'"
        _run(
            [
                *server.as_user,
                str(bin_dir / "pg_ctl"),
                "start",
                "-D",
                str(server.data_dir),
                "-l",
                str(folder / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
            ],
            "pg_ctl start",
        )
    except BaseException:
        server.stop()
        raise
    server.watchdog = subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(folder), *server._stop_command()],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    atexit.register(server.stop)
    return server
