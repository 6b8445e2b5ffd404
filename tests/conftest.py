"""Shared fixtures: a real SQLite file per test, offscreen Qt, private data folders.

With ``KINERJA_TEST_DB=postgresql`` the database fixtures give each test a fresh database on a
throw-away PostgreSQL server instead (``tests/postgres_server.py``): ``services`` and every
``open_services(db_path)`` open it, and tests marked ``sqlite_only`` are skipped with their
reason (tests marked ``postgresql_only`` are skipped on SQLite), and tests that use none of
the database fixtures (their own SQLite files, no database at all) are deselected: the SQLite
run covers them. Where the server cannot start, every test that needs it is skipped with the
reason.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from raw_database import SERVER_DATABASES
from sqlalchemy import URL, Engine, create_engine, text

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.server import open_server_database
from kinerja_desktop.services import app_services
from kinerja_desktop.services.app_services import AppServices, open_services

SAMPLES = Path(__file__).parent / "samples"

#: ``postgresql`` runs the database fixtures on a PostgreSQL server; anything else, SQLite.
ON_POSTGRESQL = os.environ.get("KINERJA_TEST_DB", "sqlite").lower() == "postgresql"
_TEMPLATE = "kinerja_template"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): runs only on SQLite (file damage, backups, the lock file); "
        "skipped with the reason when KINERJA_TEST_DB=postgresql",
    )
    config.addinivalue_line(
        "markers",
        "postgresql_only(reason): runs only with KINERJA_TEST_DB=postgresql (what a server "
        "database does instead of a file's care); skipped with the reason on SQLite",
    )


#: A test that asks for none of these never opens the server's database; on PostgreSQL it is
#: left out (deselected): it would only run again on the same SQLite files as in the SQLite run.
_SERVER_FIXTURES = frozenset({"db_path", "server_url", "postgres_admin"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication, so `-m "not gui"` is the fast loop.

    On PostgreSQL, also leave out the tests that never touch the server (see above).
    """
    if ON_POSTGRESQL:
        on_files = [i for i in items if not _SERVER_FIXTURES & set(getattr(i, "fixturenames", ()))]
        if on_files:
            config.hook.pytest_deselected(items=on_files)
            left_out = {id(item) for item in on_files}
            items[:] = [item for item in items if id(item) not in left_out]
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "qtmodeltester" in fixtures:
            item.add_marker(pytest.mark.gui)
        if ON_POSTGRESQL and (marker := item.get_closest_marker("sqlite_only")):
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"hanya SQLite: {reason}"))
        if not ON_POSTGRESQL and (marker := item.get_closest_marker("postgresql_only")):
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"hanya PostgreSQL: {reason}"))


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder at a temp folder, so no test touches the real one."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("KINERJA_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def memory_keyring() -> Any:
    """Give every test an empty in-memory keyring, so none touches the computer's own."""
    import keyring
    from memory_keyring import MemoryKeyring

    # Set, never read first: asking for the default backend would probe the desktop's.
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[tuple[Engine, Callable[[str], URL]]]:
    """A throw-away PostgreSQL server with a migrated template database.

    Yields an autocommit engine on its ``postgres`` database and a function giving the URL of
    a database by name. Skips (with the reason) where the server cannot start.
    """
    from postgres_server import ServerUnavailableError, start_server

    try:
        server = start_server()
    except ServerUnavailableError as unavailable:
        pytest.skip(f"PostgreSQL tidak tersedia: {unavailable}")
    try:
        admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
        # Migrating once and copying the result (CREATE DATABASE ... TEMPLATE) per test is a
        # file copy on the server: far faster than running every migration for each test.
        open_server_database(server.url(_TEMPLATE), Path(server.folder)).dispose()
        yield admin, server.url
        admin.dispose()
    finally:
        server.stop()


_numbers = itertools.count(1)


@pytest.fixture
def server_url(request: pytest.FixtureRequest) -> Iterator[URL]:
    """A fresh, migrated database on the test server for this test (dropped after it)."""
    admin, url_of = request.getfixturevalue("postgres_admin")
    name = f"test_{os.getpid()}_{next(_numbers)}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    yield url_of(name)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture
def db_path(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The office's database file (on PostgreSQL: where the files beside it go)."""
    path = tmp_path / "kantor.sqlite"
    if ON_POSTGRESQL:
        _open_on_server(path, request.getfixturevalue("server_url"), request)
    return path


def _open_on_server(path: Path, url: URL, request: pytest.FixtureRequest) -> None:
    """Make ``open_services(path)`` open the test's server database instead of the file."""
    monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
    open_file = app_services.open_database

    def open_database(target: Path, **kwargs: Any) -> Database:
        if Path(target) == path:
            return open_server_database(url, path, **kwargs)
        return open_file(target, **kwargs)

    monkeypatch.setattr(app_services, "open_database", open_database)
    SERVER_DATABASES[path] = url
    request.addfinalizer(lambda: SERVER_DATABASES.pop(path, None))


@pytest.fixture
def services(db_path: Path) -> Iterator[AppServices]:
    opened = open_services(db_path)
    yield opened
    opened.close()


@pytest.fixture
def sample_csv() -> Path:
    return SAMPLES / "pegawai-contoh.csv"
