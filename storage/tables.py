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
    # When the customer's data was removed (retention or erasure); see bot/rules/personal.py.
    Column("anonymised_at", UTCDateTime),
    Column("version", Integer, nullable=False),
    # The whole dossier as the core models it; the columns above are for queries.
    Column("data", Json, nullable=False),
    # Lists show the oldest first and only the first few. Read in this order, a list
    # stops after those few instead of sorting every open dossier: SQLite walks the
    # first index state by state, PostgreSQL the second (each ignores the other's).
    Index("ix_dossiers_state_received", "state", "received_on", "id"),
    Index("ix_dossiers_received", "received_on", "id"),
    # Retention reads only the closed dossiers that still hold personal data, oldest
    # closing first: the ones that expire, however many closed ones there are.
    Index(
        "ix_dossiers_retention",
        "closed_at",
        sqlite_where=text("closed_at IS NOT NULL AND anonymised_at IS NULL"),
        postgresql_where=text("closed_at IS NOT NULL AND anonymised_at IS NULL"),
    ),
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
    # The report counts the dossiers that were ever escalated, reopened or decided on.
    Index("ix_events_action_dossier", "action", "dossier_id"),
)

# The personal part of an event's data (names, contact details, what people wrote),
# kept beside the append-only event so it can be forgotten while the event stays.
# The migration adds triggers: no UPDATE ever, DELETE only for an anonymised dossier.
event_details = Table(
    "event_details",
    metadata,
    Column("event_id", ForeignKey("events.id"), primary_key=True, autoincrement=False),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=False, index=True),
    Column("data", Json, nullable=False),
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
    # The report counts what is overdue now without reading what was met or dropped.
    Index(
        "ix_deadlines_pending_due",
        "due_at",
        "kind",
        "dossier_id",
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

# Who changed who may use Klachtenbot: every addition, grant, revoke and
# (de)activation. Append-only like the timeline (triggers in migration 0004); names are
# copied in, so the log reads the same after anyone is renamed or deactivated.
staff_log = Table(
    "staff_log",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor_id", Integer),  # NULL: the operator at the command line
    Column("actor_name", String(200), nullable=False),
    Column("surface", String(10), nullable=False),
    Column("change", String(20), nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("person_name", String(200), nullable=False),
    Column("role", String(20)),
    Index("ix_staff_log_person", "person_id", "id"),
)

# Who saw which dossier, when, where and what (in the spirit of NEN 7513). No health
# data: a dossier number, never a customer's name or a document's file name.
# Append-only (triggers in migration 0004).
read_log = Table(
    "read_log",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("person_name", String(200), nullable=False),
    Column("dossier_number", String(20), nullable=False),
    Column("surface", String(10), nullable=False),
    Column("what", String(20), nullable=False),
    Column("item", String(40)),  # which one, where a dossier has several (a document id)
    Index("ix_read_log_dossier", "dossier_number", "at"),
    Index("ix_read_log_person", "person_id", "at"),
)

# What the management report counts of each dossier, one narrow row per dossier,
# written with the dossier in the same transaction (storage/report_facts.py). The
# report reads these instead of the whole dossiers, whose JSON is twenty times wider.
dossier_facts = Table(
    "dossier_facts",
    metadata,
    Column(
        "dossier_id", ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False, unique=True
    ),
    Column("received_on", Date, nullable=False),
    Column("received_month", String(7), nullable=False),  # "2026-03": the same on both engines
    Column("channel", String(30), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("product", String(200)),
    Column("practitioner", String(200)),
    Column("customer_number", String(20)),
    Column("state", String(20), nullable=False),
    Column("owner_id", Integer),
    Column("acknowledged_on", Date),
    Column("handled_on", Date),
    Column("responded_on", Date),  # the written response sent (it meets the decision term)
    Column("closed_on", Date),  # the Amsterdam date of closing
    Column("decision_due", Date, nullable=False),
    Column("term_extended", Boolean, nullable=False),
    Column("customer_agrees", Boolean),  # None: not evaluated (or reopened since)
    # Kept in order of receipt: a period is one stretch of the table, read in order and
    # already grouped by month. On SQLite the table is that order itself (without rowid),
    # so a year's rows are not fetched one by one through an index.
    PrimaryKeyConstraint("received_month", "received_on", "dossier_id"),
    # The report counts each figure in the order of one of these indexes, so it never sorts
    # the period's rows (migration 0007): the days of receipt beside the days acknowledged,
    # handled and closed; the product; the practitioner; the open dossiers' stage and owner.
    Index("ix_dossier_facts_acknowledged", "received_month", "received_on", "acknowledged_on"),
    Index("ix_dossier_facts_handled", "received_month", "received_on", "handled_on"),
    Index("ix_dossier_facts_closed", "received_month", "received_on", "closed_on"),
    Index("ix_dossier_facts_product", "received_month", "product"),
    Index("ix_dossier_facts_practitioner", "received_month", "practitioner"),
    Index("ix_dossier_facts_state_owner", "state", "owner_id"),
    Index("ix_dossier_facts_customer", "customer_number", "received_on"),
    sqlite_with_rowid=False,
)

# Working days as numbers (see `WorkingCalendar.numbered`): `ordinal` counts the working
# days from 2000-01-01 up to and including `day`, so the working days after A up to and
# including B are ordinal(B) - ordinal(A), in SQL, on both engines. Every calendar day
# has a row (a day off has the ordinal of the working day before it). The report fills
# the days it needs from the working calendar (public holidays and the company's closed
# days) and rewrites a day whose ordinal changed, e.g. after a closed day was added.
workdays = Table(
    "workdays",
    metadata,
    Column("day", Date, primary_key=True),
    Column("ordinal", Integer, nullable=False),
    Column("working", Boolean, nullable=False),
    sqlite_with_rowid=False,  # a day's numbers are in its key's own row: one lookup
)
