"""In a real browser: the published site's offline search shows a name carrying a script as
text, and no script from the data runs (an alert would open a dialog). The hostile sources are
tests/hostile's; the test lives here to share this folder's one browser for the session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import NO_PLAYWRIGHT
from tests.hostile.conftest import Hostile, built  # noqa: F401  (a fixture)
from vigil.demo import hostile
from vigil.publish import publish
from vigil.web.i18n import STRINGS

if TYPE_CHECKING:
    from playwright.sync_api import Page

pw = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(built: Hostile, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    out = tmp_path_factory.mktemp("published-browser") / "site"
    publish(str(built.db), out, workers=1)
    return out


@pytest.mark.parametrize("asked", ["Скриптов", f"Скриптов{hostile.SCRIPT}", hostile.IMG])
def test_offline_search_shows_a_script_in_a_name_as_text(
    open_page: Callable[..., Page],
    site: Path,
    asked: str,
) -> None:
    page = open_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((site / "ru" / "index.html").as_uri())
    t = STRINGS["ru"]
    page.get_by_label(t["search.name"]).fill(asked)
    page.get_by_role("button", name=t["search.submit"]).click()
    results = page.locator("#offline-results")
    pw.expect(results.locator("h2")).to_be_visible()
    if asked.startswith("Скриптов"):
        hit = results.locator("a", has_text=hostile.SCRIPT)
        pw.expect(hit).to_have_count(1)
        assert hit.inner_text().startswith(f"Скриптов{hostile.SCRIPT}")
    assert results.locator("script, img, iframe, svg").count() == 0
    page.wait_for_timeout(200)  # an injected handler would have fired by now
    assert dialogs == []
