"""The pure rules: a takedown withholds whatever the dates say; sensitive values are blanked
in a record's fields and wherever they stand in its verbatim text."""

from __future__ import annotations

from datetime import date

from vigil.privacy import MASK, Life, blank, blanks, redact, screen, sensitive, withheld

TODAY = date(2026, 6, 1)


def test_a_takedown_withholds_even_the_long_dead() -> None:
    shot = Life("1890-12-31", "1937-01-08", True)
    assert not withheld(shot, today=TODAY)
    assert withheld(Life("1890-12-31", "1937-01-08", True, taken_down=True), today=TODAY)


def test_blanking_finds_a_value_in_any_case_and_spacing() -> None:
    text = "Проживал: г. Калинин,  ул.\nЛенина 5. Адрес: Г. КАЛИНИН, ул. Ленина 5."
    assert blank(text, ["г. Калинин, ул. Ленина 5"]) == f"Проживал: {MASK}. Адрес: {MASK}."
    assert blanks("abcabc", ["bc", "ca"]) == [(1, 6)]  # overlapping finds merge
    assert blank("nothing here", ["", None, "   "]) == "nothing here"


def test_redact_blanks_the_fields_the_text_and_the_warnings() -> None:
    rec = {
        "id": 1,
        "surname": "Иванов",
        "residence": "ул. Тайная 3",
        "document": "№ 1234",
        "occupation": "слесарь",
        "text": "Иванов; ул. Тайная 3; партбилет № 1234; слесарь",
        "warnings": ["not understood: 'ул. Тайная 3'"],
    }
    out = redact(rec, ("residence", "document"))
    assert out["residence"] is None and out["document"] is None
    assert out["occupation"] == "слесарь" and out["surname"] == "Иванов"
    assert out["text"] == f"Иванов; {MASK}; партбилет {MASK}; слесарь"
    assert out["warnings"] == [f"not understood: '{MASK}'"]
    assert rec["residence"] == "ул. Тайная 3"  # the caller's record is left alone


def test_only_a_screen_asks_for_blanking() -> None:
    assert sensitive(screen()) == ("residence", "document")
    assert sensitive(None) == ()
    assert sensitive(lambda life: False) == ()
