"""The Spark engine gives the same persons as DuckDB on the same data (local Spark)."""

from __future__ import annotations

import shutil

import pytest

from vigil.linkage.run import link
from vigil.store import Registry

from .conftest import Corpus, ingest_list

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def test_spark_and_duckdb_give_the_same_persons(small_corpus: Corpus, tmp_path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'vigil[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for local Spark (Debian: default-jre-headless)")
    results = {}
    for engine in ("duckdb", "spark"):
        with Registry.open(str(tmp_path / f"{engine}.db")) as reg:
            reg.init()
            for f in small_corpus.corpus.files:
                ingest_list(reg, f)
            report = link(reg, engine=engine)
            assert report.engine == engine
            groups: dict[int, set] = {}
            for source, locator, person in reg.export_links():
                groups.setdefault(person, set()).add((source, locator))
            results[engine] = {frozenset(g) for g in groups.values()}
    assert results["spark"] == results["duckdb"]
