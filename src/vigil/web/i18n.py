"""The interface in Russian and English: strings, term labels, dates, and choosing a language.

The language comes from `?lang=` (which also sets a cookie), then the cookie, then the
browser's Accept-Language, and is Russian by default: most sources and most readers are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from vigil.thesaurus import TERMS

LANGUAGES = ("ru", "en")
DEFAULT = "ru"
COOKIE = "lang"

STRINGS: dict[str, dict[str, str]] = {
    "ru": {
        "site": "Vigil",
        "tagline": "Реестр политических преследований по их источникам",
        "skip": "К содержанию",
        "nav.search": "Поиск",
        "nav.sources": "Источники",
        "nav.api": "API",
        "switch": "English",
        "switch.title": "Switch to English",
        "search.title": "Поиск по имени",
        "search.name": "Фамилия, имя, отчество (в любом написании)",
        "search.hint": "Троцкий, Trotzki и Trotsky найдут одного человека.",
        "search.filters": "Уточнить",
        "search.event": "Событие",
        "search.any": "любое",
        "search.year_from": "С года",
        "search.year_to": "По год",
        "search.place": "Место",
        "search.authority": "Орган",
        "search.category": "Категория (как у преследователей)",
        "search.submit": "Найти",
        "search.found": "Найдено: {total}",
        "search.more": "Найдено больше {total}; уточните поиск.",
        "search.none": "Никого не найдено.",
        "search.fuzzy": "Такого написания нет; показаны похожие по звучанию фамилии.",
        "search.not_understood": "Не удалось разобрать имя. Введите хотя бы фамилию.",
        "search.unlinked": "запись ещё не связана с человеком",
        "search.records": "записей: {n}, источников: {m}",
        "search.matches": "Совпадения",
        "page.prev": "← Назад",
        "page.next": "Далее →",
        "page.of": "Страница {page} из {pages}",
        "person.title": "Человек № {id}",
        "person.names": "Имя в источниках",
        "person.variants": "Варианты имени",
        "person.facts": "Сведения",
        "person.timeline": "События",
        "person.records": "Записи",
        "person.conflict": "источники расходятся",
        "person.conflicts": "Расхождений между источниками: {n}.",
        "person.no_events": "Записи не называют событий.",
        "record.title": "Запись № {id}",
        "record.text": "Текст источника",
        "record.person": "Человек",
        "record.unlinked": "Запись ещё не связана с другими.",
        "record.fields": "Поля",
        "record.events": "События",
        "source.title": "Источник № {id}",
        "source.meta": "Описание",
        "source.text": "Текст",
        "source.claims": "Утверждения",
        "source.quotes": "Цитаты",
        "source.kind": "Вид",
        "source.author": "Автор",
        "source.written": "Написан",
        "source.published": "Опубликован",
        "source.venue": "Издание",
        "source.locator": "Шифр / адрес",
        "source.language": "Язык",
        "source.file": "Файл",
        "source.sha256": "SHA-256",
        "source.records": "Записей",
        "source.legend": "Выделены: записи о людях, события, утверждения и цитаты.",
        "mark.claim": "утверждение",
        "mark.quote": "цитата",
        "sources.title": "Источники",
        "withheld": "[скрыто]",
        "withheld.note": (
            "Записи о людях, родившихся менее 100 лет назад, без даты смерти, скрыты: "
            "эти люди могут быть живы."
        ),
        "cite.entry": "запись {n}",
        "col.source": "Источник",
        "col.locator": "Место в источнике",
        "col.name": "Имя",
        "col.text": "Текст",
        "col.value": "Значение",
        "col.cited": "Источник",
        "field.birth": "Дата рождения",
        "field.birth_place": "Место рождения",
        "field.sex": "Пол",
        "field.nationality": "Национальность",
        "field.party": "Партийность",
        "field.occupation": "Место работы, должность",
        "field.residence": "Место жительства",
        "field.document": "Номер документа",
        "field.place": "место",
        "field.authority": "орган",
        "field.category": "категория",
        "field.charge": "обвинение",
        "field.detail": "подробности",
        "sex.m": "мужской",
        "sex.f": "женский",
        "error.404": "Страница не найдена",
        "error.404.text": "По этому адресу нет открытой страницы.",
        "error.400": "Неверный запрос",
        "error.400.text": "В адресе есть значение, которое страница не может использовать:",
        "error.back": "Вернуться к поиску",
        "privacy": (
            "Люди, родившиеся менее 100 лет назад, для которых источники не называют даты "
            "смерти, не показываются: они могут быть живы."
        ),
    },
    "en": {
        "site": "Vigil",
        "tagline": "A registry of political persecution, from its sources",
        "skip": "Skip to content",
        "nav.search": "Search",
        "nav.sources": "Sources",
        "nav.api": "API",
        "switch": "Русский",
        "switch.title": "Переключить на русский",
        "search.title": "Search by name",
        "search.name": "Surname, given name, patronymic (any spelling)",
        "search.hint": "Троцкий, Trotzki and Trotsky find the same person.",
        "search.filters": "Narrow down",
        "search.event": "Event",
        "search.any": "any",
        "search.year_from": "From year",
        "search.year_to": "To year",
        "search.place": "Place",
        "search.authority": "Authority",
        "search.category": "Category (the persecutors' label)",
        "search.submit": "Search",
        "search.found": "Found: {total}",
        "search.more": "More than {total} found; narrow the search.",
        "search.none": "No one found.",
        "search.fuzzy": "No such spelling; showing surnames that sound alike.",
        "search.not_understood": "The name could not be read. Enter at least a surname.",
        "search.unlinked": "record not yet linked to a person",
        "search.records": "records: {n}, sources: {m}",
        "search.matches": "Matches",
        "page.prev": "← Previous",
        "page.next": "Next →",
        "page.of": "Page {page} of {pages}",
        "person.title": "Person no. {id}",
        "person.names": "Name in the sources",
        "person.variants": "Name variants",
        "person.facts": "Facts",
        "person.timeline": "Events",
        "person.records": "Records",
        "person.conflict": "the sources disagree",
        "person.conflicts": "Disagreements between sources: {n}.",
        "person.no_events": "The records name no events.",
        "record.title": "Record no. {id}",
        "record.text": "Source text",
        "record.person": "Person",
        "record.unlinked": "Not yet linked to other records.",
        "record.fields": "Fields",
        "record.events": "Events",
        "source.title": "Source no. {id}",
        "source.meta": "Description",
        "source.text": "Text",
        "source.claims": "Claims",
        "source.quotes": "Quotations",
        "source.kind": "Kind",
        "source.author": "Author",
        "source.written": "Written",
        "source.published": "Published",
        "source.venue": "Venue",
        "source.locator": "Reference",
        "source.language": "Language",
        "source.file": "File",
        "source.sha256": "SHA-256",
        "source.records": "Records",
        "source.legend": "Marked: records of people, events, claims and quotations.",
        "mark.claim": "claim",
        "mark.quote": "quotation",
        "sources.title": "Sources",
        "withheld": "[withheld]",
        "withheld.note": (
            "Records of people born less than 100 years ago with no date of death are "
            "withheld: they may be alive."
        ),
        "cite.entry": "entry {n}",
        "col.source": "Source",
        "col.locator": "Locator",
        "col.name": "Name",
        "col.text": "Text",
        "col.value": "Value",
        "col.cited": "Source",
        "field.birth": "Date of birth",
        "field.birth_place": "Place of birth",
        "field.sex": "Sex",
        "field.nationality": "Nationality",
        "field.party": "Party membership",
        "field.occupation": "Occupation",
        "field.residence": "Residence",
        "field.document": "Document number",
        "field.place": "place",
        "field.authority": "authority",
        "field.category": "category",
        "field.charge": "charge",
        "field.detail": "detail",
        "sex.m": "male",
        "sex.f": "female",
        "error.404": "Not found",
        "error.404.text": "There is no public page at this address.",
        "error.400": "Bad request",
        "error.400.text": "The address holds a value this page cannot use:",
        "error.back": "Back to search",
        "privacy": (
            "People born less than 100 years ago for whom no source gives a date of death are "
            "not shown: they may be alive."
        ),
    },
}

_LABELS = {t.code: {"ru": t.label_ru, "en": t.label_en} for t in TERMS}

MONTHS = {
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
MONTHS_ALONE = {
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
    "en": MONTHS["en"],
}
_SIMPLE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%]?)$")


def choose(request: Request) -> str:
    """?lang=, then the cookie, then Accept-Language, then Russian."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get(COOKIE)
    if cookie in LANGUAGES:
        return cookie
    for lang, _q in _accepted(request.headers.get("accept-language", "")):
        if lang in LANGUAGES:
            return lang
    return DEFAULT


