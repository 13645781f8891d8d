"""How the model is trained: which pairs each EM pass learns from, and what it learns."""

from __future__ import annotations

from vigil.linkage.model import FALLBACK_PASSES, IDENTITY, em_passes
from vigil.store import Registry

FULL = {c: 1.0 for field in IDENTITY for c in field}


def _fields(rule: tuple[str, ...]) -> set[str]:
    """The identity fields a rule blocks on, a name part by its key or by its initial."""
    cols = {c.replace("_initial", "_key") for c in rule}
    return {field[0] for field in IDENTITY if set(field) <= cols}


def test_each_em_pass_leaves_out_one_identity_field_and_blocks_on_the_rest() -> None:
    passes = em_passes(FULL)
    assert len(passes) == len(IDENTITY)
    names = {field[0] for field in IDENTITY}
    left_out = [names - _fields(rule) for rule in passes]
    assert all(len(out) == 1 for out in left_out)
    assert {next(iter(out)) for out in left_out} == names
    # The surname is blocked by its phonetic key: the given-name comparison reads surname_key.
    assert not any("surname_key" in rule for rule in passes)


def test_a_pass_learning_one_name_part_lets_the_other_agree_by_its_initial() -> None:
    by_left_out = {next(iter({f[0] for f in IDENTITY} - _fields(r))): r for r in em_passes(FULL)}
    assert "patronymic_initial" in by_left_out["given_key"]
    assert "patronymic_key" not in by_left_out["given_key"]
    assert "given_initial" in by_left_out["patronymic_key"]
    assert "patronymic_key" in by_left_out["surname_phonetic"]


def test_fields_few_records_have_are_not_blocked_on() -> None:
    passes = em_passes({**FULL, "patronymic_key": 0.1})
    assert len(passes) == len(IDENTITY) - 1
    assert not any("patronymic_key" in rule or "patronymic_initial" in rule for rule in passes)


def test_with_fewer_than_three_fields_training_falls_back_to_broad_rules() -> None:
    assert em_passes({"surname_phonetic": 1.0, "given_key": 1.0}) == list(FALLBACK_PASSES)


def test_the_trained_model_learns_from_true_pairs(linked: Registry) -> None:
    """Disagreeing names weigh against a match; initials-only names are learnt, not guessed."""
    levels = {
        c["output_column_name"]: {lv["label_for_charts"]: lv for lv in c["comparison_levels"]}
        for c in linked.last_run()["model"]["comparisons"]
    }
    for name in ("surname", "given", "patronymic"):
        other = levels[name]["All other comparisons"]
        assert other["m_probability"] < 0.05 < other["u_probability"], name
    for name in ("given", "patronymic"):
        initial = levels[name]["one side an initial, and it agrees"]
        assert initial.get("m_probability") is not None, name
        assert initial["m_probability"] > initial["u_probability"], name


def test_the_saved_model_has_an_m_for_every_level_it_has_a_u_for(linked: Registry) -> None:
    """Else a level never seen in training would weigh nothing once the model is reloaded."""
    for comparison in linked.last_run()["model"]["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("u_probability") is not None:
                assert level.get("m_probability") is not None, level["label_for_charts"]
