"""Writers for each kind of source in the demo corpus, every one in a style the readers meet.

The same fictional people appear in several sources, written as each source would write them:
Russian Books of Memory (notes and one-line execution lists), an English-language list with
romanised names, a cp1251 CSV extract, and an article in the founding document's layout.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable
from datetime import date

from vigil.dates import from_edtf, to_russian
from vigil.demo.people import Person
from vigil.names.romanize import romanize

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
AUTHORITIES_EN = {
    "тройка УНКВД по Калининской обл.": "NKVD troika, Kalinin region",
    "Особое совещание при НКВД СССР": "NKVD Special Board",
    "Комиссия НКВД и Прокуратуры СССР": "NKVD and Procuracy Commission",
    "ВКВС СССР": "Military Collegium of the Supreme Court",
}
TERMS_EN = {"ВМН": "death", "10 лет ИТЛ": "10 years camp", "8 лет ИТЛ": "8 years camp",
            "5 лет ссылки": "5 years exile"}  # fmt: skip


def ru_day(d: date) -> str:
    return to_russian(from_edtf(d.isoformat()))


def en_day(d: date) -> str:
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def _v(p: Person, masc: str, fem: str) -> str:
    return fem if p.sex == "f" else masc


def party_clause(p: Person) -> str:
    if p.joined is None:
        return "б/п"
    clause = f"член ВКП(б) с {p.joined}"
    if p.expelled:
        when = to_russian(from_edtf(p.expelled.strftime("%Y-%m")))
        clause += f", {_v(p, 'исключен', 'исключена')} {when} {p.expelled_as}"
    return clause


def memory_note(p: Person) -> str:
    """A note in the style of Memorial's Books of Memory, with a leading name line.

    Which optional lines appear, and how the arrest is written, varies from note to note as it
    does in the real books (decided by the person's id, so the corpus is reproducible).
    """
    rng = random.Random(p.pid)
    lines = [f"{p.surname} {p.given} {p.patronymic}"]
    if p.variants:
        lines.append(f"(варианты фамилии: {', '.join(p.variants)})")
    nationality = p.nationality if p.sex == "m" else "русская"
    education = rng.choice(("", " образование среднее;", " образование высшее;"))
    lines.append(
        f"{_v(p, 'Родился', 'Родилась')} в {p.birth_year} г., {p.birth_region}, {p.birth_village};"
        f" {nationality};{education} {party_clause(p)};"
    )
    if rng.random() < 0.9:
        lines.append(f"{p.position}, {p.employer}.")
    if rng.random() < 0.9:
        lines.append(f"{_v(p, 'Проживал', 'Проживала')}: {p.residence}.")
    if rng.random() < 0.8:
        lines.append(f"{_v(p, 'Арестован', 'Арестована')} {ru_day(p.arrest)}")
    else:
        lines.append(f"Арест. УНКВД по Калининской обл. {p.arrest.strftime('%d.%m.%Y')}")
    lines += [
        f"{_v(p, 'Приговорен', 'Приговорена')}: {p.authority} {ru_day(p.sentenced)}, "
        f"обв.: {p.charge}.",
        f"Приговор: {p.term}",
    ]
    if p.executed:
        lines.append(f"{_v(p, 'Расстрелян', 'Расстреляна')} {ru_day(p.executed)}")
        lines.append("Место захоронения - г. Калинин.")
    if p.rehabilitated:
        lines.append(
            f"{_v(p, 'Реабилитирован', 'Реабилитирована')} {ru_day(p.rehabilitated)} "
            f"{p.rehabilitated_by}"
        )
    return "\n".join(lines)


def execution_line(p: Person) -> str:
    """A one-line entry in the style of the published execution lists."""
    assert p.executed is not None
    party = party_clause(p).replace(" г.", "")
    return (
        f"{p.surname} {p.given} {p.patronymic}, род. {p.birth_year}, {p.birth_village}, "
        f"{p.nationality if p.sex == 'm' else 'русская'}, {party}, {p.employer}: {p.position}. "
        f"Адрес: {p.residence}. {_v(p, 'Расстрелян', 'Расстреляна')} "
        f"{p.executed.strftime('%d.%m.%Y')}. Место захоронения: г. Калинин."
    )


def memory_book(people: Iterable[Person], one_line: bool = False) -> str:
    write = execution_line if one_line else memory_note
    return "\n\n".join(write(p) for p in people) + "\n"


ENGLISH_HEADER = ["No.", "Surname", "Given name", "Patronymic", "Born", "Place of birth",
                  "Arrested", "Sentenced", "Sentenced by", "Charge", "Sentence", "Executed",
                  "Rehabilitated"]  # fmt: skip


def english_list(people: Iterable[Person]) -> str:
    """A TSV list from an English-language memorial site: romanised names, English dates."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(ENGLISH_HEADER)
    for n, p in enumerate(people, 1):
        w.writerow([
            f"E-{n:04d}", romanize(p.surname), romanize(p.given), romanize(p.patronymic),
            str(p.birth_year + (1 if p.pid % 10 == 0 else 0)),
            romanize(p.birth_village.split(" ", 1)[1]),
            en_day(p.arrest), en_day(p.sentenced), AUTHORITIES_EN[p.authority],
            "Art. 58 (counter-revolutionary activity)", TERMS_EN[p.term],
            en_day(p.executed) if p.executed else "",
            en_day(p.rehabilitated) if p.rehabilitated else "",
        ])  # fmt: skip
    return buf.getvalue()


CSV_HEADER = ["№ дела", "Фамилия", "Имя", "Отчество", "Г.р.", "Дата ареста", "Орган",
              "Дата осуждения", "Статья", "Мера наказания", "Дата реабилитации"]  # fmt: skip
# The extract's headers are not the usual ones, so the demo ingests it with this mapping.
CSV_MAPPING = (
    "birth=Г.р.,sentence=Дата осуждения,sentence.authority=Орган,sentence.charge=Статья,"
    "sentence.detail=Мера наказания"
)


def csv_extract(people: Iterable[Person]) -> bytes:
    """A semicolon-separated archive extract in Windows-1251, as spreadsheets export it."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for p in people:
        w.writerow([
            f"П-{1000 + p.pid}", p.surname, p.given, p.patronymic, str(p.birth_year),
            p.arrest.strftime("%d.%m.%Y"), p.authority, p.sentenced.strftime("%d.%m.%Y"),
            p.charge, p.term,
            p.rehabilitated.strftime("%d.%m.%Y") if p.rehabilitated else "",
        ])  # fmt: skip
    return buf.getvalue().encode("cp1251")


def article(expelled: int, people: list[Person]) -> str:
    """A fictional article in the founding document's layout that makes quantitative claims."""
    low, high = round(expelled * 0.8, -1), round(expelled * 1.5, -1)
    a, b = (romanize(p.surname) for p in people[:2])
    paragraphs = [
        "This article is fictional. It was generated for the Vigil demonstration, and every "
        "person and figure in it is invented.",
        "The April 2 issue of Kalininskaya Pravda reports that the regional party organisation "
        "must be cleansed of “Trotskyists, Zinovievists, White Guards and other double-dealers.” "
        f"From the second half of last year to the present day more than {low:,.0f} party members "
        f"have been expelled in the region – perhaps even {high:,.0f}. The smallest percentage "
        "expelled in any district is 5 percent, but in several factory cells over one-quarter "
        "have been expelled.",
        f"Among those named in the regional press are {a} and {b}, both expelled as "
        "“Trotskyists.” The expelled are refused work of every kind.",
    ]
    header = [
        "A. N. Correspondent", "", "The Purge in the", "Kalinin Region", "", "(12 April 1936)", "",
        "Written: April 12, 1936.",
        "First published: The Vigil Demo Herald, Vol. I No. 3, April 20, 1936.",
    ]  # fmt: skip
    return "\n".join([*header, "", "\n\n".join(paragraphs), "", "Last updated on: 1.2.2026"]) + "\n"
