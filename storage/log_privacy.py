"""Keep what the database holds out of the logs, at every level.

The dossiers hold health-related complaints about named customers. SQLAlchemy is
told to hide statement parameters (`hide_parameters=True` in `create_engine`),
but two drivers' debug lines would still carry them when an operator turns the
root logger to DEBUG: SQLAlchemy logs every fetched row ("Row (...)"), and
aiosqlite logs every call it runs with its arguments, the parameters included.
These filters keep those lines (so the trace still shows what happened) and
drop their values.
"""

from __future__ import annotations

import logging
from typing import Any

HIDDEN = "[hidden: may hold personal data]"


class _HideRows(logging.Filter):
    """SQLAlchemy's engine logger: a fetched row is logged without its values."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Row"):
            record.msg, record.args = f"Row {HIDDEN}", ()
        return True


class _CallNamesOnly(logging.Filter):
    """aiosqlite: "executing <partial of execute with the SQL and parameters>" is logged
    with the name of the call only."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno <= logging.DEBUG and record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_name(arg) for arg in args)
        return True


def _name(value: Any) -> str:
    func = getattr(value, "func", value)  # a functools.partial's function
    if callable(func):
        return getattr(func, "__qualname__", type(func).__name__)
    if isinstance(value, BaseException):
        return type(value).__name__
    return type(value).__name__


_FILTERS = {"sqlalchemy.engine.Engine": _HideRows, "aiosqlite": _CallNamesOnly}


def install() -> None:
    """Attach the filters once per process (creating engines again adds nothing)."""
    for name, kind in _FILTERS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
