"""The memory-book reader on fictional notes written in the styles of Memorial's databases.

Every person and place detail below is invented for these tests; only the layout imitates the
real Books of Memory. The real-data test at the end reads the reference notes when present.
"""

from __future__ import annotations

import gzip
import re
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.dates import find_dates
from vigil.errors import InputError
from vigil.model import Event, Record
from vigil.readers import (
    get_reader,
    memorial_clauses,
    memorial_prose,
    memorial_readings,
    memory_book,
)
from vigil.readers.base import ReaderOptions
from vigil.readers.memorial_fields import NAME_WORD, first_date, is_patronymic
from vigil.readers.memorial_labels import label_at
from vigil.readers.memory_book import MemoryBookReader

READER = MemoryBookReader()


def parse(text: str) -> list[Record]:
    return list(READER.parse(text, "notes.txt", ReaderOptions()).records)


def one(text: str) -> Record:
    records = parse(text)
    assert len(records) == 1
    return records[0]


def events(rec: Record, type_: str) -> list[Event]:
    return [e for e in rec.events if e.type == type_]


def event(rec: Record, type_: str) -> Event:
    found = events(rec, type_)
    assert len(found) == 1, f"{type_}: {rec.events}"
    return found[0]


def edtf(ev: Event) -> str | None:
    return ev.date.edtf if ev.date else None


MALE = (
    (
        "Родился в 1897 г., Тверская губ., д. Заречье; русский;  образование начальное; "
        "член ВКП(б) с 1918, исключен в 1935;\n"
    )
    + """\
счетовод артели "Красный луч".
Проживал: г. Калинин, ул. Садовая, д. 4.
Арестован  12 августа 1937 г.
Приговорен: тройка при УНКВД по Калининской обл. 2 октября 1937 г., обв.: 58-10 УК РСФСР.
Приговор: ВМН
Расстрелян 9 октября 1937 г.
Место захоронения - г. Калинин.
Реабилитирован 14 мая 1958 г. Калининский облсуд"""
)

FEMALE = """\
Родилась в 1904 г., г. Вятка; русская; член ВКП(б), исключена из ВКП(б) в 1937 г. как троцкистка;
машинистка треста "Лесосплав".
Проживала: г. Киров.
Арестована  3 марта 1938 г.
Приговорена: ОСО при НКВД СССР 19 июня 1938 г., обв.: КРТД.
Приговор: 8 лет ИТЛ. Освобождена 21.11.1945
Реабилитирована в июле 1956 г."""


# -- the labelled line style -----------------------------------------------------------------


def test_labelled_note_gives_every_field():
    rec = one(MALE)
    assert rec.sex == "m"
    assert rec.birth_date is not None and rec.birth_date.edtf == "1897"
    assert rec.birth_place == "Тверская губ., д. Заречье"
    assert rec.nationality == "русский"
    assert rec.party == "член ВКП(б) с 1918, исключен в 1935"
    assert rec.occupation == 'счетовод артели "Красный луч"'
    assert rec.residence == "г. Калинин, ул. Садовая, д. 4"
    assert rec.name is None
    assert rec.warnings == []
    types_ = [e.type for e in rec.events]
    assert types_ == [
        "party.expulsion", "arrest", "sentence", "execution", "rehabilitation",
    ]  # fmt: skip


def test_labelled_note_events():
    rec = one(MALE)
    assert edtf(event(rec, "party.expulsion")) == "1935"
    assert edtf(event(rec, "arrest")) == "1937-08-12"
    sentence = event(rec, "sentence")
    assert edtf(sentence) == "1937-10-02"
    assert sentence.authority == "тройка при УНКВД по Калининской обл."
    assert sentence.charge == "58-10 УК РСФСР"
    assert sentence.category == "anti-soviet-agitation"
    assert sentence.detail == "ВМН"
    execution = event(rec, "execution")
    assert edtf(execution) == "1937-10-09"
    assert execution.place == "г. Калинин"  # the burial place
    rehab = event(rec, "rehabilitation")
    assert edtf(rehab) == "1958-05-14"
    assert rehab.authority == "Калининский облсуд"


