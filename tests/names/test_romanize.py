from __future__ import annotations

import pytest

from vigil.names.romanize import romanize


@pytest.mark.parametrize(
    ("cyrillic", "press", "strict"),
    [
        ("Троцкий", "Trotsky", "Trotskiy"),
        ("Щербаков", "Shcherbakov", "Shcherbakov"),
        ("Ёлкина Юлия", "Elkina Yuliya", "Ëlkina Yuliya"),
        ("Зиновьев", "Zinovev", "Zinovev"),
        ("Лев Давидович", "Lev Davidovich", "Lev Davidovich"),
    ],
)
def test_bgn_pcgn(cyrillic: str, press: str, strict: str) -> None:
    assert romanize(cyrillic) == press
    assert romanize(cyrillic, simplified=False) == strict


def test_latin_passes_through() -> None:
    assert romanize("Trotsky 1879") == "Trotsky 1879"
