"""The static site: every page there, every link resolving, the same content as the server's."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from fastapi.testclient import TestClient

from tests.web.conftest import EXTRA, HEADER, Built
from vigil.ingest import ingest_path
from vigil.publish import Report, publish
from vigil.readers import ReaderOptions
from vigil.store import Registry

from .conftest import pages

LINK = re.compile(r'(?:href|src|cite)="([^"]*)"')
IDS = re.compile(r'\sid="([^"]*)"')
MAIN = re.compile(r'<main id="main">(.*)</main>', re.S)
STATIC_PAGE = re.compile(r"(persons|records|sources)/(\d+)(?:-(\d+))?\.html$")


def _person_ids(db: Path) -> list[int]:
    with Registry.open(str(db)) as reg:
        return [p["id"] for p in reg.persons(limit=None)]


def test_every_published_person_has_a_page_in_both_languages(
    site: Report, server: TestClient, built: Built
) -> None:
    shown = 0
    for pid in _person_ids(built.db):
        public = server.get(f"/api/persons/{pid}").status_code == 200
        for lang in ("ru", "en"):
            assert (site.out / lang / "persons" / f"{pid}.html").exists() == public, (pid, lang)
        shown += public
    assert shown == site.persons > 300


def test_every_page_of_every_source_exists(site: Report, server: TestClient) -> None:
    for src in server.get("/api/sources").json():
        count = server.get(f"/api/sources/{src['id']}").json()["pages"]
        for page in range(1, count + 1):
            name = f"{src['id']}.html" if page == 1 else f"{src['id']}-{page}.html"
            for lang in ("ru", "en"):
                assert (site.out / lang / "sources" / name).exists()
        assert not (site.out / "ru" / "sources" / f"{src['id']}-{count + 1}.html").exists()


def test_every_link_is_relative_and_resolves(site: Report) -> None:
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(IDS.findall(path.read_bytes().decode()))
        return ids[path]

    checked = 0
    for page in pages(site.out):
        for link in LINK.findall(page.read_bytes().decode()):
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), (
                page,
                link,
            )
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), (page, link)
            assert site.out.resolve() in target.parents, (page, link)
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in anchors(target), (page, link)
            checked += 1
    assert checked > 10_000


def _canonical_static(page: Path, root: Path, html: str) -> str:
    def link(m: re.Match[str]) -> str:
        parts = urlsplit(m.group(2))
        if not parts.path:  # within the page, as on the server
            return m.group(0)
        target = (page.parent / parts.path).resolve()
        found = STATIC_PAGE.search(target.relative_to(root.resolve()).as_posix())
        assert found, m.group(2)
        kind, ident, number = found.groups()
        where = f"{kind}/{ident}" + (f"/{number or 1}" if kind == "sources" else "")
        return f'{m.group(1)}="{where}#{parts.fragment}"'

    return re.sub(r'(href|cite)="([^"]*)"', link, html)


def _canonical_server(html: str) -> str:
    def link(m: re.Match[str]) -> str:
        parts = urlsplit(m.group(2).replace("&amp;", "&"))
        kind, ident = parts.path.strip("/").split("/")
        page = parse_qs(parts.query).get("page", ["1"])[0]
        where = f"{kind}/{ident}" + (f"/{page}" if kind == "sources" else "")
        return f'{m.group(1)}="{where}#{parts.fragment}"'

    return re.sub(r'(href|cite)="(/[^"]*)"', link, html)


def _main(html: str) -> str:
    found = MAIN.search(html)
    assert found
    return found.group(1)


def test_person_and_source_pages_are_the_servers(
    site: Report, server: TestClient, built: Built
) -> None:
    """The same names, facts, events, records and citations, in both languages: <main> is the
    server's, byte for byte, once each link is read as the page it leads to."""
    persons = [p for p in _person_ids(built.db) if (site.out / "ru/persons" / f"{p}.html").exists()]
    chosen = {1, built.conflict_person, *persons[::20]}
    urls = [f"/persons/{p}" for p in sorted(chosen)]
    for src in server.get("/api/sources").json():
        count = server.get(f"/api/sources/{src['id']}").json()["pages"]
        urls += [f"/sources/{src['id']}?page={n}" for n in range(1, count + 1)]
    for url in urls:
        for lang in ("ru", "en"):
            theirs = server.get(url, headers={"Accept-Language": lang})
            assert theirs.status_code == 200
            path = urlsplit(url)
            kind, ident = path.path.strip("/").split("/")
            number = int(parse_qs(path.query).get("page", ["1"])[0])
            name = f"{ident}.html" if number == 1 else f"{ident}-{number}.html"
            page = site.out / lang / kind / name
            ours = _canonical_static(page, site.out, _main(page.read_bytes().decode()))
            assert ours == _canonical_server(_main(theirs.text)), (url, lang)


def test_the_index_lists_everyone_without_javascript(site: Report) -> None:
    for lang in ("ru", "en"):
        index = (site.out / lang / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<form class="search" id="offline-search" role="search" hidden', index)
        assert "<noscript>" in index and "search.js" in index
        ids: list[str] = []
        more = sorted((site.out / lang / "names").iterdir())
        for page in [site.out / lang / "index.html", *more]:
            ids += re.findall(
                r'<a href="(?:\.\./)?persons/(\d+)\.html"', page.read_bytes().decode()
            )
        assert len(ids) == len(set(ids)) == site.persons
    top = (site.out / "index.html").read_text(encoding="utf-8")
    assert 'href="ru/persons/' in top and 'data-base="ru/"' in top and 'href="en/index.html"' in top


def test_no_page_holds_a_form_that_needs_a_server(site: Report) -> None:
    for page in pages(site.out):
        text = page.read_bytes().decode()
        assert "<form" not in text or 'id="offline-search"' in text, page
        assert "/api/" not in text, page


def test_each_page_links_its_other_language(site: Report) -> None:
    for page in pages(site.out / "ru"):
        relative = page.relative_to(site.out / "ru")
        other = site.out / "en" / relative
        assert other.exists()
        depth = len(relative.parts)
        switch = "../" * depth + "en/" + relative.as_posix()
        assert f'<a class="lang" href="{switch}" hreflang="en"' in page.read_bytes().decode()
        assert '<html lang="en">' in other.read_text(encoding="utf-8")


def test_records_no_person_holds_get_their_own_pages(tmp_path: Path) -> None:
    """Before linkage every record stands for itself, as in the server's search."""
    source = tmp_path / "extra.csv"
    source.write_text(HEADER + EXTRA, encoding="utf-8")
    db = tmp_path / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        ingest_path(reg, source, "table", ReaderOptions(id_column="№"))
        shown = {r["surname"]: r["id"] for r in reg.records(limit=None)}
    report = publish(str(db), tmp_path / "site", workers=1)
    assert (report.persons, report.lone_records, report.withheld_groups) == (0, 2, 3)
    for surname, rid in shown.items():
        page = report.out / "en" / "records" / f"{rid}.html"
        assert page.exists() == (surname in ("Троцкий", "Безгодов")), surname
    index = (report.out / "ru" / "index.html").read_text(encoding="utf-8")
    assert f'href="records/{shown["Троцкий"]}.html">Троцкий Семён Аронович</a>' in index
    record = (report.out / "ru" / "records" / f"{shown['Троцкий']}.html").read_text()
    assert (
        "Запись ещё не связана с другими." in record and 'href="../sources/1.html#record-' in record
    )
