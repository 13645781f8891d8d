"""What happened next to people by the category they were expelled or sentenced under.

The founding document describes an order that sorted the expelled into "enemies", to be denied
work of every kind, and "non-enemies", to be given other work. This module measures such
disparities from the records: for everyone expelled (or sentenced) under a category, how many
were later arrested, sentenced (and to what), exiled, shot, released, rehabilitated, or have
nothing more recorded.

Rules, stated once (the SQL is in `vigil.store.analysis`):
- a subject is a person where records are linked, else a record (`unit` says which);
- a subject is in category C's cohort from its earliest cohort event carrying C; a category
  gives way to a narrower one the same subject's cohort events also carry; a subject whose
  cohort events carry no category is in the cohort `None`; a subject may be in several cohorts;
- an outcome is an event of the subject not known to be earlier than that (its date's upper
  bound is not before the cohort event's lower bound, or either is undated), of another type
  than the cohort's; a sentence is also an outcome of the sentence cohort, with its term;
- "none recorded" counts subjects with no outcome of another type than the cohort's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from vigil.analysis import checks
from vigil.store import Registry
from vigil.store.analysis import DETAIL, FOLLOWED, OUTCOME, SIZE, UNLINKED, Unit, open_analysis
from vigil.thesaurus import EVENT_TYPES

_ORDER = {t.code: i for i, t in enumerate(EVENT_TYPES)}  # the thesaurus's order: the usual course


@dataclass(frozen=True, slots=True)
class Detail:
    """Subjects whose later sentence had this term, as the source wrote it."""

    text: str | None
    subjects: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """Subjects with at least one event of this type after the cohort event. For sentences,
    `details` splits them by term; a subject whose sources give the term in two forms ("ВМН"
    and "death") is under both, so the details may add up to more than `subjects`."""

    type: str  # event type
    subjects: int
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True, slots=True)
class Cohort:
    category: str | None  # thesaurus code; None: the cohort events name no category
    subjects: int
    none_recorded: int  # nothing of another type than the cohort's recorded after
    unlinked: int  # of `subjects`, records not linked to a person (counted as one each)
    outcomes: tuple[Outcome, ...]

    def outcome(self, event_type: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.type == event_type), None)

    def share(self, subjects: int) -> float:
        """`subjects` as a share of the cohort (0.0 for an empty one)."""
        return subjects / self.subjects if self.subjects else 0.0


@dataclass(frozen=True, slots=True)
class Outcomes:
    cohort: str  # the event type that defines the cohorts
    unit: Unit  # what `subjects` counts
    cohorts: tuple[Cohort, ...]


def outcomes(reg: Registry, cohort: str = "party.expulsion", unit: str = "auto") -> Outcomes:
    """The cohorts of `cohort` events by category, each with what followed."""
    checks.choice("unit", unit)
    reader = open_analysis(reg)
    checks.known(reader, "event-type", [cohort], "event type")
    resolved = reader.unit(unit)
    size: dict[str | None, int] = {}
    counts: dict[int, dict[str | None, int]] = {
        FOLLOWED: defaultdict(int),
        UNLINKED: defaultdict(int),
    }
    types: dict[str | None, dict[str, int]] = defaultdict(dict)
    details: dict[tuple[str | None, str], list[Detail]] = defaultdict(list)
    for kind, category, etype, detail, n in reader.outcomes(cohort, resolved):
        if kind == SIZE:
            size[category] = n
        elif kind in counts:
            counts[kind][category] = n
        elif kind == OUTCOME:
            types[category][etype] = n
        elif kind == DETAIL:
            details[category, etype].append(Detail(detail, n))
    cohorts = [
        Cohort(
            category=c,
            subjects=n,
            none_recorded=n - counts[FOLLOWED][c],
            unlinked=counts[UNLINKED][c],
            outcomes=tuple(
                Outcome(
                    t, m, tuple(sorted(details[c, t], key=lambda d: (-d.subjects, d.text or "")))
                )
                for t, m in sorted(types[c].items(), key=lambda tm: _ORDER.get(tm[0], 99))
            ),
        )
        for c, n in size.items()
    ]
    cohorts.sort(key=lambda c: (c.category is None, -c.subjects, c.category or ""))
    return Outcomes(cohort, resolved, tuple(cohorts))


def outcome_records(
    reg: Registry,
    result: Outcomes,
    category: str | None,
    outcome: str | None,
    detail: str | None = None,
    limit: int | None = 100,
) -> list[int]:
    """Ids of the records behind one figure of `result`: those attesting the outcome events (of
    one sentence term, with `detail`), or, for `outcome=None` ("none recorded"), those with the
    cohort events of the subjects nothing followed."""
    reader = open_analysis(reg)
    return reader.outcome_records(result.cohort, category, outcome, detail, result.unit, limit)
