"""A person as their sources describe them: names, facts and a timeline, each fact cited.

Nothing is reconciled here. Where records agree, a value is shown once with all the records
that give it; where they disagree, every value is shown with its own citations and marked as a
conflict, so a reader sees what each source says instead of a guess. Pure: it works on the
plain dicts `Registry.person_page` returns, so the web app and publication share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Fields a record gives about the person, in the order a page shows them.
FIELDS = (
    "birth",
    "birth_place",
    "sex",
    "nationality",
    "party",
    "occupation",
    "residence",
    "document",
)
# Things that happen to a person once: two different dates of them contradict each other.
ONCE = frozenset(("execution", "death"))


@dataclass(slots=True)
class Citation:
    """Where a fact is written: the record, its source and locator, and the span to link to."""

    record: int
    source: int
    source_title: str
    locator: str | None
    entry: int
    source_page: int
    anchor: str  # the element id on the source page


@dataclass(slots=True)
class Value:
    value: str
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    field: str
    values: list[Value]
    conflict: bool = False


@dataclass(slots=True)
class Attestation:
    """One source's account of an event: its own details, cited."""

    place: str | None
    authority: str | None
    category: str | None
    charge: str | None
    detail: str | None
    citation: Citation


@dataclass(slots=True)
class Moment:
    """An event on the timeline: a type and a date, and every source that attests it."""

    type: str
    date: str | None
    lower: str | None
    upper: str | None
    attestations: list[Attestation] = field(default_factory=list)
    conflict: bool = False


@dataclass(slots=True)
class Profile:
    names: list[Value]
    variants: list[Value]
    facts: list[Fact]
    timeline: list[Moment]

    @property
    def conflicts(self) -> int:
        return sum(f.conflict for f in self.facts) + sum(m.conflict for m in self.timeline)


def cite(rec: dict[str, Any], anchor: str | None = None) -> Citation:
    return Citation(
        record=rec["id"],
        source=rec["source_id"],
        source_title=rec["source_title"],
        locator=rec["locator"],
        entry=rec["entry"],
        source_page=rec["source_page"],
        anchor=anchor or f"record-{rec['id']}",
    )


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _collect(pairs: list[tuple[str, Citation]]) -> list[Value]:
    """Distinct values (ignoring case and spacing) in first-seen order, with their citations."""
    out: dict[str, Value] = {}
    for value, citation in pairs:
        out.setdefault(_norm(value), Value(value)).citations.append(citation)
    return list(out.values())


def _disjoint(bounds: list[tuple[str | None, str | None]]) -> bool:
    """Two of these date ranges cannot both be true: they share no day."""
    known = [(lo, hi) for lo, hi in bounds if lo and hi]
    return any(a_hi < b_lo or b_hi < a_lo for a_lo, a_hi in known for b_lo, b_hi in known)


def build(dossier: dict[str, Any]) -> Profile:
    """Names, facts and timeline of a person from their records and events."""
    records = dossier["records"]
    by_id = {r["id"]: r for r in records}
    names = _collect([(r["name_written"], cite(r)) for r in records if r.get("name_written")])
    variants = _collect(
        [(v, cite(r)) for r in records for v in (r.get("variants") or []) if isinstance(v, str)]
    )
    facts = []
    for name in FIELDS:
        given = [r for r in records if r.get(name)]
        if not given:
            continue
        values = _collect([(str(r[name]), cite(r)) for r in given])
        if name == "birth":
            bounds = {_norm(r["birth"]): (r["birth_lower"], r["birth_upper"]) for r in given}
            conflict = _disjoint(list(bounds.values()))
        elif name == "sex":
            conflict = len(values) > 1
        else:
            conflict = (
                False  # free text: spellings, scripts and detail differ without contradiction
            )
        facts.append(Fact(name, values, conflict))
    timeline: dict[tuple[str, str | None], Moment] = {}
    for ev in dossier["events"]:
        rec = by_id[ev["record_id"]]
        moment = timeline.setdefault(
            (ev["type"], ev["date"]),
            Moment(ev["type"], ev["date"], ev["date_lower"], ev["date_upper"]),
        )
        moment.attestations.append(
            Attestation(
                place=ev["place"],
                authority=ev["authority"],
                category=ev["category"],
                charge=ev["charge"],
                detail=ev["detail"],
                citation=cite(rec, f"event-{ev['id']}" if ev["span_start"] is not None else None),
            )
        )
    moments = list(timeline.values())
    for kind in ONCE:
        dated = [m for m in moments if m.type == kind and m.lower]
        if _disjoint([(m.lower, m.upper) for m in dated]):
            for m in dated:
                m.conflict = True
    return Profile(names=names, variants=variants, facts=facts, timeline=moments)
