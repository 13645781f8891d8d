"""Pages rendered once for both languages are the pages rendered once per language, and a
pool of workers writes what one process writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import Built
from vigil.publish import Report, bilingual, publish
from vigil.publish.bilingual import Marking, localise


def test_the_site_is_the_same_rendered_plainly_in_one_process(
    site: Report, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bilingual, "holds_marker", lambda text: True)  # never one render
    plain = publish(str(built.db), tmp_path / "plain", workers=1)
    ours = sorted(p.relative_to(site.out) for p in site.out.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(plain.out) for p in plain.out.rglob("*") if p.is_file())
    assert ours == theirs
    compared = 0
    for path in ours:
        if path.suffix != ".db":  # SQLite's pages need not be laid out byte for byte alike
            assert (site.out / path).read_bytes() == (plain.out / path).read_bytes(), path
            compared += 1
    assert compared > 800


def test_markers_take_each_languages_words_escaped_and_lowered() -> None:
    t = Marking()
    html = f"<p title='{t('switch.title')}'>{t('person.variants').lower()} {t.date('1937-03')}"
    html += f" {t('search.records', n=2, m=t.term('arrest'))} <b lang='{t.other}'>"
    assert localise(html, t.calls, "ru") == (
        "<p title='Switch to English'>варианты имени март 1937 записей: 2, источников: арест"
        " <b lang='en'>"
    )
    assert localise(html, t.calls, "en").startswith(
        "<p title='Переключить на русский'>name variants March 1937 records: 2"
    )
    assert t.term(None) == t.date("") == ""  # what the templates test for, as plainly


def test_a_marker_passed_to_a_string_means_its_own_pages_call() -> None:
    pages = []
    for code in ("arrest", "execution"):
        t = Marking()
        pages.append(localise(t("search.records", n=1, m=t.term(code)), t.calls, "en"))
    assert pages == ["records: 1, sources: arrest", "records: 1, sources: execution"]