def test_feminine_forms():
    rec = one(FEMALE)
    assert rec.sex == "f"
    assert rec.nationality == "русская"
    expulsion = event(rec, "party.expulsion")
    assert edtf(expulsion) == "1937"
    assert expulsion.category == "trotskyist"
    assert edtf(event(rec, "arrest")) == "1938-03-03"
    sentence = event(rec, "sentence")
    assert sentence.authority == "ОСО при НКВД СССР"
    assert sentence.category == "trotskyist"  # "КРТД"
    assert sentence.detail == "8 лет ИТЛ. Освобождена 21.11.1945"
    assert edtf(event(rec, "release")) == "1945-11-21"
    assert edtf(event(rec, "rehabilitation")) == "1956-07"
    assert rec.warnings == []


def test_abbreviated_labels_and_arrest_body_before_date():
    rec = one(
        "Род. в 1901 г., Латвия; латыш;\n"
        "Прож.: г. Рига.\n"
        "Арест. Рижским ГО НКВД 14 июня 1941 г.\n"
        "Реабил. 3 апреля 1990 г. Прокуратура ЛатССР"
    )
    assert rec.sex is None  # "Род." and "Прож." do not mark it
    assert rec.nationality == "латыш"
    assert rec.residence == "г. Рига"
    arrest = event(rec, "arrest")
    assert arrest.authority == "Рижским ГО НКВД"
    assert edtf(arrest) == "1941-06-14"
    assert event(rec, "rehabilitation").authority == "Прокуратура ЛатССР"
    assert rec.warnings == []


def test_sentence_without_body_and_term_on_its_own_line():
    rec = one(
        "Родился в 1880 г.\n"
        "Приговорен: в 1931 г., обв.: как кулак.\n"
        "Приговор: лишен избирательных прав"
    )
    sentence = event(rec, "sentence")
    assert edtf(sentence) == "1931"
    assert sentence.authority is None
    assert sentence.charge == "как кулак"
    assert sentence.detail == "лишен избирательных прав"
    assert sentence.category == "kulak"


def test_deportation_and_exile_from_the_term():
    deported = one(
        "Родилась в 1910 г.\n"
        "Приговорена: 12 декабря 1930 г., обв.: кулаки.\n"
        "Приговор: спецпоселение - Томская обл."
    )
    dep = event(deported, "deportation")
    assert edtf(dep) == "1930-12-12"
    assert dep.place == "Томская обл."
    assert dep.category == "kulak"
    exiled = one(
        "Родился в 1899 г.\n"
        "Приговорен: Коллегия ОГПУ 5 мая 1933 г., обв.: 58-10.\n"
        "Приговор: 3 года ссылки в Казахстан."
    )
    ex = event(exiled, "exile")
    assert ex.place == "Казахстан"
    assert ex.authority == "Коллегия ОГПУ"
    assert edtf(ex) == "1933-05-05"
    assert events(exiled, "deportation") == []


def test_death_and_burial_without_execution():
    rec = one("Родился в 1890 г.\nПриговор: 10 лет ИТЛ. Умер 3.02.1943 в Усольлаге.\n")
    death = event(rec, "death")
    assert edtf(death) == "1943-02-03"
    assert death.place == "Усольлаге"
    buried = one("Родился в 1888 г.\nМесто захоронения - г. Томск.")
    assert event(buried, "death").place == "г. Томск"


def test_rehabilitation_refused_is_not_an_event():
    rec = one("Родился в 1900 г.\nРеабилитирован  сведений о реабилитации нет")
    assert events(rec, "rehabilitation") == []
    assert rec.warnings == []


def test_rehabilitation_by_a_law_has_no_date_of_its_own():
    rec = one("Родилась в 1920 г.\nРеабилитирована  по Закону от 18 октября 1991 г.")
    rehab = event(rec, "rehabilitation")
    assert rehab.date is None  # the date is the law's
    assert rehab.detail == "по Закону от 18 октября 1991 г."


