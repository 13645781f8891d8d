"""What followed an expulsion or a sentence, by category: exact on a small registry, and the
demo corpus's disparity of treatment between categories."""

from __future__ import annotations

import pytest

from vigil.analysis import Outcomes, outcome_records, outcomes
from vigil.errors import VigilError
from vigil.store import Registry


def _table(result: Outcomes) -> dict[str | None, dict]:
    return {
        c.category: {
            "subjects": c.subjects,
            "none": c.none_recorded,
            **{o.type: o.subjects for o in c.outcomes},
            "terms": {d.text: d.subjects for o in c.outcomes for d in o.details},
        }
        for c in result.cohorts
    }


def test_three_trotskyists_expelled_two_shot(small: Registry) -> None:
    result = outcomes(small)
    assert result.cohort == "party.expulsion" and result.unit == "record"
    assert [c.category for c in result.cohorts] == ["trotskyist", "passive-element", None]
    assert _table(result) == {
        # Морозов's arrest of 1933 came before his expulsion: only two arrests follow.
        "trotskyist": {"subjects": 3, "none": 0, "arrest": 2, "sentence": 3, "exile": 1,
                       "execution": 2, "rehabilitation": 1, "terms": {"ВМН": 2, "5 лет ссылки": 1}},
        "passive-element": {"subjects": 1, "none": 0, "arrest": 1, "sentence": 1, "release": 1,
                            "terms": {"8 лет ИТЛ": 1}},
        None: {"subjects": 1, "none": 1, "terms": {}},
    }  # fmt: skip
    trotskyists = result.cohorts[0]
    assert [o.type for o in trotskyists.outcomes] == [
        "arrest", "sentence", "exile", "execution", "rehabilitation",
    ]  # fmt: skip
    assert trotskyists.share(trotskyists.outcome("execution").subjects) == pytest.approx(2 / 3)


def test_after_a_sentence_the_sentence_is_itself_an_outcome(small: Registry) -> None:
    result = outcomes(small, "sentence")
    table = _table(result)
    assert table["anti-soviet-agitation"] == {
        "subjects": 2, "none": 0, "sentence": 2, "execution": 1, "release": 1,
        "terms": {"ВМН": 1, "8 лет ИТЛ": 1},
    }  # fmt: skip
    assert table["trotskyist"] == {
        "subjects": 2, "none": 0, "sentence": 2, "exile": 1, "execution": 1,
        "rehabilitation": 1, "terms": {"ВМН": 1, "5 лет ссылки": 1},
    }  # fmt: skip
    assert table["terrorist"]["execution"] == 1
    # Козлов's sentence is undated and names no category: every event of his may follow it.
    assert table[None] == {
        "subjects": 1, "none": 0, "sentence": 1, "arrest": 1, "terms": {"ВМН": 1},
    }  # fmt: skip


def test_each_figure_lists_its_records(small: Registry) -> None:
    result = outcomes(small)

    def surnames(ids: list[int]) -> set[str]:
        return {small.record(i)["surname"] for i in ids}

    assert surnames(outcome_records(small, result, "trotskyist", "execution")) == {
        "Петров",
        "Сидоров",
    }
    assert surnames(outcome_records(small, result, "trotskyist", "sentence", "5 лет ссылки")) == {
        "Морозов"
    }
    assert surnames(outcome_records(small, result, None, None)) == {"Егоров"}
    assert outcome_records(small, result, "trotskyist", None) == []


def test_the_demo_shows_the_disparity_between_categories(demo: Registry) -> None:
    # Counted by record, each source's own account: in the demo every Trotskyist or
    # Zinovievist is shot, and no White Guard or "passive element" is.
    result = outcomes(demo, unit="record")
    by = {c.category: c for c in result.cohorts}
    for shot in ("trotskyist", "zinovievist"):
        assert by[shot].outcome("execution").subjects == by[shot].subjects
    for spared in ("white-guard", "passive-element", None):
        assert by[spared].outcome("execution") is None
        assert by[spared].outcome("sentence").subjects == by[spared].subjects
    assert by[None].outcome("exile").subjects == by[None].subjects  # "5 лет ссылки"


def test_linked_records_count_once_per_person(demo: Registry) -> None:
    persons, records = outcomes(demo), outcomes(demo, unit="record")
    assert persons.unit == "person"
    by_record = {c.category: c.subjects for c in records.cohorts}
    for c in persons.cohorts:
        assert c.subjects <= by_record[c.category]
        assert all(o.subjects <= c.subjects for o in c.outcomes)
        assert all(d.subjects <= o.subjects for o in c.outcomes for d in o.details)
        assert 0 <= c.none_recorded <= c.subjects and c.unlinked == 0
    assert sum(c.subjects for c in persons.cohorts) < sum(by_record.values())


def test_a_cohort_must_be_an_event_type(small: Registry) -> None:
    with pytest.raises(VigilError, match="unknown event type 'purge'"):
        outcomes(small, "purge")
    with pytest.raises(VigilError, match="unknown unit"):
        outcomes(small, unit="family")
