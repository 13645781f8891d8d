"""The static site's pages, rendered by the server's own templates and views.

The environment is the server's (`vigil.web.pages.environment`), with this package's templates
first on the loader: its `base.html` extends the server's (`web/base.html`) and only replaces
the navigation, whose search form needs a server, by the offline search, the sources, the
statistics and the open data. Each page gets a relative URL scheme (`urls.SiteUrls`) for its
place in the tree, so the views put relative links in citations and the templates in menus.
Templates are compiled once per process and kept by Jinja.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from vigil.publish import bilingual
from vigil.publish.urls import SiteUrls, names_path, person_path, record_path, source_path
from vigil.web import i18n, pages, views
from vigil.web.sources import text_html

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
NAMES_PER_PAGE = 200


def environment() -> Environment:
    loader = ChoiceLoader(
        [
            FileSystemLoader(TEMPLATES),
            PrefixLoader({"web": FileSystemLoader(pages.TEMPLATES)}),
            FileSystemLoader(pages.TEMPLATES),
        ]
    )
    env = pages.environment(loader)
    env.auto_reload = False  # one run of a process: never look at the files again
    return env


class Site:
    """Writes pages into `out` (the folder being built), one tree per language."""

    def __init__(self, out: Path, langs: tuple[str, ...] = i18n.LANGUAGES) -> None:
        self.out = out
        self.langs = langs
        self.folders: set[Path] = set()

    @cached_property
    def env(self) -> Environment:
        return environment()

    def page(
        self,
        path: str,
        template: str,
        data: dict[str, Any] | Callable[[Any], dict[str, Any]],
        pager: Callable[[SiteUrls, int], str] | None = None,
        top: bool = False,
        scan: Iterable[str] | None = None,
        plain: bool = False,
    ) -> None:
        """Render `template` as the page at `path` in every language's tree (`top`: at the
        site's root, in the first language only). `data` is the template's data, or a function
        of the translator that makes it; `pager` gives the address of another page of it.

        The page is rendered once for all languages (`bilingual`) unless `plain`, or unless the
        text it shows from the registry (`scan`; by default every string in `data`) holds a
        character that rendering marks with."""
        langs = self.langs[:1] if top else self.langs
        urls = SiteUrls.top(langs[0]) if top else SiteUrls.at(langs[0], path)
        template_ = self.env.get_template(template)

        def render(t: Any, each: Callable[[dict[str, str]], str]) -> str:
            switch = {lang: urls.other_language(path, _other(lang)) for lang in langs}
            ctx = {
                "t": t,
                "lang": t.lang,
                "urls": urls,
                "switch_url": each(switch),
                "source_url": urls.source,
                "person_url": urls.person,
                "record_url": urls.record,
                "with_params": lambda **kw: urls.page(path),
            }
            if pager is not None:
                ctx["with_params"] = lambda page, **kw: pager(urls, page)
            return template_.render({**ctx, **(data(t) if callable(data) else data)})

        texts = _strings(data) if scan is None else scan
        plain = plain or any(bilingual.holds_marker(x) for x in texts)
        for lang, html in bilingual.render_all(render, langs, plain).items():
            target = self.out / path if top else self.out / lang / path
            if target.parent not in self.folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self.folders.add(target.parent)
            with open(target, "wb") as f:
                f.write(html.encode())

    # -- the pages the server also has --------------------------------------------------------

    def person(self, dossier: dict[str, Any]) -> dict[str, Any]:
        """A person's page in every language; returns the view it showed."""
        path = person_path(dossier["id"])
        view = views.person(dossier, SiteUrls.at(self.langs[0], path))
        self.page(path, "person.html", {"p": view}, scan=_strings(dossier))
        return view

    def record(self, rec: dict[str, Any]) -> dict[str, Any]:
        """A page for a record no person holds yet, in every language."""
        path = record_path(rec["id"])
        view = views.record(rec, rec["events"], SiteUrls.at(self.langs[0], path))
        self.page(path, "record.html", {"r": view}, scan=_strings(rec))
        return view

    def source(self, src: dict[str, Any]) -> None:
        """One page of a source (`vigil.store.browse.source_page`), in every language."""
        path = source_path(src["id"], src["page"])
        urls = SiteUrls.at(self.langs[0], path)
        view = views.source(src, urls)
        withheld = any(r["withheld"] for r in view["records"])

        def data(t: Any) -> dict[str, Any]:
            text = text_html(view, t, urls)
            return {"s": view, "text": text, "withheld": withheld}

        shown = [str(p["text"]) for p in src["passages"] if p["text"]]
        shown += [str(x) for r in src["records"] for x in r.values() if isinstance(x, str)]
        self.page(
            path, "source.html", data, pager=lambda u, page: u.source(src["id"], page), scan=shown
        )

    def sources(self, listed: list[dict[str, Any]]) -> None:
        """The list of sources, with the records of each that are published."""
        path = "sources/index.html"
        urls = SiteUrls.at(self.langs[0], path)
        rows = [{**s, "url": urls.source(s["id"])} for s in listed]
        self.page(path, "sources.html", {"sources": rows})

    # -- the pages only the static site has -----------------------------------------------------

    def names(self, listed: list[Any], counts: dict[str, int]) -> int:
        """The index page of each language (search and the first names), the further pages of
        names, and the site's own index.html; returns the pages written."""
        items = sorted(listed, key=lambda x: (x.sort, x.path))
        pages = max(1, -(-len(items) // NAMES_PER_PAGE))
        letters: list[tuple[str, int, str]] = []
        anchors: dict[int, str] = {}
        for i, item in enumerate(items):
            letter = item.sort[:1].upper() or "?"
            if not letters or letters[-1][0] != letter:
                anchor = f"letter-{ord(letter[0]):04x}"
                letters.append((letter, i // NAMES_PER_PAGE + 1, anchor))
                anchors[i] = anchor
        written = 0
        for page in range(1, pages + 1):
            lo = (page - 1) * NAMES_PER_PAGE
            shown = [
                {"name": x.name, "births": x.births, "path": x.path, "anchor": anchors.get(lo + j)}
                for j, x in enumerate(items[lo : lo + NAMES_PER_PAGE])
            ]
            data = {"items": shown, "first": lo + 1, "page": page, "pages": pages,
                    "letters": letters, "counts": counts}  # fmt: skip
            template = "index.html" if page == 1 else "names.html"
            self.page(names_path(page), template, data, pager=_names_page)
            written += len(self.langs)
            if page == 1:
                self.page("index.html", template, data, _names_page, top=True)
                written += 1
        return written

    def data(self, files: list[dict[str, Any]], database: str) -> None:
        self.page("data.html", "data.html", {"files": files, "database": database})


def _names_page(urls: SiteUrls, page: int) -> str:
    return urls.names(page)


def _other(lang: str) -> str:
    return i18n.Translator(lang).other


def _strings(data: Any) -> list[str]:
    """Every string in a page's data."""
    out: list[str] = []
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            stack.extend(x.values())
        elif isinstance(x, list | tuple):
            stack.extend(x)
    return out
