"""The default privacy policy: who may be alive is withheld; the sources' silence withholds."""

from __future__ import annotations

from datetime import date

import pytest

from vigil.privacy import DEFAULT, Life, Policy, screen, withheld, years_before

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("life", "hidden", "why"),
    [
        (Life("1990-12-31", "2021-05-04", False), True, "born 36 years ago, no death"),
        (Life("1898-12-31", "1937-01-08", False), False, "born 128 years ago"),
        (Life("1990-12-31", "2021-05-04", True), False, "a dated death or execution"),
        (Life("1926-06-01", None, False), False, "exactly a hundred years"),
        (Life("1926-06-02", None, False), True, "a day short of a hundred years"),
        (Life("1930-12-31", None, False), True, "a range born 1920/1930: its upper bound"),
        (Life(None, "2015-06-15", False), True, "no birth; arrested 2015, so born by 2001"),
        (Life(None, "1937-03-01", False), False, "no birth; arrested 1937, so born by 1923"),
        (Life(None, "1940-06-01", False), False, "no birth; event at the edge: born by 1926-06-01"),
        (Life(None, "1940-06-02", False), True, "a day later could be too young"),
        (Life(None, None, False), True, "nothing to tell by"),
        (Life(None, None, True), False, "died, whenever born"),
    ],
)
def test_the_default_rule(life: Life, hidden: bool, why: str) -> None:
    assert withheld(life, DEFAULT, TODAY) is hidden, why


def test_a_policy_and_its_screen() -> None:
    life = Life("1950-01-01", None, False)
    assert withheld(life, Policy(years=70), TODAY) is False
    assert screen(Policy(years=70), TODAY)(life) is False
    assert screen(today=TODAY)(life) is True


def test_leap_days() -> None:
    assert years_before(date(2024, 2, 29), 100) == date(1924, 2, 29)
    assert years_before(date(2028, 2, 29), 101) == date(1927, 2, 28)
