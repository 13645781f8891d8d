"""A registry holding three people the privacy policy must treat apart, each marked by names
and values found nowhere else: one who may be alive, one taken down, and one published whose
residence and party card are sensitive. Built on the demo corpus, linked, once per session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from vigil.demo import write_corpus
from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.store import Registry, takedowns

HEADER = (
    "№;Фамилия;Имя;Отчество;Год рождения;Дата ареста;Дата расстрела;Место жительства;Партбилет\n"
)
ROWS = (
    # may be alive: born 1992, no death
    "P-1;Жизнелюбов;Вечеслав;Юрьевич;1992;04.05.2019;;;\n"
    # shot in 1938, so public, until taken down
    "P-2;Снятовский;Изъяслав;Гордеевич;1891;11.02.1937;20.01.1938;;\n"
    # published, with a sensitive residence and party card
    "P-3;Открытов;Явлен;Светозарович;1893;05.07.1937;12.10.1937;"
    "Потаённая слобода 17;ПБ-4815162342\n"
)
# A second source attests the taken-down man, so he is a person of two records.
BOOK = """Снятовский Изъяслав Гордеевич
Родился в 1891 г., Тверская губ., с. Глухое; русский; б/п.
Проживал: Сокровенный переулок 9.
Арестован 11 февраля 1937 г.
Расстрелян 20 января 1938 г.
"""

ALIVE = ("Жизнелюбов", "Вечеслав")
TAKEN = ("Снятовский", "Изъяслав", "Гордеевич")
SENSITIVE = ("Потаённая слобода 17", "ПБ-4815162342", "Сокровенный переулок 9")
PUBLIC = ("Открытов", "Явлен", "Светозарович")


@dataclass
class Marked:
    db: Path
    folder: Path
    list_source: int
    book_source: int
    records: dict[str, int]  # surname -> record id in the list
    book_record: int  # the taken-down man's record in the book
    persons: dict[str, int | None]  # surname -> person id (None: no person holds the record)
    takedown: int


def build(folder: Path, n_people: int = 200) -> Marked:
    from vigil.linkage.run import link

    db = folder / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        for src in write_corpus(folder / "corpus", n_people=n_people):
            ingest_path(reg, src.path, src.format, src.options)
        listed = folder / "marked.csv"
        listed.write_text(HEADER + "".join(ROWS), encoding="utf-8")
        res = ingest_path(reg, listed, "table", ReaderOptions(id_column="№"))
        book = folder / "marked-book.txt"
        book.write_text(BOOK, encoding="utf-8")
        book_res = ingest_path(reg, book, "memory-book", ReaderOptions())
        link(reg)
        rows = reg.records(limit=None)
        records = {r["surname"]: r["id"] for r in rows if r["source_id"] == res.source_id}
        book_record = next(r["id"] for r in rows if r["source_id"] == book_res.source_id)
        persons = reg.pair(records["Снятовский"], book_record)["persons"]
        held = {s: reg.pair(rid, rid)["persons"].get(rid) for s, rid in records.items()}
        assert persons[records["Снятовский"]] == persons[book_record], "one person"
        made = takedowns.take_down(
            reg, "a relative asked", person_id=persons[book_record], actor="tester"
        )
    return Marked(db, folder, res.source_id, book_res.source_id, records, book_record, held,
                  made["id"])  # fmt: skip


@pytest.fixture(scope="session")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Marked:
    return build(tmp_path_factory.mktemp("privacy"))
