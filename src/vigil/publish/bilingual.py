"""One render for every language: the page is rendered once with markers for the words.

A static site has each page once per language, and rendering is most of a publication's time.
The two renders of a page differ only in what the translator answers (strings, term labels,
dates) and in the few values that name the language (`lang`, the switch link). So the page is
rendered once with `Marking` as its translator: each answer becomes a marker (two Unicode
noncharacters, reserved for a program's internal use, around an index into the calls made; the
same call, the same marker), and `localise` then writes each language's
page by putting that language's answer, escaped as the template would have escaped it, in
place of each marker. A template's `|lower` on a translated string lower-cases its marker's
letters, and the answer is lower-cased to match. `tests/publish` renders every page of the
demo both ways and requires the same bytes.

A page whose data holds a marker character already (a source text might) is rendered the plain
way, once per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import escape

from vigil.web import i18n

OPEN, CLOSE = "\ufdd0", "\ufdd1"
_MARKER = re.compile(f"{OPEN}([A-Za-z]+){CLOSE}")
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

Call = tuple[Any, ...]


def _letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = _ALPHABET[r] + out
        if n == 0:
            return out


def _number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + _ALPHABET.index(ch)
    return n


class Marking:
    """Stands for `i18n.Translator` in one render, answering with markers."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.marks: dict[Call, str] = {}

    def mark(self, call: Call) -> str:
        found = self.marks.get(call)
        if found is None:
            self.calls.append(call)
            found = self.marks[call] = OPEN + _letters(len(self.calls) - 1) + CLOSE
        return found

    def __call__(self, key: str, **values: Any) -> str:
        return self.mark(("t", key, tuple(values.items())))

    @property
    def lang(self) -> str:
        return self.mark(("lang",))

    @property
    def other(self) -> str:
        return self.mark(("other",))

    def term(self, code: str | None) -> str:
        return self.mark(("term", code)) if code else ""

    def date(self, edtf: str | None) -> str:
        return self.mark(("date", edtf)) if edtf else ""

    def each(self, values: dict[str, str]) -> str:
        """A value that differs by language (the link to the other language's page)."""
        return self.mark(("each", tuple(values.items())))


def holds_marker(text: str) -> bool:
    return OPEN in text or CLOSE in text


_ANSWERS: dict[tuple[str, Call], str] = {}  # (language, call) -> its answer, across pages
_KEPT = 200_000


def _answer(call: Call, lang: str, calls: list[Call]) -> str:
    """A call's answer in `lang`, unescaped. Kept across pages, as most calls recur on every
    page, unless a value passed to it holds markers (those stand for this page's calls)."""
    key = (lang, call)
    text = _ANSWERS.get(key)
    if text is not None:
        return text
    t = i18n.Translator(lang)
    kind, keep = call[0], True
    if kind == "t":
        values = {}
        for k, v in call[2]:
            if isinstance(v, str) and OPEN in v:
                v = _MARKER.sub(lambda m: _answer(calls[_number(m.group(1))], lang, calls), v)
                keep = False
            values[k] = v
        text = t(call[1], **values)
    elif kind == "term":
        text = t.term(call[1])
    elif kind == "date":
        text = t.date(call[1])
    elif kind == "lang":
        text = t.lang
    elif kind == "other":
        text = t.other
    else:
        text = dict(call[1])[lang]
    if keep:
        if len(_ANSWERS) > _KEPT:
            _ANSWERS.clear()
        _ANSWERS[key] = text
    return text


def localise(html: str, calls: list[Call], lang: str) -> str:
    """The page in `lang`: each marker replaced by that language's answer, escaped."""
    escaped: dict[str, str] = {}

    def replace(m: re.Match[str]) -> str:
        letters = m.group(1)
        found = escaped.get(letters)
        if found is None:
            text = _answer(calls[_number(letters)], lang, calls)
            found = escaped[letters] = str(escape(text.lower() if letters.islower() else text))
        return found

    return _MARKER.sub(replace, html)


def render_all(
    render: Callable[[Any, Callable[[dict[str, str]], str]], str],
    langs: tuple[str, ...],
    plain: bool,
) -> dict[str, str]:
    """Each language's page. `render(t, each)` renders once with translator `t`, and `each`
    turns a per-language value into what the page holds; `plain` renders each language apart
    (when the page's text holds a marker character, or its format follows the language)."""
    if plain:
        return {
            lang: render(i18n.Translator(lang), lambda values, lang=lang: values[lang])
            for lang in langs
        }
    marking = Marking()
    html = render(marking, lambda values: marking.each(values))
    return {lang: localise(html, marking.calls, lang) for lang in langs}
