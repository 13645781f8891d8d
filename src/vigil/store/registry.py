"""The Registry: the only code that writes, and the read API every command goes through."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from vigil.errors import RegistryError
from vigil.model import Parsed
from vigil.store import audit, browse, linkage, migrate, queries, rows
from vigil.store import search as finder
from vigil.store.bulk import bulk_insert
from vigil.store.engine import make_engine, refresh_statistics, resolve_url, sqlite_path
from vigil.store.schema import claim, event, name_key, quote, record, source, term
from vigil.store.texts import write_text
from vigil.thesaurus import TERMS

BATCH = 5000
PREPARED = 2_000_000  # characters: a source this small is parsed before its write transaction


@dataclass
class IngestResult:
    source_id: int
    created: bool
    records: int = 0
    events: int = 0
    claims: int = 0
    quotes: int = 0
    warnings: list[tuple[int | None, str]] = field(default_factory=list)  # (line, message)


def _add_terms(conn: Connection) -> None:
    """The thesaurus's terms the registry does not hold yet."""
    known = set(conn.scalars(select(term.c.code)))
    new = [
        {"code": t.code, "kind": t.kind, "label_ru": t.label_ru, "label_en": t.label_en,
         "parent": t.parent}
        for t in TERMS
        if t.code not in known
    ]  # fmt: skip
    if new:
        conn.execute(insert(term), new)


@dataclass
class _Batch:
    """Rows of up to BATCH records, numbered from 0 until `write` knows the first free id."""

    position: int  # characters of the body read when the batch was full
    records: list[dict[str, Any]]
    events: list[dict[str, Any]]
    keys: list[dict[str, Any]]

    def write(self, conn: Connection, first: int, source_id: int) -> None:
        for r in self.records:
            r["id"] += first
            r["source_id"] = source_id
        for e in self.events:
            e["record_id"] += first
            e["source_id"] = source_id
        for k in self.keys:
            k["record_id"] += first
        bulk_insert(conn, record, self.records)
        bulk_insert(conn, event, self.events)
        bulk_insert(conn, name_key, self.keys)


def _batches(parsed: Parsed, result: IngestResult) -> Iterator[_Batch]:
    """The records' rows, a batch at a time, counting records and warnings into `result`."""
    batch = _Batch(0, [], [], [])
    for n, rec in enumerate(parsed.records):
        batch.records.append(rows.record_row(rec, n, 0))
        if rec.name is not None:
            nm = rec.name
            batch.keys.append(
                rows.key_row(n, nm.surname, nm.given, nm.patronymic, nm.written, rec.sex)
            )
        batch.events.extend(rows.event_row(ev, n, 0) for ev in rec.events)
        result.warnings.extend((rec.line, w) for w in rec.warnings)
        result.records += 1
        if len(batch.records) >= BATCH:
            batch.position = rec.span.end
            yield batch
            batch = _Batch(0, [], [], [])
    batch.position = len(parsed.body)
    yield batch


RECHECK = 5.0  # seconds a registry found current is taken as current without asking again


