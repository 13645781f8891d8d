"""Arguments checked against the registry's own thesaurus, so a typo is an error, not a zero."""

from __future__ import annotations

from collections.abc import Iterable

from vigil.errors import VigilError
from vigil.store.analysis import AnalysisReader, EventFilter

CHOICES = {"unit": ("auto", "person", "record"), "period": ("year", "month")}


def known(reader: AnalysisReader, kind: str, codes: Iterable[str], what: str) -> None:
    codes = list(codes)
    if not codes:
        return
    valid = reader.codes(kind)
    for code in codes:
        if code not in valid:
            raise VigilError(f"unknown {what} {code!r}; known: {', '.join(valid)}")


def choice(name: str, value: str) -> None:
    if value not in CHOICES[name]:
        raise VigilError(f"unknown {name} {value!r}: {' or '.join(CHOICES[name])}")


def event_filter(reader: AnalysisReader, flt: EventFilter) -> None:
    known(reader, "event-type", flt.types, "event type")
    known(reader, "category", flt.categories, "category")
    if flt.since and flt.until and flt.since > flt.until:
        raise VigilError(f"the range ends ({flt.until}) before it starts ({flt.since})")
