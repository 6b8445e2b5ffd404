"""Throw-away PostgreSQL servers on 127.0.0.1 that ask for a password, without and with TLS.

Import a fixture into a test module (``from postgres_tcp import tcp_server``); one server
per module. The Unix-socket server of ``conftest.py`` trusts every local login and ignores
TLS settings (libpq uses no TLS on a socket), so logins and TLS are tested over TCP here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

#: The superuser's password on the TCP server.
TCP_PASSWORD = "sandi-uji-123"


@pytest.fixture(scope="module")
def tcp_server() -> Iterator[int]:
    """Start the server; yields its TCP port (user ``kinerja``, database ``postgres``)."""
    from postgres_server import ServerUnavailableError, start_server

    try:
        server = start_server(tcp_password=TCP_PASSWORD)
    except ServerUnavailableError as unavailable:
        pytest.skip(f"PostgreSQL tidak tersedia: {unavailable}")
    assert server.tcp_port is not None
    yield server.tcp_port
    server.stop()


@pytest.fixture(scope="module")
def tls_server() -> Iterator[int]:
    """Like :func:`tcp_server`, offering TLS with a self-signed certificate; yields its port."""
    from postgres_server import ServerUnavailableError, start_server

    try:
        server = start_server(tcp_password=TCP_PASSWORD, tls=True)
    except ServerUnavailableError as unavailable:
        pytest.skip(f"PostgreSQL tidak tersedia: {unavailable}")
    assert server.tcp_port is not None
    yield server.tcp_port
    server.stop()
