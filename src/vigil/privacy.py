"""Who and what may be shown in public: the privacy policy (configured in `vigil.config`).

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

A person is also withheld while a takedown request names any of their records (`vigil
takedown`); the store finds that and passes it in `Life.taken_down`, so one predicate decides.

Sensitive fields (by default residence and document numbers) are never public, even for a
person who is shown: `redact` blanks them in a record and wherever their value stands in the
record's verbatim text, so the text does not give back what the field hides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

DEATH_TYPES = ("death", "execution")

# The record fields a policy may hold back. Not the name, sex or birth: they are what
# identifies a person at all, and a person who must not be identified is withheld whole.
SENSITIVE_CHOICES = ("birth_place", "nationality", "party", "occupation", "residence", "document")
# An address can still be a family's, and a party card or passport number identifies a person
# in other files; neither is needed to document what was done to them.
SENSITIVE_DEFAULT = ("residence", "document")
MASK = "[…]"  # what stands in a record's verbatim text where a sensitive value was


@dataclass(frozen=True, slots=True)
class Policy:
    """How long a person who may be alive stays withheld, the youngest age of persecution, and
    the record fields never shown in public."""

    years: int = 100
    adult_age: int = 14
    sensitive_fields: tuple[str, ...] = SENSITIVE_DEFAULT


DEFAULT = Policy()


@dataclass(frozen=True, slots=True)
class Life:
    """What a person's records say about when they lived, as ISO dates (upper bounds).

    `latest_birth` is the largest birth upper bound among the records; `earliest_event` the
    smallest upper bound of any dated event; `died` whether a death or execution is dated;
    `taken_down` whether a takedown in force names any of the records.
    """

    latest_birth: str | None
    earliest_event: str | None
    died: bool
    taken_down: bool = False


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
    """True when the person is taken down or may be alive under `policy`: they appear nowhere
    in public."""
    if life.taken_down:
        return True
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


def sensitive(withhold: Any) -> tuple[str, ...]:
    """The fields a public read must blank: those of the screen's policy; none for the
    registry's own readers (`withhold=None`) or a bare predicate."""
    return withhold.policy.sensitive_fields if isinstance(withhold, Screen) else ()


def _pattern(value: str) -> re.Pattern[str] | None:
    words = value.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def blanks(text: str, values: Iterable[Any]) -> list[tuple[int, int]]:
    """Where the values stand in `text` (any case, any spacing between words), as merged
    (start, end) offsets: a reader may have normalised the spaces of what it extracted."""
    found: list[tuple[int, int]] = []
    for value in values:
        pattern = _pattern(str(value)) if value else None
        if pattern is not None:
            found += [m.span() for m in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def blank(text: str, values: Iterable[Any]) -> str:
    """`text` with every occurrence of the values replaced by MASK."""
    out, at = [], 0
    for start, end in blanks(text, values):
        out += [text[at:start], MASK]
        at = end
    return "".join([*out, text[at:]])


def redact(rec: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """A record without its sensitive fields: each set to None, and its value blanked in the
    verbatim text and the warnings (which may quote the text)."""
    values = [rec[f] for f in fields if rec.get(f)]
    out = dict(rec)
    for f in fields:
        if f in out:
            out[f] = None
    if values:
        if isinstance(out.get("text"), str):
            out["text"] = blank(out["text"], values)
        if out.get("warnings"):
            out["warnings"] = [blank(str(w), values) for w in out["warnings"]]
    return out
