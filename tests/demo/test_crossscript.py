from __future__ import annotations

import csv
from collections import Counter
from itertools import islice
from pathlib import Path

import pytest

from vigil.demo.crossscript import (
    RECORD_FIELDS,
    CrossScriptCorpus,
    crossscript_people,
    iter_crossscript,
    write_crossscript,
)
from vigil.demo.crossscript_lists import LISTS
from vigil.demo.crossscript_noise import typo
from vigil.demo.crossscript_people import Person
from vigil.demo.crossscript_spelling import local_given, romanize
from vigil.ingest import parse_path
from vigil.model import Record
from vigil.readers import ReaderOptions
from vigil.readers.table import parse_mapping

pymorphy3 = pytest.importorskip("pymorphy3")

N = 3000
SEED = 1937


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CrossScriptCorpus:
    return write_crossscript(tmp_path_factory.mktemp("xs"), N, SEED)


@pytest.fixture(scope="module")
def records() -> dict[tuple[str, str], dict]:
    return {(r["source"], r["locator"]): r for r in iter_crossscript(N, SEED)}


@pytest.fixture(scope="module")
def people(records: dict) -> dict[int, Person]:
    last = max(r["person"] for r in records.values())
    return {p.pid: p for p in islice(crossscript_people(SEED), last)}


@pytest.fixture(scope="module")
def parsed(corpus: CrossScriptCorpus) -> dict[str, list[Record]]:
    """Every list read back by the table reader with the options the corpus says it needs."""
    out = {}
    for f in corpus.files:
        options = ReaderOptions(mapping=parse_mapping(f.mapping), id_column=f.id_column)
        _, result, encoding = parse_path(f.path, f.format, options)
        assert encoding == f.encoding
        out[f.path.name] = list(result.records)
    return out


def test_same_seed_same_bytes_other_seed_other_people(tmp_path: Path) -> None:
    a = write_crossscript(tmp_path / "a", 500, seed=7)
    b = write_crossscript(tmp_path / "b", 500, seed=7)
    c = write_crossscript(tmp_path / "c", 500, seed=8)
    for fa, fb in zip(a.files, b.files, strict=True):
        assert fa.path.read_bytes() == fb.path.read_bytes()
    assert a.truth.read_bytes() == b.truth.read_bytes()
    assert a.truth.read_bytes() != c.truth.read_bytes()
    assert (a.records, b.records) == (500, 500)


def test_truth_covers_every_record_once(corpus: CrossScriptCorpus, records: dict) -> None:
    with corpus.truth.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keys = [(r["source"], r["locator"]) for r in rows]
    assert len(keys) == len(set(keys)) == corpus.records == N
    assert set(keys) == set(records)
    assert all(int(r["person"]) == records[(r["source"], r["locator"])]["person"] for r in rows)
    assert sum(f.records for f in corpus.files) == N
    assert corpus.people == len({r["person"] for r in rows})
    per_person = Counter(Counter(r["person"] for r in rows).values())
    assert set(per_person) <= {1, 2, 3, 4, 5}
    assert per_person[1] > per_person[2] > per_person[3] > 0  # many singletons, some repeats


def test_dicts_have_the_documented_fields(records: dict) -> None:
    ids = sorted(r["record_id"] for r in records.values())
    assert ids == list(range(1, N + 1))
    assert all(tuple(r) == RECORD_FIELDS for r in records.values())


def test_files_read_back_as_the_dicts_say_without_warnings(
    corpus: CrossScriptCorpus, parsed: dict, records: dict
) -> None:
    for f in corpus.files:
        recs = parsed[f.path.name]
        assert len(recs) == f.records
        for rec in recs:
            assert rec.warnings == []
            want = records[(f.path.name, rec.locator)]
            assert rec.name is not None
            got = {
                "name_written": rec.name.written, "surname": rec.name.surname,
                "given": rec.name.given, "patronymic": rec.name.patronymic, "sex": rec.sex,
                "birth": rec.birth_date.edtf if rec.birth_date else None,
                "birth_place": rec.birth_place, "nationality": rec.nationality,
                "occupation": rec.occupation,
                "arrest": _event_date(rec, "arrest"), "sentence": _event_date(rec, "sentence"),
            }  # fmt: skip
            assert got == {k: want[k] for k in got}, (f.path.name, rec.locator)


