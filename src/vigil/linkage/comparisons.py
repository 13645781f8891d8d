"""How two records are compared, field by field: the levels of the Splink model.

Written with Splink's level library and plain SQL arithmetic, so that the same model runs on
DuckDB and on Spark. Dates are day numbers with lower and upper bounds: a year-only birth
date agrees with any day in that year, and is weaker evidence than two equal full dates.
"""

from __future__ import annotations

from splink import comparison_level_library as cll
from splink import comparison_library as cl
from splink.internals.comparison_creator import ComparisonCreator

_YEAR = 366


def _l(col: str) -> str:
    return f'"{col}_l"'


def _r(col: str) -> str:
    return f'"{col}_r"'


def _custom(sql: str, label: str) -> cll.CustomLevel:
    return cll.CustomLevel(sql, label_for_charts=label, base_dialect_str="duckdb")


def surname() -> ComparisonCreator:
    return cl.CustomComparison(
        [
            cll.NullLevel("surname_key"),
            cll.And(cll.ExactMatchLevel("surname_lemma"), cll.ExactMatchLevel("surname_key")),
            cll.ExactMatchLevel("surname_key").configure(
                tf_adjustment_column="surname_key", tf_adjustment_weight=1.0
            ),
            cll.JaroWinklerLevel("surname_key", 0.95),
            cll.Or(
                cll.ExactMatchLevel("surname_phonetic"), cll.JaroWinklerLevel("surname_key", 0.9)
            ),
            cll.JaroWinklerLevel("surname_key", 0.8),
            cll.ElseLevel(),
        ],
        output_column_name="surname",
    )


def _initial_agrees(part: str) -> str:
    key, initial = f"{part}_key", f"{part}_initial"
    return f"({_l(key)} IS NULL OR {_r(key)} IS NULL) AND {_l(initial)} = {_r(initial)}"


def _swapped() -> str:
    """A list with one name word may put it in either column."""
    given, surname = "given_key", "surname_key"
    return f"{_l(given)} = {_r(surname)} OR {_l(surname)} = {_r(given)}"


def given() -> ComparisonCreator:
    return cl.CustomComparison(
        [
            cll.NullLevel("given_initial"),
            cll.ExactMatchLevel("given_key").configure(
                tf_adjustment_column="given_key", tf_adjustment_weight=0.5
            ),
            cll.JaroWinklerLevel("given_key", 0.9),
            _custom(_swapped(), "the given name of one is the surname of the other"),
            _custom(_initial_agrees("given"), "one side an initial, and it agrees"),
            cll.ElseLevel(),
        ],
        output_column_name="given",
    )


def patronymic() -> ComparisonCreator:
    return cl.CustomComparison(
        [
            cll.NullLevel("patronymic_initial"),
            cll.ExactMatchLevel("patronymic_key"),
            cll.JaroWinklerLevel("patronymic_key", 0.9),
            _custom(_initial_agrees("patronymic"), "one side an initial, and it agrees"),
            cll.ElseLevel(),
        ],
        output_column_name="patronymic",
    )


def _overlap(prefix: str) -> str:
    lo, hi = f"{prefix}_lo", f"{prefix}_hi"
    return f"{_l(lo)} <= {_r(hi)} AND {_r(lo)} <= {_l(hi)}"


def _within(prefix: str, days: int) -> str:
    lo, hi = f"{prefix}_lo", f"{prefix}_hi"
    return f"{_l(lo)} - {_r(hi)} <= {days} AND {_r(lo)} - {_l(hi)} <= {days}"


def partial_date(prefix: str, label: str, years: tuple[int, ...] = (1, 2)) -> ComparisonCreator:
    """Exact day, then compatible (the bounds overlap), then within n years, else."""
    lo, hi = f"{prefix}_lo", f"{prefix}_hi"
    exact = f"{_l(lo)} = {_l(hi)} AND {_r(lo)} = {_r(hi)} AND {_l(lo)} = {_r(lo)}"
    levels = [
        cll.NullLevel(lo),
        _custom(exact, f"{label}: same day"),
        _custom(
            f"{_overlap(prefix)} AND {_l(hi)} - {_l(lo)} < 32 AND {_r(hi)} - {_r(lo)} < 32",
            f"{label}: same month",
        ),
        _custom(_overlap(prefix), f"{label}: compatible (one is partial)"),
        *(
            _custom(_within(prefix, n * _YEAR), f"{label}: within {n} year{'s' * (n > 1)}")
            for n in years
        ),
        cll.ElseLevel(),
    ]
    return cl.CustomComparison(levels, output_column_name=prefix)


def place() -> ComparisonCreator:
    return cl.CustomComparison(
        [
            cll.And(cll.NullLevel("place_key"), cll.NullLevel("region_key")),
            cll.ExactMatchLevel("place_key").configure(
                tf_adjustment_column="place_key", tf_adjustment_weight=0.5
            ),
            cll.JaroWinklerLevel("place_key", 0.9),
            cll.ExactMatchLevel("region_key"),
            cll.ElseLevel(),
        ],
        output_column_name="birth_place",
    )


def residence() -> ComparisonCreator:
    return cl.CustomComparison(
        [
            cll.NullLevel("residence_key"),
            cll.ExactMatchLevel("residence_key"),
            cll.JaroWinklerLevel("residence_key", 0.9),
            cll.ExactMatchLevel("residence_area"),
            cll.ElseLevel(),
        ],
        output_column_name="residence",
    )


def document() -> ComparisonCreator:
    """A party card or passport number: equal, one or two keystrokes off, or different."""
    return cl.CustomComparison(
        [
            cll.NullLevel("document_key"),
            cll.ExactMatchLevel("document_key"),
            cll.DamerauLevenshteinLevel("document_key", 1),
            cll.DamerauLevenshteinLevel("document_key", 2),
            cll.ElseLevel(),
        ],
        output_column_name="document",
    )


def exact(column: str, name: str, tf: bool = True) -> ComparisonCreator:
    level = cll.ExactMatchLevel(column)
    if tf:
        level = level.configure(tf_adjustment_column=column, tf_adjustment_weight=1.0)
    return cl.CustomComparison(
        [cll.NullLevel(column), level, cll.ElseLevel()], output_column_name=name
    )


def all_comparisons() -> list[ComparisonCreator]:
    return [
        surname(),
        given(),
        patronymic(),
        exact("sex", "sex", tf=False),
        partial_date("birth", "birth date"),
        place(),
        residence(),
        document(),
        exact("nationality_key", "nationality"),
        exact("occupation_key", "occupation"),
        partial_date("arrest", "arrest date", years=(1,)),
        partial_date("death", "date of death", years=()),
    ]
