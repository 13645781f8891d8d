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


# In document order: each text node holding a right-to-left override, and the first text after
# it with two letters side by side on one line. Those two letters must read left to right (a
# later one further right): an override left open runs on to the end of its paragraph.
FLIPPED_AFTER_OVERRIDE = """() => {
  const RLO = "\\u202e";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  const flipped = [];
  let checked = 0;
  nodes.forEach((n, i) => {
    if (!n.data.includes(RLO)) return;
    for (const m of nodes.slice(i + 1)) {
      if (m.data.includes(RLO)) break;
      const k = m.data.search(/\\p{L}\\p{L}/u);
      if (k < 0) continue;
      const box = (at) => { const r = document.createRange(); r.setStart(m, at);
                            r.setEnd(m, at + 1); return r.getBoundingClientRect(); };
      const a = box(k), b = box(k + 1);
      if (Math.abs(a.top - b.top) > 2) break;  // not on one line: nothing to judge
      checked += 1;
      if (b.left < a.left) flipped.push(n.data + " | " + m.data.slice(k, k + 30));
      break;
    }
  });
  return {checked, flipped};
}"""


def test_a_right_to_left_override_in_the_data_turns_no_text_after_it(
    open_page: Callable[..., Page],
    vigil_server: Callable[..., str],
    built: Hostile,  # noqa: F811
) -> None:
    """A name written with U+202E shows as written, but the text after it on the page (a date,
    a citation, the next name) still reads left to right."""
    url = vigil_server(db=built.db)
    rlo = [r for r in built.records if any(hostile.RLO in str(v) for v in r.values())]
    assert rlo, "the hostile sources hold values with a right-to-left override"
    paths = ["/?q=" + "Пет", "/sources"]
    paths += [f"/records/{r['id']}" for r in rlo]
    paths += sorted({f"/sources/{r['source_id']}" for r in rlo})
    page = open_page(url)
    checked = 0
    for path in paths:
        page.goto(url + path)
        found = page.evaluate(FLIPPED_AFTER_OVERRIDE)
        assert found["flipped"] == [], path
        checked += found["checked"]
    assert checked >= 3  # the test saw overrides with text after them on one line