def test_arrest_line_without_its_label():
    rec = one(
        "Родился в 1899 г., г. Вольск;\n"
        "сапожник.\n"
        "Проживал: г. Вольск.\n"
        "Вольским РО НКВД 2 ноября 1937 г.\n"
        "Приговорен: тройка при УНКВД 20 ноября 1937 г., обв.: к.-р. агитация."
    )
    arrest = event(rec, "arrest")
    assert arrest.authority == "Вольским РО НКВД"
    assert edtf(arrest) == "1937-11-02"
    assert event(rec, "sentence").category == "anti-soviet-agitation"
    assert rec.warnings == []


def test_unlabelled_lines():
    rec = one(
        "Родился в 1890 г.\n"
        "крестьянин, в 1930 г. осужден на 3 года.\n"
        "Проживал: с. Липки.\n"
        "В 1931 г. приговорен к 3 г. высылки в г. Горький\n"
        "Арестован  5 мая 1937 г."
    )
    assert rec.occupation == "крестьянин, в 1930 г. осужден на 3 года"  # the occupation slot
    sentence = event(rec, "sentence")
    assert edtf(sentence) == "1931"
    assert sentence.detail == "3 г. высылки в г. Горький"
    exile = event(rec, "exile")
    assert exile.place == "г. Горький"
    assert edtf(event(rec, "arrest")) == "1937-05-05"
    assert rec.warnings == []


def test_birth_line_clauses_without_the_label():
    rec = one("русский; б/п;\nкрестьянин.\nАрестован  в 1931 г.")
    assert (rec.nationality, rec.party, rec.occupation) == ("русский", "б/п", "крестьянин")


# -- names -----------------------------------------------------------------------------------


def test_name_line_and_variants():
    rec = one(
        "Лебедева Анна Сергеевна\n"
        "(варианты фамилии: Лебедева-Орлова, Орлова)\n"
        "Родилась в 1902 г., г. Вологда; русская;\n"
        "Арестована  5 мая 1938 г."
    )
    assert rec.name is not None
    assert (rec.name.surname, rec.name.given, rec.name.patronymic) == (
        "Лебедева", "Анна", "Сергеевна",
    )  # fmt: skip
    assert rec.name.variants == ["Лебедева-Орлова", "Орлова"]
    assert rec.name.written == "Лебедева Анна Сергеевна"
    assert rec.sex == "f"
    assert rec.warnings == []


def test_name_line_with_yo_and_a_short_patronymic():
    rec = one("Воробьёв Лев Ильич\nПроживал: г. Ярославль.\nАрестован  2 мая 1937 г.")
    assert rec.name is not None
    assert (rec.name.surname, rec.name.patronymic) == ("Воробьёв", "Ильич")
    assert rec.occupation is None


def test_name_line_with_birth_year():
    rec = one("Сидоров Павел Ильич, 1899 г.р.\nПроживал: г. Омск.\nРасстрелян 2 марта 1938 г.")
    assert rec.name is not None and rec.name.surname == "Сидоров"
    assert rec.birth_date is not None and rec.birth_date.edtf == "1899"
    assert edtf(event(rec, "execution")) == "1938-03-02"


def test_variants_line_before_birth_and_bare_variants():
    rec = one("(варианты имени: Ефим)\n(Ефимов Иван Петрович)\nРодился в 1911 г.")
    assert rec.name is not None
    assert rec.name.surname is None
    assert rec.name.variants == ["Ефим", "Ефимов Иван Петрович"]


def test_an_occupation_line_is_not_taken_for_a_name():
    rec = one("Родился в 1905 г.\nСлужащий Госбанка.\nПроживал: г. Тула.")
    assert rec.name is None
    assert rec.occupation == "Служащий Госбанка"


# -- the one-line and prose styles -----------------------------------------------------------


