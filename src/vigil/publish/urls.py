"""Addresses in the static site: relative file paths, so that it works opened from disk and
served under any sub-path.

The site holds one tree per language (`ru/`, `en/`) beside the shared `static/`, `search/` and
`data/` folders:

    index.html                 the default language's index, linking into ru/
    ru/index.html              search in the browser, and the first page of names
    ru/names/2.html            further pages of names, alphabetical
    ru/persons/12.html         a person
    ru/records/34.html         a record no person holds yet
    ru/sources/index.html      the sources
    ru/sources/5.html          a source's first page of entries; 5-2.html its second
    ru/statistics.html         the statistics
    static/  search/  data/

A page's scheme knows the way from it to its language's tree (`to_lang`) and to the site's
root (`to_root`); every link is one of those plus a path.
"""

from __future__ import annotations

from vigil.web.views import Urls


class SiteUrls(Urls):
    """The server's URL scheme (vigil.web.views.Urls) as relative paths between static files."""

    def __init__(self, lang: str, to_lang: str, to_root: str) -> None:
        self.lang = lang
        self.to_lang = to_lang
        self.to_root = to_root

    @classmethod
    def at(cls, lang: str, path: str) -> SiteUrls:
        """The scheme for the page at `path` inside the language's tree ("persons/12.html")."""
        depth = path.count("/")
        return cls(lang, "../" * depth, "../" * (depth + 1))

    @classmethod
    def top(cls, lang: str) -> SiteUrls:
        """The scheme for a page at the site's root that shows `lang`'s tree (index.html)."""
        return cls(lang, f"{lang}/", "")

    def source(self, source_id: int, page: int = 1, anchor: str | None = None) -> str:
        url = self.to_lang + source_path(source_id, page)
        return url + (f"#{anchor}" if anchor else "")

    def person(self, person_id: int) -> str:
        return self.to_lang + person_path(person_id)

    def record(self, record_id: int) -> str:
        return self.to_lang + record_path(record_id)

    def home(self) -> str:
        return self.to_lang + "index.html"

    def static(self, name: str) -> str:
        return f"{self.to_root}static/{name}"

    def page(self, path: str) -> str:
        """Any page of the language's tree, by its path there."""
        return self.to_lang + path

    def data_page(self) -> str:
        return self.to_lang + "data.html"

    def sources(self) -> str:
        return self.to_lang + "sources/index.html"

    def names(self, page: int) -> str:
        return self.to_lang + names_path(page)

    def statistics(self) -> str:
        return self.to_lang + "statistics.html"

    def data(self, name: str = "README.md") -> str:
        return f"{self.to_root}data/{name}"

    def search_index(self) -> str:
        return f"{self.to_root}search/"

    def other_language(self, path: str, other: str) -> str:
        """The same page in the other language's tree."""
        return f"{self.to_root}{other}/{path}"


def person_path(person_id: int) -> str:
    return f"persons/{person_id}.html"


def record_path(record_id: int) -> str:
    return f"records/{record_id}.html"


def source_path(source_id: int, page: int = 1) -> str:
    return f"sources/{source_id}.html" if page == 1 else f"sources/{source_id}-{page}.html"


def names_path(page: int) -> str:
    return "index.html" if page == 1 else f"names/{page}.html"
