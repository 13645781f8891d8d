"""Partial and uncertain dates as the sources write them, held as EDTF with sortable bounds.

Sources say "в июле 1956 г.", "1924.1935" or "the second half of last year"; the registry keeps
the EDTF string (Library of Congress Extended Date/Time Format) and the earliest and latest day
it can mean, so that partial dates sort and filter without losing what the text said.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class PartialDate:
    edtf: str
    lower: date
    upper: date

    def __str__(self) -> str:
        return self.edtf


_YMD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%]?)$")


def _simple(year: int, month: int | None = None, day: int | None = None, q: str = "") -> PartialDate:
    if month is None:
        return PartialDate(f"{year:04d}{q}", date(year, 1, 1), date(year, 12, 31))
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return PartialDate(f"{year:04d}-{month:02d}{q}", date(year, month, 1), date(year, month, last))
    d = date(year, month, day)
    return PartialDate(f"{d.isoformat()}{q}", d, d)


def from_edtf(text: str) -> PartialDate:
    """Read an EDTF string (a day, month or year, optionally qualified, or an interval)."""
    s = text.strip()
    if "/" in s:
        a, b = s.split("/", 1)
        lo, hi = from_edtf(a), from_edtf(b)
        if hi.upper < lo.lower:
            raise ValueError(f"interval ends before it starts: {text!r}")
        return PartialDate(s, lo.lower, hi.upper)
    m = _YMD.match(s)
    if not m:
        raise ValueError(f"not an EDTF date: {text!r}")
    y, mo, d, q = m.groups()
    return _simple(int(y), int(mo) if mo else None, int(d) if d else None, q)


_MONTHS_RU = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_RU = r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"


def _month_ru(word: str) -> int:
    w = word.lower()
    for stem, n in sorted(_MONTHS_RU.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return n
    raise ValueError(word)


_RU_DAY = re.compile(rf"(\d{{1,2}})\s+{_MONTH_RU}\s+(\d{{4}})\s*(?:г\.?|года)?", re.I)
_RU_MONTH = re.compile(rf"(?:в\s+)?{_MONTH_RU}\s+(\d{{4}})\s*(?:г\.?|года)?", re.I)
_NUM_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEAR = re.compile(r"(?:в\s+)?(\d{4})\s*(?:г\.?|года)?")


def find_dates(text: str) -> list[tuple[PartialDate, int, int]]:
    """Every date phrase in `text`, in order, with its span."""
    found: list[tuple[PartialDate, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, build in (
        (_RU_DAY, lambda m: _simple(int(m[3]), _month_ru(m[2]), int(m[1]))),
        (_NUM_DAY, lambda m: _simple(int(m[3]), int(m[2]), int(m[1]))),
        (_RU_MONTH, lambda m: _simple(int(m[2]), _month_ru(m[1]))),
        (_YEAR, lambda m: _simple(int(m[1]))),
    ):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            try:
                found.append((build(m), m.start(), m.end()))
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
    found.sort(key=lambda t: t[1])
    return found


def parse_date(text: str, ref: PartialDate | None = None) -> PartialDate | None:
    """The date a whole phrase names, or None; `ref` is the writing date for relative phrases."""
    hits = find_dates(text)
    return hits[0][0] if hits else None