def test_one_line_entry():
    rec = one(
        "Абакумов Иван Петрович, род. 1884, д. Куркино Московской губ., русский, член ВКП(б) "
        'с 1918, исключен в 1935, завод "Серп и молот": слесарь. Адрес: Москва, ул. Ленина, '
        "д. 5, кв. 3. Арестован 2 августа 1937 г. Расстрелян 17.05.1938. "
        "Место захоронения: Бутово."
    )
    assert rec.name is not None
    assert (rec.name.surname, rec.name.given, rec.name.patronymic) == (
        "Абакумов", "Иван", "Петрович",
    )  # fmt: skip
    assert rec.birth_date is not None and rec.birth_date.edtf == "1884"
    assert rec.birth_place == "д. Куркино Московской губ."
    assert rec.nationality == "русский"
    assert rec.party == "член ВКП(б) с 1918, исключен в 1935"
    assert rec.occupation == 'завод "Серп и молот": слесарь'
    assert rec.residence == "Москва, ул. Ленина, д. 5, кв. 3"
    assert edtf(event(rec, "party.expulsion")) == "1935"
    assert edtf(event(rec, "arrest")) == "1937-08-02"
    execution = event(rec, "execution")
    assert edtf(execution) == "1938-05-17"
    assert execution.place == "Бутово"
    assert rec.sex == "m"
    assert rec.warnings == []


def test_prose_with_dates_before_verbs():
    rec = one(
        "1901 г.р., уроженец сел. Верхнее, осетин, счетовод сельпо. 14.11.1937 г. арестован. "
        '22.01.1938 г. тройка НКВД СОАССР по ст. 58-11 "а" приговорен к ВМН.'
    )
    assert rec.birth_date is not None and rec.birth_date.edtf == "1901"
    assert rec.birth_place == "сел. Верхнее"
    assert rec.nationality == "осетин"
    assert rec.occupation == "счетовод сельпо"
    assert edtf(event(rec, "arrest")) == "1937-11-14"
    sentence = event(rec, "sentence")
    assert edtf(sentence) == "1938-01-22"
    assert sentence.authority == "тройка НКВД СОАССР"
    assert sentence.charge == 'по ст. 58-11 "а"'
    assert sentence.detail == "ВМН"
    assert rec.warnings == []


def test_prose_sentences_with_labels():
    rec = one(
        "р. 1899 в Рязани. Проживала в г. Оха. Телеграфистка. Арестована 3.09.1937. "
        "Осуждена 11.10.1937 тройкой по ст. 58-6 УК РСФСР к 10 годам ИТЛ. "
        "Реабилитирована 20.06.1989."
    )
    assert rec.sex == "f"
    assert rec.birth_place == "Рязани"
    assert rec.residence == "г. Оха"
    assert rec.occupation == "Телеграфистка"
    sentence = event(rec, "sentence")
    assert (sentence.authority, sentence.charge, sentence.detail) == (
        "тройкой", "по ст. 58-6 УК РСФСР", "10 годам ИТЛ",
    )  # fmt: skip
    assert sentence.category == "spy"
    assert edtf(event(rec, "rehabilitation")) == "1989-06-20"


# -- categories ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("charge", "category"),
    [
        ("как троцкист", "trotskyist"),
        ("участник зиновьевской группы", "zinovievist"),
        ("белогвардеец", "white-guard"),
        ("к.-р. деятельность", "counter-revolutionary"),
        ("КРА", "anti-soviet-agitation"),
        ("по ст. 58-10 УК РСФСР", "anti-soviet-agitation"),
        ("как ЧСИР", "family-member"),
        ("как кулак", "kulak"),
        ("хищение", None),
    ],
)
def test_category_from_the_charge(charge: str, category: str | None):
    rec = one(f"Родился в 1900 г.\nПриговорен: тройка 1 мая 1938 г., обв.: {charge}.")
    assert event(rec, "sentence").category == category


# -- spans, lines, entries, warnings ---------------------------------------------------------


