from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from vigil.dates import from_edtf
from vigil.errors import InputError, RegistryError
from vigil.model import Claim, Event, Name, Parsed, Record, SourceMeta, Span
from vigil.store import Registry, migrate

BODY = "Иванов Иван. Арестован 5 марта 1937 г.\n\nПетрова Анна. Расстреляна 1 мая 1938 г.\n"


def records() -> Iterator[Record]:
    yield Record(
        entry=1, span=Span(0, 38), name=Name("Иванов", "Иван"),
        events=[Event("arrest", from_edtf("1937-03-05"), span=Span(13, 38))],
    )  # fmt: skip
    yield Record(
        entry=2, span=Span(40, 80), line=3, name=Name("Петрова", "Анна", variants=["Петрава"]),
        sex="f", events=[Event("execution", from_edtf("1938-05-01"), span=Span(54, 80))],
        warnings=["line 3: something not understood"],
    )  # fmt: skip


def parsed(recs: Iterator[Record] | None = None) -> Parsed:
    return Parsed(
        meta=SourceMeta(kind="list", title="test list"),
        body=BODY,
        records=recs if recs is not None else records(),
        claims=[Claim("more than 300", Span(0, 5), lower=300, unit="persons")],
    )


@pytest.fixture
def reg(tmp_path: Path) -> Iterator[Registry]:
    r = Registry.open(str(tmp_path / "r.db"))
    r.init()
    yield r
    r.close()


def add(reg: Registry, p: Parsed, sha: str = "a" * 64):  # type: ignore[no-untyped-def]
    return reg.add_source(p, filename="x.txt", sha256=sha, format="test", encoding="utf-8")


def test_init_creates_then_reports_up_to_date(tmp_path: Path) -> None:
    r = Registry.open(str(tmp_path / "new.db"))
    assert r.init() == (None, migrate.head())
    assert r.init() == (migrate.head(), migrate.head())
    with r.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert {t["code"] for t in r.terms()} >= {"arrest", "party.expulsion", "trotskyist"}


def test_init_brings_a_bare_database_up_and_keeps_data(tmp_path: Path) -> None:
    r = Registry.open(str(tmp_path / "old.db"))
    migrate.upgrade(r.engine, "base")  # Alembic's bookkeeping, no schema yet
    with pytest.raises(RegistryError, match="vigil init"):
        r.check()
    assert r.init() == (None, migrate.head())
    add(r, parsed())
    r.init()
    assert r.stats()["records"] == 2


def test_readers_need_a_registry(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="no registry"):
        Registry.open(str(tmp_path / "missing.db")).sources()


def test_add_source_stores_everything_and_reads_back(reg: Registry) -> None:
    res = add(reg, parsed())
    assert (res.created, res.records, res.events, res.claims) == (True, 2, 2, 1)
    assert res.warnings == [(3, "line 3: something not understood")]
    rec = reg.record(2)
    assert rec["text"] == BODY[40:80]
    assert rec["variants"] == ["Петрава"]
    assert rec["events"][0]["type"] == "execution"
    assert rec["events"][0]["date_lower"] == "1938-05-01"
    src = reg.source(res.source_id)
    assert src["body"] == BODY
    assert [c["lower"] for c in src["claims"]] == [300]


def test_same_bytes_twice_is_a_no_op(reg: Registry) -> None:
    first = add(reg, parsed())
    again = add(reg, parsed())
    assert not again.created and again.source_id == first.source_id
    assert reg.stats()["records"] == 2


def test_a_failure_leaves_nothing_behind(reg: Registry) -> None:
    def failing() -> Iterator[Record]:
        yield from records()
        raise InputError("x.txt", "broken entry", 7)

    with pytest.raises(InputError):
        add(reg, parsed(failing()))
    st = reg.stats()
    assert (st["sources"], st["records"], st["events"], st["claims"]) == (0, 0, 0, 0)
    add(reg, parsed())  # and the re-run completes
    assert reg.stats()["records"] == 2


@pytest.mark.parametrize("large", [False, True])
def test_a_small_source_is_parsed_before_its_write_lock(
    reg: Registry, large: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While records are parsed, another writer can take the lock if the source is small
    (parsed first, then inserted) and cannot if it is large (parsed as it is stored)."""
    import sqlite3

    from vigil.store import registry as module

    if large:
        monkeypatch.setattr(module, "PREPARED", 10)  # characters: BODY is longer
    path = reg.engine.url.database
    free: list[bool] = []

    def watched() -> Iterator[Record]:
        for rec in records():
            other = sqlite3.connect(path, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                free.append(True)
            except sqlite3.OperationalError:  # database is locked
                free.append(False)
            finally:
                other.close()
            yield rec

    add(reg, parsed(watched()))
    assert free == [not large, not large]
    assert [r["id"] for r in reg.records()] == [1, 2]


def test_record_ids_continue_across_sources(reg: Registry) -> None:
    add(reg, parsed())
    add(reg, parsed(), sha="b" * 64)
    assert [r["id"] for r in reg.records()] == [1, 2, 3, 4]


def test_record_filters(reg: Registry) -> None:
    add(reg, parsed())
    assert [r["surname"] for r in reg.records(name="анна петрова")] == ["Петрова"]
    assert [r["surname"] for r in reg.records(name="петрава")] == ["Петрова"]
    assert [r["surname"] for r in reg.records(event_type="arrest")] == ["Иванов"]
    assert [r["surname"] for r in reg.records(year=1938)] == ["Петрова"]
    assert reg.records(event_type="arrest", year=1938) == []
    assert reg.records(name="100%_") == []
    assert len(reg.records(limit=1)) == 1


def test_stats_by_type_and_year(reg: Registry) -> None:
    add(reg, parsed())
    st = reg.stats()
    assert st["events_by_type"] == {"arrest": 1, "execution": 1}
    assert {"type": "arrest", "year": 1937, "events": 1} in st["events_by_type_and_year"]


def test_unknown_ids_are_clear_errors(reg: Registry) -> None:
    with pytest.raises(RegistryError, match="no record 99"):
        reg.record(99)
    with pytest.raises(RegistryError, match="no source 99"):
        reg.source(99)


def test_migrations_build_exactly_the_declared_schema(reg: Registry) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from vigil.store.schema import metadata

    with reg.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
