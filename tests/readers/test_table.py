from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.errors import InputError
from vigil.readers import ReaderOptions
from vigil.readers.table import TableReader, parse_mapping

READER = TableReader()

RU = (
    "№;Фамилия;Имя;Отчество;Год рождения;Дата ареста;Кем осужден;Статья;Приговор\n"
    "17;Петров;Пётр;Ильич;1901;12.03.1937;тройка УНКВД;58-10;ВМН\n"
    "18;Сидорова;Анна;Петровна;1899;5.11.1937;ОСО НКВД;как ЧСИР;8 лет ИТЛ\n"
)


def parse(text: str, path: str = "list.csv", **opts: object):  # type: ignore[no-untyped-def]
    parsed = READER.parse(text, path, ReaderOptions(**opts))  # type: ignore[arg-type]
    return parsed, list(parsed.records)


def test_known_headers_map_without_a_mapping() -> None:
    parsed, recs = parse(RU, id_column="№")
    assert len(recs) == 2
    r = recs[0]
    assert (r.locator, r.name.surname, r.name.given, r.name.patronymic) == (
        "17", "Петров", "Пётр", "Ильич",
    )  # fmt: skip
    assert r.birth_date.edtf == "1901"
    arrest, sentence = r.events
    assert arrest.type == "arrest" and arrest.date.edtf == "1937-03-12"
    assert sentence.authority == "тройка УНКВД"
    assert sentence.charge == "58-10"
    assert sentence.detail == "ВМН"
    assert sentence.category == "anti-soviet-agitation"
    assert recs[1].events[1].category == "family-member"
    assert parsed.meta.language == "ru"


def test_spans_cite_the_row_and_each_cell() -> None:
    parsed, recs = parse(RU)
    body = parsed.body
    r = recs[1]
    assert body[r.span.start : r.span.end] == RU.splitlines()[2]
    assert r.line == 3
    arrest = r.events[0]
    assert body[arrest.span.start : arrest.span.end] == "5.11.1937"
    sentence = r.events[1]
    assert body[sentence.span.start : sentence.span.end] == "ОСО НКВД;как ЧСИР;8 лет ИТЛ"


def test_explicit_mapping_and_tsv() -> None:
    text = "Name\tYOB\tShot\nTrotsky, Leon Davidovich\t1879\t\n"
    _, recs = parse(text, "l.tsv", mapping=parse_mapping("name=Name,birth=YOB,execution=Shot"))
    (r,) = recs
    assert (r.name.surname, r.name.given, r.name.patronymic) == ("Trotsky", "Leon", "Davidovich")
    assert r.birth_date.edtf == "1879"
    assert r.events == []


def test_malformed_row_is_kept_with_a_warning() -> None:
    text = "Фамилия,Год рождения\nИванов,1900,лишнее\nПетров,около\n"
    _, recs = parse(text)
    assert [r.name.surname for r in recs] == ["Иванов", "Петров"]
    assert "3 fields" in recs[0].warnings[0]
    assert "not understood" in recs[1].warnings[0]


def test_quoted_field_with_newline_keeps_line_numbers() -> None:
    text = 'Фамилия,Место жительства\nИванов,"г. Тверь,\nул. Советская"\nПетров,Москва\n'
    parsed, recs = parse(text)
    assert recs[0].residence == "г. Тверь,\nул. Советская"
    assert (recs[0].line, recs[1].line) == (2, 4)
    assert parsed.body[recs[1].span.start : recs[1].span.end] == "Петров,Москва"


def test_mapping_to_a_missing_column_is_a_clear_error() -> None:
    with pytest.raises(InputError) as exc:
        parse(RU, mapping=parse_mapping("surname=Surname"))
    assert exc.value.line == 1
    assert "'Surname'" in exc.value.reason and "Фамилия" in exc.value.reason


@pytest.mark.parametrize("bad", ["surname", "colour=Цвет", "arrest.when=Дата"])
def test_bad_mapping_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_mapping(bad)


def test_sniff_prefers_delimited_text() -> None:
    assert READER.sniff(RU, "x.txt") > 0.5
    assert READER.sniff("Родился в 1900 г.\nПроживал: г. Тверь.", "x.txt") == 0.0


def test_dates_read_only_in_part_are_kept_with_a_warning() -> None:
    text = "Фамилия,Дата ареста\nИванов,03/12/1937\nПетров,1937 or 1938\nСидоров,12.03.1937 г.\n"
    _, recs = parse(text)
    assert [r.events[0].date.edtf for r in recs] == ["1937", "1937", "1937-03-12"]
    assert "only partly understood (read as 1937)" in recs[0].warnings[0]
    assert "only partly understood" in recs[1].warnings[0]
    assert recs[2].warnings == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('аб,;\t"\n\r 12.Иванов')), max_size=200))
def test_any_rows_give_records_or_a_clean_error(rows: str) -> None:
    text = "Фамилия,Год рождения,Дата ареста\n" + rows
    try:
        parsed, recs = parse(text)
    except InputError as exc:
        assert exc.path == "list.csv"
        return
    for r in recs:
        assert 0 <= r.span.start <= r.span.end <= len(parsed.body)
