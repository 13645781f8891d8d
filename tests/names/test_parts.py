"""parse_name and from_parts on names as the sources write them."""

from __future__ import annotations

import pytest

from vigil.names import NameParts, from_parts, parse_name


def parts(text: str) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    p = parse_name(text)
    return p.surname, p.given, p.patronymic, p.given_initial, p.patronymic_initial


@pytest.mark.parametrize(
    "text",
    [
        "Иванов Иван Иванович",
        "Иван Иванович Иванов",
        "ИВАНОВ Иван Иванович",
        "иванов иван иванович",
        "Иванов, Иван Иванович",
    ],
)
def test_russian_orders_and_cases(text: str) -> None:
    assert parts(text) == ("Иванов", "Иван", "Иванович", "И", "И")
    assert parse_name(text).sex == "m"
    assert parse_name(text).script == "cyrl"


@pytest.mark.parametrize(
    "text",
    ["Ivanov, Ivan Ivanovich", "Ivan Ivanovich Ivanov", "IVANOV Ivan Ivanovich"],
)
def test_latin_orders(text: str) -> None:
    assert parts(text) == ("Ivanov", "Ivan", "Ivanovich", "I", "I")
    assert parse_name(text).script == "latn"


@pytest.mark.parametrize(
    ("text", "surname", "initials"),
    [
        ("Иванов И. И.", "Иванов", ("И", "И")),
        ("Иванов И.И.", "Иванов", ("И", "И")),
        ("И.И. Иванов", "Иванов", ("И", "И")),
        ("I. I. Ivanov", "Ivanov", ("I", "I")),
        ("Trockij L. D.", "Trockij", ("L", "D")),
        ("Yu. A. Gagarin", "Gagarin", ("Yu", "A")),
        ("Петров А.", "Петров", ("А", None)),
    ],
)
def test_initials(text: str, surname: str, initials: tuple[str, str | None]) -> None:
    p = parse_name(text)
    assert (p.surname, p.given, p.patronymic) == (surname, None, None)
    assert (p.given_initial, p.patronymic_initial) == initials


@pytest.mark.parametrize(
    ("text", "expected", "sex"),
    [
        ("Ивановой Анне Сергеевне", ("Иванова", "Анна", "Сергеевна"), "f"),
        ("Троцкого Льва Давидовича", ("Троцкий", "Лев", "Давидович"), "m"),
        ("Каменеву Льву Борисовичу", ("Каменев", "Лев", "Борисович"), "m"),
        ("Бонч-Бруевича Владимира Дмитриевича", ("Бонч-Бруевич", "Владимир", "Дмитриевич"), "m"),
        ("Шмидт Анне Карловне", ("Шмидт", "Анна", "Карловна"), "f"),
        ("Енукидзе Авелю Сафроновичу", ("Енукидзе", "Авель", "Сафронович"), "m"),
    ],
)
def test_oblique_cases_become_nominative(
    text: str, expected: tuple[str, str, str], sex: str
) -> None:
    p = parse_name(text)
    assert (p.surname, p.given, p.patronymic) == expected
    assert p.sex == sex


def test_unknown_surname_declines_only_when_the_other_words_fix_the_case() -> None:
    # "Пупкин" is not in the dictionary: its dative is recognised from the known words.
    assert parse_name("Пупкиной Анне Сергеевне").surname == "Пупкина"
    # Alone, an unknown word stays as written.
    assert parse_name("Пупкиной").surname == "Пупкиной"


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Пилипуком Петром Григорьевичем", "Пилипук"),  # a consonant stem, instrumental
        ("Клавайтису Карлу Карловичу", "Клавайтис"),
        ("Марчовичем Семёном Остаповичем", "Марчович"),
        ("Кондратовскому Ивану Романовичу", "Кондратовский"),
        ("Калиначовым Григорием Николаевичем", "Калиначов"),
        ("Бжезиника Вячеслава Казимировича", "Бжезиник"),
        ("Боголуциной Елене Константиновне", "Боголуцина"),
        ("Решетачову Анну Ивановну", "Решетачова"),
        # A woman's consonant-stem surname does not decline: it stays as written.
        ("Пилипук Анне Ивановне", "Пилипук"),
    ],
)
def test_surnames_the_dictionary_lacks_decline_by_their_ending(text: str, surname: str) -> None:
    assert parse_name(text).surname == surname


