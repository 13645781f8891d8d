"""Privacy by default: people who may be alive are nowhere in the publication."""

from __future__ import annotations

import csv
import re

from fastapi.testclient import TestClient

from tests.web.conftest import Built
from vigil.publish import Report

from .conftest import WITHHELD


def test_no_withheld_name_is_anywhere_in_the_site(site: Report, built: Built) -> None:
    """Every file, text or binary (the SQLite file too), read as bytes."""
    needles = [w.encode() for w in WITHHELD] + [w.lower().encode() for w in WITHHELD]
    files = [p for p in site.out.rglob("*") if p.is_file()]
    assert len(files) > 2 * site.persons
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, (path, needle)


def test_withheld_records_have_no_page_and_show_withheld_in_their_source(
    site: Report, built: Built, server: TestClient
) -> None:
    extra = built.extra_source
    for surname in ("Живов", "Молодцов", "Неизвестнов"):
        rid = built.ids[surname]
        assert server.get(f"/api/records/{rid}").status_code == 404
        assert not list(site.out.rglob(f"records/{rid}.html"))
        assert f"record-{rid}" not in (site.out / "ru/sources" / f"{extra}.html").read_text()
    page = (site.out / "ru/sources" / f"{extra}.html").read_text(encoding="utf-8")
    assert page.count('<span class="withheld">[скрыто]</span>') == 3
    en = (site.out / "en/sources" / f"{extra}.html").read_text(encoding="utf-8")
    assert en.count('<span class="withheld">[withheld]</span>') == 3


def test_counts_leave_the_withheld_out(site: Report, server: TestClient) -> None:
    with (site.data / "sources.csv").open(encoding="utf-8", newline="") as f:
        published = {int(r["id"]): int(r["records"]) for r in csv.DictReader(f)}
    everything = {s["id"]: s["records"] for s in server.get("/api/sources").json()}
    assert sum(everything.values()) - sum(published.values()) == site.withheld_records == 3
    stats = (site.out / "en/statistics.html").read_text(encoding="utf-8")
    # the withheld were arrested in 2015 and 2021: those years are in no figure
    assert not re.search(r">20(15|21)<", stats)
    assert re.search(r">193[78]<", stats)
