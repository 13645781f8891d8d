"""The demo registry, plus a few constructed people, linked once and served in-process.

The extra list holds what the demo lacks: a surname written Троцкий (found as Trotzki), the
demo's first person again with another birth year (a conflict), and people the privacy
policy must withhold (born recently, or known only from recent events, or undated).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import registry_location
from vigil.demo import write_corpus
from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.store import Registry
from vigil.web import create_app

HEADER = "№;Фамилия;Имя;Отчество;Год рождения;Дата ареста;Дата расстрела\n"
EXTRA = (
    "T-1;Троцкий;Семён;Аронович;1890;12.03.1937;20.01.1938\n"
    "T-2;Живов;Пётр;Ильич;1990;04.05.2021;\n"
    "T-3;Молодцов;Игнат;Петрович;;15.06.2015;\n"
    "T-4;Безгодов;Кузьма;Кузьмич;;01.03.1937;\n"
    "T-5;Неизвестнов;Павел;Павлович;;;\n"
)


@dataclass
class Built:
    db: Path | str
    extra_source: int
    conflict_person: int
    first: dict  # the demo's first record, which the extra list repeats with another birth year
    conflict_record: int
    ids: dict[str, int]  # surname -> record id, for the extra list


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    from vigil.linkage.run import link

    folder = tmp_path_factory.mktemp("web")
    db = folder / "vigil.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        for src in write_corpus(folder / "corpus", n_people=400):
            ingest_path(reg, src.path, src.format, src.options)
        first = reg.record(1)
        arrest = next(e for e in first["events"] if e["type"] == "arrest")
        y, m, d = arrest["date"].split("-")
        other_year = int(first["birth"]) + 3
        row = (
            f"T-6;{first['surname']};{first['given']};{first['patronymic']};{other_year};"
            f"{d}.{m}.{y};\n"
        )
        extra = folder / "extra.csv"
        extra.write_text(HEADER + EXTRA + row, encoding="utf-8")
        res = ingest_path(reg, extra, "table", ReaderOptions(id_column="№"))
        link(reg)
        rows = reg.records(limit=None)
        ids = {r["surname"]: r["id"] for r in rows if r["source_id"] == res.source_id}
        conflict_record = max(r["id"] for r in rows if r["source_id"] == res.source_id)
        # A reviewer's word makes the constructed conflict certain whatever the model thinks.
        reg.decide(1, conflict_record, "same", "tester", "the same man, another birth year")
        link(reg)
        person = reg.pair(1, conflict_record)["persons"][1]
    # On the PostgreSQL pass a URL, so that `vigil serve` run as a subprocess finds it too.
    return Built(registry_location(db), res.source_id, person, first, conflict_record, ids)


@pytest.fixture(scope="session")
def _app_client(built: Built) -> TestClient:
    with TestClient(create_app(str(built.db))) as c:
        yield c


@pytest.fixture
def client(_app_client: TestClient) -> TestClient:
    """The app in-process; no language cookie carries over from another test."""
    _app_client.cookies.clear()
    return _app_client


@pytest.fixture(scope="session")
def registry(built: Built) -> Registry:
    reg = Registry.open(str(built.db))
    yield reg
    reg.close()


def finished_job(site: TestClient, job_id: str) -> dict:
    """Follow an ingest job as a script would, until it has ended (a minute at most: its own
    process starts Python first, slowly on a busy machine)."""
    for _ in range(600):
        job = site.get(f"/api/ingest/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not end: {job}")
