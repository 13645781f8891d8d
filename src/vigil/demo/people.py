"""Fictional people for the demo corpus and the benchmarks. None of them existed.

Names are drawn from common Russian surnames and given names and combined at random; dates,
places and charges follow the patterns of the 1930s lists so the readers meet realistic text.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
    "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
    "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
    "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
    "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
    "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
    "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
)  # fmt: skip
MALE_GIVEN = (
    "Иван", "Пётр", "Николай", "Алексей", "Михаил", "Сергей", "Василий", "Фёдор", "Григорий",
    "Дмитрий", "Андрей", "Александр", "Яков", "Павел", "Степан", "Семён", "Егор", "Лев",
    "Иосиф", "Борис", "Константин", "Тимофей", "Матвей", "Илья", "Владимир", "Евгений",
)  # fmt: skip
FEMALE_GIVEN = (
    "Мария", "Анна", "Екатерина", "Евдокия", "Прасковья", "Ольга", "Татьяна", "Елена",
    "Александра", "Надежда", "Вера", "Любовь", "Софья", "Анастасия", "Ксения", "Нина",
)  # fmt: skip
# Father's name -> patronymic stem; most add -ович/-овна, a few are irregular.
_PATRONYMIC_STEM = {"Илья": "Ильич", "Лев": "Львов", "Яков": "Яковлев", "Павел": "Павлов",
                    "Пётр": "Петров", "Фёдор": "Фёдоров", "Семён": "Семёнов", "Егор": "Егоров",
                    "Григорий": "Григорьев", "Василий": "Васильев", "Дмитрий": "Дмитриев",
                    "Алексей": "Алексеев", "Андрей": "Андреев", "Сергей": "Сергеев",
                    "Матвей": "Матвеев", "Тимофей": "Тимофеев", "Евгений": "Евгеньев"}  # fmt: skip
PLACES = (
    ("Тверская губ.", "с. Берёзовка"), ("Калужская губ.", "д. Горки"),
    ("Ярославская губ.", "г. Рыбинск"), ("Смоленская губ.", "д. Ключи"),
    ("Рязанская губ.", "с. Никольское"), ("Пермская губ.", "г. Кунгур"),
    ("Саратовская губ.", "с. Покровка"), ("Вологодская губ.", "д. Заречье"),
)  # fmt: skip
CITIES = ("г. Москва", "г. Ленинград", "г. Калинин", "г. Ярославль", "г. Свердловск")
NATIONALITIES = ("русский", "украинец", "белорус", "латыш", "поляк", "еврей", "немец")
OCCUPATIONS = (
    ("завод «Красный пролетарий»", "слесарь"), ("школа № 3", "учитель"),
    ("колхоз «Новая жизнь»", "счетовод"), ("железная дорога", "машинист"),
    ("типография «Правда»", "наборщик"), ("горком ВКП(б)", "инструктор"),
    ("трест «Союзстрой»", "инженер"), ("больница № 2", "врач"),
)  # fmt: skip
# (category words in the party clause, charge, sentence term, executed?)
CASES = (
    ("как троцкист", "ст. 58-10, 58-11 УК РСФСР (троцкистская деятельность)", "ВМН", True),
    ("как зиновьевец", "к.-р. троцкистско-зиновьевская организация", "ВМН", True),
    ("как белогвардеец", "ст. 58-10 УК РСФСР", "10 лет ИТЛ", False),
    ("как пассивный элемент", "КРА", "8 лет ИТЛ", False),
    ("за нарушение партийной дисциплины", "ст. 58-10 ч. 1 УК РСФСР", "5 лет ссылки", False),
    ("за связь с троцкистами", "ст. 58-8, 58-11 УК РСФСР", "ВМН", True),
)  # fmt: skip
AUTHORITIES = (
    "тройка УНКВД по Калининской обл.", "Особое совещание при НКВД СССР",
    "Комиссия НКВД и Прокуратуры СССР", "ВКВС СССР",
)  # fmt: skip
REHABILITATORS = ("ВКВС СССР", "Калининским облсудом", "прокуратурой Калининской обл.")


@dataclass(slots=True)
class Person:
    """One fictional person with the facts the sources will state about them."""

    pid: int
    sex: str
    surname: str
    given: str
    patronymic: str
    birth_year: int
    birth_region: str
    birth_village: str
    nationality: str
    employer: str
    position: str
    residence: str
    joined: int | None  # year joined the party; None for a non-member
    expelled: date | None
    expelled_as: str
    arrest: date
    authority: str
    sentenced: date
    charge: str
    term: str
    executed: date | None
    rehabilitated: date | None
    rehabilitated_by: str
    variants: list[str] = field(default_factory=list)


def patronymic(father: str, sex: str) -> str:
    stem = _PATRONYMIC_STEM.get(father)
    if stem == "Ильич":
        return "Ильич" if sex == "m" else "Ильинична"
    if stem is None and father.endswith("ий"):
        stem = father[:-2] + "ьев"
    elif stem is None and father.endswith("й"):
        stem = father[:-1] + "ев"
    elif stem is None:
        stem = father + "ов"
    return stem + ("ич" if sex == "m" else "на")


def feminine(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин")) else surname


def _day(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randrange(days))


def generate_people(n: int, seed: int = 1936) -> Iterator[Person]:
    """`n` fictional people; the same seed gives the same people."""
    rng = random.Random(seed)
    for pid in range(1, n + 1):
        sex = "f" if rng.random() < 0.2 else "m"
        surname = rng.choice(SURNAMES)
        surname = feminine(surname) if sex == "f" else surname
        given = rng.choice(FEMALE_GIVEN if sex == "f" else MALE_GIVEN)
        region, village = rng.choice(PLACES)
        employer, position = rng.choice(OCCUPATIONS)
        expelled_as, charge, term, shot = rng.choice(CASES)
        joined = rng.randrange(1917, 1930) if rng.random() < 0.75 else None
        expelled = _day(rng, date(1935, 7, 1), 300) if joined and rng.random() < 0.8 else None
        arrest = _day(rng, date(1936, 8, 1), 700)
        sentenced = arrest + timedelta(days=rng.randrange(10, 120))
        executed = sentenced + timedelta(days=rng.randrange(1, 20)) if shot else None
        rehab = _day(rng, date(1956, 1, 1), 365 * 35) if rng.random() < 0.8 else None
        yield Person(
            pid=pid, sex=sex, surname=surname, given=given,
            patronymic=patronymic(rng.choice(MALE_GIVEN), sex),
            birth_year=rng.randrange(1875, 1915), birth_region=region, birth_village=village,
            nationality=rng.choice(NATIONALITIES), employer=employer, position=position,
            residence=rng.choice(CITIES), joined=joined, expelled=expelled,
            expelled_as=expelled_as, arrest=arrest, authority=rng.choice(AUTHORITIES),
            sentenced=sentenced, charge=charge, term=term, executed=executed,
            rehabilitated=rehab, rehabilitated_by=rng.choice(REHABILITATORS),
            variants=[surname.replace("ё", "е")] if "ё" in surname else [],
        )  # fmt: skip