def test_every_list_ingests_into_a_registry(tmp_path: Path) -> None:
    from vigil.ingest import ingest_path
    from vigil.store import Registry

    corpus = write_crossscript(tmp_path / "lists", 400, SEED)
    want = {(r["source"], r["locator"]): r for r in iter_crossscript(400, SEED)}
    with Registry.open(str(tmp_path / "vigil.db")) as reg:
        reg.init()
        for f in corpus.files:
            options = ReaderOptions(mapping=parse_mapping(f.mapping), id_column=f.id_column)
            result = ingest_path(reg, f.path, f.format, options)
            assert (result.records, result.warnings) == (f.records, []), f.path.name
        stored = reg.records(limit=None)
    assert len(stored) == 400
    for row in stored:
        w = want[(row["source_file"], row["locator"])]
        assert (row["surname"], row["given"], row["patronymic"], row["birth"]) == (
            w["surname"], w["given"], w["patronymic"], w["birth"]
        )  # fmt: skip


def _event_date(rec: Record, etype: str) -> str | None:
    return next((e.date.edtf for e in rec.events if e.type == etype and e.date), None)


def test_lists_write_the_people_with_the_habits_of_their_kind(
    records: dict, people: dict[int, Person]
) -> None:
    by_list: dict[str, list[tuple[dict, Person]]] = {s.file: [] for s in LISTS}
    for r in records.values():
        by_list[r["source"]].append((r, people[r["person"]]))

    def share(file: str, test) -> float:
        pairs = by_list[file]
        return sum(1 for r, p in pairs if test(r, p)) / len(pairs)

    book = "ru-book-of-memory.csv"
    assert share(book, lambda r, p: r["surname"] == p.surname) > 0.75  # nominative, some ё → е
    nkvd = "ru-nkvd-list-cp1251.csv"
    assert 0.35 < share(nkvd, lambda r, p: r["given"] == p.given[0] + ".") < 0.65
    assert 0.15 < share(nkvd, lambda r, p: r["surname"].isupper()) < 0.45
    assert share(nkvd, lambda r, p: "ё" in (r["name_written"] or "").lower()) == 0
    years_off = sum(
        1 for r, p in (x for v in by_list.values() for x in v)
        if r["birth"] and int(r["birth"][:4]) != p.birth[0]
    )  # fmt: skip
    assert 0.02 * N < years_off < 0.09 * N
    assert all(abs(int(r["birth"][:4]) - p.birth[0]) <= 1 for r, p in by_list[book] if r["birth"])
    assert 0.0 < share(book, lambda r, p: r["patronymic"] is None) < 0.1


@pytest.mark.parametrize(
    ("file", "convention"),
    [("en-press-bgn.tsv", "bgn"), ("en-catalogue-lc.csv", "lc"), ("de-presse.tsv", "de"),
     ("fr-presse.csv", "fr"), ("en-scholarly-iso.tsv", "iso")],
)  # fmt: skip
def test_each_foreign_list_uses_its_romanisation(
    file: str, convention: str, records: dict, people: dict[int, Person]
) -> None:
    rows = [(r, people[r["person"]]) for r in records.values() if r["source"] == file]
    exact = sum(1 for r, p in rows if r["surname"] == romanize(p.surname, convention))
    assert 0.9 < exact / len(rows) < 1  # the rest carry a typist's slip
    assert all(r["surname"].isascii() for r, _ in rows) == (convention not in ("fr", "iso"))
    others = {c for c in ("bgn", "lc", "de", "fr", "iso") if c != convention}
    distinct = [
        (r, p) for r, p in rows
        if len({romanize(p.surname, c) for c in (*others, convention)}) == 5
    ]  # fmt: skip
    assert distinct, "some surnames must tell all five conventions apart"
    for r, p in distinct:
        assert not any(r["surname"] == romanize(p.surname, c) for c in others)


