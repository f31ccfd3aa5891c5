"""A database of its own for one benchmark measurement, gone afterwards.

SQLite: a file in a temporary folder. PostgreSQL: a database created on the server
`admin_url` names, and dropped (closing its connections) when the measurement ends.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def throwaway(engine: str, admin_url: str) -> Iterator[str]:
    """The URL of an empty database on `engine` ("sqlite" or "postgresql")."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.db"
        return
    import psycopg

    name = f"klachtenbot_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