def test_spans_lines_and_entries():
    text = "\n\n" + MALE + "\n\n  \n" + FEMALE + "\n"
    records = parse(text)
    assert [r.entry for r in records] == [1, 2]
    assert [r.line for r in records] == [3, 14]
    assert text[records[0].span.start : records[0].span.end] == MALE
    assert text[records[1].span.start : records[1].span.end] == FEMALE
    for rec in records:
        for ev in rec.events:
            assert ev.span is not None
            assert rec.span.start <= ev.span.start < ev.span.end <= rec.span.end
    male, female = records
    span_of = {e.type: text[e.span.start : e.span.end] for e in male.events if e.span}
    assert span_of["arrest"] == "Арестован  12 августа 1937 г."
    assert span_of["party.expulsion"] == "исключен в 1935"
    assert span_of["sentence"].startswith("Приговорен: тройка")
    assert span_of["sentence"].endswith("Приговор: ВМН")
    release = event(female, "release")
    assert text[release.span.start : release.span.end] == "Освобождена 21.11.1945"  # type: ignore[union-attr]


def test_crlf_text_keeps_spans():
    text = MALE.replace("\n", "\r\n") + "\r\n\r\n" + FEMALE.replace("\n", "\r\n")
    records = parse(text)
    assert len(records) == 2
    assert text[records[1].span.start : records[1].span.end] == FEMALE.replace("\n", "\r\n")
    assert records[1].line == 11


def test_unrecognised_line_is_kept_with_a_warning():
    text = MALE.replace("Расстрелян", "Какая-то запись 1940 г.\nРасстрелян")
    rec = one(text)
    assert rec.warnings == ["unrecognised line: «Какая-то запись 1940 г.»"]
    assert "Какая-то запись" in text[rec.span.start : rec.span.end]
    assert event(rec, "execution").date is not None  # the rest is still read


def test_unreadable_date_is_a_warning():
    rec = one("Родился в 1900 г.\nАрестован  32.13.1937")
    assert rec.warnings == ["arrest date not understood: «32.13.1937»"]
    assert event(rec, "arrest").date is None


def test_separator_and_empty_variants_lines_are_not_warnings():
    rec = one("---\n()\nРодился в 1900 г.\nРеабилитирован 1 июня 1990 г.")
    assert rec.warnings == []


def test_a_note_with_nothing_understood_says_so():
    records = parse(MALE + "\n\n---\n\n" + FEMALE)
    assert [r.warnings for r in records] == [[], ["nothing understood in this note"], []]


def test_empty_text_is_an_error():
    for text in ("", "  \n\t\n"):
        with pytest.raises(InputError, match="empty file"):
            READER.parse(text, "empty.txt", ReaderOptions())


def test_records_stream_lazily():
    parsed = READER.parse(MALE + "\n\n" + FEMALE, "notes.txt", ReaderOptions())
    assert isinstance(parsed.records, types.GeneratorType)
    assert parsed.body == MALE + "\n\n" + FEMALE
    assert parsed.meta.kind == "memory-book"
    first = next(iter(parsed.records))
    assert first.entry == 1


def test_registered_and_sniffed():
    assert get_reader("memory-book").name == "memory-book"
    assert READER.sniff(MALE + "\n\n" + FEMALE, "x.txt") > 0.8
    assert READER.sniff("Фамилия;Имя;Год рождения\nИванов;Иван;1900\n", "x.csv") < 0.3
    assert READER.sniff("Stalin Plans Wholesale Persecution\n\nWritten: 1936", "a.txt") < 0.3


def test_fast_dates_agree_with_dates_module():
    for phrase in (
        "в 1931 г.", "7 марта 1932 г.", "в июле 1998 г.", "29.09.1937", "1 мая 1938 г., обв.:",
        "тройка при УНКВД 20 мая 1938 г., ", "в 1930-е годы", "1937-1938 гг.", "около 1937 г.",
        "в 1931 г. по 1935 г.", "18.09.41г.", "12 декабря 1931 г.",
    ):  # fmt: skip
        hits = find_dates(phrase)
        ours = first_date(phrase)
        assert (ours[0] if ours else None) == (hits[0][0] if hits else None), phrase


# -- any text --------------------------------------------------------------------------------

