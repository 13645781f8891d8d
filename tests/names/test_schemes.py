"""romanizations: a Cyrillic name in every scheme the sources use."""

from __future__ import annotations

import pytest

from vigil.names import romanizations, skeleton


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Троцкий", {"iso9": "Trockij", "scholarly": "Trockij", "bgn_pcgn": "Trotskiy",
                     "english": "Trotsky", "passport": "Trotskii", "german": "Trotzki",
                     "french": "Trotski", "polish": "Trocki"}),
        ("Чичерин", {"german": "Tschitscherin", "french": "Tchitcherine", "polish": "Cziczerin",
                     "iso9": "Čičerin", "bgn_pcgn": "Chicherin"}),
        ("Жуков", {"german": "Schukow", "french": "Joukov", "polish": "Żukow", "iso9": "Žukov"}),
        ("Ягода", {"german": "Jagoda", "french": "Iagoda", "passport": "Iagoda",
                   "bgn_pcgn": "Yagoda", "scholarly": "Jagoda"}),
        ("Зиновьев", {"german": "Sinowjew", "french": "Zinoviev", "wikipedia": "Zinovyev"}),
        ("Хрущёв", {"german": "Chruschtschow", "iso9": "Hruŝëv", "scholarly": "Xruščëv"}),
        ("Сергей", {"french": "Sergueï", "german": "Sergei", "polish": "Sergej"}),
        ("Достоевский", {"german": "Dostojewski", "polish": "Dostojewski"}),
        ("Бонч-Бруевич", {"german": "Bontsch-Brujewitsch", "english": "Bonch-Bruevich"}),
    ],
)  # fmt: skip
def test_schemes(word: str, expected: dict[str, str]) -> None:
    got = romanizations(word)
    assert {scheme: got[scheme] for scheme in expected} == expected


def test_all_schemes_and_case() -> None:
    got = romanizations("ИВАНОВ")
    assert set(got) == {"iso9", "scholarly", "bgn_pcgn", "english", "wikipedia", "passport",
                        "passport_1997", "german", "french", "polish"}  # fmt: skip
    assert got["german"] == "IWANOW"


@pytest.mark.parametrize(
    "word",
    ["Троцкий", "Чичерин", "Жуков", "Ягода", "Молотов", "Каменев", "Зиновьев", "Рыков",
     "Ворошилов", "Калинин", "Радек", "Пятаков", "Сокольников", "Мандельштам", "Пастернак",
     "Шаламов", "Щукин", "Жданов", "Юдин", "Крупская", "Достоевский", "Юрий", "Сергей"],
)  # fmt: skip
def test_schemes_share_the_skeleton(word: str) -> None:
    assert {skeleton(s) for s in romanizations(word).values()} == {skeleton(word)}
