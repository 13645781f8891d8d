"""The lists of the cross-script benchmark and how each writes a person.

Six Russian lists (a Book of Memory with split name columns; an NKVD list in cp1251 with
initials and capitalised surnames; an expulsion order, case files, rehabilitation certificates
and a surveillance list that keep the name in the case their document put it in) and five
foreign ones (the English-language press, a library catalogue, the German and French press, a
scholarly database), each with its own romanisation, headers, date style and rate of slips.
Every header either maps itself in the table reader or is named in the list's `mapping`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from vigil.demo.crossscript_names import REGIONS
from vigil.demo.crossscript_noise import typo
from vigil.demo.crossscript_people import Person
from vigil.demo.crossscript_spelling import local_given, romanize
from vigil.demo.crossscript_words import (
    LANGUAGES,
    NATIONALITIES,
    OCCUPATIONS_F,
    OCCUPATIONS_M,
    written,
)

Inflect = Callable[[str, str, str, str], str]  # (word, kind, sex, case) -> form
Record = dict[str, str | int | None]

SHARE_BIRTH_YEAR_OFF = 0.05  # a birth year one off, as copies and memory make it
SHARE_MISSING = {"birth": 0.03, "birth_place": 0.10, "nationality": 0.10, "occupation": 0.10,
                 "arrest": 0.04, "sentence": 0.05}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ListSpec:
    """One generated list: its file, columns, language, spelling and habits of writing."""

    file: str
    language: str  # ru, en, de, fr
    convention: str  # "cyrillic", or a romanisation in crossscript_spelling.CONVENTIONS
    weight: float  # its share of the records
    columns: tuple[tuple[str, str], ...]  # (header, field); the first is the row's locator
    mapping: str = ""  # what `vigil ingest --map` needs for the headers the reader lacks
    id_prefix: str = ""
    encoding: str = "utf-8"
    delimiter: str = ","
    case: str = "nomn"  # the case its documents put a name in
    comma: bool = False  # "Surname, Given Patronymic" in one column
    birth_full: bool = True  # gives the full birth date where known, else the year
    date_style: str = "numeric"  # see crossscript_words.written
    initials: float = 0.0  # "Иванов И. И."
    upper_surname: float = 0.0  # "ИВАНОВ Иван Иванович"
    no_patronymic: float = 0.05
    patronymic_initial: float = 0.0
    local_given: float = 0.0  # Leo, Léon, Nikolaus for Лев, Лев, Николай
    yo_as_e: float = 0.7
    typo: float = 0.03

    @property
    def id_column(self) -> str:
        return self.columns[0][0]


_DE = (
    "surname=Nachname,given=Vorname,patronymic=Vatersname,birth=Geburtsdatum,"
    "birth_place=Geburtsort,nationality=Nationalität,occupation=Beruf,arrest=Verhaftet am"
)
_FR = ("surname=Nom,given=Prénom,patronymic=Patronyme,birth=Date de naissance,"
       "birth_place=Lieu de naissance,nationality=Nationalité,occupation=Profession,"
       "arrest=Date d'arrestation")  # fmt: skip

LISTS: tuple[ListSpec, ...] = (
    ListSpec(
        "ru-book-of-memory.csv", "ru", "cyrillic", 0.18,
        (("№", "id"), ("Фамилия", "surname"), ("Имя", "given"), ("Отчество", "patronymic"),
         ("Пол", "sex"), ("Год рождения", "birth"), ("Место рождения", "birth_place"),
         ("Национальность", "nationality"), ("Профессия", "occupation"),
         ("Дата ареста", "arrest")),
        birth_full=False, date_style="ru_words", no_patronymic=0.03, yo_as_e=0.5, typo=0.02,
    ),
    ListSpec(
        "ru-nkvd-list-cp1251.csv", "ru", "cyrillic", 0.12,
        (("№ п/п", "id"), ("ФИО", "name"), ("Г.р.", "birth"), ("Место рождения", "birth_place"),
         ("Национальность", "nationality"), ("Место работы", "occupation"),
         ("Арестован", "arrest")),
        mapping="birth=Г.р.", encoding="cp1251", delimiter=";", birth_full=False,
        initials=0.5, upper_surname=0.3, yo_as_e=1.0, typo=0.04,
    ),
    ListSpec(
        "ru-order-expulsion.csv", "ru", "cyrillic", 0.07,
        (("№ п/п", "id"), ("Исключить из членов ВКП(б)", "name"), ("Год рождения", "birth"),
         ("Профессия", "occupation")),
        mapping="name=Исключить из членов ВКП(б)", case="accs", birth_full=False,
        initials=0.05, yo_as_e=0.8,
    ),
    ListSpec(
        "ru-case-files-cp1251.csv", "ru", "cyrillic", 0.08,
        (("Арх. №", "id"), ("Уголовное дело по обвинению", "name"), ("Дата рождения", "birth"),
         ("Место рождения", "birth_place"), ("Национальность", "nationality"),
         ("Дата ареста", "arrest"), ("Дата приговора", "sentence")),
        mapping="name=Уголовное дело по обвинению", id_prefix="П-", encoding="cp1251",
        delimiter=";", case="gent", yo_as_e=1.0, typo=0.04,
    ),
    ListSpec(
        "ru-certificates.csv", "ru", "cyrillic", 0.05,
        (("№ справки", "id"), ("Справка выдана", "name"), ("Год рождения", "birth"),
         ("Место рождения", "birth_place"), ("Дата ареста", "arrest")),
        mapping="name=Справка выдана", case="datv", birth_full=False, date_style="ru_words",
        yo_as_e=0.6, typo=0.02,
    ),
    ListSpec(
        "ru-surveillance.csv", "ru", "cyrillic", 0.05,
        (("№", "id"), ("Установлен надзор за", "name"), ("Г.р.", "birth"),
         ("Национальность", "nationality"), ("Профессия", "occupation")),
        mapping="name=Установлен надзор за,birth=Г.р.", case="ablt", birth_full=False,
        yo_as_e=0.8,
    ),
    ListSpec(
        "en-press-bgn.tsv", "en", "bgn", 0.12,
        (("No.", "id"), ("Surname", "surname"), ("Given name", "given"),
         ("Patronymic", "patronymic"), ("Sex", "sex"), ("Born", "birth"),
         ("Place of birth", "birth_place"), ("Nationality", "nationality"),
         ("Occupation", "occupation"), ("Arrested", "arrest"), ("Sentenced", "sentence")),
        id_prefix="E-", delimiter="\t", date_style="en", no_patronymic=0.3,
        patronymic_initial=0.3, local_given=0.3,
    ),
    ListSpec(
        "en-catalogue-lc.csv", "en", "lc", 0.08,
        (("Record ID", "id"), ("Name", "name"), ("Year of birth", "birth"),
         ("Birthplace", "birth_place"), ("Occupation", "occupation"), ("Arrested", "arrest")),
        id_prefix="LC", comma=True, birth_full=False, date_style="iso", no_patronymic=0.1,
        typo=0.02,
    ),
    ListSpec(
        "de-presse.tsv", "de", "de", 0.10,
        (("Lfd. Nr.", "id"), ("Nachname", "surname"), ("Vorname", "given"),
         ("Vatersname", "patronymic"), ("Geburtsdatum", "birth"), ("Geburtsort", "birth_place"),
         ("Nationalität", "nationality"), ("Beruf", "occupation"), ("Verhaftet am", "arrest")),
        mapping=_DE, delimiter="\t", no_patronymic=0.5, patronymic_initial=0.2, local_given=0.5,
    ),
    ListSpec(
        "fr-presse.csv", "fr", "fr", 0.08,
        (("N°", "id"), ("Nom", "surname"), ("Prénom", "given"), ("Patronyme", "patronymic"),
         ("Date de naissance", "birth"), ("Lieu de naissance", "birth_place"),
         ("Nationalité", "nationality"), ("Profession", "occupation"),
         ("Date d'arrestation", "arrest")),
        mapping=_FR, delimiter=";", no_patronymic=0.5, patronymic_initial=0.3,
        local_given=0.5,
    ),
    ListSpec(
        "en-scholarly-iso.tsv", "en", "iso", 0.07,
        (("Entry", "id"), ("Family name", "surname"), ("First name", "given"),
         ("Patronymic", "patronymic"), ("Date of birth", "birth"),
         ("Place of birth", "birth_place"), ("Arrested", "arrest")),
        id_prefix="S", delimiter="\t", date_style="iso", typo=0.01,
    ),
)  # fmt: skip

_PLACE = {"en": "{town}, {region}", "de": "{town} (Gouv. {region})",
          "fr": "{town} (gouv. de {region})"}  # fmt: skip
_LANG = {lang: i for i, lang in enumerate(LANGUAGES)}
_SEX = {"ru": {"m": "м", "f": "ж"}, "en": {"m": "M", "f": "F"}}


def _words(text: str, convention: str) -> str:
    return " ".join(romanize(w, convention) for w in text.split(" "))


def render(
    spec: ListSpec, p: Person, rng: random.Random, inflect: Inflect
) -> tuple[Record, list[str]]:
    """The record `spec` holds for `p`, as the reader will read it, and the row's cells after
    the locator. Chance decides which of the list's habits and slips touch this record."""
    r = rng.random
    sex = p.sex
    if spec.convention == "cyrillic":
        surname, given, patr = _russian_name(spec, p, r, inflect)
    else:
        surname, given, patr = _foreign_name(spec, p, r)
    if r() < spec.typo:
        if r() < 0.8 or len(given) < 4:
            surname = typo(surname, rng)
        else:
            given = typo(given, rng)
    # The record's name as written is its parts joined, as the table reader joins them; a
    # catalogue's one column puts a comma after the surname.
    written_name = f"{surname} {given} {patr}" if patr else f"{surname} {given}"
    at_surname, at_name, at_sex, at_birth, at_place, at_nation, at_job, at_arrest, at_sentence = (
        _AT[spec.file]
    )
    row = [""] * _WIDTH[spec.file]
    if at_name < 0:
        row[at_surname : at_surname + 3] = (surname, given, patr)  # split columns, in order
    else:
        row[at_name] = written_name.replace(" ", ", ", 1) if spec.comma else written_name
    rec: Record = {
        "record_id": None, "source": spec.file, "locator": None, "name_written": written_name,
        "surname": surname, "given": given, "patronymic": patr or None,
        "sex": sex if at_sex >= 0 else None, "birth": None, "birth_place": None,
        "nationality": None, "occupation": None, "arrest": None, "sentence": None,
        "person": p.pid,
    }  # fmt: skip
    if at_sex >= 0:
        row[at_sex] = _SEX[spec.language][sex]
    if at_birth >= 0 and r() >= SHARE_MISSING["birth"]:
        y, m, d = p.birth
        if r() < SHARE_BIRTH_YEAR_OFF:
            y += 1 if r() < 0.5 else -1
        if not spec.birth_full:
            m = d = 0
        row[at_birth], rec["birth"] = written(spec.date_style, y, m, d)
    if at_place >= 0 and r() >= SHARE_MISSING["birth_place"]:
        rec["birth_place"] = row[at_place] = _place(spec, p, r() < 0.5)
    if at_nation >= 0 and r() >= SHARE_MISSING["nationality"]:
        rec["nationality"] = row[at_nation] = _nationality(spec.language, p)
    if at_job >= 0 and r() >= SHARE_MISSING["occupation"]:
        jobs = OCCUPATIONS_M if sex == "m" else OCCUPATIONS_F
        rec["occupation"] = row[at_job] = jobs[p.occupation][_LANG[spec.language]]
    if at_arrest >= 0 and r() >= SHARE_MISSING["arrest"]:
        row[at_arrest], rec["arrest"] = written(spec.date_style, *p.arrest)
    if at_sentence >= 0 and r() >= SHARE_MISSING["sentence"]:
        row[at_sentence], rec["sentence"] = written(spec.date_style, *p.sentence)
    return rec, row


