"""The demo: a corpus of fictional people in several sources, and a registry built from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vigil.demo.corpus import CSV_MAPPING, article, csv_extract, english_list, memory_book
from vigil.demo.people import generate_people
from vigil.ingest import ingest_path
from vigil.linkage.run import LinkReport, link
from vigil.readers import ReaderOptions
from vigil.readers.table import parse_mapping
from vigil.store import IngestResult, Registry

if TYPE_CHECKING:
    from vigil.publish import Report


@dataclass(slots=True)
class DemoSource:
    path: Path
    format: str
    options: ReaderOptions


@dataclass(slots=True)
class DemoResult:
    db: Path
    corpus: Path
    ingested: list[tuple[DemoSource, IngestResult]]
    stats: dict
    linked: LinkReport | None = None
    site: Report | None = None  # the published site, `out/site`


def write_corpus(folder: Path, n_people: int = 400, seed: int = 1936) -> list[DemoSource]:
    """Write the fictional sources; people overlap between them as they would in real archives."""
    folder.mkdir(parents=True, exist_ok=True)
    people = list(generate_people(n_people, seed))
    n = len(people)
    book = people[: n * 3 // 5]
    executed = [p for p in people[n * 2 // 5 :] if p.executed]
    english = people[n // 2 : n * 4 // 5 : 2]
    extract = people[: n // 4 : 2] + people[n * 3 // 4 :]
    expelled = sum(1 for p in people if p.expelled)
    files: list[tuple[str, str | bytes, str, ReaderOptions]] = [
        ("fictional-book-of-memory.txt", memory_book(book), "memory-book", ReaderOptions()),
        ("fictional-execution-list.txt", memory_book(executed, one_line=True), "memory-book",
         ReaderOptions()),
        ("fictional-english-list.tsv", english_list(english), "table",
         ReaderOptions(id_column="No.")),
        ("fictional-archive-extract-cp1251.csv", csv_extract(extract), "table",
         ReaderOptions(mapping=parse_mapping(CSV_MAPPING), id_column="№ дела")),
        ("fictional-article-1936.txt", article(expelled, people), "article", ReaderOptions()),
    ]  # fmt: skip
    sources = []
    for name, content, fmt, options in files:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        sources.append(DemoSource(path, fmt, options))
    return sources


def build_demo(out: Path, n_people: int = 400, publish: bool = True) -> DemoResult:
    """Write the corpus under `out/corpus`, build `out/vigil.db` from it afresh and, with
    `publish`, publish it as a static site with open data in `out/site`."""
    corpus = out / "corpus"
    sources = write_corpus(corpus, n_people)
    db = out / "vigil.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    ingested = []
    with Registry.open(str(db)) as reg:
        reg.init()
        for src in sources:
            ingested.append((src, ingest_path(reg, src.path, src.format, src.options)))
        linked = link(reg)
        stats = reg.stats()
    result = DemoResult(db=db, corpus=corpus, ingested=ingested, stats=stats, linked=linked)
    if publish:
        from vigil.publish import publish as publish_site

        result.site = publish_site(str(db), out / "site", workers=1)
    return result
