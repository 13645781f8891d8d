"""The published site escapes hostile data on every page, its search index holds it as JSON
data, and the offline search builds its results as text, never as markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vigil.demo import hostile
from vigil.publish import publish

from .conftest import Hostile, assert_inert

SEARCH_JS = Path(__file__).resolve().parents[2] / "src/vigil/publish/static/search.js"
OWN_SCRIPTS = re.compile(r"^(?:\.\./)*(?:static/search\.js|search/tables\.js)$")
SHARD = re.compile(r'\AVigilSearch\.shard\("([0-9a-f]{4,6})",(.*)\);\n\Z', re.DOTALL)


@pytest.fixture(scope="module")
def site(built: Hostile, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published") / "site"
    publish(str(built.db), out, workers=1)
    return out


def test_every_published_page_is_inert(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    text = ""
    for path in pages:
        html = path.read_text(encoding="utf-8")
        own = tuple(
            src for src in re.findall(r'<script src="([^"]*)"', html) if OWN_SCRIPTS.match(src)
        )
        text += assert_inert(html, own).all_text
    for payload in hostile.PAYLOADS:  # shown, as text
        assert payload in text


def test_the_search_index_holds_the_data_as_json(site: Path) -> None:
    """Each shard is one call with a JSON literal: nothing in a name can end the string or
    the call, and every link in it is a page the publication wrote."""
    names = []
    for path in sorted((site / "search").glob("*.js")):
        if path.name == "tables.js":
            continue
        m = SHARD.match(path.read_text(encoding="utf-8"))
        assert m, path
        for url, name, *_ in json.loads(m[2]):
            assert re.fullmatch(r"(?:persons|records)/\d+\.html", url), url
            names.append(name)
    assert any(hostile.SCRIPT in n for n in names)
    assert any(hostile.SQL in n for n in names)


def test_the_offline_search_builds_results_as_text() -> None:
    """search.js puts data into the page only through textContent, text nodes and the href
    of a link to an index URL; nothing that parses markup or runs code."""
    js = SEARCH_JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute", "srcdoc"):  # fmt: skip
        assert sink not in js, sink
    assert js.count(".textContent =") >= 4
    # the only href set is the index's URL after the page's base
    assert re.findall(r"\.href = ([^;]+);", js) == ["d.base + row[0]"]
