"""The small vocabulary of Memorial's notes, shared by the line and the prose parsers.

Dates as these notes write them (the plain phrases read without dates.py, a decree's date
skipped), clause cleaning, and what a short clause is: a nationality, a party status, an
education, a deciding body, a name.
Kept apart so that the parsers stay a plain dispatch over labels.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from vigil.dates import PartialDate, find_dates

DateHit = tuple[PartialDate, int, int]

# A date after "от" or "№" is a decree's or a file's, not the event's.
_REFERENCE = re.compile(r"(?:\bот|№|N)\s*$")
# No date phrase these notes use is without four digits or a dotted day.
_MAYBE_DATE = re.compile(r"\d{4}|\d\.\d{1,2}\.\d\d")
# Something a reader would take for a date: a year of the period, or a dotted day.
_DATE_LIKE = re.compile(r"(?<!\d)(?:1[89]\d\d|20[0-2]\d)(?!\d)|\d{1,2}\.\d{1,2}\.\d{2,4}")


def has_digits(text: str) -> bool:
    """Cheap test before a date search: no date phrase here is without four digits."""
    return _MAYBE_DATE.search(text) is not None


def dates_in(text: str) -> list[DateHit]:
    """Event dates in `text`, in order: readable, of the period, not a decree's or a file's."""
    if not _MAYBE_DATE.search(text):
        return []
    return list(_dates_in(text))


@lru_cache(maxsize=1 << 15)
def _dates_in(text: str) -> tuple[DateHit, ...]:
    """Cached: the same date phrases ("в 1931 г.", "12 декабря 1931 г.") recur note after note."""
    try:
        found = find_dates(text)
    except ValueError:  # a date phrase dates.py cannot build: the text is kept anyway
        found = []
    out = []
    for d, s, e in found:
        if not 1800 <= d.lower.year <= 2030:
            continue
        if (s > 0 and text[s - 1].isdigit()) or (e < len(text) and text[e].isdigit()):
            continue  # part of a longer number: a file or wagon number
        if _REFERENCE.search(text, max(0, s - 4), s):
            continue
        out.append((d, s, e))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def first_date(text: str) -> DateHit | None:
    """The first event date in `text`; the common plain phrases are read without dates.py.
    Cached: "в 1931 г." and "7 марта 1932 г." recur note after note."""
    if not _MAYBE_DATE.search(text):
        return None
    m = _FAST_LEAD.match(text)
    if m is None:
        m = _FAST_TAIL.search(text, max(0, len(text) - 40))
        if m is not None and (
            _MAYBE_DATE.search(text, 0, m.start())
            or _QUALIFIED.search(text, max(0, m.start() - 16), m.start())
        ):
            m = None  # another date before it, or "от", "около", "по" that change its reading
    if m is not None:
        hit = _fast(m)
        if hit is not None:
            return hit
    hits = dates_in(text)
    return hits[0] if hits else None


_MONTH_WORDS = {
    w: n
    for n, forms in enumerate(
        (
            "январь января январе", "февраль февраля феврале", "март марта марте",
            "апрель апреля апреле", "май мая мае", "июнь июня июне", "июль июля июле",
            "август августа августе", "сентябрь сентября сентябре", "октябрь октября октябре",
            "ноябрь ноября ноябре", "декабрь декабря декабре",
        ),
        start=1,
    )
    for w in forms.split()
}  # fmt: skip
_PLAIN = (
    rf"(?P<date>(?:(?:в\s+)?(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{'|'.join(_MONTH_WORDS)})\s+|в\s+)?"
    r"(?P<year>\d{4})(?:\s*(?:г\.|года|г\b))?"
    r"|(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<yyyy>\d{4})(?:\s*г\.)?)"
)
# A plain date phrase alone at the start, or alone at the end, of a clause: by far the most
# common case, and one whose reading cannot depend on what is around it.
_FAST_LEAD = re.compile(
    rf"\s*{_PLAIN}(?=[\s,.;:]*(?:$|[«\"(]|[^\W\d_]{{3}}))(?![\s,.;:]*(?:или|годы|гг)\b)", re.I
)
_QUALIFIED = re.compile(
    r"(?:\bот|№|N|около|ок\.|примерно|приблизительно|не позднее|не ранее|\bдо|после|\bс|\bпо|"
    r"между|\bи|или|[-–—/])\s*$",
    re.I,
)
_FAST_TAIL = re.compile(rf"(?<![\w.\-–/]){_PLAIN}(?=[\s,.;:]*$)", re.I)


@lru_cache(maxsize=1 << 15)
def _plain(year: int, month: int | None, day: int | None) -> PartialDate | None:
    """A year, month or day as PartialDate, without going through EDTF text."""
    try:
        if month is None:
            return PartialDate(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return PartialDate(
                f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last)
            )
        d = date(year, month, day)
    except ValueError:
        return None
    return PartialDate(d.isoformat(), d, d)


def _fast(m: re.Match[str]) -> DateHit | None:
    if m["yyyy"]:
        year, month, day = int(m["yyyy"]), int(m["mm"]), int(m["dd"])
        if not 1 <= month <= 12:
            return None
    else:
        year = int(m["year"])
        month = _MONTH_WORDS[m["month"].lower()] if m["month"] else None
        day = int(m["day"]) if m["day"] else None
    if not 1800 <= year <= 2030:
        return None
    d = _plain(year, month, day)
    if d is None:
        return None
    return (d, m.start("date"), m.end("date"))


def date_like(text: str) -> bool:
    """Whether the text seems to hold a date that was not read (worth a warning)."""
    return bool(_DATE_LIKE.search(text))


_WS = re.compile(r"\s+")


def words(text: str) -> frozenset[str]:
    """A set of words written as one string, for the word lists below and in the parsers."""
    return frozenset(text.split())


# Words written with a full stop that the cleaned value must keep.
_ABBREV = words(
    "обл кр г гор губ окр у р с сел д дер п пос ст ул пер пр им х хут пгт кв див отд полк "
    "нп ао с/с сс тов св ж.д т.д т.п гг др ср н/ср нач мл ст-цы ст-ца вкл ед"
)


@lru_cache(maxsize=1 << 15)
def clean(text: str) -> str:
    """A field value: spaces collapsed, separators and doubled full stops trimmed."""
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        text = _WS.sub(" ", text)
    s = text.strip(" ,;:-–—")
    if s.endswith("."):
        s = s.rstrip(".")
        tokens = s.rsplit(None, 1)
        last = tokens[-1].rsplit(".", 1)[-1] if tokens else ""
        s = s.rstrip(" ,;")
        if last and (last.lower() in _ABBREV or (len(last) == 1 and last.isalpha())):
            s += "."
    return s


def clean_or_none(text: str) -> str | None:
    s = clean(text)
    return s or None


_NATIONS = (
    "русск|русы|великорос|малорос|украин|белорус|поляк|поляч|польк|евре|немец|немк|немц|татар|"
    "казах|казак|башкир|чуваш|латыш|латгал|литов|эстон|финн|финк|карел|мордв|мордов|эрзя|мокша|"
    "удмурт|вотяк|мари|черемис|коми|зырян|пермяк|бурят|калмык|армян|грузин|азербайджан|тюрк|"
    "узбек|туркмен|таджик|киргиз|каракалпак|осетин|ингуш|чечен|кабардин|балкар|карачаев|черкес|"
    "адыг|абхаз|кумык|лезгин|авар|даргин|лакец|ногаец|ногайк|грек|гречанк|болгар|румын|молдав|"
    "молдован|венгр|венгерк|мадьяр|чех|чешк|словак|серб|хорват|словен|австри|швед|норвеж|датчан|"
    "голланд|бельги|француз|итальян|испан|англичан|американ|швейцар|японец|японк|японц|китаец|"
    "китаянк|китайц|корее|кореец|кореянк|корейц|монгол|перс|иранец|иранк|иранц|иракц|афганец|"
    "турок|турк|турец|курд|айсор|ассири|цыган|якут|саха|эвенк|эвен|тунгус|ненец|ненк|ненц|ханты|"
    "манси|хакас|алтаец|алтайк|алтайц|ойрот|шорец|тувин|чукч|коряк|ительмен|нанаец|нанайк|"
    "ороч|удэгеец|нивх|гиляк|ижор|вепс|саам|лопар|караим|крымчак|гагауз|уйгур|дунган|таранч|"
    "талыш|кряшен|мещеряк|тептяр|эстонк|литовк|латышк|карачай|кумычк|персиянк|араб|индус|"
    "афганк|мухалиджан|тавлин|аджарец|мегрел|сван|лазы"
)
_NATIONALITY = re.compile(
    rf"(?:[а-яё]+(?:ий|ый|ая|ой)\s+)?(?:{_NATIONS})[а-яё-]*(?:\s*\([^)]*\))?", re.I
)
_ONE_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?(?:\s*\([^)]*\))?")
# A party status: stems looked for in the lower-cased clause.
_PARTY_STEMS = (
    "б/п", "б. п", "беспарт", "член", "чл.", "канд", "вкп", "ркп", "кпсс", "влксм", "рсдрп",
    "кп(б)", "кп (б)", "компарт", "партии", "партия", "партию", "партией", "эсер", "с.-р",
    "социал", "анархист", "меньшевик", "большевик", "бунд", "сионист", "мнрп", "комсомол", "искл",
)  # fmt: skip
_EDUCATION = re.compile(
    r"(?:образован|грамотн|неграмотн|малограмотн|полуграмотн|безграмотн|окончил|учил|самоучк|"
    r"без образован|неоконч|незаконч|высшее|среднее|начальное|низшее|н/ср|н/нач)",
    re.I,
)
_SUBJECT = re.compile(r"(?:подданств|гражданств|гражданин|гражданка|подданн)", re.I)


@lru_cache(maxsize=4096)
def clause_kind(text: str) -> str | None:
    """What a short clause of a birth line or header is: nationality, party, education, subject."""
    s = text.strip()
    if _EDUCATION.match(s):
        return "education"
    if _SUBJECT.match(s):
        return "subject"
    low = s.lower()
    if any(stem in low for stem in _PARTY_STEMS):
        return "party"
    if _NATIONALITY.fullmatch(s):
        return "nationality"
    return None


def one_word(text: str) -> bool:
    """A single lower-case word: in a birth line's fixed order, the nationality slot."""
    return bool(_ONE_WORD.fullmatch(text.strip()))