def test_yo_is_kept_as_written() -> None:
    assert parts("Фёдоров Фёдор Фёдорович")[:3] == ("Фёдоров", "Фёдор", "Фёдорович")
    # the dictionary's nominative has ё; a source that wrote е keeps е
    assert parse_name("Зборовского Петра").given == "Петр"
    assert parse_name("Зборовского Петра").surname == "Зборовский"


@pytest.mark.parametrize(
    ("text", "surname", "given"),
    [
        ("TROTZKI Leo", "Trotzki", "Leo"),
        ("Trotski, Léon", "Trotski", "Léon"),
        ("Lev Davidovich Trotsky", "Trotsky", "Lev"),
        ("MANDELSTAM Ossip", "Mandelstam", "Ossip"),
        ("Anna Akhmatova", "Akhmatova", "Anna"),
        ("Ludwig van Beethoven", "van Beethoven", "Ludwig"),
        ("John Fitzgerald Kennedy", "Kennedy", "John Fitzgerald"),
        ("Marx, Karl Heinrich", "Marx", "Karl Heinrich"),
    ],
)
def test_latin_lists(text: str, surname: str, given: str) -> None:
    p = parse_name(text)
    assert (p.surname, p.given) == (surname, given)


def test_double_surnames_particles_and_turkic_patronymics() -> None:
    assert parts("Петрова-Водкина Анна")[:2] == ("Петрова-Водкина", "Анна")
    assert parts("фон Мекк Надежда Филаретовна")[:3] == ("фон Мекк", "Надежда", "Филаретовна")
    p = parse_name("Алиев Гейдар Алирза оглы")
    assert (p.surname, p.given, p.patronymic, p.sex) == ("Алиев", "Гейдар", "Алирза оглы", "m")


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Петрова Мария", "f"),  # surname ending
        ("Крупская Надежда Константиновна", "f"),  # patronymic
        ("Енукидзе Авель Сафронович", "m"),
        ("Anna Akhmatova", "f"),
        ("Trockij L. D.", "m"),
        ("Енукидзе", None),  # the surname does not show it
    ],
)
def test_sex(text: str, sex: str | None) -> None:
    assert parse_name(text).sex == sex


def test_from_parts_normalises_case_and_declension() -> None:
    p = from_parts("ИВАНОВОЙ", "анне", "Сергеевне")
    assert (p.surname, p.given, p.patronymic, p.sex) == ("Иванова", "Анна", "Сергеевна", "f")
    assert (p.given_initial, p.patronymic_initial) == ("А", "С")


def test_initials_with_a_written_out_given_name_and_a_birth_year() -> None:
    assert parts("Иванов Иван И.") == ("Иванов", "Иван", None, "И", "И")
    assert parts("Ivan I. Ivanov") == ("Ivanov", "Ivan", None, "I", "I")
    assert parts("Петров Иван Сергеевич 1897 г.р.") == ("Петров", "Иван", "Сергеевич", "И", "С")


def test_a_lone_given_name_is_a_given_name() -> None:
    assert parts("Анна") == (None, "Анна", None, "А", None)
    assert parts("Иванов") == ("Иванов", None, None, None, None)


def test_from_parts_initials_and_stated_sex() -> None:
    p = from_parts("Trotsky", "L.", "D.", written="Trotsky L. D.", sex="m")
    assert (p.given, p.given_initial, p.patronymic_initial) == (None, "L", "D")
    assert p.written == "Trotsky L. D."
    assert p.sex == "m"
    assert from_parts(None, None, None).surname is None
    p = from_parts("Иванов", "Иван", "И.")
    assert (p.given, p.patronymic, p.patronymic_initial) == ("Иван", None, "И")


def test_parts_are_frozen_and_compare_without_the_written_text() -> None:
    a = parse_name("Иванов Иван Иванович")
    b = parse_name("Иван Иванович Иванов")
    assert a == b and hash(a) == hash(b)
    assert a.written != b.written
    with pytest.raises(AttributeError):
        a.surname = "Петров"  # type: ignore[misc]
    assert isinstance(a, NameParts)


def test_odd_input_does_not_fail() -> None:
    assert parse_name("").surname is None
    assert parse_name("  ,  ").surname is None
    assert parse_name("1937").surname is None
