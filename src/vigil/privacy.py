"""Who may be shown in public: the default policy, until accounts and a configurable policy arrive.

A person is withheld when they may have been born less than a hundred years ago and no source
gives a date of their death: they may be alive, and a registry of persecution must not become a
list of living people. Every public path (the web app and publication) asks `withheld`, or a
database applies the same two cutoff dates (`cutoffs`), so the rule lives in one place.

Where the sources are silent the rule leans towards withholding:

- the latest possible birth is the upper bound of the birth date; when a person's records
  disagree, the latest any of them allows counts;
- with no birth date at all, the earliest dated event stands in for it (a person arrested,
  expelled or exiled was not a child): an event after the birth cutoff plus 14 years may have
  befallen someone too young, again taking the upper bound of that date;
- with neither a birth date nor a dated event nothing can be told, and the person is withheld;
- a `death` or `execution` event with a date is a date of death, and a person with one is
  shown whatever their birth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEATH_TYPES = ("death", "execution")


@dataclass(frozen=True, slots=True)
class Policy:
    """How long a person who may be alive stays withheld, and the youngest age of persecution."""

    years: int = 100
    adult_age: int = 14


DEFAULT = Policy()


@dataclass(frozen=True, slots=True)
class Life:
    """What a person's records say about when they lived, as ISO dates (upper bounds).

    `latest_birth` is the largest birth upper bound among the records; `earliest_event` the
    smallest upper bound of any dated event; `died` whether a death or execution is dated.
    """

    latest_birth: str | None
    earliest_event: str | None
    died: bool


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier; 29 February becomes the 28th in a common year."""
    return _shift(day, -years)


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """The policy on a given day as two ISO dates, so a database can apply it as Python does.

    A person is withheld, unless a death is dated, when their latest birth is after
    `born_after`, or, with no birth date, when their earliest event is after `event_after` (an
    event that late may have befallen a child born after `born_after`).
    """

    born_after: str
    event_after: str


def cutoffs(policy: Policy = DEFAULT, today: date | None = None) -> Cutoffs:
    born_after = years_before(today or date.today(), policy.years)
    return Cutoffs(born_after.isoformat(), _shift(born_after, policy.adult_age).isoformat())


def withheld(life: Life, policy: Policy = DEFAULT, today: date | None = None) -> bool:
    """True when the person may be alive under `policy`: they appear nowhere in public."""
    if life.died:
        return False
    cut = cutoffs(policy, today)
    if life.latest_birth is not None:
        return life.latest_birth > cut.born_after
    if life.earliest_event is not None:
        return life.earliest_event > cut.event_after
    return True


@dataclass(frozen=True, slots=True)
class Screen:
    """`withheld` bound to a policy: a predicate over lives, and the cutoffs a query needs.

    With no `today`, each call uses the day it is made, so a long-running server lets a person
    out on the day their hundred years are up.
    """

    policy: Policy = DEFAULT
    today: date | None = None

    def __call__(self, life: Life) -> bool:
        return withheld(life, self.policy, self.today)

    def cutoffs(self) -> Cutoffs:
        return cutoffs(self.policy, self.today)


def screen(policy: Policy = DEFAULT, today: date | None = None) -> Screen:
    """The shape the registry's public reads take."""
    return Screen(policy, today)
