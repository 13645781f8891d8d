"""Invisible characters neither hide a name from search nor make two names one.

The decision: a name is matched on what it shows. Format characters (zero-width space and
joiners, direction marks and overrides, the soft hyphen, a BOM) are dropped and the text is
composed (NFC) before a name is parsed and keyed (`vigil.names.text.visible`); the record keeps
the name exactly as its source writes it. A right-to-left override still reorders how a name
is displayed: its key is of the letters in the order stored, which is the order typed.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from vigil.demo.hostile import COMBINING_DIAERESIS, RLO, SQL, ZWJ, ZWSP
from vigil.names import from_parts, name_keys, parse_name
from vigil.publish.search_index import normalise

from .conftest import Hostile, run_cli

LACED = [
    ("Петров", f"Пет{RLO}ров"),
    ("Петров", f"Пе{ZWSP}тров"),
    ("Петров", "\ufeffПет\u2066ров\u2069"),
    ("Петров", "Пет\u00adров"),
    ("Никита", f"Ни{ZWJ}кита"),
    ("Семёнов", f"Семе{COMBINING_DIAERESIS}нов"),
]


def _keys(surname: str) -> tuple:
    k = name_keys(from_parts(surname, None, None, surname))
    return k.surname_lemma, k.surname_key, k.surname_phonetic


@pytest.mark.parametrize(("plain", "laced"), LACED)
def test_a_laced_name_has_the_keys_of_the_name_it_shows(plain: str, laced: str) -> None:
    assert _keys(laced) == _keys(plain)
    assert normalise(laced) == normalise(plain)  # the offline search's spelling too


@pytest.mark.parametrize(
    ("a", "b"),
    [("Петров", f"Пет{ZWSP}ренко"), ("Сидоров", f"Сидо{RLO}ренко"), ("Ким", f"К{ZWJ}им{ZWJ}ов")],
)
def test_names_that_differ_in_a_letter_stay_apart_however_laced(a: str, b: str) -> None:
    assert _keys(a) != _keys(b)


def test_an_invisible_character_is_no_word_break_in_a_name() -> None:
    """A zero-width space inside "Петровой" cut it in two: "Пет" and a given name "Ровой"."""
    parts = parse_name(f"Пет{ZWSP}ровой Ма{ZWSP}рии Семёновне")
    assert (parts.surname, parts.given, parts.patronymic) == ("Петрова", "Мария", "Семёновна")
    parts = parse_name(f"Пет{RLO}рова Мария Семёновна")
    assert parts.surname == "Петрова"


@pytest.mark.parametrize(
    ("query", "surname"),
    [
        ("Петров", f"Пет{RLO}ров"),
        ("Сидоров", f"Сид{ZWSP}оров"),
        ("Семёнов", f"Семе{COMBINING_DIAERESIS}нов"),
        ("Петрова Мария", f"Пет{RLO}рова"),
        (f"Сид{ZWSP}оров", f"Сид{ZWSP}оров"),
    ],
)
def test_search_finds_a_laced_name_by_the_name_it_shows(
    client: TestClient, query: str, surname: str
) -> None:
    got = client.get("/api/search", params={"q": query}).json()
    assert surname in {h["name"]["surname"] for h in got["results"]}


def test_the_command_line_name_filters_take_wildcards_literally(built: Hostile) -> None:
    """`vigil persons --name %` listed every person: its LIKE pattern was not escaped."""
    for command in ("persons", "records"):
        for asked, found in (("%", set()), ("_", set()), ("Дропов'; DROP", {f"Дропов{SQL}"})):
            code, out, err = run_cli(command, "--name", asked, "--db", str(built.db), "--json")
            assert code == 0, err
            assert {r["surname"] for r in json.loads(out)} == found, (command, asked)


def test_the_command_line_finds_a_laced_name_by_the_name_it_shows(built: Hostile) -> None:
    """`vigil records --name Сидоров` missed "Сид\\u200bоров": the stored search words kept the
    zero-width space, and a query typed with one would not match the name without it."""
    laced = f"Сид{ZWSP}оров"
    for asked in ("Сидоров", laced, "сидоров никита"):
        code, out, err = run_cli("records", "--name", asked, "--db", str(built.db), "--json")
        assert code == 0, err
        assert laced in {r["surname"] for r in json.loads(out)}, asked
