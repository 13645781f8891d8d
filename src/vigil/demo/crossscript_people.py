"""Fictional people of the 1930s for the cross-script benchmark: who they are, not how lists
write them (that is `crossscript_lists`). None of them existed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from vigil.demo.crossscript_names import REGIONS, VILLAGES, Group, Pools, female_surname
from vigil.demo.crossscript_names import patronymic_of as _patronymic_of
from vigil.demo.crossscript_words import OCCUPATIONS_F, OCCUPATIONS_M

SHARE_WOMEN = 0.16  # about the share of women in the lists of the Terror
_TERROR = (date(1936, 8, 1).toordinal(), date(1938, 11, 17).toordinal())
_YEARS = (date(1929, 1, 1).toordinal(), date(1941, 6, 21).toordinal())


@dataclass(slots=True)
class Person:
    """The truth about one fictional person; lists write it with their own habits and slips."""

    pid: int
    group: Group
    sex: str
    surname: str
    given: str
    patronymic: str
    birth: tuple[int, int, int]  # month and day 0 where even the truth does not know them
    region: str  # key of REGIONS
    town: str  # "г. Торжок", "с. Берёзовка"
    occupation: int  # index into OCCUPATIONS_M or OCCUPATIONS_F
    arrest: tuple[int, int, int]
    sentence: tuple[int, int, int]  # by a troika, the Special Board or a court


def generate_people(pools: Pools, rng: random.Random) -> Iterator[Person]:
    """An endless stream of people; the caller stops when it has records enough."""
    r = rng.random
    pid = 0
    while True:
        pid += 1
        group = pools.group(r())
        sex = "f" if r() < SHARE_WOMEN else "m"
        surname = pools.surname(group, r())
        if sex == "f":
            surname = female_surname(surname)
        given = pools.given(group, sex, r())
        father = pools.given(group, "m", r())
        year = 1870 + int((r() + r()) * 24)
        u = r()
        birth = (year, int(r() * 12) + 1, int(r() * 28) + 1) if u < 0.45 else (year, 0, 0)
        if 0.45 <= u < 0.55:
            birth = (year, int(r() * 12) + 1, 0)
        region = group.regions[int(r() * len(group.regions))]
        towns = REGIONS[region][2]
        town = towns[int(r() * len(towns))] if r() < 0.6 else VILLAGES[int(r() * len(VILLAGES))]
        span = _TERROR if r() < 0.75 else _YEARS
        arrested = date.fromordinal(span[0] + int(r() * (span[1] - span[0])))
        sentenced = arrested + timedelta(days=10 + int(r() * 110))
        jobs = OCCUPATIONS_M if sex == "m" else OCCUPATIONS_F
        yield Person(
            pid=pid, group=group, sex=sex, surname=surname, given=given,
            patronymic=_patronymic_of(father, sex), birth=birth, region=region, town=town,
            occupation=int(r() ** 2 * len(jobs)),  # the first, commoner jobs more often
            arrest=(arrested.year, arrested.month, arrested.day),
            sentence=(sentenced.year, sentenced.month, sentenced.day),
        )  # fmt: skip
