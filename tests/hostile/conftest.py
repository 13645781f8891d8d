"""A registry built from hostile sources through `vigil ingest`, linked, served in-process.

A small fictional demo corpus goes in first, so that linkage has ordinary people to train on
and the hostile ones sit among them as they would in a real registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from vigil.cli import app as cli
from vigil.demo import hostile, write_corpus
from vigil.ingest import ingest_path
from vigil.store import Registry
from vigil.web import create_app


@dataclass
class Hostile:
    db: Path
    sources: list[hostile.HostileSource]
    source_ids: dict[str, int]  # file name -> source id
    records: list[dict]  # every record of the hostile sources, as the registry holds it


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def ingest_cli(db: Path, src: hostile.HostileSource) -> tuple[int, str, str]:
    """`vigil ingest` as a user types it, with the source's format and options."""
    args = ["ingest", str(src.path), "--db", str(db), "--format", src.format, "--quiet"]
    if src.options.mapping:
        args += ["--map", ",".join(f"{f}={c}" for f, c in src.options.mapping.items())]
    if src.options.id_column:
        args += ["--id-column", src.options.id_column]
    return run_cli(*args)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    from vigil.linkage.run import link

    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        for src in write_corpus(folder / "corpus", n_people=60):
            ingest_path(reg, src.path, src.format, src.options)
    sources = hostile.write_sources(folder / "sources")
    for src in sources:
        code, _out, err = ingest_cli(db, src)
        assert code == 0, err
    with Registry.open(str(db)) as reg:
        link(reg)
        ids = {s["filename"]: s["id"] for s in reg.sources()}
        wanted = {ids[s.path.name] for s in sources}
        records = [r for r in reg.records(limit=None) if r["source_id"] in wanted]
    return Hostile(db, sources, {s.path.name: ids[s.path.name] for s in sources}, records)


@pytest.fixture(scope="session")
def _client(built: Hostile) -> TestClient:
    with TestClient(create_app(str(built.db))) as c:
        yield c


@pytest.fixture
def client(_client: TestClient) -> TestClient:
    _client.cookies.clear()
    return _client


@pytest.fixture(scope="session")
def registry(built: Hostile) -> Registry:
    reg = Registry.open(str(built.db))
    yield reg
    reg.close()


# -- what a page's HTML is made of -------------------------------------------------------

# (the statistics draw charts as <svg>, so an svg is judged by its attributes alone)
DANGEROUS_TAGS = frozenset(("script", "img", "iframe", "object", "embed", "b"))


class Page(HTMLParser):
    """Every element and attribute of a page, and its text, as a browser would parse them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def assert_inert(html: str, own_scripts: tuple[str, ...] = ()) -> Page:
    """No element or attribute of the page came from the data: no script but the app's own
    (`own_scripts`: the src of each), no event handler, no javascript: link, none of the
    tags the hostile data carries (the app's pages use none of them)."""
    page = Page(html)
    for tag, attrs in page.elements:
        where = f"<{tag} {attrs}>"
        if tag == "script":
            assert attrs.get("src") in own_scripts, f"a script the app did not write: {where}"
        else:
            assert tag not in DANGEROUS_TAGS, f"an element from the data: {where}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"an event handler from the data: {where}"
            if name in ("href", "src", "action", "formaction", "data", "cite"):
                assert not (value or "").strip().lower().startswith("javascript:"), where
    return page
