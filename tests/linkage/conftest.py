"""A small linked registry from the cross-script generator, built once per session."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_registry
from vigil.demo.crossscript import CrossScriptCorpus, write_crossscript
from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.readers.table import parse_mapping
from vigil.store import IngestResult, Registry


@dataclass
class Corpus:
    corpus: CrossScriptCorpus
    truth: dict[tuple[str, str], str]


def ingest_list(reg: Registry, f) -> IngestResult:
    options = ReaderOptions(
        mapping=parse_mapping(f.mapping) if f.mapping else {}, id_column=f.id_column
    )
    return ingest_path(reg, f.path, f.format, options)


def read_truth(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8") as f:
        return {(r["source"], r["locator"]): r["person"] for r in csv.DictReader(f)}


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("crossscript")
    corpus = write_crossscript(folder, 1500, seed=11)
    return Corpus(corpus, read_truth(corpus.truth))


@pytest.fixture(scope="session")
def linked_db(small_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every list ingested and linked once; tests copy it rather than change it."""
    from vigil.linkage.run import link

    db = tmp_path_factory.mktemp("linked") / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        for f in small_corpus.corpus.files:
            ingest_list(reg, f)
        link(reg)
    return db


@pytest.fixture
def linked(linked_db: Path, tmp_path: Path) -> Registry:
    reg = Registry.open(str(copy_registry(linked_db, tmp_path / "vigil.db")))
    yield reg
    reg.close()


@dataclass
class Staged:
    """A registry with every list but the last ingested and linked; `last` comes later."""

    reg: Registry
    first: Any  # the first link run's report
    last: Any  # the last list, not yet ingested


@pytest.fixture
def all_but_last(small_corpus: Corpus, tmp_path: Path) -> Iterator[Staged]:
    from vigil.linkage.run import link

    reg = Registry.open(str(tmp_path / "v.db"))
    reg.init()
    for f in small_corpus.corpus.files[:-1]:
        ingest_list(reg, f)
    yield Staged(reg, link(reg), small_corpus.corpus.files[-1])
    reg.close()
