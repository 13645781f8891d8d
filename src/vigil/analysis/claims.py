"""What the sources claim beside what the registry holds.

A claim ("more than 300,000 have been expelled – perhaps even half a million", 1935-07 to
1936-03-25) is set beside the registry's count of the same act in the same period: events of
the type the claim counts, dated wholly inside its period, and the persons (or records) they
belong to. Events that may fall in the period but are not known to be inside it are counted as
spanning. The registry is never a census: its count is what the sources ingested attest, a
floor to read beside the claim, not a test of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from vigil.store import Registry
from vigil.store.analysis import EventFilter, Unit, open_analysis

# What a claim counts, as words in English and Russian -> the event type. Checked in this order
# at the first word that matches in the claim's `counts` (else its text).
ACTS: tuple[tuple[str, str], ...] = (
    ("party.expulsion", r"expel|expuls|исключ"),
    ("work.dismissal", r"dismiss|fired\b|sacked|уволен|увольн|снят\w* с работы"),
    ("arrest", r"arrest|арест"),
    ("execution", r"execut|\bshot\b|расстрел"),
    ("sentence", r"sentenc|convict|осужд|осуждён|приговор"),
    ("deportation", r"deport|депорт|выселен|высылк\w* сем"),
    ("exile", r"exile|banish|сослан|ссылк|выслан|высылк"),
    ("release", r"releas|freed\b|освобожд"),
    ("rehabilitation", r"rehabilit|реабилит"),
    ("death", r"\bdied\b|perish|\bdeaths?\b|умер|погиб|смерт"),
)
_ACTS = [(code, re.compile(pattern, re.IGNORECASE)) for code, pattern in ACTS]

COMPARED, RATE, UNMATCHED = "compared", "rate", "unmatched"


@dataclass(frozen=True, slots=True)
class ClaimComparison:
    """One claim with its citation, and the registry's count of what it counts."""

    claim_id: int
    source_id: int
    source_title: str | None
    source_file: str
    text: str  # the claim as the source words it
    span_start: int | None  # where, in the source's verbatim text
    span_end: int | None
    lower: float | None
    upper: float | None
    unit: str | None  # "persons", "percent" or None
    counts: str | None  # the words it counts
    period: str | None  # EDTF, or None when the text gives none
    event_type: str | None  # the act it counts, when it is one the registry records
    # "compared"; "rate" (a percentage: the registry holds no denominator); "unmatched" (it
    # counts something that is not an act the registry records, e.g. "Oppositionists")
    status: str
    filter: EventFilter | None  # the events counted; list them with claim_records()
    events: int | None = None  # wholly inside the period; without a period, all, undated too
    subjects: int | None = None  # distinct persons (or records) of those events
    spanning: int | None = None  # dated, may fall in the period, not known to be inside it
    undated: int | None = None  # with no date (counted in `events` when there is no period)
    registry_unit: Unit | None = None  # what `subjects` counts


def counted_act(counts: str | None, text: str) -> str | None:
    """The event type a claim counts: the act named first in its `counts`, else in its text."""
    for words in (counts, text):
        if not words:
            continue
        hits = [(m.start(), code) for code, rx in _ACTS if (m := rx.search(words))]
        if hits:
            return min(hits)[1]
    return None


def claims(reg: Registry, unit: str = "auto") -> list[ClaimComparison]:
    """Every claim in the registry, in source and text order, beside the registry's count."""
    reader = open_analysis(reg)
    resolved = reader.unit(unit)
    out = []
    for row in reader.claims():
        act = counted_act(row["counts"], row["text"])
        base = dict(
            claim_id=row["id"], source_id=row["source_id"], source_title=row["source_title"],
            source_file=row["source_file"], text=row["text"], span_start=row["span_start"],
            span_end=row["span_end"], lower=row["lower"], upper=row["upper"], unit=row["unit"],
            counts=row["counts"], period=row["period"], event_type=act,
        )  # fmt: skip
        if act is None:
            out.append(ClaimComparison(**base, status=UNMATCHED, filter=None))
            continue
        flt = EventFilter(
            types=(act,),
            since=_day(row["period_lower"]),
            until=_day(row["period_upper"]),
        )
        if row["unit"] == "percent":
            out.append(ClaimComparison(**base, status=RATE, filter=flt))
            continue
        n = reader.period_counts(flt, resolved)
        out.append(
            ClaimComparison(
                **base, status=COMPARED, filter=flt, events=n["events"], subjects=n["subjects"],
                spanning=n["spanning"], undated=n["undated"], registry_unit=resolved,
            )
        )  # fmt: skip
    return out


def claim_records(reg: Registry, comparison: ClaimComparison, limit: int | None = 100) -> list[int]:
    """Ids of the records behind the registry's count for one claim."""
    if comparison.filter is None:
        return []
    return open_analysis(reg).records(comparison.filter, limit=limit)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
