"""The tables. Times are stored in UTC; people see Europe/Amsterdam."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Json = JSON().with_variant(JSONB(), "postgresql")
Id = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER only


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every engine (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


people = Table(
    "people",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("email", String(200), unique=True),
    Column("slack_user_id", String(40), unique=True),
    Column("teams_aad_id", String(64), unique=True),
    Column("language", String(5), nullable=False, server_default="nl"),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("created_at", UTCDateTime, nullable=False),
)

person_roles = Table(
    "person_roles",
    metadata,
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(20), nullable=False),
    PrimaryKeyConstraint("person_id", "role"),
)

# One row a year; incremented inside the registering transaction, so a number
# is only used when its dossier is committed: no gaps, no duplicates.
dossier_counters = Table(
    "dossier_counters",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last_number", Integer, nullable=False),
)

dossiers = Table(
    "dossiers",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("state", String(20), nullable=False),
    Column("customer_number", String(20), index=True),
    Column("customer_name", String(200), nullable=False),
    Column("owner_id", ForeignKey("people.id"), index=True),
    Column("contact_by_id", ForeignKey("people.id")),
    Column("received_on", Date, nullable=False),
    Column("registered_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
    Column("version", Integer, nullable=False),
    # The whole dossier as the core models it; the columns above are for queries.
    Column("data", Json, nullable=False),
    # Lists show the oldest first and only the first few. Read in this order, a list
    # stops after those few instead of sorting every open dossier: SQLite walks the
    # first index state by state, PostgreSQL the second (each ignores the other's).
    Index("ix_dossiers_state_received", "state", "received_on", "id"),
    Index("ix_dossiers_received", "received_on", "id"),
)

# Append-only: the migration adds triggers that refuse UPDATE and DELETE.
events = Table(
    "events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor_id", Integer, nullable=False),
    Column("actor_name", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("from_state", String(20)),
    Column("to_state", String(20), nullable=False),
    Column("data", Json, nullable=False),
    UniqueConstraint("dossier_id", "seq"),
)

deadlines = Table(
    "deadlines",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("met_at", UTCDateTime),
    Column("dropped_at", UTCDateTime),
    # When the sweep should next look at this row; NULL once nothing more is due.
    Column("next_notice_at", UTCDateTime),
    Column("notices", Integer, nullable=False, server_default="0"),
    # One pending deadline of a kind per dossier.
    Index(
        "uq_deadlines_pending_kind",
        "dossier_id",
        "kind",
        unique=True,
        sqlite_where=text("met_at IS NULL AND dropped_at IS NULL"),
        postgresql_where=text("met_at IS NULL AND dropped_at IS NULL"),
    ),
    # The sweep reads only what is due, whatever the size of the table.
    Index(
        "ix_deadlines_next_notice",
        "next_notice_at",
        sqlite_where=text("next_notice_at IS NOT NULL"),
        postgresql_where=text("next_notice_at IS NOT NULL"),
    ),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("channel", String(30), nullable=False),
    Column("queue", String(100), nullable=False),
    Column("dossier_number", String(20), index=True),
    Column("payload", Json, nullable=False),
    Column("status", String(12), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    # Delivery order within a queue is the id order.
    Index("ix_outbox_queue", "queue", "id"),
    Index(
        "ix_outbox_due",
        "next_attempt_at",
        sqlite_where=text("status = 'pending'"),
        postgresql_where=text("status = 'pending'"),
    ),
)

# What the platforms resend (Slack retries, double clicks, re-sent activities):
# a key seen once is never acted on again.
inbound_keys = Table(
    "inbound_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("result", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("filename", String(200), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by_id", Integer, nullable=False),
)

# The letter a coordinator is writing to a dossier's customer, between its form and its
# sending: at most one per dossier, kept so that the letter can be previewed first.
letter_drafts = Table(
    "letter_drafts",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=False, unique=True),
    Column("kind", String(40), nullable=False),
    Column("fields", Json, nullable=False),
    Column("created_by_id", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

# Where the bot can reach a person or a channel on a platform (Teams proactive
# messages need a stored conversation reference).
conversation_refs = Table(
    "conversation_refs",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("platform", String(10), nullable=False),
    Column("key", String(200), nullable=False),
    Column("person_id", ForeignKey("people.id")),
    Column("reference", Json, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("platform", "key"),
)

# The chat messages that stand for a dossier (its card, its thread, a DM), so a
# later step can update the card in place or reply in its thread.
chat_messages = Table(
    "chat_messages",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=False),
    Column("platform", String(10), nullable=False),
    Column("purpose", String(20), nullable=False),
    Column("conversation_id", String(300), nullable=False),
    Column("message_id", String(300), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("platform", "conversation_id", "message_id"),
    Index("ix_chat_messages_dossier", "dossier_id", "platform", "purpose"),
)
