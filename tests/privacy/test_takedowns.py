"""Takedowns: withheld everywhere at once, lifted back, kept across a re-link, audited, and
judged alike by Python and by the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from vigil.cli import app as cli
from vigil.errors import NotFound, RegistryError
from vigil.privacy import DEFAULT, Screen, screen
from vigil.store import Registry, audit, takedowns
from vigil.store.browse import Group, group_facts, is_withheld
from vigil.store.publication import groups
from vigil.store.schema import person_record
from vigil.store.search import SearchQuery
from vigil.store.statistics import withheld_records
from vigil.web import create_app

from .conftest import Marked, build

SURNAME = "Снятовский"


@pytest.fixture
def fresh(tmp_path: Path) -> Marked:
    """A registry of its own: these tests take down, lift and re-link."""
    return build(tmp_path, n_people=120)


def _executions_1938(client: TestClient) -> int:
    """Persons shot in 1938, as the statistics count them (his two records attest it twice)."""
    params = {"event": "execution", "year_from": 1938, "year_to": 1938, "persons": True}
    found = client.get("/api/statistics/timeline", params=params).json()
    return sum(c["subjects"] for c in found["cells"])


def _person(reg: Registry, record_id: int) -> int:
    return reg.pair(record_id, record_id)["persons"][record_id]


def test_lifting_brings_the_person_back_everywhere(fresh: Marked) -> None:
    with TestClient(create_app(str(fresh.db))) as client, Registry.open(str(fresh.db)) as reg:
        pid = fresh.persons[SURNAME]
        assert client.get("/api/search", params={"q": SURNAME}).json()["total"] == 0
        assert client.get(f"/api/persons/{pid}").status_code == 404
        hidden = _executions_1938(client)
        executed = client.get("/api/search", params={"event": "execution"}).json()["total"]

        takedowns.lift(reg, fresh.takedown, "the request was withdrawn", actor="tester")
        assert client.get("/api/search", params={"q": SURNAME}).json()["total"] == 1
        page = client.get(f"/api/persons/{pid}").json()
        assert len(page["records"]) == 2
        # counts take him in again: the statistics (recomputed, as the state changed) and search
        assert _executions_1938(client) == hidden + 1
        assert client.get("/api/search", params={"event": "execution"}).json()["total"] == (
            executed + 1
        )
        src = client.get(f"/api/sources/{fresh.book_source}").json()
        assert [r["withheld"] for r in src["records"]] == [False]

        again = takedowns.take_down(reg, "asked again", person_id=pid, actor="tester")
        assert client.get(f"/api/persons/{pid}").status_code == 404
        assert _executions_1938(client) == hidden
        assert [t["active"] for t in takedowns.listing(reg)] == [True, False]
        assert takedowns.listing(reg, lifted=False)[0]["id"] == again["id"]


def test_each_takedown_and_lifting_is_in_the_audit_log(fresh: Marked) -> None:
    with Registry.open(str(fresh.db)) as reg:
        takedowns.lift(reg, fresh.takedown, "withdrawn", actor="tester")
        with reg.engine.connect() as conn:
            found = [e for e in audit.entries(conn) if e["action"].startswith("takedown")]
            assert audit.verify(conn).ok
    assert [(e["action"], e["actor"], e["subject"]) for e in found] == [
        ("takedown", "tester", f"person {fresh.persons[SURNAME]}"),
        ("takedown.lift", "tester", f"takedown {fresh.takedown}"),
    ]
    assert '"reason":"withdrawn"' in found[1]["detail"]
    assert str(fresh.records[SURNAME]) in found[0]["detail"]


def test_a_relink_that_splits_the_person_keeps_both_parts_withheld(fresh: Marked) -> None:
    from vigil.linkage.run import link

    a, b = fresh.records[SURNAME], fresh.book_record
    with Registry.open(str(fresh.db)) as reg:
        reg.decide(a, b, "different", "tester", "two men after all")
        link(reg, full=True)
        persons = reg.pair(a, b)["persons"]
        assert persons[a] != persons[b]
        [row] = takedowns.listing(reg)
        assert row["persons_now"] == sorted(persons.values())
    with TestClient(create_app(str(fresh.db))) as client:
        for pid in persons.values():
            assert client.get(f"/api/persons/{pid}").status_code == 404
        assert client.get("/api/search", params={"q": SURNAME}).json()["total"] == 0


def test_a_record_taken_down_withholds_whoever_holds_it(fresh: Marked) -> None:
    with Registry.open(str(fresh.db)) as reg:
        target = fresh.records["Открытов"]
        takedowns.take_down(reg, "asked", record_id=target, actor="tester")
        assert reg.search(SearchQuery(name="Открытов"), withhold=screen())["total"] == 0
        assert reg.search(SearchQuery(name="Открытов"), withhold=None)["total"] == 1


def test_bad_takedowns_are_refused(fresh: Marked) -> None:
    with Registry.open(str(fresh.db)) as reg:
        with pytest.raises(NotFound, match="no person 999999"):
            takedowns.take_down(reg, "x", person_id=999999)
        with pytest.raises(RegistryError, match="need a reason"):
            takedowns.take_down(reg, "  ", person_id=fresh.persons["Открытов"])
        with pytest.raises(NotFound, match="no takedown 77"):
            takedowns.lift(reg, 77, "x")
        takedowns.lift(reg, fresh.takedown, "x", actor="tester")
        with pytest.raises(RegistryError, match="already lifted by tester"):
            takedowns.lift(reg, fresh.takedown, "y")


def _judged(reg: Registry, see: Screen) -> tuple[set[Group], set[Group], set[Group]]:
    """The groups withheld by Python (`privacy.withheld` over their facts), by the database
    (the statistics' query), and the groups search shows, which it counts in the database."""
    with reg.engine.connect() as conn:
        every = list(groups(conn))
        facts = group_facts(conn, every)
        links = dict(
            conn.execute(select(person_record.c.record_id, person_record.c.person_id)).all()
        )
    python = {g for g in every if is_withheld(facts.get(g), see)}
    sql = {("p", links[r]) if r in links else ("r", r) for r in withheld_records(reg, see)}
    found = reg.search(SearchQuery(event_type="arrest", per_page=1000), withhold=see)
    shown = {("p", h["person"]) if h["person"] else ("r", h["record"]) for h in found["results"]}
    assert found["total"] == len(shown)
    return python, sql, shown


def test_python_and_the_database_withhold_the_same_groups(fresh: Marked) -> None:
    """With a takedown in force and after it is lifted."""
    see = screen(DEFAULT, date(2026, 6, 1))
    taken = ("p", fresh.persons[SURNAME])
    with Registry.open(str(fresh.db)) as reg:
        python, sql, shown = _judged(reg, see)
        assert python == sql and not shown & python
        assert taken in python and ("p", fresh.persons["Жизнелюбов"]) in python
        takedowns.lift(reg, fresh.takedown, "withdrawn", actor="tester")
        python, sql, shown = _judged(reg, see)
        assert python == sql and not shown & python
        assert taken not in python and taken in shown


runner = CliRunner()


def test_the_commands(fresh: Marked) -> None:
    db = ["--db", str(fresh.db)]
    pid = fresh.persons["Открытов"]
    done = runner.invoke(cli, ["takedown", str(pid), "--reason", "his family asked", *db])
    assert done.exit_code == 0, done.output
    assert f"Took down person {pid}: takedown 2, records {fresh.records['Открытов']}" in (
        done.output
    )
    assert runner.invoke(cli, ["takedown", "list", *db]).exit_code == 0
    listed = json.loads(runner.invoke(cli, ["takedown", "list", "--json", *db]).output)
    assert [(t["id"], t["reason"], t["active"]) for t in listed] == [
        (2, "his family asked", True),
        (1, "a relative asked", True),
    ]
    lifted = runner.invoke(cli, ["takedown", "lift", "2", "--reason", "withdrawn", *db])
    assert lifted.exit_code == 0 and "Lifted takedown 2" in lifted.output
    one = runner.invoke(cli, ["takedown", "record", str(fresh.records["Открытов"]), "--reason",
                              "asked", "--json", *db])  # fmt: skip
    assert one.exit_code == 0 and '"records": [' in one.output
    for args, said in (
        (["takedown", str(pid)], "need a reason"),
        (["takedown", "999999", "--reason", "x"], "no person 999999"),
        (["takedown", "lift", "2", "--reason", "x"], "already lifted"),
        (["takedown", "lift", "two", "--reason", "x"], "must be a number"),
    ):
        bad = runner.invoke(cli, [*args, *db])
        assert bad.exit_code == 1 and said in bad.output, (args, bad.output)
