"""An editor's path in a real browser: log in, decide a pair on the review page and see it
stored under the account; upload a list, watch the job finish, and open the new source."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from vigil.store import Registry
from vigil.web.i18n import STRINGS

from ..web.test_auth import add_accounts, password
from .conftest import NO_PLAYWRIGHT, Built

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pw = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
expect = pw.expect
T = STRINGS["ru"]


@pytest.fixture(scope="module")
def editing(
    built: Built, tmp_path_factory: pytest.TempPathFactory, vigil_server
) -> tuple[str, Path]:
    """A server over a copy of the registry, which these tests change, with an account per
    role (tests/web/test_auth.py)."""
    db = tmp_path_factory.mktemp("editing") / "vigil.db"
    shutil.copy(built.db, db)
    add_accounts(db)
    return vigil_server(db=db), db


def log_in(page: Page, role: str, target: str) -> None:
    """Go to a page, be sent to the login form, log in, and land back on it."""
    page.goto(target)
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.get_by_label(T["auth.name"]).fill(role)
    page.get_by_label(T["auth.password"]).fill(password(role))
    page.get_by_role("button", name=T["auth.submit"]).click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))


def test_a_reviewer_decides_a_pair_and_the_next_one_appears(
    open_page: Callable[..., Page], editing: tuple[str, Path]
) -> None:
    url, db = editing
    page = open_page(url)
    log_in(page, "reviewer", "/review")
    expect(page.locator("table.waterfall")).to_be_visible()
    a = int(page.locator('input[name="a"]').input_value())
    b = int(page.locator('input[name="b"]').input_value())
    page.get_by_label(T["review.reason"]).fill("one man, two lists")
    page.get_by_role("button", name=T["verdict.different"], exact=True).click()

    expect(page.locator("p.note[role=status]")).to_be_visible()
    assert (
        int(page.locator('input[name="a"]').input_value()),
        int(page.locator('input[name="b"]').input_value()),
    ) != (a, b)
    with Registry.open(str(db)) as reg:
        decided = reg.pair(a, b)["decisions"]
    assert [(d["verdict"], d["actor"], d["reason"]) for d in decided] == [
        ("different", "web:reviewer", "one man, two lists")
    ]


def test_an_upload_runs_to_its_source(
    open_page: Callable[..., Page], editing: tuple[str, Path], tmp_path: Path
) -> None:
    url, db = editing
    listing = tmp_path / "expelled.csv"
    listing.write_text(
        "№;Фамилия;Имя;Отчество;Год рождения;Дата ареста\n"
        "1;Загрузкин;Фёдор;Ильич;1895;03.04.1937\n"
        "2;Браузеров;Семён;Петрович;1901;11.11.1937\n",
        encoding="utf-8",
    )
    page = open_page(url)
    log_in(page, "editor", "/ingest")
    page.get_by_label(T["ingest.file"]).set_input_files(str(listing))
    page.get_by_label(T["ingest.format"]).select_option("table")
    page.get_by_label(T["ingest.id_column"]).fill("№")
    page.get_by_role("button", name=T["ingest.submit"]).click()

    expect(page).to_have_url(re.compile(r"/ingest/jobs/[\w-]+$"))
    done = page.locator("p.note[role=status]")  # the page reloads itself until the job ends
    expect(done).to_contain_text(T["job.done"], timeout=30_000)
    done.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/sources/\d+"))
    expect(page.locator("main")).to_contain_text("Загрузкин")
    with Registry.open(str(db)) as reg:
        assert any(r["surname"] == "Браузеров" for r in reg.records(name="Браузеров"))
