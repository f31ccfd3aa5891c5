"""Which errors mean "the database is away": one answer for every part of the bot.

A database that is down, restarting or cut off shows itself in many shapes:
SQLAlchemy's OperationalError and InterfaceError, a DBAPIError whose connection
was invalidated, the pool's own timeout, and, straight from asyncpg when a new
connection is opened, a bare ConnectionRefusedError, OSError or TimeoutError,
or asyncpg's CannotConnectNowError (the server is starting or stopping) and
ConnectionDoesNotExistError (the connection broke mid-query). Each caller asks
`unreachable(error)` instead of listing these itself, so the web form, the chat
adapters, /healthz, /metrics and the command line agree on what is "try again
shortly" and what is a fault.
"""

from __future__ import annotations

from sqlalchemy import exc

try:  # asyncpg is there whenever PostgreSQL is used; SQLite alone does without
    import asyncpg

    _ASYNCPG: tuple[type[BaseException], ...] = (
        asyncpg.CannotConnectNowError,
        asyncpg.ConnectionDoesNotExistError,
        asyncpg.exceptions.PostgresConnectionError,  # class 08: connection exceptions
        asyncpg.exceptions.TooManyConnectionsError,
        asyncpg.exceptions.AdminShutdownError,
        asyncpg.exceptions.CrashShutdownError,
    )
except ImportError:  # pragma: no cover
    _ASYNCPG = ()

# Errors that are themselves "away", whatever wraps them.
_AWAY: tuple[type[BaseException], ...] = (
    OSError,  # ConnectionRefusedError, ConnectionResetError, an unreachable host
    TimeoutError,
    exc.TimeoutError,  # no connection free in the pool in time
    exc.OperationalError,
    exc.InterfaceError,
    *_ASYNCPG,
)


def unreachable(error: BaseException | None) -> bool:
    """True when `error`, or anything it was raised from, says the database is away."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, _AWAY):
            return True
        if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
            return True
        orig = getattr(error, "orig", None)  # SQLAlchemy keeps the driver's error here
        if isinstance(orig, BaseException) and unreachable(orig):
            return True
        error = error.__cause__  # only what it was raised *from*, not what it interrupted
    return False
