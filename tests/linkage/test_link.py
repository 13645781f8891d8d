"""`link` on a registry: the same fictional people across scripts, stable ids, decisions."""

from __future__ import annotations

import pytest

from vigil.linkage.accuracy import pairwise_scores
from vigil.linkage.explain import explain
from vigil.linkage.run import link
from vigil.store import Registry

from .conftest import Corpus, Staged, ingest_list


def _predicted(reg: Registry) -> dict[tuple[str, str], int | None]:
    return {(s, loc): p for s, loc, p in reg.export_links()}


def test_people_are_found_across_scripts_and_spellings(
    linked: Registry, small_corpus: Corpus
) -> None:
    predicted = _predicted(linked)
    assert set(predicted) == set(small_corpus.truth)
    assert all(p is not None for p in predicted.values())
    scores = pairwise_scores(small_corpus.truth, predicted)
    assert scores.precision >= 0.9 and scores.recall >= 0.85, scores
    # and the links do cross the scripts: a Cyrillic list and a Latin one share persons
    by_person: dict[int, set[str]] = {}
    for (source, _), person in predicted.items():
        by_person.setdefault(person, set()).add(source)
    files = {f.path.name: f.convention for f in small_corpus.corpus.files}
    mixed = [s for s in by_person.values() if len({files[x] == "cyrillic" for x in s}) == 2]
    assert len(mixed) > 50


def test_a_new_list_is_scored_incrementally_and_old_persons_keep_their_ids(
    all_but_last: Staged,
) -> None:
    reg, first = all_but_last.reg, all_but_last.first
    before = _predicted(reg)
    ingest_list(reg, all_but_last.last)
    second = link(reg)
    after = _predicted(reg)
    assert first.mode == "full" and second.mode == "incremental"
    assert second.new_records == all_but_last.last.records
    assert 0 < second.pairs_scored < first.pairs_scored
    old_persons: dict[int, set] = {}
    for key, person in before.items():
        old_persons.setdefault(person, set()).add(key)
    kept = sum(1 for p, keys in old_persons.items() if all(after[k] == p for k in keys))
    assert kept / len(old_persons) >= 0.95
    assert all(after[k] is not None for k in after)


def test_decisions_are_hard_constraints_and_survive_a_full_rerun(linked: Registry) -> None:
    persons = linked.persons(limit=None)
    multi = next(p for p in persons if p["records"] >= 2)
    a, b = (r["id"] for r in linked.person(multi["id"])["records"][:2])
    single = [p for p in persons if p["records"] == 1][:2]
    c, d = (linked.person(p["id"])["records"][0]["id"] for p in single)
    linked.decide(a, b, "different", "tester", "two men of one name")
    linked.decide(c, d, "same", "tester", "one man, two spellings")
    for full in (False, True):
        link(linked, full=full)
        pair_ab, pair_cd = linked.pair(a, b), linked.pair(c, d)
        assert pair_ab["persons"][a] != pair_ab["persons"][b]
        assert pair_cd["persons"][c] == pair_cd["persons"][d]
    assert [x["verdict"] for x in linked.pair(a, b)["decisions"]] == ["different"]
    assert linked.pair(a, b)["decisions"][0]["actor"] == "tester"


def test_explanation_adds_up_to_the_match_weight(linked: Registry) -> None:
    pair = linked.review_queue(threshold=0.9, limit=1)[0]
    exp = explain(linked, pair["record_a"], pair["record_b"])
    import math

    prior = math.log2(exp.prior / (1 - exp.prior))
    assert abs(prior + sum(s.weight for s in exp.steps) - exp.match_weight) < 1e-6
    assert abs(exp.match_weight - pair["match_weight"]) < 1e-6
    assert {s.comparison for s in exp.steps} >= {"surname", "given", "birth"}


def _nearest(reg: Registry, threshold: float, limit: int) -> list[tuple[int, int]]:
    """The queue as its definition says: every undecided pair, sorted whole."""
    from sqlalchemy import select

    from vigil.store.schema import decision, pair

    with reg.engine.connect() as conn:
        decided = set(conn.execute(select(decision.c.record_a, decision.c.record_b)).all())
        pairs = conn.execute(select(pair.c.record_a, pair.c.record_b, pair.c.probability)).all()
    ordered = sorted((abs(p - threshold), a, b) for a, b, p in pairs if (a, b) not in decided)
    return [(a, b) for _, a, b in ordered[:limit]]


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.9, 1.0])
def test_review_queue_is_nearest_the_threshold_first(linked: Registry, threshold: float) -> None:
    queue = linked.review_queue(threshold=threshold, limit=10)
    assert [(p["record_a"], p["record_b"]) for p in queue] == _nearest(linked, threshold, 10)
    linked.decide(queue[0]["record_a"], queue[0]["record_b"], "same", "tester")
    again = linked.review_queue(threshold=threshold, limit=10)
    assert (queue[0]["record_a"], queue[0]["record_b"]) not in {
        (p["record_a"], p["record_b"]) for p in again
    }
    assert [(p["record_a"], p["record_b"]) for p in again] == _nearest(linked, threshold, 10)


def test_reviewers_same_pairs_refine_the_model_once_there_are_enough(linked: Registry) -> None:
    from vigil.linkage.model import MIN_LABELS

    strong = [p for p in linked.review_queue(threshold=1.0, limit=200) if p["probability"] > 0.99]
    assert len(strong) >= MIN_LABELS
    for p in strong[:MIN_LABELS]:
        linked.decide(p["record_a"], p["record_b"], "same", "tester")
    report = link(linked, full=True)
    assert report.training is not None and report.training.labels == MIN_LABELS
    assert report.persons > 0


def test_an_empty_or_tiny_registry_links_without_a_model(tmp_path) -> None:
    with Registry.open(str(tmp_path / "v.db")) as reg:
        reg.init()
        report = link(reg)
        assert (report.records, report.persons, report.pairs) == (0, 0, 0)
        assert reg.persons() == []


def test_the_saved_model_keeps_every_comparison_even_when_a_training_pass_fails(
    tmp_path,
) -> None:
    from vigil.demo import write_corpus
    from vigil.ingest import ingest_path
    from vigil.linkage.model import settings

    expected = [
        c["output_column_name"] for c in settings().get_settings("duckdb").as_dict()["comparisons"]
    ]
    with Registry.open(str(tmp_path / "v.db")) as reg:
        reg.init()
        for src in write_corpus(tmp_path / "corpus", n_people=400):
            ingest_path(reg, src.path, src.format, src.options)
        report = link(reg)
        saved = [c["output_column_name"] for c in reg.last_run()["model"]["comparisons"]]
    assert report.training is not None
    assert saved == expected


def test_records_without_name_keys_get_them_when_linking(linked: Registry) -> None:
    """A registry from before name keys (or with keys of an older version) is keyed by link."""
    from sqlalchemy import text

    with linked.engine.begin() as conn:
        total = conn.execute(text("SELECT count(*) FROM record")).scalar_one()
        conn.execute(text("DELETE FROM name_key WHERE record_id % 2 = 0"))
        conn.execute(text("UPDATE name_key SET version = 0"))
    before = {(s, loc): p for s, loc, p in linked.export_links()}
    report = link(linked, full=True)
    assert report.keys_computed == total
    with linked.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM name_key")).scalar_one() == total
    after = {(s, loc): p for s, loc, p in linked.export_links()}
    assert sum(before[k] == after[k] for k in before) / len(before) > 0.95
