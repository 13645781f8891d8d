"""Partial and uncertain dates as the sources write them, held as EDTF with sortable bounds.

Sources say "в июле 1956 г.", "1924.1935" or "the second half of last year"; the registry keeps
the EDTF string (Library of Congress Extended Date/Time Format) and the earliest and latest day
it can mean, so that partial dates sort and filter without losing what the text said.

Reading running text is a heuristic with fixed limits, so that it stays fast and predictable:
years are 1000-2099 (a bare number without "г."/"года" must be 1600 or later to count as a
year), and two-digit years ("1.02.30 г.", "в 40-е гг.") are taken as the 1900s, as in the
Soviet-era sources Vigil reads. Relative phrases ("last year", "по настоящее время") are
resolved only when the caller gives the source's own date as `ref`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "PartialDate",
    "find_dates",
    "find_periods",
    "from_edtf",
    "parse_date",
    "to_russian",
]


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precise as its source: the EDTF text and the first and last day it can mean."""

    edtf: str
    lower: date
    upper: date

    def __str__(self) -> str:
        return self.edtf


DateHit = tuple[PartialDate, int, int]

# --------------------------------------------------------------------------- EDTF in

# One date of an interval: year (trailing digits may be X), then month or season, then day.
_EDTF_ONE = re.compile(
    r"(?P<y>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX|XXXX)"
    r"(?:-(?P<m>0[1-9]|1[0-2]|2[1-4]|XX)(?:-(?P<d>0[1-9]|[12][0-9]|3[01]|XX))?)?"
    r"(?P<q>[?~%]?)"
)
# EDTF seasons (21 spring .. 24 winter): first and last month; winter runs into the next year.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
_OPEN = ("", "..")


def _month_end(year: int, month: int) -> date:
    if month > 12:
        year, month = year + 1, month - 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _fixed_day(years: range, months: range, day: int, last: bool) -> date:
    """The first (or last) real date with this day of the month within the ranges."""
    ys, ms = (reversed(years), reversed(months)) if last else (years, months)
    ms = list(ms)
    for y in ys:
        for m in ms:
            if day <= calendar.monthrange(y, m)[1]:
                return date(y, m, day)
    raise ValueError(f"no such day: {day}")


def _one_bounds(text: str) -> tuple[date, date]:
    m = _EDTF_ONE.fullmatch(text)
    if m is None:
        raise ValueError(f"not an EDTF date: {text!r}")
    y, mo, d = m["y"], m["m"], m["d"]
    if "X" not in text and (mo is None or mo < "13"):  # the common case: a plain day, month, year
        year = int(y)
        if d is not None:
            day = date(year, int(mo), int(d))
            return day, day
        if mo is not None:
            return date(year, int(mo), 1), _month_end(year, int(mo))
        return date(year, 1, 1), date(year, 12, 31)
    ylo, yhi = max(1, int(y.replace("X", "0"))), int(y.replace("X", "9"))
    if yhi < 1:
        raise ValueError(f"year 0 is outside the range Vigil stores: {text!r}")
    if mo is not None and int(mo.replace("X", "0")) > 20:
        if d is not None:
            raise ValueError(f"a season has no day: {text!r}")
        first, last = _SEASON_MONTHS[int(mo)]
        return date(ylo, first, 1), _month_end(yhi, last)
    mlo, mhi = (1, 12) if mo in (None, "XX") else (int(mo), int(mo))
    if d is None or d == "XX":
        return date(ylo, mlo, 1), _month_end(yhi, mhi)
    day = int(d)
    if day > max(calendar.monthrange(2000, n)[1] for n in range(mlo, mhi + 1)):
        raise ValueError(f"no such day: {text!r}")
    years, months = range(ylo, yhi + 1), range(mlo, mhi + 1)
    return _fixed_day(years, months, day, last=False), _fixed_day(years, months, day, last=True)


