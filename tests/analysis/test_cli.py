"""`vigil measure` as a user types it: JSON that parses back, tables, errors, and no names."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.analysis.conftest import SURNAMES
from vigil.cli import app
from vigil.store import Registry


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["measure", *args])
    return result.exit_code, result.stdout, result.stderr


def test_timeline_json_with_filters(small: Registry) -> None:
    code, out, _ = _run(
        "timeline", "--db", small.location, "--event", "arrest", "--from", "1937", "--to",
        "1937", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["by"] == "type" and data["unit"] == "record"
    assert data["filter"]["types"] == ["arrest"]
    assert data["filter"]["since"] == "1937-01-01" and data["filter"]["until"] == "1937-12-31"
    assert data["cells"] == [{"key": "arrest", "period": "1937", "events": 4, "subjects": None}]
    assert data["unplaced"] == [{"key": "arrest", "spanning": 1, "undated": 0}]


def test_timeline_table_by_category_per_month(small: Registry) -> None:
    code, out, _ = _run("timeline", "--db", small.location, "--by", "category", "--month")
    assert code == 0
    assert "events by category and month" in out
    assert "1937-04" in out and "spanning" in out and "total" in out


def test_outcomes_json_and_table(small: Registry) -> None:
    code, out, _ = _run("outcomes", "--db", small.location, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["cohort"] == "party.expulsion" and data["unit"] == "record"
    first = data["cohorts"][0]
    assert first["category"] == "trotskyist" and first["subjects"] == 3
    assert {o["type"]: o["subjects"] for o in first["outcomes"]}["execution"] == 2
    code, out, _ = _run("outcomes", "--db", small.location, "--after", "sentence")
    assert code == 0 and "what followed sentence, by category (records" in out


def test_claims_json_and_table(small: Registry) -> None:
    code, out, _ = _run("claims", "--db", small.location, "--json")
    assert code == 0
    first = json.loads(out)[0]
    assert (first["event_type"], first["events"], first["status"]) == ("arrest", 4, "compared")
    assert first["filter"]["types"] == ["arrest"] and first["span_start"] < first["span_end"]
    code, out, _ = _run("claims", "--db", small.location)
    assert code == 0 and "3 claims made by the sources" in out and "rate:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--event", "arest"], "unknown event type 'arest'"),
        (["timeline", "--by", "name"], "cannot group events by 'name'"),
        (["outcomes", "--after", "purge"], "unknown event type 'purge'"),
        (["claims", "--unit", "family"], "unknown unit 'family'"),
    ],
)
def test_bad_arguments_are_one_line_errors(small: Registry, args: list[str], message: str) -> None:
    code, out, err = _run(*args, "--db", small.location)
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_no_registry_is_a_one_line_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run("claims", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no registry at" in err


def test_the_output_never_names_anyone(small: Registry, demo: Registry) -> None:
    names = set(SURNAMES)
    for rec in demo.records(limit=None):
        names |= {n for n in (rec["surname"], rec["given"], rec["patronymic"]) if n}
    for reg in (small, demo):
        for args in (
            ["timeline", "--by", "authority", "--persons"],
            ["timeline", "--by", "category"],
            ["outcomes"],
            ["outcomes", "--after", "sentence"],
            ["claims"],
        ):
            for fmt in ([], ["--json"]):
                code, out, _ = _run(*args, *fmt, "--db", reg.location)
                assert code == 0
                assert not [n for n in names if n in out], args
