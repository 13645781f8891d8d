"""Registries for the analysis tests: a small hand-made one with exact expected counts, and the
demo corpus ingested and linked, built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.store import Registry

# Six fictional people. Петров, Сидоров and Морозов were expelled as Trotskyists in 1935; two
# were shot. Морозов's arrest of 1933 came before his expulsion, so it is not an outcome of it.
# Волкова was expelled as a "passive element" and released; Егоров was expelled with no
# category and nothing more is recorded; Зайцев was never expelled.
BOOK = """\
Петров Пётр Ильич
Родился в 1901 г.; русский; член ВКП(б) с 1920, исключен в 1935 как троцкист;
Арестован 12 марта 1937 г.
Приговорен: тройка УНКВД по Калининской обл. 1 апреля 1937 г., обв.: ст. 58-10 УК РСФСР.
Приговор: ВМН
Расстрелян 5 апреля 1937 г.
Место захоронения - г. Калинин.

Сидоров Семён Ильич
Родился в 1899 г.; русский; член ВКП(б) с 1919, исключен в 1935 как троцкист;
Арестован 3 мая 1937 г.
Приговорен: ВКВС СССР 20 мая 1937 г., обв.: КРТД.
Приговор: ВМН
Расстрелян 21 мая 1937 г.

Морозов Николай Павлович
Родился в 1895 г.; русский; член ВКП(б) с 1918, исключен в 1935 как троцкист;
Арестован 3 мая 1933 г.
Приговорен: Особое совещание при НКВД СССР 20 июня 1937 г., обв.: КРТД.
Приговор: 5 лет ссылки
Реабилитирован 12 мая 1989 г.

Волкова Анна Петровна
Родилась в 1905 г.; русская; член ВКП(б) с 1925, исключена в 1936 как пассивный элемент;
Арестована 2 февраля 1938 г.
Приговорена: Особое совещание при НКВД СССР 1 марта 1938 г., обв.: КРА.
Приговор: 8 лет ИТЛ
Освобождена 1 марта 1946 г.

Егоров Павел Семёнович
Родился в 1900 г.; русский; член ВКП(б) с 1921, исключен в 1936 за нарушение партийной дисциплины;

Зайцев Илья Андреевич
Родился в 1890 г.; русский; б/п;
Арестован 1 августа 1937 г.
Приговорен: тройка УНКВД по Калининской обл. 10 августа 1937 г., обв.: ст. 58-8 УК РСФСР.
Приговор: ВМН
Расстрелян 15 августа 1937 г.
"""
# Козлов's arrest is dated "1937–1938" (in no single year) and his sentence is undated.
LIST = "№;Фамилия;Имя;Дата ареста;Приговор\n1;Козлов;Иван;1937–1938;ВМН\n2;Гусев;Пётр;12.03.1937;\n"
ARTICLE = """\
A. N. Author

Arrests in the Town

(1 January 1938)

Written: January 1, 1938.
First published: The Test Herald, Vol. I No. 1, January 2, 1938.

In 1937 more than three hundred people were arrested in the town – perhaps even five hundred. \
In some offices 20 percent of the staff have been dismissed. Tens of thousands of \
Oppositionists are watched.

Last updated on: 1.2.2026
"""
SURNAMES = ("Петров", "Сидоров", "Морозов", "Волкова", "Егоров", "Зайцев", "Козлов", "Гусев")


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "book.txt").write_text(BOOK, encoding="utf-8")
    (folder / "list.csv").write_text(LIST, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        ingest_path(reg, folder / "book.txt", "memory-book")
        ingest_path(reg, folder / "list.csv", "table", ReaderOptions(id_column="№"))
        ingest_path(reg, folder / "article.txt", "article")
    return db


@pytest.fixture
def small(small_db: Path) -> Iterator[Registry]:
    with Registry.open(str(small_db)) as reg:
        yield reg


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (fictional people across five sources), ingested and linked."""
    from vigil.demo import write_corpus
    from vigil.linkage.run import link

    folder = tmp_path_factory.mktemp("demo")
    db = folder / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        for src in write_corpus(folder / "corpus", n_people=200):
            ingest_path(reg, src.path, src.format, src.options)
        link(reg)
    return db


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Registry]:
    with Registry.open(str(demo_db)) as reg:
        yield reg
