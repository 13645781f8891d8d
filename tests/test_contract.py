"""The public JSON contract of `vigil parse --json`, format detection, the demo and the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vigil.cli import app
from vigil.demo import write_corpus
from vigil.readers import detect
from vigil.readers.decode import decode
from vigil.store import Registry

RECORD_KEYS = {
    "entry", "text", "name", "sex", "birth", "nationality", "party", "occupation", "residence",
    "document", "events", "warnings",
}  # fmt: skip
EVENT_KEYS = {"type", "date", "place", "authority", "charge", "category", "detail"}

NOTE = """Соколова Анна Петровна
Родилась в 1899 г., с. Берёзовка; русская; член ВКП(б) с 1920, исключена в 1935 г. как троцкистка;
учительница, школа № 3.
Проживала: г. Калинин.
Арестована 5 ноября 1937 г.
Приговорена: тройка УНКВД по Калининской обл. 20 ноября 1937 г., обв.: КРА.
Приговор: 8 лет ИТЛ
Реабилитирована 12 мая 1957 г.

Родился в 1901 г.
Приговор: лишен избирательных прав
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_memory_book_json_lines(tmp_path: Path) -> None:
    (tmp_path / "book.txt").write_text(NOTE, encoding="utf-8")
    code, out, _ = run("parse", str(tmp_path / "book.txt"), "--format", "memory-book", "--json")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert set(first) == RECORD_KEYS
    assert first["entry"] == 1 and second["entry"] == 2
    assert first["text"] == NOTE.split("\n\n")[0]
    assert first["name"] == {
        "surname": "Соколова", "given": "Анна", "patronymic": "Петровна", "variants": [],
    }  # fmt: skip
    assert first["sex"] == "f"
    assert first["birth"]["date"] == "1899"
    types = [e["type"] for e in first["events"]]
    assert types == ["party.expulsion", "arrest", "sentence", "rehabilitation"]
    assert all(set(e) == EVENT_KEYS for e in first["events"])
    expulsion, arrest, sentence, _ = first["events"]
    assert expulsion["date"] == "1935" and expulsion["category"] == "trotskyist"
    assert arrest["date"] == "1937-11-05"
    assert sentence["authority"].startswith("тройка УНКВД")
    assert sentence["detail"] == "8 лет ИТЛ"
    assert second["name"] is None and second["sex"] == "m"


def test_article_json_object(tmp_path: Path) -> None:
    sources = write_corpus(tmp_path, n_people=40)
    article = next(s.path for s in sources if s.format == "article")
    code, out, _ = run("parse", str(article), "--json")
    assert code == 0
    (obj,) = (json.loads(line) for line in out.splitlines())
    assert set(obj) == {"source", "claims", "quotes", "warnings"}
    assert obj["warnings"] == []
    assert obj["source"]["published"] == {
        "venue": "The Vigil Demo Herald", "volume": "I", "issue": "3", "date": "1936-04-20",
    }  # fmt: skip
    assert obj["source"]["written"] == "1936-04-12"
    first = obj["claims"][0]
    assert set(first) == {"text", "lower", "upper", "unit", "counts", "period", "span"}
    assert first["unit"] == "persons" and first["lower"] < first["upper"]
    assert first["period"] == "1935-07/1936-04-12"
    text = article.read_text(encoding="utf-8")
    start, end = first["span"]
    assert text[start:end] == first["text"]
    assert obj["quotes"][0]["attribution"] == "Kalininskaya Pravda, 1936-04-02"


def test_each_demo_source_is_detected(tmp_path: Path) -> None:
    for src in write_corpus(tmp_path, n_people=40):
        text, _ = decode(src.path.read_bytes(), str(src.path))
        assert detect(text, str(src.path)).name == src.format, src.path.name


def test_demo_builds_and_summarises(tmp_path: Path) -> None:
    code, out, _ = run("demo", "--out", str(tmp_path / "d"))
    assert code == 0
    assert "fictional" in out
    assert f"Registry: {tmp_path / 'd' / 'vigil.db'}" in out
    with Registry.open(str(tmp_path / "d" / "vigil.db")) as reg:
        srcs = reg.sources()
        assert len(srcs) == 5
        assert all(s["records"] > 0 for s in srcs if s["kind"] != "article")
        st = reg.stats()
    assert st["claims"] >= 3
    assert {"arrest", "sentence", "execution", "party.expulsion"} <= set(st["events_by_type"])
    # Re-running rebuilds the same registry rather than piling up sources.
    assert run("demo", "--out", str(tmp_path / "d"))[0] == 0
    with Registry.open(str(tmp_path / "d" / "vigil.db")) as reg:
        assert len(reg.sources()) == 5


@pytest.mark.realdata
def test_the_founding_document_is_ingested_with_its_claims(
    seed_article: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "seed.db")
    code, out, _ = run("ingest", str(seed_article), "--db", db, "-q")
    assert code == 0 and "source 1:" in out
    with Registry.open(db) as reg:
        (src,) = reg.sources()
        assert src["kind"] == "article"
        assert src["title"] == "Stalin Plans Wholesale Persecution"
        assert src["author"] == "Leon Trotsky"
        assert src["published"] == "1936-05-16"
        full = reg.source(src["id"])
    assert full["venue"] == "The New Militant" and full["volume"] == "II" and full["issue"] == "19"
    assert full["written"] == "1936-03-25"
    assert full["body"] == seed_article.read_text(encoding="utf-8")
    expelled = next(c for c in full["claims"] if c["lower"] == 300000)
    assert expelled["upper"] == 500000
    assert expelled["period"] == "1935-07/1936-03-25"
    assert expelled["period_lower"] == "1935-07-01"
    assert full["body"][expelled["span_start"] : expelled["span_end"]] == expelled["text"]
    assert any(c["unit"] == "percent" and c["lower"] == 7 for c in full["claims"])
    assert any(q["attribution"] == "Pravda, 1936-03-15" for q in full["quotes"])