class Registry:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._current_until = 0.0  # found current until then: each page need not ask again

    @classmethod
    def open(cls, db: str | None = None) -> Registry:
        return cls(resolve_url(db))

    @property
    def location(self) -> str:
        return sqlite_path(self.url) or self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------

    def init(self) -> tuple[str | None, str]:
        """Create the registry or bring an older one up to this version; returns (before, after)."""
        before = migrate.current(self.engine)
        # the terms go in with the schema: a registry killed between the two had none
        migrate.upgrade(self.engine, then=_add_terms)
        with self.engine.begin() as conn:  # terms new to this version, when no step ran
            _add_terms(conn)
        return before, migrate.head()

    def ensure(self) -> None:
        """For writers: create an empty registry on first use, refuse an outdated one."""
        rev = migrate.current(self.engine)
        if rev is None:
            self.init()
        elif rev != migrate.head():
            raise RegistryError(
                f"{self.location}: registry is at revision {rev}; run `vigil init` to upgrade it"
            )

    def exists(self) -> bool:
        """A current registry is here (reading never creates one)."""
        path = sqlite_path(self.url)
        if path is not None and not Path(path).exists():
            return False
        return migrate.current(self.engine) == migrate.head()

    def check(self) -> None:
        """For readers: the registry must exist and be current."""
        path = sqlite_path(self.url)
        if path is not None and not Path(path).exists():
            raise RegistryError(f"no registry at {path}: run `vigil init` or `vigil ingest` first")
        if time.monotonic() < self._current_until:
            return
        rev = migrate.current(self.engine)
        if rev is None:
            raise RegistryError(f"{self.location} is not a Vigil registry: run `vigil init`")
        if rev != migrate.head():
            raise RegistryError(f"{self.location}: registry is at revision {rev}; run `vigil init`")
        self._current_until = time.monotonic() + RECHECK

    # -- writing ----------------------------------------------------------------------------

    def find_source(self, sha256: str) -> int | None:
        """The source with these bytes; None also when there is no registry yet (none is made)."""
        path = sqlite_path(self.url)
        if path is not None and not Path(path).exists():
            return None
        if migrate.current(self.engine) is None:
            return None
        with self.engine.connect() as conn:
            return conn.scalar(select(source.c.id).where(source.c.sha256 == sha256))

    def add_source(
        self,
        parsed: Parsed,
        *,
        filename: str,
        sha256: str,
        format: str,
        encoding: str,
        progress: Callable[[int], None] | None = None,
        actor: str | None = None,
    ) -> IngestResult:
        """Store one source and all it attests in one transaction: all of it or nothing, its
        entry in the audit log included."""
        self.ensure()
        result = IngestResult(0, created=True)
        batches: Iterable[_Batch] = _batches(parsed, result)
        if len(parsed.body) <= PREPARED:
            # A small source is parsed before the transaction opens, so the write lock is held
            # for its inserts alone: a reviewer's decision does not wait on parsing. A large
            # one is parsed as it is stored, one batch in memory at a time.
            batches = list(batches)
        with self.engine.begin() as conn:
            existing = conn.scalar(select(source.c.id).where(source.c.sha256 == sha256))
            if existing is not None:
                return IngestResult(existing, created=False)
            source_id = conn.execute(
                insert(source).values(
                    **rows.source_row(parsed.meta),
                    format=format,
                    filename=filename,
                    encoding=encoding,
                    sha256=sha256,
                    length=len(parsed.body),
                    warnings=parsed.warnings,
                    ingested_at=datetime.now(UTC),
                )
            ).inserted_primary_key[0]
            result.source_id = source_id
            result.warnings[:0] = [(None, w) for w in parsed.warnings]
            write_text(conn, source_id, parsed.body)
            # The source row above holds the write lock, so ids can be allocated without a race.
            first = (conn.scalar(select(func.max(record.c.id))) or 0) + 1
            for batch in batches:
                batch.write(conn, first, source_id)
                result.events += len(batch.events)
                if progress:
                    progress(batch.position)
            if parsed.claims:
                conn.execute(insert(claim), [rows.claim_row(c, source_id) for c in parsed.claims])
            if parsed.quotes:
                conn.execute(insert(quote), [rows.quote_row(q, source_id) for q in parsed.quotes])
            result.claims, result.quotes = len(parsed.claims), len(parsed.quotes)
            audit.append(
                conn,
                actor or audit.cli_actor(),
                "ingest",
                f"source {source_id}",
                {
                    "filename": filename,
                    "sha256": sha256,
                    "format": format,
                    "records": result.records,
                    "events": result.events,
                    "claims": result.claims,
                    "quotes": result.quotes,
                    "warnings": len(result.warnings),
                },
            )
            # Only a source that grows the registry by a tenth or more changes the tables'
            # shape; ANALYZE after every short list costs seconds on PostgreSQL.
            if result.records * 10 >= first - 1:
                refresh_statistics(conn)
        return result

    # -- reading ----------------------------------------------------------------------------

    def _read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._run(fn, args, kwargs, {})

    def _page(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A read for a page, which makes a few short queries: on PostgreSQL outside a
        transaction. At its READ COMMITTED each query sees what was committed when it began,
        in a transaction or not, so BEGIN and ROLLBACK would be two round trips to the server
        on every page that buy nothing. (Not for reads that stream rows, whose server-side
        cursors need a transaction; SQLite keeps its transaction, one snapshot there.)"""
        outside = self.engine.dialect.name == "postgresql"
        return self._run(fn, args, kwargs, {"isolation_level": "AUTOCOMMIT"} if outside else {})

    def _run(
        self, fn: Callable[..., Any], args: Any, kwargs: dict[str, Any], options: dict[str, Any]
    ) -> Any:
        self.check()
        with self.engine.connect() as conn:
            return fn(conn.execution_options(**options) if options else conn, *args, **kwargs)

    def audit_log(self, limit: int | None = 50, action: str | None = None) -> list[dict[str, Any]]:
        return self._read(audit.latest, limit, action)

    def verify_audit(self, expect: str | None = None) -> audit.Verdict:
        return self._read(audit.verify, expect)

    def sources(self) -> list[dict[str, Any]]:
        return self._read(queries.source_list)

    def records(
        self,
        name: str | None = None,
        event_type: str | None = None,
        year: int | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        return self._read(queries.record_list, name, event_type, year, limit, offset)

    def record(self, record_id: int) -> dict[str, Any]:
        return self._read(queries.record_detail, record_id)

    def source(self, source_id: int) -> dict[str, Any]:
        return self._read(queries.source_detail, source_id)

    def stats(self) -> dict[str, Any]:
        return self._read(queries.stats)

    def terms(self) -> list[dict[str, Any]]:
        return self._read(queries.term_list)

    # -- public reads: the web app and publication -------------------------------------------
    # `withhold` is required: each caller says which privacy rule it applies (None: none).

    def search(self, query: finder.SearchQuery, *, withhold: browse.Withhold) -> dict[str, Any]:
        """Persons and unlinked records whose name keys match, filtered by events, one page."""
        return self._page(finder.search, query, withhold)

    def person_page(self, person_id: int, *, withhold: browse.Withhold) -> dict[str, Any]:
        return self._page(browse.person_dossier, person_id, withhold)

    def record_page(self, record_id: int, *, withhold: browse.Withhold) -> dict[str, Any]:
        return self._page(browse.record_page, record_id, withhold)

    def source_page(
        self, source_id: int, page: int = 1, *, withhold: browse.Withhold
    ) -> dict[str, Any]:
        return self._page(browse.source_page, source_id, page, withhold)

    # -- linkage ----------------------------------------------------------------------------

    def refresh_keys(self, progress: Callable[[int], None] | None = None) -> int:
        """Compute missing or outdated name keys (older registries, newer vigil.names)."""
        from vigil.names.version import KEYS_VERSION

        done = 0
        with self.engine.begin() as conn:
            batch: list[dict[str, Any]] = []
            todo = list(linkage.records_needing_keys(conn, KEYS_VERSION))
            for r in todo:
                batch.append(
                    rows.key_row(
                        r["id"],
                        r["surname"],
                        r["given"],
                        r["patronymic"],
                        r["name_written"],
                        r["sex"],
                    )
                )
                if len(batch) >= BATCH:
                    linkage.replace_keys(conn, batch)
                    done += len(batch)
                    batch.clear()
                    if progress:
                        progress(done)
            linkage.replace_keys(conn, batch)
            done += len(batch)
        return done

    def decide(
        self, a: int, b: int, verdict: str, actor: str, reason: str | None = None
    ) -> dict[str, Any]:
        """Record a reviewer's decision; `vigil link` honours it from the next run on."""
        self.check()
        with self.engine.begin() as conn:
            row = linkage.add_decision(conn, a, b, verdict, actor, reason)
            audit.append(
                conn,
                actor,
                "decision",
                f"records {row['record_a']} {row['record_b']}",
                {"decision": row["id"], "verdict": verdict, "reason": reason},
            )
            return row

    def persons(
        self, name: str | None = None, limit: int | None = 50, offset: int = 0
    ) -> list[dict[str, Any]]:
        return self._read(linkage.person_list, name, limit, offset)

    def person(self, person_id: int) -> dict[str, Any]:
        return self._read(linkage.person_detail, person_id)

    def export_links(self) -> list[tuple[str, str, int | None]]:
        return self._read(lambda conn: list(linkage.export_links(conn)))

    def review_queue(self, threshold: float, limit: int = 20) -> list[dict[str, Any]]:
        return self._read(linkage.review_queue, threshold, limit)

    def pair(self, a: int, b: int) -> dict[str, Any]:
        """Both records, their stored score and the decisions on them."""

        def read(conn: Connection) -> dict[str, Any]:
            brief = linkage.records_brief(conn, [a, b])
            for rid in (a, b):
                if rid not in brief:
                    raise RegistryError(f"no record {rid}")
            members = linkage.memberships_of(conn, [a, b])
            return {
                "a": brief[a],
                "b": brief[b],
                "score": linkage.pair_score(conn, a, b),
                "decisions": linkage.decisions_on(conn, a, b),
                "persons": members,
            }

        return self._read(read)

    def last_run(self) -> dict[str, Any] | None:
        return self._read(linkage.last_model)