def _positions(spec: ListSpec) -> tuple[int, ...]:
    """Where each field stands in a row after the locator (-1: the list has no such column)."""
    at = {f: i for i, (_, f) in enumerate(spec.columns[1:])}
    if "surname" in at:
        assert at["given"] == at["surname"] + 1 and at["patronymic"] == at["surname"] + 2
    fields = ("surname", "name", "sex", "birth", "birth_place", "nationality", "occupation",
              "arrest", "sentence")  # fmt: skip
    return tuple(at.get(f, -1) for f in fields)


_AT = {s.file: _positions(s) for s in LISTS}
_WIDTH = {s.file: len(s.columns) - 1 for s in LISTS}


def _russian_name(
    spec: ListSpec, p: Person, r: Callable[[], float], inflect: Inflect
) -> tuple[str, str, str]:
    surname, given, patr = p.surname, p.given, p.patronymic
    if spec.case != "nomn":
        surname = inflect(surname, "surname", p.sex, spec.case)
        given = inflect(given, "given", p.sex, spec.case)
        patr = inflect(patr, "patronymic", p.sex, spec.case)
    if r() < spec.no_patronymic:
        patr = ""
    if r() < spec.initials:
        given = given[0] + "."
        patr = patr[0] + "." if patr else ""
    if r() < spec.upper_surname:
        surname = surname.upper()
    if r() < spec.yo_as_e:
        surname = surname.replace("ё", "е").replace("Ё", "Е")
        given = given.replace("ё", "е")
        patr = patr.replace("ё", "е")
    return surname, given, patr