def test_romanisations_of_known_names() -> None:
    expected = {
        "Троцкий": ("Trotsky", "Trotskii", "Trotzki", "Trotski", "Trockij"),
        "Жуков": ("Zhukov", "Zhukov", "Schukow", "Joukov", "Žukov"),
        "Ягода": ("Yagoda", "Iagoda", "Jagoda", "Iagoda", "Jagoda"),
        "Чичерин": ("Chicherin", "Chicherin", "Tschitscherin", "Tchitcherine", "Čičerin"),
        "Хрущёв": ("Khrushchov", "Khrushchev", "Chruschtschow", "Khrouchtchov", "Chruščëv"),
    }
    for cyrillic, forms in expected.items():
        assert tuple(romanize(cyrillic, c) for c in ("bgn", "lc", "de", "fr", "iso")) == forms
    assert romanize("Дмитрий", "bgn", surname=False) == "Dmitri"
    assert local_given("Лев", "fr") == ("Léon",)
    assert local_given("Николай", "de") == ("Nikolaus",)
    assert local_given("Пётр", "en") == ("Peter",)


def test_foreign_lists_localise_given_names_and_drop_patronymics(
    records: dict, people: dict[int, Person]
) -> None:
    for file, language, convention in (("de-presse.tsv", "de", "de"),
                                       ("fr-presse.csv", "fr", "fr")):  # fmt: skip
        rows = [(r, people[r["person"]]) for r in records.values() if r["source"] == file]
        localised = [
            r for r, p in rows
            if r["given"] in local_given(p.given, language)
            and r["given"] != romanize(p.given, convention, surname=False)
        ]  # fmt: skip
        assert len(localised) > 0.05 * len(rows)  # Nikolaus for Николай, Pierre for Пётр
        assert 0.3 < sum(r["patronymic"] is None for r, _ in rows) / len(rows) < 0.7
        assert any(r["patronymic"] and len(r["patronymic"]) == 2 for r, _ in rows)  # "I."


def test_oblique_cases_parse_back_to_the_nominative(
    records: dict, people: dict[int, Person]
) -> None:
    morph = pymorphy3.MorphAnalyzer()
    cases = {"ru-order-expulsion.csv": "accs", "ru-case-files-cp1251.csv": "gent",
             "ru-certificates.csv": "datv", "ru-surveillance.csv": "ablt"}  # fmt: skip
    checked = parsed_back = 0
    for r in records.values():
        case = cases.get(r["source"])
        if case is None:
            continue
        p = people[r["person"]]
        for nominative, written in ((p.surname, r["surname"]), (p.given, r["given"])):
            written = written.replace("ё", "е")
            if written.endswith(".") or written.lower() == nominative.lower().replace("ё", "е"):
                continue  # an initial, or a name that does not decline
            checked += 1
            wanted = nominative.lower().replace("ё", "е")
            for q in morph.parse(written):
                back = q.inflect({"nomn"}) if q.tag.case in (case, "gent") else None
                if back and back.word.replace("ё", "е") == wanted:
                    parsed_back += 1
                    break
    assert checked > 500
    # The case is really applied: most masculine surnames lose their nominative form.
    men = [
        r
        for r in records.values()
        if r["source"] in cases
        and people[r["person"]].sex == "m"
        and not people[r["person"]].surname.endswith("о")
    ]
    moved = sum(1 for r in men if r["surname"].lower() != people[r["person"]].surname.lower())
    assert moved / len(men) > 0.8
    # The rest are typists' slips and the rare Latvian or Armenian name pymorphy3 does not know.
    assert parsed_back / checked > 0.9


def test_names_follow_a_long_tailed_distribution(people: dict[int, Person]) -> None:
    surnames = Counter(p.surname for p in people.values() if p.sex == "m")
    counts = sorted(surnames.values(), reverse=True)
    assert len(surnames) > 600  # far more than the demo's 80
    assert counts[0] >= 8 and counts[len(counts) // 2] <= 2
    full = Counter((p.surname, p.given, p.patronymic) for p in people.values())
    assert max(full.values()) >= 2  # namesakes, as "Иванов Иван Иванович" in real lists
    women = [p for p in people.values() if p.sex == "f"]
    assert 0.1 < len(women) / len(people) < 0.25
    assert all(p.patronymic.endswith(("на",)) for p in women)
    assert any(p.surname.endswith("ова") for p in women)


def test_typo_makes_one_slip() -> None:
    import random

    rng = random.Random(1)
    for word in ("Иванов", "Trotzki", "Шевченко"):
        for _ in range(200):
            slipped = typo(word, rng)
            assert abs(len(slipped) - len(word)) <= 1 and slipped != ""
    assert typo("Ким", rng) == "Ким"
