"""The labels that open the lines of a Book-of-Memory note, and what their word forms tell.

A line is dispatched on its first word: "Арестована" names the arrest handler and says the
person is a woman. The table holds handler names rather than functions, so that it needs no
parser to be read, and a new label is one more word here.
"""

from __future__ import annotations

import re

from vigil.readers.memorial_fields import words

# First word of a line, lower case, without its full stop -> NoteBuilder method.
LABELS: dict[str, str] = {
    word: handler
    for group, handler in (
        ("родился родилась род р", "born"),
        ("проживал проживала прож адрес", "lived"),
        ("арестован арестована арест арестовывался арестовывалась", "arrest"),
        ("приговорен приговорена приговорён приговорёна осужден осуждена осуждён", "decision"),
        ("приговор", "term"),
        ("расстрелян расстреляна расстрел", "execution"),
        ("умер умерла скончался скончалась погиб погибла", "death"),
        ("освобожден освобождена освобождён осв", "release"),
        ("реабилитирован реабилитирована реабил реаб", "rehabilitation"),
        ("место", "burial"),
        ("выслан выслана высланы сослан сослана выселен выселена выселены", "removed"),
        ("депортирован депортирована", "removed"),
        ("член чл членвкп кандидат исключен исключена исключён", "clauses"),
        ("восстановлен восстановлена беспартийный беспартийная", "clauses"),
    )
    for word in group.split()
}

# Inflections the table does not list ("Реабилитированы", "Арестовывалась").
PREFIXES: tuple[tuple[str, str], ...] = (
    ("родил", "born"),
    ("прожива", "lived"),
    ("арестов", "arrest"),
    ("приговор", "decision"),
    ("осужд", "decision"),
    ("расстрел", "execution"),
    ("реабил", "rehabilitation"),
    ("освобожд", "release"),
    ("член", "clauses"),
)

_MASCULINE = words(
    "родился проживал арестован приговорен приговорён осужден осуждён расстрелян реабилитирован "
    "умер скончался погиб освобожден освобождён исключен исключён выслан сослан уроженец"
)
_FEMININE = words(
    "родилась проживала арестована приговорена приговорёна осуждена расстреляна реабилитирована "
    "умерла скончалась погибла освобождена исключена выслана сослана уроженка"
)
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def label_at(body: str, s: int, e: int) -> tuple[str | None, int]:
    """The handler named by the label that starts body[s:e], and where the label word ends."""
    w = _FIRST_WORD.match(body, s, e)
    if w is None:
        return None, s
    word = w.group().lower()
    handler = LABELS.get(word)
    if handler is None:
        handler = next((h for prefix, h in PREFIXES if word.startswith(prefix)), None)
    if handler is None or (word == "р" and body[w.end() : w.end() + 1] != "."):
        return None, s  # "р-н" is not "р. 1895"
    return handler, w.end()


def label_sex(word: str) -> str | None:
    """The sex a word form marks: "Арестована" is feminine, "Арестован" masculine."""
    w = word.lower()
    if w in _FEMININE:
        return "f"
    if w in _MASCULINE:
        return "m"
    return None