FRAGMENTS = [
    "Родился в ", "Родилась ", "Род. ", "р. ", "Проживал: ", "Арестован  ", "Арест. ",
    "Приговорен: ", "Приговор: ", ", обв.: ", "Расстрелян ", "Место захоронения - ",
    "Реабилитирована ", "(варианты фамилии: ", "Иванов Иван Иванович", " 1937 г.", "12.05.1938",
    "7 марта 1932 г.", "; ", ". ", "\n", "\n\n", "\r\n", " ", "исключен в ", "Освобожден ",
    "Умер ", "г.р., ", "урож. ", "(", ")", "ссылки в ", "спецпоселение - ", "—", "**",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
        max_size=40,
    ).map("".join)
)
def test_any_text_gives_records_or_a_clean_error(text: str):
    try:
        parsed = READER.parse(text, "fuzz.txt", ReaderOptions())
    except InputError as exc:
        assert not text.strip()
        assert "fuzz.txt" in str(exc)
        return
    records = list(parsed.records)
    assert records
    for i, rec in enumerate(records, start=1):
        assert rec.entry == i
        assert 0 <= rec.span.start < rec.span.end <= len(text)
        assert text[rec.span.start : rec.span.end].strip()
        assert not any(w.startswith("parser error") for w in rec.warnings), rec.warnings
        for ev in rec.events:
            assert ev.span is not None
            assert rec.span.start <= ev.span.start <= ev.span.end <= rec.span.end


SHORTCUT_FRAGMENTS = [
    *FRAGMENTS, "освобождена", "Осв.", "освободили", "умерла", "Скончался", "погиб", "не ",
    "расстреляны", "сведений о реабилитации нет", "ОТКАЗАНО", "не реабилитирован", "Петрович ",
    "Мамед ОГЛЫ", "Иванов-Петров ", "ЁЛКИН ", "Р. 1895", "р-н ", "род. 1903", "урож. 1905",
    "1903 г.р., ", ". Проживал ", "Арестована:", "Реабил.", "\t", "\xa0",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(SHORTCUT_FRAGMENTS), st.text(max_size=8)),
        max_size=12,
    ).map("".join)
)
def test_shortcuts_agree_with_what_they_stand_for(text: str):
    """The reader's fast paths skip a pattern only when it could not match: they must give what
    the pattern gives, on any text."""
    # keyword pieces looked for before the pattern of events named in passing
    assert memorial_clauses.embedded(text) == memorial_clauses._embedded.__wrapped__(text)
    # a header's first character looked at before the header pattern, whose name words are
    # possessive
    head = re.compile(memorial_prose._HEAD.pattern.replace(memorial_prose._WORD, NAME_WORD))
    slow = bool(head.match(text) or memorial_prose._INNER_LABEL.search(text))
    assert memorial_prose.is_prose(text) == slow
    # pieces of the phrases that deny a rehabilitation looked for before their pattern
    denied = memorial_readings.read_rehabilitation.__wrapped__(text) is None
    assert denied == bool(memorial_readings._NO_REHAB.search(text))
    # a patronymic's ending, in the name words the name pattern reads
    for word in re.findall(NAME_WORD, text):
        slow_patronymic = re.search(r"(?:ич|вна|чна|оглы|кызы|улы|уулу)$", word, re.I)
        assert is_patronymic(word) == bool(slow_patronymic), word
    # a line's label told by its text up to the first space
    line = text.strip()
    if line:
        space = line.find(" ")
        handler, _, label_end = memory_book._label(line[:space] if space >= 0 else line)
        name, end = label_at(line, 0, len(line))
        assert (handler.__name__ if handler else None, label_end) == (name, end if name else 0)


# -- the real notes --------------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.slow
def test_real_notes_parse(memorial_notes: Path):
    text = gzip.decompress(memorial_notes.read_bytes()).decode("utf-8")
    total = clean = 0
    for rec in READER.parse(text, str(memorial_notes), ReaderOptions()).records:
        total += 1
        clean += not rec.warnings
        assert not any(w.startswith("parser error") for w in rec.warnings), rec.warnings
        assert text[rec.span.start : rec.span.end].strip()
    assert total == 46_397
    assert clean / total >= 0.95
