"""A reader's path through the pages in a real browser: search in another script, a person, a
citation to its span in the source, Back to the results; the other language; a withheld person.

The person is picked from the registry (the operator's view), not hard-coded: one whose records
are in both Latin and Cyrillic script, searched for as the Latin-script list writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from vigil.store import Registry
from vigil.web.i18n import STRINGS

from .conftest import NO_PLAYWRIGHT, Built

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

pw = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
expect = pw.expect


@dataclass(frozen=True)
class Crossing:
    """A person attested in both scripts: how a Latin-script list and a Russian one name them."""

    person: int
    latin: str  # surname and given name, as the Latin-script record writes them
    cyrillic: str  # the name as the Cyrillic record writes it
    cyrillic_record: int
    records: int  # how many records the person has


def _cyrillic(text: str) -> bool:
    return bool(re.search("[а-яё]", text, re.IGNORECASE))


@pytest.fixture(scope="module")
def crossing(registry: Registry) -> Crossing:
    for rec in registry.records(limit=None):
        if not (rec["surname"] and rec["given"] and rec["surname"].isascii()):
            continue
        person = registry.record_page(rec["id"], withhold=None)["person"]
        if person is None:
            continue
        records = registry.person(person)["records"]
        ru = next((r for r in records if _cyrillic(r["name_written"] or "")), None)
        if ru is not None:
            latin = f"{rec['surname']} {rec['given']}"
            return Crossing(person, latin, ru["name_written"], ru["id"], len(records))
    raise AssertionError("the demo registry has no person attested in both scripts")


def test_a_latin_spelling_finds_the_cyrillic_person_and_their_cited_source(
    open_page: Callable[..., Page], server_url: str, crossing: Crossing
) -> None:
    t = STRINGS["ru"]
    page = open_page(server_url, java_script_enabled=False)  # the pages need none
    page.goto("/")
    page.get_by_label(t["search.name"]).fill(crossing.latin)
    page.get_by_role("button", name=t["search.submit"]).click()

    hit = page.locator("li.hit").filter(has=page.locator(f'a[href="/persons/{crossing.person}"]'))
    expect(hit).to_contain_text(crossing.cyrillic)
    hit.locator(f'a[href="/persons/{crossing.person}"]').click()

    expect(page).to_have_url(re.compile(rf"/persons/{crossing.person}$"))
    cards = page.locator("article.record")
    expect(cards).to_have_count(crossing.records)
    for card in cards.all():
        expect(card.locator("a.cite").first).to_be_visible()
    card = page.locator(f"#record-{crossing.cyrillic_record}")
    expect(card.locator("blockquote")).to_contain_text(crossing.cyrillic)

    card.get_by_role("heading").get_by_role("link").click()
    expect(page).to_have_url(
        re.compile(rf"/sources/\d+(\?page=\d+)?#record-{crossing.cyrillic_record}$")
    )
    span = page.locator(":target")
    expect(span).to_have_id(f"record-{crossing.cyrillic_record}")
    expect(span).to_have_class("record")
    expect(span).to_contain_text(crossing.cyrillic.split()[0])
    expect(span).to_be_in_viewport()
    expect(span).to_have_css("outline-style", "solid")  # the style.css highlight of mark:target
    assert span.evaluate("e => e.tagName") == "MARK"

    page.go_back()
    expect(page).to_have_url(re.compile(rf"/persons/{crossing.person}$"))
    page.go_back()
    expect(page.get_by_label(t["search.name"])).to_have_value(crossing.latin)
    expect(page.locator("#results-h")).to_have_text(re.compile(t["search.found"].split("{")[0]))
    expect(hit).to_contain_text(crossing.cyrillic)


def site_nav(page: Page, lang: str) -> Locator:
    return page.get_by_role("navigation", name=STRINGS[lang]["site"])


def test_switching_language_keeps_the_page_and_is_remembered(
    page: Page, crossing: Crossing
) -> None:
    ru, en = STRINGS["ru"], STRINGS["en"]
    page.goto(f"/persons/{crossing.person}")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("#facts-h")).to_have_text(ru["person.facts"])

    site_nav(page, "ru").get_by_role("link", name=ru["switch"], exact=True).click()
    expect(page).to_have_url(re.compile(rf"/persons/{crossing.person}\?lang=en$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#facts-h")).to_have_text(en["person.facts"])
    expect(page.locator("#timeline-h")).to_have_text(en["person.timeline"])

    site_nav(page, "en").get_by_role("link", name=en["nav.search"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/$"))  # no ?lang: the cookie remembers English
    expect(page.locator("h1")).to_have_text(en["search.title"])

    site_nav(page, "en").get_by_role("link", name=en["switch"], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text(ru["search.title"])


def test_the_browsers_language_chooses_the_first_page(
    open_page: Callable[..., Page], server_url: str
) -> None:
    page = open_page(server_url, locale="en-GB")
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(STRINGS["en"]["search.title"])


def test_a_withheld_persons_page_is_not_found(page: Page, registry: Registry, built: Built) -> None:
    t = STRINGS["ru"]
    rid = built.ids["Живов"]  # born 1990, no date of death: may be alive
    pid = registry.record_page(rid, withhold=None)["person"]  # the operator's view: no policy
    page.goto("/persons/999999")
    missing = page.locator("main").inner_text()
    for url in (f"/persons/{pid}", f"/records/{rid}"):
        response = page.goto(url)
        assert response is not None and response.status == 404
        expect(page.locator("h1")).to_have_text(t["error.404"])
        expect(page.locator("main")).to_have_text(missing)  # exactly like an id that is not there
        expect(page.locator("body")).not_to_contain_text("Живов")
    page.get_by_role("link", name=t["error.back"]).click()
    expect(page.locator("h1")).to_have_text(t["search.title"])
