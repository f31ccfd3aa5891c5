"""Engines for SQLite (the default) and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage import log_privacy

DEFAULT_URL = "sqlite:///klachtenbot.db"
READONLY = "klachtenbot_readonly"  # an execution option: this transaction only reads

_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+psycopg2": "postgresql+asyncpg",
}


def async_url(url: str) -> str:
    """The same database, spoken to with an asyncio driver."""
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername, parsed.drivername)
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, *, pool_size: int = 10) -> AsyncEngine:
    # The parameters are customers' names, addresses and complaints: an error message or
    # a log line names the statement, never its values (see storage/log_privacy.py).
    log_privacy.install()
    url = async_url(url)
    if is_sqlite(url):
        engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
        _serialise_sqlite_writers(engine)
        return engine
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        hide_parameters=True,
    )


def _serialise_sqlite_writers(engine: AsyncEngine) -> None:
    """Make every SQLite transaction take the write lock up front.

    Python's sqlite3 starts transactions lazily, so two writers can both read and
    then deadlock on upgrade ("database is locked"). BEGIN IMMEDIATE queues them
    instead, which is what keeps dossier numbers without gaps on SQLite.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # What a change frees (an old version of a dossier, a deleted document) is
        # overwritten with zeros, so no copy of a customer's data stays in the file's
        # free space after it is anonymised (docs/privacy.md).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection):  # type: ignore[no-untyped-def]
        # A read-only unit of work reads a snapshot and need not queue behind writers.
        readonly = connection.get_execution_options().get(READONLY, False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
