"""The audit log: every write, appended in order to a hash chain.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's own content (its
number, time, actor, action, subject and detail, as canonical JSON). Changing an entry changes
its hash; deleting or reordering entries breaks the links or the numbering; and `audit_head`
keeps the count and the last hash, so that cutting entries off the end is seen too. Someone
who can write to the database can rewrite the whole chain and its head; against that, an
operator keeps `vigil audit head` somewhere else (a printout, a notary, a second server) and
passes it to `vigil audit verify --expect`.

An entry is appended in the transaction of the write it records, so the two are committed
together or not at all. Appending first updates the head, which takes the write lock on SQLite
and the row's lock on PostgreSQL: concurrent writers append one after another, never from the
same previous hash.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from vigil.store.schema import audit, audit_head

GENESIS = "0" * 64  # the previous hash of the first entry

# What is appended; a new kind of write adds its action here.
ACTIONS = (
    "ingest",  # a source and what it attests
    "link",  # a link run's persons
    "decision",  # a reviewer's same / different
    "takedown",  # a person taken out of everything public
    "takedown.lift",
    "account.add",
    "account.passwd",
    "account.role",
    "account.disable",
    "restore",  # the registry replaced by a backup
    "migrate",  # the registry copied in from another database (vigil migrate)
)


def cli_actor() -> str:
    """Who runs a command on this machine, as the log names them."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no name for the uid (containers)
        return "cli:unknown"


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(
    prev: str, seq: int, at: str, actor: str, action: str, subject: str | None, detail: str
) -> str:
    content = _canonical([seq, at, actor, action, subject, detail])
    return hashlib.sha256(f"{prev}\n{content}".encode()).hexdigest()


def _at(value: datetime) -> str:
    """A time as hashed: UTC, to the microsecond, whatever the database gives back."""
    if value.tzinfo is None:  # SQLite returns naive times; they were written in UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def append(
    conn: Connection,
    actor: str,
    action: str,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
) -> int:
    """Append an entry in `conn`'s transaction; returns its number."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; known: {', '.join(ACTIONS)}")
    # the update comes first: it takes the lock before the head is read
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(seq=audit_head.c.seq + 1))
    seq, prev = conn.execute(select(audit_head.c.seq, audit_head.c.hash)).one()
    at = datetime.now(UTC).replace(tzinfo=UTC)
    text = _canonical(detail or {})
    digest = entry_hash(prev, seq, _at(at), actor, action, subject, text)
    conn.execute(
        insert(audit).values(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            detail=text,
            prev_hash=prev,
            hash=digest,
        )
    )
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(hash=digest))
    return int(seq)


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int | None  # the entry it was found at; None for the head
    reason: str

    def __str__(self) -> str:
        where = f"entry {self.seq}" if self.seq is not None else "head"
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Verdict:
    entries: int
    head: str  # the last hash, as recomputed
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def entries(conn: Connection, *, since: int = 0) -> Iterator[dict[str, Any]]:
    q = select(audit).where(audit.c.seq > since).order_by(audit.c.seq)
    for row in conn.execute(q).mappings():
        yield dict(row)


def latest(conn: Connection, limit: int | None, action: str | None = None) -> list[dict[str, Any]]:
    """The newest entries first, `detail` as a dict, times as UTC ISO strings."""
    q = select(audit).order_by(audit.c.seq.desc()).limit(limit)
    if action:
        q = q.where(audit.c.action == action)
    return [
        {**row, "at": _at(row["at"]), "detail": json.loads(row["detail"])}
        for row in conn.execute(q).mappings()
    ]


def verify(conn: Connection, expect: str | None = None) -> Verdict:
    """Walk the chain from the start: every problem found, not only the first."""
    problems: list[Problem] = []
    prev, count = GENESIS, 0
    for row in entries(conn):
        count += 1
        seq = row["seq"]
        if seq != count:
            problems.append(
                Problem(
                    seq,
                    f"numbered {seq} where {count} was due: an entry "
                    "before it was deleted or they were reordered",
                )
            )
        if row["prev_hash"] != prev:
            problems.append(
                Problem(
                    seq,
                    "does not follow the entry before it (its previous "
                    "hash differs): deleted or reordered entries",
                )
            )
        digest = entry_hash(
            row["prev_hash"],
            seq,
            _at(row["at"]),
            row["actor"],
            row["action"],
            row["subject"],
            row["detail"],
        )
        if digest != row["hash"]:
            problems.append(Problem(seq, "its content does not match its hash: edited"))
        prev = row["hash"]
    head = conn.execute(select(audit_head.c.seq, audit_head.c.hash)).one_or_none()
    if head is None:
        problems.append(Problem(None, "the head row is missing"))
    else:
        if head.seq != count:
            problems.append(
                Problem(
                    None,
                    f"says {head.seq} entries, the log holds {count}: "
                    "entries were added or cut off the end",
                )
            )
        if head.hash != prev:
            problems.append(Problem(None, "its hash is not the last entry's"))
    if expect is not None and expect != prev:
        problems.append(Problem(None, f"the last hash is {prev}, not the {expect} expected"))
    return Verdict(count, prev, tuple(problems))
