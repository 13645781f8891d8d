"""The offline search: the index Python builds, and the browser's script run under node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.web.conftest import Built
from vigil.names import phonetic, skeleton
from vigil.publish import Report
from vigil.publish.search_index import RUSSIAN, normalise, spellings, tables
from vigil.publish.site import STATIC
from vigil.store import Registry

from .conftest import WITHHELD

ASKED = ("Trotzki", "Trotsky", "Trockij", "Троцкий", "Троцкого", "TROTZKI", "Trotski")


def _entries(site: Report) -> list[list]:
    rows: list[list] = []
    for shard in (site.out / "search").glob("0*.js"):
        text = shard.read_text(encoding="utf-8")
        rows += json.loads(text[text.index(",") + 1 : text.rindex(")")])
    return rows


def _trotsky(built: Built) -> str:
    with Registry.open(str(built.db)) as reg:
        pid = reg.pair(built.ids["Троцкий"], built.ids["Троцкий"])["persons"][built.ids["Троцкий"]]
    return f"persons/{pid}.html"


def test_normalise_folds_case_diacritics_and_yo() -> None:
    assert normalise("Trotzki") == "trotzki"
    assert normalise("Léon") == normalise("LEON") == "leon"
    assert normalise("Семён") == "семен"
    assert normalise("Семёнов-Тян-Шанский") == "семеновтяншанский"
    assert normalise("Евгеньевич") == "евгеньевич"  # й and ь are letters, kept
    assert normalise("Evgenʹevič") == "evgenevic"  # the prime the schemes write for ь is not


def test_a_lemma_is_spelled_in_every_scheme_and_case() -> None:
    found = set(spellings("Троцкий", "surname"))
    assert {normalise(w) for w in ASKED} <= found
    assert skeleton("Троцкий") in found


def test_the_index_files_every_spelling_under_its_first_letter(site: Report, built: Built) -> None:
    url = _trotsky(built)
    shards = {p.stem: p for p in (site.out / "search").glob("0*.js")}
    for word in ASKED:
        letter = f"{ord(normalise(word)[0]):04x}"
        text = shards[letter].read_text(encoding="utf-8")
        rows = json.loads(text[text.index(",") + 1 : text.rindex(")")])
        assert any(r[0] == url and normalise(word) in r[3] for r in rows), word


def test_the_tables_for_the_browser_are_vigil_names_own() -> None:
    t = tables()
    assert set(t["skeleton"]) == set(RUSSIAN)
    for letter in RUSSIAN:
        assert t["skeleton"][letter] == skeleton(letter)
        assert t["phoneticHead"][letter] == phonetic(letter)
    assert t["phoneticTail"]["б"] == "p" and t["phoneticTail"]["о"] == ""


def test_only_published_people_are_in_the_index(site: Report) -> None:
    rows = _entries(site)
    assert len({r[0] for r in rows}) == site.persons + site.lone_records
    assert not any(normalise(w) in r[3] for r in rows for w in WITHHELD)


FIND = """
const fs = require("fs"), path = require("path"), vm = require("vm");
const [site, ...queries] = process.argv.slice(2);
const ctx = {}; ctx.globalThis = ctx; vm.createContext(ctx);
const run = (f) => vm.runInContext(fs.readFileSync(f, "utf8"), ctx, {filename: f});
run(path.join(site, "static", "search.js"));
run(path.join(site, "search", "tables.js"));
const out = {};
for (const q of queries) {
  for (const code of ctx.VigilSearch.shardsFor(q)) run(path.join(site, "search", code + ".js"));
  out[q] = ctx.VigilSearch.find(q);
}
console.log(JSON.stringify(out));
"""


def _node(site: Report, tmp_path: Path, *queries: str) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the browser's search script cannot be run")
    script = tmp_path / "find.js"
    script.write_text(FIND, encoding="utf-8")
    done = subprocess.run(
        [node, str(script), str(site.out), *queries], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_the_browser_finds_trotsky_in_any_spelling(
    site: Report, built: Built, tmp_path: Path
) -> None:
    url = _trotsky(built)
    found = _node(site, tmp_path, *ASKED, "Троцкий Семён", "Trotzki S.", "Трацкий")
    for query in ASKED:
        assert found[query]["stage"] == "exact", query
        assert [r[0] for r in found[query]["results"]] == [url], query
    assert [r[0] for r in found["Троцкий Семён"]["results"]] == [url]
    assert [r[0] for r in found["Trotzki S."]["results"]] == [url]  # an initial narrows
    assert found["Трацкий"]["stage"] == "similar"  # a misspelling, one letter off
    assert url in [r[0] for r in found["Трацкий"]["results"]]


def test_the_browser_narrows_by_given_name_and_finds_no_withheld(
    site: Report, tmp_path: Path
) -> None:
    found = _node(site, tmp_path, "Trotzki Lev", *WITHHELD)
    assert found["Trotzki Lev"]["results"] == []  # Троцкий here is Семён
    for name in WITHHELD:
        assert found[name]["results"] == [], name


def test_the_script_is_small_and_standalone() -> None:
    script = (STATIC / "search.js").read_text(encoding="utf-8")
    assert len(script) < 12_000
    code = script.split("*/", 1)[1]  # after the opening comment
    assert "require(" not in code and "import " not in code and "fetch(" not in code
