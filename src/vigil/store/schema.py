"""The registry's tables. Dates are kept as EDTF plus ISO `lower`/`upper` bounds that sort."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

_DATE = 32  # EDTF strings are short; bounds are ISO dates


def _dated(prefix: str) -> list[Column]:
    return [
        Column(prefix, String(_DATE)),
        Column(f"{prefix}_lower", String(10)),
        Column(f"{prefix}_upper", String(10)),
    ]


def _span() -> list[Column]:
    return [Column("span_start", Integer), Column("span_end", Integer)]


source = Table(
    "source",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("format", String(32), nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("written", String(_DATE)),
    *_dated("published"),
    Column("venue", Text),
    Column("volume", String(32)),
    Column("issue", String(32)),
    Column("updated", String(_DATE)),
    Column("locator", Text),
    Column("language", String(8)),
    Column("filename", Text, nullable=False),
    Column("encoding", String(16), nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("length", Integer, nullable=False),  # characters in the verbatim text
    Column("warnings", JSON, nullable=False, default=list),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# The verbatim text of a source, in pieces of 32,768 characters: a list of a million
# entries is never held twice in memory to store it, and a span is read from the pieces it
# falls in. `start` and `stop` are character offsets into the whole text.
source_text = Table(
    "source_text",
    metadata,
    Column("source_id", ForeignKey("source.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

record = Table(
    "record",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("source.id", ondelete="CASCADE"), nullable=False),
    Column("entry", Integer, nullable=False),
    Column("locator", Text),
    Column("line", Integer),
    *_span(),
    Column("name_written", Text),
    Column("surname", Text),
    Column("given", Text),
    Column("patronymic", Text),
    Column("variants", JSON),
    Column("name_search", Text),  # casefolded name and variants, for --name
    Column("sex", String(1)),
    *_dated("birth"),
    Column("birth_place", Text),
    Column("nationality", Text),
    Column("party", Text),
    Column("occupation", Text),
    Column("residence", Text),
    Column("warnings", JSON),
    Column("document", Text),  # added in 0002
    Index("ix_record_source", "source_id", "entry"),
    Index("ix_record_surname", "surname"),
)

event = Table(
    "event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", ForeignKey("record.id", ondelete="CASCADE"), nullable=False),
    Column("source_id", ForeignKey("source.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(64), nullable=False),
    *_dated("date"),
    Column("place", Text),
    Column("authority", Text),
    Column("category", String(64)),
    Column("charge", Text),
    Column("detail", Text),
    *_span(),
    Index("ix_event_record", "record_id"),
    # Covers filters by type and date and the counts by type and year without reading rows.
    Index("ix_event_type_date", "type", "date_lower", "date_upper", "record_id"),
    # added in 0005: the timeline by category or by authority reads these in order, unsorted
    Index("ix_event_category_date", "category", "date_lower", "date_upper"),
    Index("ix_event_authority_date", "authority", "date_lower", "date_upper"),
)

claim = Table(
    "claim",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("source.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("lower", Float),
    Column("upper", Float),
    Column("unit", String(32)),
    Column("counts", Text),
    *_dated("period"),
    *_span(),
    Index("ix_claim_source", "source_id"),
)

quote = Table(
    "quote",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("source.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("attribution", Text),
    *_span(),
    Index("ix_quote_source", "source_id"),
)

term = Table(
    "term",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("label_ru", Text, nullable=False),
    Column("label_en", Text, nullable=False),
    Column("parent", String(64)),
)

# -- linkage ------------------------------------------------------------------------------------
# Name keys are derived data: `version` says which vigil.names algorithm made them, so a newer
# Vigil recomputes stale keys instead of linking on a mix.
name_key = Table(
    "name_key",
    metadata,
    Column("record_id", ForeignKey("record.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("surname_lemma", Text),
    Column("surname_key", Text),
    Column("surname_phonetic", Text),
    Column("given_key", Text),
    Column("given_initial", String(1)),
    Column("patronymic_key", Text),
    Column("patronymic_initial", String(1)),
    Column("sex", String(1)),
    Index("ix_name_key_surname", "surname_key"),
    # added in 0003: search falls back to the phonetic key when no spelling matches
    Index("ix_name_key_phonetic", "surname_phonetic"),
)

person = Table(
    "person",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_run", Integer, nullable=False),
)

# Added in 0004: each person's life (what the privacy policy reads) and counts, kept by
# `vigil link` whenever a person's records change, so that search screens thousands of
# persons without aggregating their records on every request.
person_fact = Table(
    "person_fact",
    metadata,
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    Column("latest_birth", String(10)),
    Column("earliest_event", String(10)),
    Column("died", Boolean, nullable=False),
    Column("first_record", Integer, nullable=False),
    Column("records", Integer, nullable=False),
    Column("sources", Integer, nullable=False),
)

person_record = Table(
    "person_record",
    metadata,
    Column("record_id", ForeignKey("record.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id"), nullable=False),
    Column("run_id", Integer, nullable=False),
    Index("ix_person_record_person", "person_id"),
)

# Scored candidate pairs, kept so review can walk them and an incremental run can re-cluster
# without scoring old pairs again. record_a < record_b.
pair = Table(
    "pair",
    metadata,
    Column("record_a", ForeignKey("record.id", ondelete="CASCADE"), primary_key=True),
    Column("record_b", ForeignKey("record.id", ondelete="CASCADE"), primary_key=True),
    Column("match_weight", Float, nullable=False),
    Column("probability", Float, nullable=False),
    Column("run_id", Integer, nullable=False),
    Index("ix_pair_b", "record_b"),
    Index("ix_pair_probability", "probability"),
)

# Reviewers' judgements; the latest one on a pair is in force, earlier ones stay as history.
decision = Table(
    "decision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_a", ForeignKey("record.id", ondelete="CASCADE"), nullable=False),
    Column("record_b", ForeignKey("record.id", ondelete="CASCADE"), nullable=False),
    Column("verdict", String(16), nullable=False),  # same | different
    Column("reason", Text),
    Column("actor", Text, nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Index("ix_decision_pair", "record_a", "record_b"),
)

# One row per `vigil link`; `model` is Splink's JSON, so a later incremental run scores new
# records with exactly the parameters the persons were made with.
link_run = Table(
    "link_run",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("mode", String(16), nullable=False),  # full | incremental
    Column("engine", String(16), nullable=False),
    Column("threshold", Float, nullable=False),
    Column("records", Integer, nullable=False),
    Column("pairs", Integer, nullable=False),
    Column("persons", Integer, nullable=False),
    Column("model", JSON),
)

# -- trust: accounts, takedowns, the audit log ---------------------------------------------

# People who may log in to the web application and the API, with one role each (see
# `vigil.web.auth` for what each role may do). The password is an argon2 hash.
account = Table(
    "account",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),  # reader | researcher | editor | reviewer | admin
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

# A logged-in browser or API client: the cookie holds the token, the table only its hash.
login_session = Table(
    "login_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", ForeignKey("account.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# Failed logins, by name and address, for rate limiting across worker processes.
login_failure = Table(
    "login_failure",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failure_name_at", "name", "at"),
    Index("ix_login_failure_address_at", "address", "at"),
)

# A request to take a person out of everything public. It names the records the person held
# when it was made, so it survives a new link run that renumbers persons. Lifting it keeps it
# as history; only a takedown with `lifted_at` unset is in force.
takedown = Table(
    "takedown",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer),  # as it was numbered when the takedown was made
    Column("reason", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
    Column("lifted_at", DateTime(timezone=True)),
    Column("lifted_by", Text),
    Column("lift_reason", Text),
)

takedown_record = Table(
    "takedown_record",
    metadata,
    Column("takedown_id", ForeignKey("takedown.id", ondelete="CASCADE"), primary_key=True),
    Column("record_id", ForeignKey("record.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_takedown_record_record", "record_id"),
)

# Every write, appended in order: each entry's hash covers its content and the previous
# entry's hash, so editing, deleting or reordering one breaks the chain (`vigil audit verify`).
# `audit_head` is one row: the count and last hash, taken as a lock by each append.
audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("subject", Text),
    Column("detail", Text, nullable=False),  # canonical JSON, hashed as written
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("seq", Integer, nullable=False),  # entries so far
    Column("hash", String(64), nullable=False),  # the last entry's hash, GENESIS before any
)

# A file uploaded to the web application, waiting for or going through `vigil ingest`. Rows,
# not one process's memory: any process of `vigil serve --workers N` takes the upload, one
# runs it, all can show it. The upload itself waits in `folder` (beside a progress file) and
# goes when the job ends; `result` keeps the counts and the first warnings.
ingest_job = Table(
    "ingest_job",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("filename", Text, nullable=False),  # as uploaded: every message names this
    Column("format", String(32)),  # null: detected
    Column("options", JSON, nullable=False),  # the reader's: mapping, id_column
    Column("size", BigInteger, nullable=False),
    Column("folder", Text, nullable=False),
    Column("actor", Text),  # who the audit log names
    Column("state", String(8), nullable=False),  # queued, running, done, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("runner", String(160)),  # host:pid of the process ingesting it
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    Column("source_id", ForeignKey("source.id", ondelete="SET NULL")),
    Column("result", JSON),
    Column("error", Text),
    Column("error_line", Integer),
    Column("error_reason", Text),
    Index("ix_ingest_job_state", "state", "created_at"),
)