def _foreign_name(spec: ListSpec, p: Person, r: Callable[[], float]) -> tuple[str, str, str]:
    conv = spec.convention
    surname = romanize(p.surname, conv)
    local = local_given(p.given, spec.language) if r() < spec.local_given else ()
    given = local[int(r() * len(local))] if local else romanize(p.given, conv, False)
    u = r()
    if u < spec.no_patronymic:
        patr = ""
    elif u < spec.no_patronymic + spec.patronymic_initial:
        patr = romanize(p.patronymic, conv, False)[0] + "."
    else:
        patr = romanize(p.patronymic, conv, False)
    return surname, given, patr


def _place(spec: ListSpec, p: Person, with_region: bool) -> str:
    key = (spec.file, p.region, p.town, with_region)
    place = _PLACES.get(key)
    if place is None:
        place = _PLACES[key] = _spell_place(spec, p, with_region)
    return place


_PLACES: dict[tuple[str, str, str, bool], str] = {}


def _spell_place(spec: ListSpec, p: Person, with_region: bool) -> str:
    region, region_noun, _ = REGIONS[p.region]
    if spec.convention == "cyrillic":
        return f"{region}, {p.town}" if with_region else p.town
    town = _words(p.town.split(" ", 1)[1], spec.convention)
    pattern = _PLACE.get(spec.language)
    if (
        not with_region
        or pattern is None
        or spec.convention in ("lc", "iso")
        or (region_noun in p.town)
    ):
        return town
    return pattern.format(town=town, region=_words(region_noun, spec.convention))


def _nationality(language: str, p: Person) -> str:
    if language == "ru":
        return p.group.nationality[0 if p.sex == "m" else 1]
    en, de, fr_m, fr_f = NATIONALITIES[p.group.code]
    return {"en": en, "de": de}.get(language) or (fr_m if p.sex == "m" else fr_f)
