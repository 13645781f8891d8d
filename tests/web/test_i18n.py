"""Both languages: chosen by ?lang=, then a cookie, then Accept-Language; Russian by default."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from vigil.web.app import create_app

from .conftest import Built

PAGES = ("/", "/?q=Гаврилов", "/persons/1", "/records/1", "/sources", "/sources/1", "/x")


@pytest.fixture
def fresh(built: Built) -> TestClient:
    """A client with no cookie yet."""
    with TestClient(create_app(str(built.db))) as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_in_both_languages_with_a_switch(fresh: TestClient, url: str) -> None:
    sep = "&" if "?" in url else "?"
    ru = fresh.get(f"{url}{sep}lang=ru")
    en = fresh.get(f"{url}{sep}lang=en")
    assert '<html lang="ru">' in ru.text and '<html lang="en">' in en.text
    assert ru.headers["content-language"] == "ru"
    assert "Поиск" in ru.text and "Search" in en.text
    assert 'hreflang="en"' in ru.text and "lang=en" in ru.text  # the switch
    assert 'hreflang="ru"' in en.text and "lang=ru" in en.text


def test_the_choice_is_remembered_and_the_browser_is_asked(fresh: TestClient) -> None:
    assert '<html lang="ru">' in fresh.get("/").text  # the default
    assert '<html lang="en">' in fresh.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="ru">' in fresh.get("/", headers={"Accept-Language": "de, ru;q=0.5"}).text
    fresh.get("/?lang=en")
    assert '<html lang="en">' in fresh.get("/sources").text  # the cookie
    assert '<html lang="ru">' in fresh.get("/sources?lang=ru").text


def test_terms_and_dates_are_translated(fresh: TestClient) -> None:
    ru = fresh.get("/persons/1?lang=ru").text
    en = fresh.get("/persons/1?lang=en").text
    assert "расстрел" in ru and "execution" in en
    assert "декабря 1936" in ru and "December 1936" in en
