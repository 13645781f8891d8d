"""Marking spans in verbatim text: nesting, overlaps, anchors once, text intact and escaped."""

from __future__ import annotations

import re
from itertools import pairwise

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


def test_a_window_gives_each_passage_the_marks_that_touch_it() -> None:
    import random

    import pytest

    from vigil.web.highlight import Window

    rng = random.Random(7)
    text = "".join(rng.choice("абв гд") for _ in range(2000))
    kinds = ["record", "event", "claim", "quote"]
    marks = []
    for i in range(300):
        a = rng.randrange(0, 2000)
        b = a + rng.choice([0, 1, 5, 40, 900])  # empty, short, and spans over many passages
        marks.append(Mark(a, b, rng.choice(kinds), f"m-{i}", None, "x"))
    cuts = sorted(rng.sample(range(1, 2000), 120))
    window = Window(marks)
    for a, b in pairwise([0, *cuts, 2000]):
        over = window.over(a, b)
        assert sorted(m.anchor for m in over) == sorted(
            m.anchor for m in marks if m.end > m.start and m.start < b and m.end > a
        )
        assert render(text[a:b], a, over) == render(text[a:b], a, marks)
    with pytest.raises(ValueError, match="out of order"):
        window.over(10, 20)