def from_edtf(text: str) -> PartialDate:
    """Read EDTF: a day, month, season or year (X for unknown digits, ? ~ % qualifiers) or A/B.

    Open interval ends ("1935/..", "/1936") take the earliest and latest dates Python holds.
    """
    s = text.strip()
    if "/" not in s:
        lower, upper = _one_bounds(s)
        return PartialDate(s, lower, upper)
    a, _, b = s.partition("/")
    if "/" in b or (a in _OPEN and b in _OPEN):
        raise ValueError(f"not an EDTF interval: {text!r}")
    lower = date.min if a in _OPEN else _one_bounds(a)[0]
    upper = date.max if b in _OPEN else _one_bounds(b)[1]
    if upper < lower:
        raise ValueError(f"interval ends before it starts: {text!r}")
    return PartialDate(s, lower, upper)


# --------------------------------------------------------------------------- words

_RU_MONTHS = (
    ("январь", "января", "январе", "янв"),
    ("февраль", "февраля", "феврале", "февр", "фев"),
    ("март", "марта", "марте", "мар"),
    ("апрель", "апреля", "апреле", "апр"),
    ("май", "мая", "мае"),
    ("июнь", "июня", "июне", "июн"),
    ("июль", "июля", "июле", "июл"),
    ("август", "августа", "августе", "авг"),
    ("сентябрь", "сентября", "сентябре", "сент", "сен"),
    ("октябрь", "октября", "октябре", "окт"),
    ("ноябрь", "ноября", "ноябре", "нояб", "ноя"),
    ("декабрь", "декабря", "декабре", "дек"),
)
_EN_MONTHS = (
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
)  # fmt: skip
_MONTH = {f.lower(): n for table in (_RU_MONTHS, _EN_MONTHS) for n, fs in enumerate(table, 1)
          for f in fs}  # fmt: skip
_SEASON = {
    **dict.fromkeys(("весной", "весною", "весна", "весны", "весне", "весну"), 21),
    **dict.fromkeys(("летом", "лето", "лета"), 22),
    **dict.fromkeys(("осенью", "осень", "осени"), 23),
    **dict.fromkeys(("зимой", "зимою", "зима", "зимы", "зиме", "зиму"), 24),
    "spring": 21, "summer": 22, "autumn": 23, "winter": 24,
}  # fmt: skip
# Relative words: how many years (or months) from the source's own date.
_SHIFT = {
    "last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "following": 1,
    "прошл": -1, "это": 0, "текущ": 0, "нынешн": 0, "сего": 0, "сем": 0, "следующ": 1,
}  # fmt: skip
_ORDINAL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "четвёрт": 4, "последн": 4,
}  # fmt: skip
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _words(alternatives: str) -> str:
    """Space-separated alternatives whose first letter may be a capital ("Весной", "The"): the
    scanner is case-sensitive so that each branch starts with a class the engine skips fast."""
    out = []
    for alt in sorted(alternatives.split(), key=len, reverse=True):
        first = alt[0]
        out.append(f"[{first.upper()}{first}]{alt[1:]}" if first.islower() else alt)
    return "(?:" + "|".join(out) + ")"


