"""Marking spans in verbatim text: nesting, overlaps, anchors once, text intact and escaped."""

from __future__ import annotations

import re

from vigil.web.highlight import Mark, render


def test_nested_and_overlapping_spans_keep_the_text_whole() -> None:
    text = "Иванов <И.> арестован 1937; расстрелян"
    marks = [
        Mark(100, 100 + len(text), "record", "record-1", "/persons/1", "1"),
        Mark(112, 126, "event", "event-1", None, "arrest"),
        Mark(120, 138, "quote", "quote-1", None, "q"),
    ]
    out = render(text, 100, marks)
    assert out.count('id="record-1"') == out.count('id="event-1"') == out.count('id="quote-1"') == 1
    assert out.startswith('<a class="tag tag-record" href="/persons/1">1</a><mark class="record"')
    assert "&lt;И.&gt;" in out
    plain = re.sub(r'<(a|span) class="tag[^>]*>[^<]*</(a|span)>|<[^>]+>', "", str(out))
    assert plain.replace("&lt;", "<").replace("&gt;", ">") == text
    assert out.count("<mark") == out.count("</mark>")


def test_spans_outside_the_passage_are_clipped() -> None:
    out = render("abc", 10, [Mark(0, 11, "record", "r", None, "x"), Mark(12, 20, "event", "e")])
    assert str(out).startswith('<mark class="record">a</mark>b<mark class="event" id="e">c')
