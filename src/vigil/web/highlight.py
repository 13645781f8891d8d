"""A source's verbatim text as HTML, with what was extracted from it marked and anchored.

Spans may nest (an event inside a record) or overlap (a quotation across a claim), so the text
is cut at every span boundary and each piece is wrapped in the marks active over it. A span's
anchor (`id`) is on its first piece only, so a citation's link lands where the span begins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

_ORDER = {"record": 0, "claim": 1, "quote": 2, "event": 3}  # outer first


@dataclass(frozen=True, slots=True)
class Mark:
    """One extracted span: `label` links to `href`, before a record and after anything else."""

    start: int
    end: int
    kind: str
    anchor: str
    href: str | None = None
    label: str = ""
    title: str = ""


def _tag(mark: Mark) -> str:
    text = escape(mark.label)
    if mark.href:
        return f'<a class="tag tag-{mark.kind}" href="{escape(mark.href)}">{text}</a>'
    return f'<span class="tag tag-{mark.kind}">{text}</span>'


def _outer_first(m: Mark) -> tuple[int, int, int]:
    return (_ORDER.get(m.kind, 9), m.start, -m.end)


def render(text: str, offset: int, marks: list[Mark]) -> Markup:
    """HTML of `text` (which starts at `offset` in its source) with `marks` applied.

    One sweep over the cuts, keeping the marks open at each: a source page has hundreds of
    spans, and testing every span at every cut made highlighting the slowest part of it.
    """
    end = offset + len(text)
    inside = [m for m in marks if m.end > m.start and m.end > offset and m.start < end]
    inside.sort(key=lambda m: max(m.start, offset))
    cuts = sorted(
        {offset, end, *(max(m.start, offset) for m in inside), *(min(m.end, end) for m in inside)}
    )
    out: list[str] = []
    open_: list[Mark] = []
    nxt = 0
    for a, b in pairwise(cuts):
        # A mark open after cut a spans the whole piece a..b: its end is a cut, and none
        # lies between a and b.
        open_ = [m for m in open_ if m.end > a]
        while nxt < len(inside) and max(inside[nxt].start, offset) <= a:
            open_.append(inside[nxt])
            nxt += 1
        active = sorted(open_, key=_outer_first)
        out.extend(_tag(m) for m in active if m.kind == "record" and m.start == a)
        for m in active:
            ident = f' id="{escape(m.anchor)}"' if m.start == a else ""
            title = f' title="{escape(m.title)}"' if m.title and m.start == a else ""
            out.append(f'<mark class="{m.kind}"{ident}{title}>')
        out.append(str(escape(text[a - offset : b - offset])))
        out.append("</mark>" * len(active))
        out.extend(_tag(m) for m in reversed(active) if m.kind != "record" and m.end == b)
    return Markup("".join(out))


class Window:
    """The marks over each of a run of pieces of text, asked for in the order of the text.

    A source page is cut into passages wherever a withheld record or a blanked value stands;
    testing every mark against every passage made pages with many blanks quadratic.
    """

    def __init__(self, marks: Sequence[Mark]) -> None:
        self._waiting = sorted((m for m in marks if m.end > m.start), key=lambda m: m.start)
        self._next = 0
        self._open: list[Mark] = []
        self._at = -1

    def over(self, start: int, end: int) -> list[Mark]:
        """The marks overlapping start..end; `start` may not go back."""
        if start < self._at:
            raise ValueError(f"pieces out of order: {start} after {self._at}")
        self._at = start
        while self._next < len(self._waiting) and self._waiting[self._next].start < end:
            self._open.append(self._waiting[self._next])
            self._next += 1
        self._open = [m for m in self._open if m.end > start]
        return [m for m in self._open if m.start < end]