def _trie(words: list[str], top: bool = True) -> str:
    """Words as a regex trie, so that matching costs a branch per letter rather than per word.
    A lower-case first letter may be a capital, and the rest of a word may be in capitals."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[:1], []).append(w[1:])
    branches = []
    for head, tails in sorted(heads.items()):
        if head:
            rest = _trie(tails, top=False)
            if top:  # the first letter may be a capital; the rest of the word any case
                first = f"[{head.upper()}{head}]" if head.islower() else re.escape(head)
                branches.append(f"{first}(?i:{rest})" if rest else first)
            else:
                branches.append(re.escape(head) + rest)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in heads:  # a word may end here; the longer words are tried first
        return f"(?:{body})?" if branches else ""
    return body


# --------------------------------------------------------------------------- the scanner

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_NOT_LETTER = r"(?![^\W\d_])"
_SFX = r"(?:\s*(?i:год(?:а|у|ах|ы|ов)?|гг?\.?)" + _NOT_LETTER + ")?"  # г., гг., года
_EN_MONTH = _trie([f for fs in _EN_MONTHS for f in fs])  # capitalised, as English writes them
_ANY_MONTH = _trie([f for fs in _EN_MONTHS + _RU_MONTHS for f in fs])


def _rel_word(name: str) -> str:
    return (
        rf"(?P<{name}>"
        + _words(
            "last previous this current next following прошл(?:ого|ом|ый) это(?:го|м|т) "
            "текущ(?:его|ем|ий) нынешн(?:его|ем|ий) сего сем следующ(?:его|ем|ий)"
        )
        + ")"
    )


def _year_or_rel(prefix: str) -> str:
    """A written year, or "last year" / "прошлого года" (groups `<prefix>y`, `<prefix>r`)."""
    return (
        rf"(?:(?P<{prefix}y>{_YEAR})(?![0-9]){_SFX}|(?:[Tt]he\s+)?{_rel_word(prefix + 'r')}"
        rf"\s+(?:year|года|году|год){_NOT_LETTER})"
    )


def _alt(name: str, body: str) -> str:
    return f"(?P<{name}>{body.replace('@', name + '_')})"


# Phrases that start with a digit. Each alternative is one named group; the scanner tries
# them in order at a position, so longer forms come first.
_DIGIT_FIRST = (
    # ISO 1937-10-05
    _alt("iso", rf"(?P<@y>{_YEAR})-(?P<@m>[0-9]{{2}})-(?P<@d>[0-9]{{2}})(?![0-9])"),
    # 1924.1935: a span of years as the notes write it
    _alt("ydot", rf"(?<!\.)(?P<@a>{_YEAR})\.(?P<@b>{_YEAR})(?![0-9]|\.[0-9]){_SFX}"),
    # 1930-х гг., 30-40-х, 1930s
    _alt(
        "dec",
        rf"(?:(?P<@a>(?:1[0-9]|20)?[0-9])0\s*[-–]\s*)?"
        rf"(?P<@b>(?:1[0-9]|20)?[0-9])0(?:\s*-\s*(?P<@ru>х|е|ые|ых)|(?P<@en>'?s))"
        rf"(?P<@q>\?)?{_NOT_LETTER}{_SFX}",
    ),
    # 1917-31, 1918-19 гг.
    _alt(
        "yr2",
        rf"(?P<@a>{_YEAR})\s*(?P<@dash>[-–—])\s*(?P<@b>[0-9]{{2}})"
        rf"(?![0-9]|\.[0-9])(?![^\W\d_гГ]){_SFX}",
    ),
    # 25.12.1900, 1.02.30
    _alt(
        "num3",
        rf"(?<![0-9]\.)(?P<@d>[0-9]{{1,2}})\.(?P<@m>[0-9]{{1,2}})\."
        rf"(?P<@y>{_YEAR}|[0-9]{{2}})(?P<@q>\?)?(?![0-9]|\.[0-9]){_SFX}",
    ),
    # 09.1912
    _alt(
        "num2",
        rf"(?<![0-9]\.)(?P<@m>[0-9]{{1,2}})\.(?P<@y>{_YEAR})(?P<@q>\?)?"
        rf"(?![0-9]|\.[0-9]){_SFX}",
    ),
    # 21 октября 1938 г., 25 March 1936, 15 марта
    _alt(
        "dmy",
        rf"(?P<@d>[0-9]{{1,2}})(?:st|nd|rd|th|-?го)?\s*(?:of\s+)?"
        rf"(?P<@m>{_ANY_MONTH}){_NOT_LETTER}\.?"
        rf"(?:,?\s*(?P<@y>{_YEAR})(?P<@q>\?)?(?![0-9]){_SFX})?",
    ),
    # в 1935 г., 1937?, in 1935
    _alt(
        "yr",
        rf"(?P<@y>{_YEAR})(?P<@q>\?)?(?![0-9]|\.[0-9]|,[0-9]{{3}}(?![0-9]))"
        rf"(?P<@s>{_SFX})",
    ),
)
# Phrases that start with a word.
_WORD_FIRST = (
    # May 16, 1936; March 15
    _alt(
        "mdy",
        rf"(?P<@m>{_EN_MONTH}){_NOT_LETTER}\.?\s+(?P<@d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])"
        rf"(?:,?\s+(?P<@y>{_YEAR})(?P<@q>\?)?(?![0-9]))?",
    ),
    # в июле 1956 г., in July 1956
    _alt(
        "my",
        rf"(?P<@m>{_ANY_MONTH}){_NOT_LETTER}\.?,?\s*(?P<@y>{_YEAR})(?P<@q>\?)?(?![0-9]){_SFX}",
    ),
    # весной 1937 г., in the spring of 1937
    _alt(
        "sea",
        rf"(?P<@w>{_trie(list(_SEASON))}){_NOT_LETTER}\s*(?:of\s+)?"
        rf"(?P<@y>{_YEAR})(?P<@q>\?)?(?![0-9]){_SFX}",
    ),
    # the second half of last year, во второй половине 1937 г.
    _alt(
        "half",
        rf"(?P<@n>{_words('first second перв(?:ой|ая|ую) втор(?:ой|ая|ую)')})\s+"
        rf"(?:half|половин(?:е|ы|а|у)){_NOT_LETTER}\s+(?:of\s+)?" + _year_or_rel("@"),
    ),
    # the first quarter of 1937, в третьем квартале прошлого года
    _alt(
        "qtr",
        rf"(?P<@n>{_words('first second third fourth last перв втор трет четв[её]рт последн')}"
        rf"\w*)\s+(?:quarter|квартал[еау]?){_NOT_LETTER}\s+(?:of\s+)?" + _year_or_rel("@"),
    ),
    # last year, в прошлом году, this month
    _alt(
        "rel",
        _rel_word("@w") + rf"\s+(?P<@u>year|month|года|году|год|месяца|месяце|месяц){_NOT_LETTER}",
    ),
    # to the present day, по настоящее время: the source's own date
    _alt(
        "now",
        _words(
            r"present\s+(?:day|time|moment) this\s+day today nowadays сей\s+день сего\s+дня "
            r"настоящ(?:ее|его|ему|им)\s+(?:время|времени|момент[ау]?) наш(?:и|их)\s+дн(?:и|ей) "
            r"сегодняшн(?:ий|его)\s+д(?:ень|ня)"
        ),
    ),
    # в XX в.
    _alt("cent", rf"(?P<@r>[IVXХ]{{1,6}})\s*(?:в\.|век(?:а|е|у)?{_NOT_LETTER})"),
)
# A cheap look at the first character decides which alternatives to try, so that the scanner
# spends almost nothing where no date can start. Without a reference date, a phrase that starts
# with a word is worth trying only when a digit follows soon ("в июле 1956", "May 16").
_NEEDS_REF = ("rel", "now")
_WORD_ABS = "|".join(a for a in _WORD_FIRST if a[4:7] not in _NEEDS_REF and "cent" not in a[:9])
_WORD_REL = "|".join(a for a in _WORD_FIRST if a[4:7] in _NEEDS_REF)
_CENT = next(a for a in _WORD_FIRST if a.startswith("(?P<cent>"))
_DIGIT_ALTS = f"(?=[0-9])(?<![0-9№])(?:{'|'.join(_DIGIT_FIRST)})"
_WORD_START = r"(?=[^\W\d_])(?<![^\W\d_])"
_SCAN = re.compile(rf"{_DIGIT_ALTS}|{_WORD_START}(?:(?=\D{{1,30}}[0-9])(?:{_WORD_ABS})|{_CENT})")
_SCAN_REF = re.compile(rf"{_DIGIT_ALTS}|{_WORD_START}(?:{_WORD_ABS}|{_WORD_REL}|{_CENT})")
# Words kept in a phrase's span: "в июле 1956 г.", "in the spring of 1937", "the 1930s".
_LEAD = re.compile(r"(?<![^\W\d_])(?:(?:в|во|in)\s+(?:the\s+)?|the\s+)$", re.IGNORECASE)
_WORTH_SCANNING = re.compile(
    r"[0-9]|[IVXХ]\s*(?:в\.|век)"
)  # what every phrase read without `ref` holds
_DASH = re.compile(r"\s*[-–—]\s*")
_APPROX = re.compile(
    r"(?<![^\W\d_])(?:около|ок\.|примерно|приблизительно|circa|ca\.|c\.|about|around"
    r"|approximately)\s*$",
    re.IGNORECASE,
)
_FROM = re.compile(r"(?<![^\W\d_])(?P<w>from|between|since|с|со|от|между)\s+$", re.IGNORECASE)
_TO = re.compile(r"\s*(?:(?P<w>and|и)|to|till|until|through|по|до|[-–—])\s+", re.IGNORECASE)
_RELATIVE = frozenset(("half", "qtr", "rel", "now"))


# --------------------------------------------------------------------------- builders


def _ymd(y: int, m: int | None = None, d: int | None = None, q: str = "") -> PartialDate:
    if m is None:
        return PartialDate(f"{y:04d}{q}", date(y, 1, 1), date(y, 12, 31))
    if d is None:
        return PartialDate(f"{y:04d}-{m:02d}{q}", date(y, m, 1), _month_end(y, m))
    day = date(y, m, d)
    return PartialDate(f"{day.isoformat()}{q}", day, day)


def _span(a: PartialDate, b: PartialDate) -> PartialDate | None:
    """The interval from the start of `a` to the end of `b`, or None if it would run backwards."""
    if b.upper < a.lower:
        return None
    start, end = a.edtf.split("/")[0], b.edtf.split("/")[-1]
    return PartialDate(f"{start}/{end}", a.lower, b.upper)


def _year_of(ref: PartialDate | None) -> int | None:
    if ref is None or ref.lower.year != ref.upper.year:
        return None
    return ref.lower.year


def _shift(word: str) -> int:
    w = word.lower()
    for stem, n in _SHIFT.items():  # a dozen stems; the first that fits
        if w.startswith(stem):
            return n
    raise ValueError(word)


def _rel_year(m: re.Match[str], name: str, ref: PartialDate | None) -> int | None:
    y = m[f"{name}_y"]
    if y is not None:
        return int(y)
    base = _year_of(ref)
    return None if base is None else base + _shift(m[f"{name}_r"])


def _century(roman: str) -> int:
    values = [_ROMAN[c] for c in roman.replace("Х", "X")]
    n = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    if not 1 <= n <= 21:
        raise ValueError(roman)
    return n


def _build(kind: str, m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
    """The date one scanner match names; ValueError for impossible dates."""
    g = m.group
    p = kind + "_"
    if kind == "yr":
        return _ymd(int(g("yr_y")), q=g("yr_q") or "")
    if kind in ("dmy", "mdy", "my", "num3", "num2", "iso"):
        month = g(p + "m")
        mo = int(month) if month.isdigit() else _MONTH[month.lower()]
        day = g(p + "d") if kind not in ("my", "num2") else None
        year = g(p + "y")
        q = (g(p + "q") or "") if kind != "iso" else ""
        if year is not None and len(year) == 2:
            year = "19" + year
        if year is None:
            base = _year_of(ref)
            if base is None:
                return from_edtf(f"XXXX-{mo:02d}-{int(day):02d}")
            year = str(base)
        try:
            return _ymd(int(year), mo, int(day) if day else None, q)
        except ValueError:
            if day is None or not 1 <= mo <= 12:
                raise
            return _ymd(int(year), mo, q=q)  # "31 июня", "00.11.1946": the month still holds
    if kind == "sea":
        return from_edtf(f"{g('sea_y')}-{_SEASON[g('sea_w').lower()]}{g('sea_q') or ''}")
    if kind == "ydot":
        return _span(_ymd(int(g("ydot_a"))), _ymd(int(g("ydot_b"))))
    if kind == "yr2":
        a = int(g("yr2_a"))
        b = a // 100 * 100 + int(g("yr2_b"))
        if b > a:
            return _span(_ymd(a), _ymd(b))
        if g("yr2_dash") == "-" and 1 <= b % 100 <= 12:
            return _ymd(a, b % 100)
        return _ymd(a)
    if kind == "dec":
        a, b = g("dec_a"), g("dec_b")
        if g("dec_en") and len(b) != 3:
            return None  # "the 30s" may be an age
        if len(b) == 1:
            b = (a[:-1] if a and len(a) == 3 else "19") + b
        q = g("dec_q") or ""
        end = from_edtf(f"{b}X{q}")
        if a is None:
            return end
        if len(a) == 1:
            a = b[:2] + a
        return _span(from_edtf(f"{a}X"), end)
    if kind == "cent":
        return from_edtf(f"{_century(g('cent_r')) - 1:02d}XX")
    return _build_relative(kind, m, ref)


def _build_relative(kind: str, m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
    if kind == "now":
        return ref
    if kind == "rel":
        base = _year_of(ref)
        if base is None or ref is None:
            return None
        n = _shift(m["rel_w"])
        if m["rel_u"].lower().startswith(("y", "г")):
            return _ymd(base + n)
        if ref.lower.month != ref.upper.month:
            return None
        months = base * 12 + ref.lower.month - 1 + n
        return _ymd(months // 12, months % 12 + 1)
    y = _rel_year(m, kind, ref)
    if y is None:
        return None
    number = m[f"{kind}_n"].lower()
    n = next(v for stem, v in _ORDINAL.items() if number.startswith(stem))
    size = 6 if kind == "half" else 3
    first = (n - 1) * size + 1
    return _span(_ymd(y, first), _ymd(y, first + size - 1))


def _qualify(pd: PartialDate, mark: str) -> PartialDate:
    edtf = pd.edtf
    if edtf[-1] in "?~%":
        mark = "%" if {edtf[-1], mark} == {"?", "~"} else edtf[-1]
        edtf = edtf[:-1]
    return PartialDate(edtf + mark, pd.lower, pd.upper)


# --------------------------------------------------------------------------- reading text


def find_dates(text: str, ref: PartialDate | None = None) -> list[DateHit]:
    """Every date phrase in `text`, in order, with its span; never raises.

    Ranges written compactly ("1924.1935", "1918-1919 гг.", "22.08.1951-31.12.1955") come back
    as one interval. Relative phrases ("last year") are found only when `ref` is given.
    """
    if ref is None and not _WORTH_SCANNING.search(text):
        return []
    hits: list[DateHit] = []
    joinable = False  # whether the previous hit may start a dashed range
    for m in (_SCAN if ref is None else _SCAN_REF).finditer(text):
        kind = m.lastgroup or ""
        start, end = m.span()
        spaced = start > 0 and text[start - 1].isspace()  # words before a date need a space
        lead = _LEAD.search(text, max(0, start - 8), start) if spaced else None
        if kind == "yr" and lead is None and not m["yr_s"] and int(m["yr_y"]) < 1600:
            joinable = False
            continue  # a bare number without "в"/"г.": more likely a count
        try:
            pd = _build(kind, m, ref)
        except (ValueError, KeyError, StopIteration):
            pd = None
        if pd is None:
            joinable = False
            continue
        if lead is not None:
            start = lead.start()
        single = kind not in _RELATIVE and "/" not in pd.edtf
        if single and start > 0 and (text[start - 1].isspace() or text[start - 1] == "."):
            approx = _APPROX.search(text, max(0, start - 16), start)
            if approx:
                pd, start = _qualify(pd, "~"), approx.start()
        if single and joinable and _DASH.fullmatch(text, hits[-1][2], start):
            prev, prev_start, _ = hits[-1]
            merged = _span(prev, pd)
            if merged is not None:
                hits[-1] = (merged, prev_start, end)
                joinable = False
                continue
        hits.append((pd, start, end))
        joinable = single
    return hits


def find_periods(text: str, ref: PartialDate | None = None) -> list[DateHit]:
    """Like find_dates, but "from X to Y", "с X по Y", "between X and Y" and "since X" (with
    `ref`) become one interval spanning the whole phrase."""
    hits = find_dates(text, ref)
    out: list[DateHit] = []
    i = 0
    while i < len(hits):
        pd, start, end = hits[i]
        opener = _FROM.search(text, max(0, start - 10), start)
        to = _TO.fullmatch(text, end, hits[i + 1][1]) if opener and i + 1 < len(hits) else None
        if to and bool(to["w"]) == (opener["w"].lower() in ("between", "между")):
            merged = _span(pd, hits[i + 1][0])
            if merged is not None:
                out.append((merged, opener.start(), hits[i + 1][2]))
                i += 2
                continue
        if opener and opener["w"].lower() == "since" and ref is not None:
            since = _span(pd, ref)
            if since is not None:
                pd, start = since, opener.start()
        out.append((pd, start, end))
        i += 1
    return out


def parse_date(text: str, ref: PartialDate | None = None) -> PartialDate | None:
    """The date (or period) a phrase names, or None; `ref` is the source's own date, which
    relative phrases ("the second half of last year", "to the present day") are read against."""
    hits = find_periods(text, ref)
    return hits[0][0] if hits else None


# --------------------------------------------------------------------------- Russian out

_RU_GEN = tuple(forms[1] for forms in _RU_MONTHS)
_RU_NOM = tuple(forms[0] for forms in _RU_MONTHS)
_RU_PREP = tuple(forms[2] for forms in _RU_MONTHS)
_RU_SEASON = {  # in (when), genitive (from), accusative (until)
    21: ("весной", "весны", "весну"),
    22: ("летом", "лета", "лето"),
    23: ("осенью", "осени", "осень"),
    24: ("зимой", "зимы", "зиму"),
}
_CASES = {"in": 0, "gen": 1, "acc": 2}


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _ru_one(edtf: str, case: str) -> str:
    m = _EDTF_ONE.fullmatch(edtf)
    if m is None:
        return edtf
    y, mo, d, q = m["y"], m["m"], m["d"], m["q"]
    if "~" in q or "%" in q:
        case, prefix = "gen", "около "
    else:
        prefix = ""
    mark = "?" if q in ("?", "%") else ""
    c = _CASES[case]
    if mo == "XX":
        mo, d = None, None
    if d == "XX":
        d = None
    if y == "XXXX":
        if mo and d and int(mo) <= 12:
            return f"{prefix}{int(d)} {_RU_GEN[int(mo) - 1]}"
        return edtf
    if "X" in y:
        if mo is not None:
            return edtf
        if y.endswith("XX") and not y.endswith("XXX"):
            return f"{prefix}{'в ' if c == 0 else ''}{_roman(int(y[:2]) + 1)}{mark} в."
        if y.count("X") == 1:
            ending = ("х", "х", "е")[c]
            return f"{prefix}{'в ' if c == 0 else ''}{y[:3]}0-{ending}{mark} гг."
        return edtf
    if mo is None:
        return f"{prefix}{'в ' if c == 0 else ''}{y}{mark} г."
    month = int(mo)
    if month > 20:
        return f"{prefix}{_RU_SEASON[month][c]} {y}{mark} г."
    if d is not None:
        return f"{prefix}{int(d)} {_RU_GEN[month - 1]} {y}{mark} г."
    word = (f"в {_RU_PREP[month - 1]}", _RU_GEN[month - 1], _RU_NOM[month - 1])[c]
    return f"{prefix}{word} {y}{mark} г."


_PLAIN_YEAR = re.compile(r"[0-9]{4}")


def to_russian(pd: PartialDate) -> str:
    """The date as a Russian source would write it ("21 октября 1938 г.", "в июле 1956 г.").

    For every closed date find_dates reads back, parse_date(to_russian(pd)) == pd.
    """
    a, slash, b = pd.edtf.partition("/")
    if not slash:
        return _ru_one(a, "in")
    if a in _OPEN:
        return f"по {_ru_one(b, 'acc')}"
    if b in _OPEN:
        return f"с {_ru_one(a, 'gen')}"
    if _PLAIN_YEAR.fullmatch(a) and _PLAIN_YEAR.fullmatch(b):
        return f"в {a}–{b} гг."
    return f"с {_ru_one(a, 'gen')} по {_ru_one(b, 'acc')}"
