"""A person's profile: values gathered with their citations; only contradictions are conflicts."""

from __future__ import annotations

from vigil.profile import build


def rec(rid: int, birth: str | None, lo: str | None, hi: str | None, **extra: object) -> dict:
    return {
        "id": rid, "source_id": rid, "source_title": f"list {rid}", "locator": None,
        "entry": rid, "source_page": 1, "name_written": "Петров Пётр", "birth": birth,
        "birth_lower": lo, "birth_upper": hi, **extra,
    }  # fmt: skip


def ev(eid: int, rid: int, kind: str, date: str, lo: str, hi: str) -> dict:
    return {
        "id": eid, "record_id": rid, "type": kind, "date": date, "date_lower": lo,
        "date_upper": hi, "place": None, "authority": None, "category": None, "charge": None,
        "detail": None, "span_start": 0,
    }  # fmt: skip


def test_a_year_and_a_day_in_it_agree_two_years_do_not() -> None:
    agree = build(
        {
            "records": [
                rec(1, "1898", "1898-01-01", "1898-12-31"),
                rec(2, "1898-03-04", "1898-03-04", "1898-03-04"),
            ],
            "events": [],
        }
    )
    birth = agree.facts[0]
    assert birth.field == "birth" and not birth.conflict and len(birth.values) == 2
    assert agree.names[0].value == "Петров Пётр" and len(agree.names[0].citations) == 2

    differ = build(
        {
            "records": [
                rec(1, "1898", "1898-01-01", "1898-12-31"),
                rec(2, "1901", "1901-01-01", "1901-12-31"),
            ],
            "events": [],
        }
    )
    birth = differ.facts[0]
    assert birth.conflict and [c.record for v in birth.values for c in v.citations] == [1, 2]
    assert differ.conflicts == 1


def test_two_dates_of_one_execution_conflict_and_the_same_arrest_is_one_moment() -> None:
    profile = build(
        {
            "records": [rec(1, None, None, None), rec(2, None, None, None)],
            "events": [
                ev(1, 1, "arrest", "1937-03-12", "1937-03-12", "1937-03-12"),
                ev(2, 2, "arrest", "1937-03-12", "1937-03-12", "1937-03-12"),
                ev(3, 1, "execution", "1937-10", "1937-10-01", "1937-10-31"),
                ev(4, 2, "execution", "1938-01-20", "1938-01-20", "1938-01-20"),
            ],
        }
    )
    arrest, *executions = profile.timeline
    assert len(arrest.attestations) == 2 and not arrest.conflict
    assert [m.conflict for m in executions] == [True, True]
    assert executions[0].attestations[0].citation.anchor == "event-3"
