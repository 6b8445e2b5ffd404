"""The engine, its SQLite (or PostgreSQL) settings, and the unit of work of one transaction.

SQLite specifics and a PostgreSQL server's live here and nowhere else, so the rest of the code
stays portable SQL.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Insert, UpdateBase
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Boolean

from kinerja_desktop.data.change_topics import topics_of
from kinerja_desktop.data.sqlite_files import read_only_uri
from kinerja_desktop.domain.changes import ChangeListener, Topic
from kinerja_desktop.domain.errors import ReadOnlyError, StorageError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds a writer waits for another process's lock before giving up.
BUSY_TIMEOUT_SECONDS = 10
_WRITE_OPTION = "kinerja_write"
#: Key in a connection's ``info`` of the set of tables its write transaction wrote.
_WRITTEN = "kinerja_written_tables"
#: Key in a session's ``info`` of the :class:`Database` that made it.
_DATABASE = "kinerja_database"


class contains_text(FunctionElement[bool]):  # noqa: N801 - reads like the SQL function it is
    r"""``contains_text(column, pattern)``: a case-insensitive LIKE with ``\`` as escape.

    Portable SQL compiles to ``lower(column) LIKE lower(pattern)``; on SQLite, whose LIKE
    already ignores ASCII case, the two lower() calls per row are left out (a third of the
    cost of a search over 20,000 people).
    """

    type = Boolean()
    inherit_cache = True
    name = "contains_text"


@compiles(contains_text)
def _contains_text(element: contains_text, compiler: SQLCompiler, **kw: object) -> str:
    column, pattern = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"lower({column}) LIKE lower({pattern}) ESCAPE '\\'"


@compiles(contains_text, "sqlite")
def _contains_text_sqlite(element: contains_text, compiler: SQLCompiler, **kw: object) -> str:
    column, pattern = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"{column} LIKE {pattern} ESCAPE '\\'"


def make_engine(
    path: Path, *, foreign_keys: bool = True, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> Engine:
    """Create an engine for the SQLite file at ``path`` with the app's durability settings.

    Every connection runs WAL with ``synchronous=FULL``, foreign keys on (off only for
    migrations, as SQLite's table-rebuild procedure requires) and a busy timeout. The driver's
    own transaction handling is switched off so that SQLAlchemy's BEGIN is real: a write
    transaction starts with ``BEGIN IMMEDIATE`` and takes the write lock up front, a read
    starts with a plain ``BEGIN``. ``busy_timeout`` is how many seconds a writer waits for
    another process's lock (shorter in tests, so giving up can be tested without the wait).
    """
    # URL.create keeps the path whole: in a "sqlite:///..." string a '?', '#' or '%' in a
    # folder name would be read as URL syntax and the data written to another file.
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        connect_args={"timeout": busy_timeout},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={round(busy_timeout * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, True)
        # query_only makes a read transaction refuse writes, even a stray commit inside it.
        connection.exec_driver_sql(f"PRAGMA query_only={0 if write else 1}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def make_read_only_engine(path: Path) -> Engine:
    """Create an engine that can only read ``path`` (a file or folder the user cannot write).

    SQLite itself refuses every write on these connections (``mode=ro``), whatever the caller
    tries; the journal mode is left as the file has it.
    """
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(
            read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
        ),
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute("PRAGMA query_only=1")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


#: Seconds a client waits for a PostgreSQL server to answer a connection.
CONNECT_TIMEOUT_SECONDS = 10


def make_server_engine(url: URL | str) -> Engine:
    """Create an engine for a PostgreSQL server database (``postgresql+psycopg://...``).

    Write transactions run SERIALIZABLE: the services read, check a rule, then write (the
    next audit-log entry after the last one, "no seal yet, so save", "this SKP has no
    agreed version yet"), and SQLite's one writer at a time (``BEGIN IMMEDIATE``) makes
    every such check hold until the commit. REPEATABLE READ would let two supervisors both
    pass a check that only one may pass (write skew); SERIALIZABLE keeps SQLite's guarantee
    and turns such a race into a serialization failure, which :meth:`Database.run` retries
    once. Reads run REPEATABLE READ and READ ONLY: one consistent snapshot, like a read
    transaction on SQLite's WAL, that can neither block a writer nor write by mistake.
    None of SQLite's settings apply (no PRAGMAs, no lock file, no busy timeout).
    """
    engine = create_engine(
        url,
        pool_pre_ping=True,  # a server restarted overnight: reconnect instead of failing
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "kinerja"},
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, True)
        # psycopg opens the transaction with the first statement, so this is its first.
        connection.exec_driver_sql(
            "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE"
            if write
            else "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
        )

    event.listen(engine, "after_execute", _advance_sequence)
    return engine


def _advance_sequence(
    connection: Connection,
    statement: object,
    multiparams: object,
    params: object,
    *_args: object,
    **_kwargs: object,
) -> None:
    """After an INSERT that gave rows their own ``id`` (bulk writes), move the id sequence on.

    SQLite's next id is always max(id) + 1; a PostgreSQL sequence knows nothing of ids given
    by hand, and its next value would collide with them: the very next insert in the same
    transaction may need it, so it moves at once (never back: other users may be ahead).
    """
    if not isinstance(statement, Insert):
        return
    rows: list[object] = []
    for given in (multiparams, params):
        if isinstance(given, dict):
            rows.append(given)
        elif isinstance(given, list | tuple):
            rows.extend(given)
    if not any(isinstance(row, dict) and row.get("id") is not None for row in rows):
        return
    table = statement.table.name
    connection.execute(
        text(
            "SELECT setval(sequence, GREATEST(greatest_id, last_value), true) FROM "
            "(SELECT pg_get_serial_sequence(:table, 'id') AS sequence) AS named, "
            f'LATERAL (SELECT coalesce(max(id), 1) AS greatest_id FROM "{table}") AS ids, '
            "LATERAL pg_sequence_last_value(sequence::regclass) AS last_value "
            "WHERE sequence IS NOT NULL"
        ),
        {"table": table},
    )


def is_server(engine: Engine) -> bool:
    """True for an engine on a database server (PostgreSQL), False for a SQLite file."""
    return engine.dialect.name != "sqlite"


#: What a user reads when they try to change a file that was opened read-only.
READ_ONLY_MESSAGE = (
    "Basis data dibuka hanya-baca (berkas atau foldernya tidak dapat ditulisi), jadi perubahan "
    "tidak dapat disimpan. Salin berkas ke folder yang dapat ditulisi atau periksa izinnya, "
    "lalu buka kembali."
)


#: SQLite's words for a failed write, and what the user reads instead (the transaction was
#: rolled back, so the file is as it was before the action).
_WRITE_FAILURES = (
    (
        "database or disk is full",
        "Penyimpanan penuh: perubahan ini tidak disimpan dan data yang sudah ada tetap utuh. "
        "Kosongkan ruang disk, lalu coba lagi.",
    ),
    (
        "database is locked",
        "Basis data sedang dipakai program lain terlalu lama: perubahan ini tidak disimpan. "
        "Tutup program lain yang membuka berkas ini, lalu coba lagi.",
    ),
    ("readonly database", READ_ONLY_MESSAGE),
    (
        "disk I/O error",
        "Gagal menulis ke disk: perubahan ini tidak disimpan. Periksa disk atau flashdisk "
        "tempat berkas basis data berada.",
    ),
)


#: What a user reads when two users changed the same records at once twice in a row.
CONFLICT_MESSAGE = (
    "Data yang sama sedang diubah pengguna lain pada saat yang sama, jadi perubahan ini tidak "
    "disimpan. Tunggu sebentar, lalu coba lagi."
)

#: What a user reads when the server refuses the user name or the password.
LOGIN_REFUSED_MESSAGE = (
    "Server basis data menolak login: periksa nama pengguna dan kata sandi koneksi."
)

#: A PostgreSQL server's failures by SQLSTATE (or its class, the first two characters), and
#: what the user reads instead; the transaction was rolled back, so nothing was saved.
_SERVER_FAILURES = {
    "53100": _WRITE_FAILURES[0][1],  # disk_full
    "53": (
        "Server basis data kehabisan sumber daya (memori atau koneksi): perubahan ini tidak "
        "disimpan. Coba lagi sebentar lagi, atau hubungi pengelola server."
    ),
    "25006": (  # read_only_sql_transaction: a standby or a database set read-only
        "Server basis data hanya menerima pembacaan (mis. server cadangan), jadi perubahan "
        "tidak dapat disimpan. Hubungi pengelola server."
    ),
    "28": LOGIN_REFUSED_MESSAGE,  # invalid_authorization_specification, invalid_password
    "3D": "Basis data tidak ditemukan di server: periksa nama basis data pada koneksi.",
    "42501": (
        "Pengguna basis data tidak berhak atas tindakan ini di server: hubungi pengelola server."
    ),
    "40001": CONFLICT_MESSAGE,  # serialization_failure
    "40P01": CONFLICT_MESSAGE,  # deadlock_detected
    "08": (
        "Koneksi ke server basis data terputus: perubahan ini tidak disimpan. Periksa jaringan, "
        "lalu coba lagi."
    ),
    "57P": (
        "Server basis data sedang dimatikan atau dimulai ulang: perubahan ini tidak disimpan. "
        "Coba lagi sebentar lagi."
    ),
}

#: What a user reads when no connection could be made at all (no SQLSTATE then).
UNREACHABLE_MESSAGE = (
    "Server basis data tidak dapat dihubungi: periksa alamat dan port server, jaringan, dan "
    "bahwa server PostgreSQL berjalan."
)
#: What a user reads when the server asks for a password and none was given.
PASSWORD_NEEDED_MESSAGE = (
    "Server basis data meminta kata sandi: simpan kata sandi pada koneksi di Pengaturan, atau "
    "isi variabel PGPASSWORD (berkas .pgpass juga dipakai)."
)
#: What a user reads when the connection must be encrypted and the server offers no TLS.
TLS_REQUIRED_MESSAGE = (
    "Server basis data tidak mendukung TLS (koneksi terenkripsi), padahal koneksi ini "
    "mewajibkannya: minta pengelola server menyalakan TLS, atau pilih mode TLS "
    '"bila server mendukung" bila jaringannya tepercaya.'
)
#: What a user reads when the server's TLS certificate cannot be verified (verify-full).
TLS_CERTIFICATE_MESSAGE = (
    "Sertifikat TLS server basis data tidak dapat dipastikan (tidak dipercaya, kedaluwarsa, "
    "atau untuk nama host lain): koneksi tidak dibuat. Hubungi pengelola server."
)
_TLS_FAILURES = (
    ("does not support ssl", TLS_REQUIRED_MESSAGE),
    ("ssl was required", TLS_REQUIRED_MESSAGE),
    ("certificate verify failed", TLS_CERTIFICATE_MESSAGE),
    ("root certificate file", TLS_CERTIFICATE_MESSAGE),
    ("server certificate", TLS_CERTIFICATE_MESSAGE),
)
_UNREACHABLE_WORDS = (
    "connection refused",
    "could not connect",
    "connection failed",
    "no such file or directory",
    "could not translate host name",
    "timeout expired",
    "network is unreachable",
)


class WriteConflictError(StorageError):
    """Another user's transaction changed what this one read (PostgreSQL serialization)."""


def _server_failure(error: BaseException) -> StorageError | None:
    original = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None)
    if not state:
        # A refused connection has no SQLSTATE in psycopg: the server's words say why.
        message = _connection_failure(str(original).lower())
        return StorageError(message) if message else None
    for key in (state, state[:3], state[:2]):
        message = _SERVER_FAILURES.get(key)
        if message is not None:
            if message is CONFLICT_MESSAGE:
                return WriteConflictError(message)
            return ReadOnlyError(message) if key == "25006" else StorageError(message)
    return None


def _connection_failure(text: str) -> str | None:
    """What the user reads for a connection libpq could not make, from its words."""
    for words, message in _TLS_FAILURES:
        if words in text:
            return message
    if "no password supplied" in text:
        return PASSWORD_NEEDED_MESSAGE
    if "database" in text and "does not exist" in text:
        return _SERVER_FAILURES["3D"]
    if "authentication failed" in text or ("role" in text and "does not exist" in text):
        return _SERVER_FAILURES["28"]
    if any(words in text for words in _UNREACHABLE_WORDS):
        return UNREACHABLE_MESSAGE
    return None


def explain_server_failure(error: BaseException) -> StorageError | None:
    """The StorageError to show for a PostgreSQL failure, or None when it is not one we name."""
    return _server_failure(error)


def read_only_message(reason: str) -> str:
    """The read-only banner and refusal for a file opened read-only because of ``reason``."""
    return f"Basis data dibuka hanya-baca, jadi perubahan tidak dapat disimpan. {reason}"


def explain_write_failure(error: BaseException) -> StorageError | None:
    """The StorageError to show for a failed write, or None when it is not a storage failure."""
    text = str(getattr(error, "orig", None) or error)
    for words, message in _WRITE_FAILURES:
        if words in text:
            return ReadOnlyError(message) if message is READ_ONLY_MESSAGE else StorageError(message)
    return None


def _note_written_table(
    connection: Connection, statement: object, *_args: object, **_kwargs: object
) -> None:
    """Record the table an INSERT, UPDATE or DELETE wrote, in a write transaction.

    Listens to every statement on the engine, so ORM flushes, bulk statements and Core
    statements are all seen; reads and statements outside :meth:`Database.transaction` are not
    recorded (no set in ``info``).
    """
    written = connection.info.get(_WRITTEN)
    if written is not None and isinstance(statement, UpdateBase):
        table = getattr(statement, "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            written.add(name)


def _close_when_returned(dbapi_connection: Any, _record: object) -> None:
    if dbapi_connection is not None:  # None: already invalidated
        dbapi_connection.close()


class Database:
    """An open database file: the engine and a factory for sessions.

    Services frame each user action with :meth:`run` (writes, retried once after a server
    conflict; :meth:`transaction` only where the work may not run twice) or :meth:`reading`.
    After each commit, the listeners added with :meth:`subscribe` hear which topics the
    transaction wrote (:mod:`kinerja_desktop.domain.changes`).
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool = False,
        read_only_reason: str | None = None,
    ) -> None:
        #: The file, or for a server database the local stand-in beside which the
        #: installation keeps what belongs to it (evidence files, the seal anchor).
        self.path = path
        self.engine = engine
        #: True on a database server (PostgreSQL): no lock file, PRAGMAs or file backups.
        self.server = is_server(engine)
        #: True when the file can only be read: every :meth:`transaction` is refused.
        self.read_only = read_only
        #: What the user reads when a change is refused: which file or folder cannot be
        #: written, and what to do.
        self.read_only_message = (
            read_only_message(read_only_reason) if read_only_reason else READ_ONLY_MESSAGE
        )
        self._sessions = sessionmaker(
            engine, expire_on_commit=False, autoflush=True, info={_DATABASE: self}
        )
        #: Write transactions committed through this object: caches of derived facts (who may
        #: see whom) are valid while it stays the same.
        self.commits = 0
        #: Serialization failures :meth:`run` caught and ran again: another user committed,
        #: so such caches are not valid for the next attempt either.
        self.conflicts = 0
        #: Called after each commit through this object (the seal anchor follows the log).
        #: They must not raise: the user's action is already saved.
        self.after_commit: list[Callable[[], None]] = []
        self._listeners: list[ChangeListener] = []
        # The file's quick_check verdict, kept until a change outside any transaction
        # (``announce``: a restore) or a new Database (a reopen); see ``quick_check``.
        self._verdict: tuple[str, ...] | None = None
        self._verdict_generation = 0
        self._verdict_lock = threading.Lock()
        self._checking = threading.Lock()
        if not event.contains(engine, "after_execute", _note_written_table):
            event.listen(engine, "after_execute", _note_written_table)

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener`` with the topics of every write committed from now on.

        It is called on the thread that committed, after the commit, and never with an
        empty set; a read or a rolled-back write calls nothing. Returns the function that
        ends the subscription.
        """
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def announce(self, topics: frozenset[Topic]) -> None:
        """Tell the listeners of a change made without a transaction (a restore).

        The file's :func:`quick_check` verdict is forgotten: such a change rewrote the file
        behind the transactions. A listener that fails is logged and skipped: the change is
        already saved, and the other listeners must still hear it.
        """
        with self._verdict_lock:
            self._verdict = None
            self._verdict_generation += 1
        self._tell(topics)

    @property
    def restores(self) -> int:
        """How many changes outside a transaction (restores) this object announced."""
        with self._verdict_lock:
            return self._verdict_generation

    def _tell(self, topics: frozenset[Topic]) -> None:
        if not topics:
            return
        for listener in tuple(self._listeners):
            try:
                listener(topics)
            except Exception:
                log.exception("a change listener failed after a commit")

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Yield a session in a write transaction: committed on success, rolled back on error.

        Raises:
            ReadOnlyError: the file was opened read-only; nothing is attempted.
        """
        if self.read_only:
            raise ReadOnlyError(self.read_only_message)
        with self._session(write=True) as session:
            yield session

    def run(self, work: Callable[[Session], T], *, attempts: int = 2) -> T:
        """Run ``work`` in a write transaction; on a server, once more after a conflict.

        PostgreSQL ends a SERIALIZABLE transaction that raced another user's with a
        serialization failure; running the same work again on fresh data then usually
        succeeds. Only ``work`` that does nothing but read and write through the session
        may come here: it may run again, so it must not write files, tell anyone or keep
        state from an earlier run. The last conflict is told (:data:`CONFLICT_MESSAGE`).
        SQLite has one writer at a time and never conflicts, so it runs ``work`` once.
        ``attempts`` above 2 is for a counter many may bump at once (failed sign-ins): each
        round of conflicts lets at least one of them commit.
        """
        for _ in range(attempts - 1):
            try:
                with self.transaction() as session:
                    return work(session)
            except WriteConflictError:
                self.conflicts += 1
                log.info("a write conflicted with another user's; running it again")
        with self.transaction() as session:
            return work(session)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Yield a session for reads only; it never takes the write lock."""
        with self._session(write=False) as session:
            yield session
            session.rollback()

    @contextmanager
    def _session(self, *, write: bool) -> Iterator[Session]:
        session = self._sessions()
        written: set[str] = set()
        # The pooled connection's info: it outlives this checkout, so it is cleared below.
        info: dict[Any, Any] = {}
        try:
            info = session.connection(execution_options={_WRITE_OPTION: write}).info
            if write:
                info[_WRITTEN] = written
            yield session
            if write:
                session.commit()
                self.commits += 1
                for callback in self.after_commit:
                    callback()
                self._tell(topics_of(written))
        except DBAPIError as error:
            session.rollback()
            explained = self._explain(error, write=write)
            if explained is None:
                raise
            raise explained from error
        except BaseException:
            session.rollback()
            raise
        finally:
            info.pop(_WRITTEN, None)
            session.close()

    def _explain(self, error: DBAPIError, *, write: bool) -> StorageError | None:
        if self.server:
            explained = _server_failure(error)
            # A write inside reading() is a bug and keeps its own error.
            if not write and isinstance(explained, ReadOnlyError):
                return None
            return explained
        # A write inside reading() is a bug and keeps its own error; a failed save is told.
        if write and isinstance(error, OperationalError):
            return explain_write_failure(error)
        return None

    def dispose(self) -> None:
        """Close the connections: the idle ones now, one still in use when it is given back.

        A read on a background thread (a page still loading when its window closes) may
        hold a connection at this moment. SQLAlchemy closes only the idle ones and leaves that
        one in the retired pool when it comes back, open until the garbage collector finds
        it: a file kept open (which Windows will not let a restore replace), or a session
        left open on the server.
        """
        retired = self.engine.pool
        self.engine.dispose()
        # Listened to after the dispose: the engine's new pool copied the listeners it had.
        event.listen(retired, "checkin", _close_when_returned)

    def quick_check_once(self, session: Session) -> tuple[str, ...]:
        """The verdict of :func:`quick_check`, read with ``session`` (one of this Database's)."""
        # One reader of the whole file at a time: a second caller waits for this verdict
        # instead of reading the file again beside it. The state has its own lock, so a
        # restore's announce() never waits for a check under way.
        if self.server:
            # A server checks its own pages (and its administrator runs amcheck); SQLite's
            # quick_check has no counterpart a client should run on every start.
            return ("ok",)
        with self._checking:
            with self._verdict_lock:
                if self._verdict is not None:
                    return self._verdict
                generation = self._verdict_generation
            verdict = tuple(
                str(row[0]) for row in session.connection().exec_driver_sql("PRAGMA quick_check")
            )
            with self._verdict_lock:
                # A restore during the check: this verdict is of the content before it.
                if generation == self._verdict_generation:
                    self._verdict = verdict
            return verdict


def quick_check(session: Session) -> tuple[str, ...]:
    """SQLite's ``quick_check`` of the file behind ``session``: ``("ok",)`` when healthy.

    It reads the whole file (seconds for a large office), so it runs once per open
    :class:`Database`: the verdict is kept until the file is replaced outside a transaction
    (a restore, :meth:`Database.announce`); a reopen makes a new Database and checks again.
    Damage that appears during a session is found by the next start or by
    ``kinerja-desktop check``.
    """
    database = session.info.get(_DATABASE)
    if not isinstance(database, Database):
        raise TypeError("quick_check needs a session made by Database.transaction or reading")
    return database.quick_check_once(session)