# A deciding or arresting body, as the notes name it: abbreviations (tested as written),
# word stems (tested in lower case), and two-letter abbreviations that need word boundaries.
_ORGAN_ABBREVIATIONS = (
    "НКВД", "ОГПУ", "ГПУ", "ЧК", "УГБ", "НКГБ", "МГБ", "МВД", "КГБ", "УВД", "СПО", "ЭКО", "ЭКУ",
    "ВКВС", "ВК ВС", "ПВС", "РИК", "ЦИК", "СНК", "РВК", "НКЮ", "ГУЛАГ",
)  # fmt: skip
_ORGAN_STEMS = (
    "сельсовет", "с/с", "милиц", "прокур", "суд", "трибунал", "тройк", "двойк", "комисси",
    "совещани", "коллеги", "президиум", "отдел", "управлен", "исполком", "собрани", "ревком",
    "штаб", "комендатур", "военкомат", "комитет", "орган", "власт",
)  # fmt: skip
_ORGAN_SHORT = re.compile(r"(?<![А-ЯЁ])(?:РО|ГО|ОО|ИЦ|ПП|ОСО|ОС|ВТ|ВС)(?![А-ЯЁа-яё])")


@lru_cache(maxsize=1 << 13)  # the same bodies recur: "ВКВС СССР", "Калининским облсудом"
def is_organ(text: str) -> bool:
    """Whether the text names a deciding or arresting body ("тройка", "Вольским РО НКВД")."""
    if any(a in text for a in _ORGAN_ABBREVIATIONS):
        return True
    low = text.lower()
    return any(s in low for s in _ORGAN_STEMS) or bool(_ORGAN_SHORT.search(text))


# Inside a name word, combining accents (е + U+0308 is ё; stress marks) and the invisible
# characters a copied text carries (zero-width space and joiners, direction marks): they must
# not keep the name from being read; name keys ignore them (vigil.names.text).
_IN_WORD = "А-ЯЁа-яё\u0300-\u036f\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
NAME_WORD = rf"[А-ЯЁ][{_IN_WORD}]*(?:-[{_IN_WORD}]+)*"  # "Иванов", "ИВАНОВ", "Иванов-Петров"
NAME = re.compile(
    rf"(?P<surname>{NAME_WORD})\s+(?P<given>{NAME_WORD})(?:\s+(?P<patronymic>{NAME_WORD}))?"
)
_PATRONYMIC_ENDINGS = ("ич", "вна", "чна", "оглы", "кызы", "улы", "уулу")


def is_patronymic(word: str | None) -> bool:
    """ "Петрович", "Ильич", "Сергеевна", "Ильинична", "Мамед оглы"."""
    return word is not None and word.lower().endswith(_PATRONYMIC_ENDINGS)
