from __future__ import annotations

from pathlib import Path

from vigil.demo import write_corpus
from vigil.demo.people import feminine, generate_people, patronymic


def test_people_are_reproducible_and_plausible() -> None:
    a = list(generate_people(200, seed=7))
    b = list(generate_people(200, seed=7))
    assert a == b
    assert a != list(generate_people(200, seed=8))
    for p in a:
        assert p.sex in ("m", "f")
        assert p.arrest < p.sentenced
        assert p.executed is None or p.executed > p.sentenced
        assert p.expelled is None or p.joined is not None
        assert p.patronymic.endswith(("ич", "на"))


def test_patronymics_and_feminine_surnames() -> None:
    assert patronymic("Иван", "m") == "Иванович"
    assert patronymic("Илья", "f") == "Ильинична"
    assert patronymic("Лев", "m") == "Львович"
    assert patronymic("Сергей", "f") == "Сергеевна"
    assert patronymic("Николай", "m") == "Николаевич"
    assert patronymic("Евгений", "f") == "Евгеньевна"
    assert feminine("Соловьёв") == "Соловьёва"


def test_corpus_labels_itself_fictional_and_people_overlap(tmp_path: Path) -> None:
    sources = write_corpus(tmp_path, n_people=100)
    assert {s.format for s in sources} == {"memory-book", "table", "article"}
    assert all(s.path.name.startswith("fictional-") for s in sources)
    texts = {
        s.path.name: s.path.read_bytes().decode("cp1251" if "cp1251" in s.path.name else "utf-8")
        for s in sources
    }
    assert "fictional" in texts["fictional-article-1936.txt"]
    people = list(generate_people(100))
    in_book = {
        p.surname + p.given for p in people if p.surname in texts["fictional-book-of-memory.txt"]
    }
    in_csv = {
        p.surname + p.given
        for p in people
        if p.surname in texts["fictional-archive-extract-cp1251.csv"]
    }
    assert in_book & in_csv, "the same people must appear in more than one source"
