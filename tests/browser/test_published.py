"""The published site in a real browser: the name search runs without a server, opened from
disk (file://, where nothing may be fetched) and served under a sub-path, and its results lead
to the person and on to the cited source."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from vigil.publish import publish
from vigil.web.i18n import STRINGS

from .conftest import NO_PLAYWRIGHT, Built

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pw = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
expect = pw.expect


@pytest.fixture(scope="module")
def site(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo registry published, inside a folder, so that serving its parent puts the site
    under a sub-path."""
    root = tmp_path_factory.mktemp("published")
    (root / "memorial").mkdir()
    publish(str(built.db), root / "memorial" / "site", workers=1)
    return root


def _search(page: Page, lang: str, asked: str) -> None:
    t = STRINGS[lang]
    page.get_by_label(t["search.name"]).fill(asked)
    page.get_by_role("button", name=t["search.submit"]).click()


def test_offline_search_from_disk_finds_a_latin_spelling_and_leads_to_the_source(
    open_page: Callable[..., Page], site: Path
) -> None:
    page = open_page()
    page.goto((site / "memorial" / "site" / "ru" / "index.html").as_uri())
    _search(page, "ru", "Trotzki")
    hit = page.locator("#offline-results a", has_text="Троцкий")
    expect(hit).to_have_count(1)
    hit.click()
    expect(page).to_have_url(re.compile(r"^file://.*/ru/.*\.html$"))
    expect(page.locator("h1")).to_contain_text("Троцкий")
    cite = page.locator("article.record a.cite").first
    cite.click()
    expect(page).to_have_url(re.compile(r"/sources/.*#record-\d+$"))
    expect(page.locator("mark.record:target")).to_be_visible()


def test_offline_search_served_under_a_sub_path_in_english(
    open_page: Callable[..., Page], site: Path, serve_folder: Callable[[Path], str]
) -> None:
    base = serve_folder(site)
    page = open_page(locale="en-GB")
    page.goto(f"{base}/memorial/site/en/index.html")
    _search(page, "en", "Троцкого")  # an oblique case, in the other script from the page
    hit = page.locator("#offline-results a", has_text="Троцкий")
    expect(hit).to_have_count(1)
    hit.click()
    expect(page).to_have_url(re.compile(r"/memorial/site/en/.*\.html$"))
    expect(page.locator("h1")).to_contain_text("Троцкий")
