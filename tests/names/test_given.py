"""The given-name table: its classes, and lookups through skeletons."""

from __future__ import annotations

import re

import pytest

from vigil.names import given_key, skeleton
from vigil.names.given import given_sex, rendering_class, table


def test_the_table_is_large_and_unambiguous() -> None:
    t = table()
    assert len(t.classes) >= 300
    assert t.conflicts == []  # no form's skeleton is claimed by two classes


def test_every_class_has_a_cyrillic_form_and_latin_forms() -> None:
    for class_id, forms in table().classes.items():
        assert re.fullmatch("[a-z_]+", class_id), class_id
        assert any(re.search("[а-яё]", f.lower()) for f in forms), class_id
        assert any(re.search("[a-z]", f.lower()) for f in forms), class_id


@pytest.mark.parametrize(
    ("forms", "class_id"),
    [
        (["Лев", "Лёва", "Лева", "Leo", "Léon", "Lev", "Lyova", "Ljova", "Löw", "Лейба"], "lev"),
        (["Иосиф", "Осип", "Ося", "Joseph", "Josef", "Józef", "Ossip", "Iosif", "Yosef"], "iosif"),
        (["Юрий", "Юра", "Yuri", "Iouri", "Jurij", "Yury"], "yury"),
        (["Иван", "Ваня", "John", "Johann", "Jan", "Jean", "Giovanni", "Ivan"], "ivan"),
        (["Александр", "Саша", "Шура", "Alexander", "Sasha", "Sascha", "Alexandra"], "aleksandr"),
        (["Евгений", "Евгения", "Женя", "Eugene", "Jewgeni", "Yevgeny", "Evgenia"], "evgeny"),
        (["William", "Bill", "Will", "Billy", "Вильгельм", "Уильям", "Guillaume"], "vilgelm"),
        (["Thomas", "Tom", "Tommy", "Фома", "Tomasz"], "foma"),
        (["Robert", "Bob", "Bobby", "Rob", "Роберт"], "robert"),
        (["Elizabeth", "Betty", "Liz", "Beth", "Елизавета", "Лиза", "Elżbieta"], "elizaveta"),
        (["Margaret", "Peggy", "Maggie", "Маргарита", "Małgorzata"], "margarita"),
        (["Хаим", "Chaim", "Haim"], "khaim"),
        (["Мовша", "Моисей", "Moses", "Moshe"], "moisei"),
        (["Ганна", "Анна", "Hannah", "Ania", "Nancy"], "anna"),
        (["Michael", "Micheal", "Mícheál", "Майкл", "Михаил"], "mikhail"),
        (["Seán", "Sean", "Siôn", "Шон", "João", "Жуан", "Jón", "Йоун"], "ivan"),
        (["Gaius", "Caius", "Cayo", "Гай"], "gai"),
    ],
)  # fmt: skip
def test_forms_meet_in_their_class(forms: list[str], class_id: str) -> None:
    assert {given_key(f) for f in forms} == {class_id}


def test_rendering_class_reads_latin_by_skeleton_and_cyrillic_as_spelled() -> None:
    assert rendering_class("Mícheál") == rendering_class("Майкл") == "mikhail"
    assert rendering_class("Ljova") == rendering_class("Лёва") == rendering_class("Лева") == "lev"
    # Томиё reads like Tommy (skeleton "tomi"), but the table spells no such Cyrillic form
    assert table().lookup("Томиё") == "foma"
    assert rendering_class("Томиё") is None
    assert rendering_class("Xyzzy") is None


def test_unknown_names_fall_back_to_their_skeleton() -> None:
    assert given_key("Xyzzy") == skeleton("Xyzzy") == "ksisi"


@pytest.mark.parametrize(
    ("name", "sex"),
    [("Анна", "f"), ("Лев", "m"), ("Саша", None), ("Alexandra", "f"), ("Sasha", None),
     ("Ossip", "m"), ("Карл", "m")],
)  # fmt: skip
def test_given_sex(name: str, sex: str | None) -> None:
    assert given_sex(name) == sex