def _accepted(header: str) -> list[tuple[str, float]]:
    out = []
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag:
            out.append((tag.split("-")[0].lower(), q))
    return sorted(out, key=lambda x: -x[1])


@dataclass(frozen=True, slots=True)
class Translator:
    """What templates call: `t("key")`, `term(code)`, `date(edtf)`."""

    lang: str

    def __call__(self, key: str, **values: Any) -> str:
        text = STRINGS[self.lang].get(key) or STRINGS["en"].get(key) or key
        return text.format(**values) if values else text

    @property
    def other(self) -> str:
        return "en" if self.lang == "ru" else "ru"

    def term(self, code: str | None) -> str:
        """A thesaurus label; an unknown code is shown as it is stored."""
        if not code:
            return ""
        return _LABELS.get(code, {}).get(self.lang) or code

    def date(self, edtf: str | None) -> str:
        """An EDTF date for reading: "12 марта 1937", "July 1956"; other forms as stored."""
        if not edtf:
            return ""
        if "/" in edtf:
            a, _, b = edtf.partition("/")
            return f"{self.date(a) or '…'} – {self.date(b) or '…'}"
        m = _SIMPLE.match(edtf)
        if not m:
            return edtf
        year, month, day, mark = m.groups()
        if day:
            text = f"{int(day)} {MONTHS[self.lang][int(month) - 1]} {year}"
        elif month:
            text = f"{MONTHS_ALONE[self.lang][int(month) - 1]} {year}"
        else:
            text = year
        return text + ("?" if mark else "")
