"""A personal name as written, split into surname, given name and patronymic in the nominative.

Sources write names in every order and case: "Иванов Иван Иванович", "И.И. Иванов",
"Ивановой Анне Сергеевне", "TROTZKI Leo", "Trotski, Léon", "Trockij L. D.". Linkage needs the
parts, each in one form, to compare them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from vigil.names.given import given_sex, known_given
from vigil.names.morph import Role, agree, roles
from vigil.names.text import PARTICLES, Script, script_of, visible
from vigil.names.titles import is_title, without_titles

Sex = Literal["m", "f"]


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name's parts: nominative, title case, None when the source does not give them.

    `given_initial` and `patronymic_initial` hold the initial as written, in upper case ("И",
    "L"; a Latin digraph standing for one Cyrillic letter stays whole: "Yu", "Zh"), also when
    the full name is given. `sex` comes from the patronymic, the surname's ending or the given
    name. `written` is the text the parts came from (not compared).
    """

    surname: str | None
    given: str | None
    patronymic: str | None
    given_initial: str | None
    patronymic_initial: str | None
    sex: Sex | None
    script: Script
    written: str | None = field(default=None, compare=False)


# Particles that belong to a surname even written with a capital (Von Meck is still von Meck).
_ALWAYSPARTICLES = frozenset(("von", "van", "vom", "zu", "фон", "ван", "ibn", "ибн"))
# Turkic patronymic markers written after the father's name: Алирза оглы, Мамед кызы.
_PATRONYMIC_MARKERS = frozenset((
    "оглы", "оглу", "углы", "улы", "кызы", "гызы", "oglu", "ogly", "oğlu", "ugli", "uly", "qizi",
    "kyzy",
))  # fmt: skip
# Latin initials that stand for one Cyrillic letter: Yu. (Ю.), Zh. (Ж.), Shch. (Щ.).
_DIGRAPHS = frozenset((
    "yu", "ya", "ye", "yo", "ju", "ja", "je", "jo", "iu", "ia", "zh", "kh", "ts", "ch", "sh",
    "shch", "sch", "tsch", "dzh",
))  # fmt: skip

_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(
    r"(?P<initial>[^\W\d_]{1,4}\.)|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)|(?P<comma>,)"
)
_PATRONYMIC = re.compile(
    r"(?:[оеё]в(?:ич|н)|[ьи]ич|[^аеёиоуыэюяь]ич|ичн|ільн|[оеє]вн|инич)[а-яё]{0,3}$"
    r"|(?:ov|ev|ew|ow|yev|iev)(?:i[cč]h?|itch|itsch|itš|icz|ych|na|nа)$|(?:ovna|evna|ivna|i[cč]na|ichna|yinichna)$"
)
_FEMALE_PATRONYMIC = re.compile(r"(?:вна|чна|ична|вне|вны|вну|вной|чне|чны|чну|чной|na)$")
_FEMALE_SURNAME = re.compile(
    r"(?:[оеё]ва|[иы]на|[сц]кая|ая|ova|eva|yova|ina|yna|skaya|skaia|skaja|ska|cka|ová|ovà|"
    r"aitė|aite|ienė|iene|ytė|yte|ūtė|ute)$"
)
_MALE_SURNAME = re.compile(
    r"(?:[оеё]в|[иы]н|[сц]кий|[сц]кой|ov|ev|yov|in|yn|[sc]k[iy]|[sc]ki[jiy]|off|ow|ew|"
    r"as|is|us|ys)$"
)
_SURNAME_LIKE = re.compile(
    r"(?:[оеё]в|[оеё]ва|[иы]н|[иы]на|[сц]кий|[сц]кая|енко|ук|юк|швили|дзе|ян|ов|ev|ov|ova|eva|"
    r"in|ina|sky|ski|skaya|enko|uk|shvili|dze|yan|ian|man|mann|berg|stein|baum|feld|ich)$",
    re.IGNORECASE,
)

Template = tuple[str, ...]  # one letter a word: S surname, G given, M middle (more given), P
_TEMPLATES: dict[int, tuple[Template, ...]] = {
    1: (("S",), ("G",)),
    2: (("S", "G"), ("G", "S"), ("G", "P")),
    3: (("S", "G", "P"), ("G", "P", "S"), ("G", "M", "S"), ("S", "G", "M"), ("S", "S", "G")),
    4: (("S", "G", "M", "P"), ("G", "M", "P", "S"), ("G", "M", "M", "S"), ("S", "S", "G", "P"),
        ("S", "G", "M", "M"), ("G", "P", "S", "S")),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # as written, with any particle before it ("von Meck")
    core: str  # the word itself ("Meck")
    comma_after: bool
    marker: str = ""  # a Turkic patronymic marker written after it


def parse_name(text: str) -> NameParts:
    """Split a name as written into its parts, in any order, case and script.

    Initials ("И.И.", "L. D.") fill the initial fields; the surname is the word set apart by a
    comma or capitals, or the one the dictionary, the given-name table and the endings point
    to, in the orders lists use (surname first in Russian, last in Latin text). Russian words
    in an oblique case are brought to the nominative ("Ивановой Анне Сергеевне").
    """
    return _parse(" ".join(visible(text).split()))


@lru_cache(maxsize=32768)
def _parse(text: str) -> NameParts:
    text = _DIGIT.split(text, maxsplit=1)[0]  # "Петров Иван 1897 г.р.": the name ends there
    script = script_of(text)
    initials: list[str] = []
    words: list[_Word] = []
    pending: list[str] = []  # particles waiting for their word
    initials_first = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        token = m.group()
        if kind != "comma" and is_title(token):
            continue
        if kind == "comma":
            if words:
                words[-1] = _Word(words[-1].text, words[-1].core, True, words[-1].marker)
            continue
        if kind == "initial" or (kind == "word" and len(token) == 1 and token.isalpha()):
            initials.append(_initial(token.rstrip(".")))
            initials_first = initials_first or not words
            continue
        low = token.lower()
        if low in _PATRONYMIC_MARKERS and words:
            last = words[-1]
            words[-1] = _Word(last.text, last.core, last.comma_after, low)
            continue
        if low in PARTICLES and (token.islower() or low in _ALWAYSPARTICLES):
            pending.append(low)
            continue
        words.append(_Word(" ".join([*pending, token]), token, False))
        pending = []
    if pending and words:  # a trailing "de" or "van" is a word after all
        words.extend(_Word(p, p, False) for p in pending)
    template = _choose(words, script, bool(initials), initials_first)
    return _assemble(words, template, initials, script, text)


def _initial(letters: str) -> str:
    low = letters.lower()
    if len(low) > 1 and low in _DIGRAPHS:
        return low.capitalize()
    return letters[0].upper()


def _choose(words: list[_Word], script: Script, initials: bool, initials_first: bool) -> Template:
    n = len(words)
    if n == 0:
        return ()
    templates = _TEMPLATES.get(n) or (("S", *("G",) * (n - 1)),)
    if initials:
        # The initials stand for the given name or patronymic; the words are the surname,
        # perhaps with a given name written out ("Иванов Иван И.").
        templates = (*(t for t in templates if "P" not in t and t != ("G",)), ("S",) * n)
    scored = []
    for rank, template in enumerate(templates):
        score = sum(_fit(w, role, script) for w, role in zip(words, template, strict=True))
        score += _order_bonus(template, words, script)
        scored.append((score, -rank, template))
    return max(scored)[2]


def _order_bonus(template: Template, words: list[_Word], script: Script) -> float:
    if any(w.comma_after for w in words):
        return 0.0
    surname_first = template[0] == "S"
    return 0.5 if surname_first == (script == "cyrl") else 0.0


@lru_cache(maxsize=65536)
def _word_roles(word: str, script: Script) -> frozenset[Role]:
    return roles(word.lower()) if script == "cyrl" else frozenset()


def _fit(word: _Word, role: str, script: Script) -> float:
    core = word.core
    known_roles = _word_roles(core, script)
    patronymic_like = bool(_PATRONYMIC.search(core.lower())) or bool(word.marker)
    score = 0.0
    if role == "S":
        score += 2.0 if "surname" in known_roles else 0.0
        score += 1.0 if _SURNAME_LIKE.search(core) else 0.0
        score += 2.0 if core.isupper() and len(core) > 1 else 0.0
        score += 3.0 if word.comma_after else 0.0
        score += 1.0 if " " in word.text else 0.0  # a particle: von Meck
        score -= 1.0 if known_given(core) else 0.0
        score -= 2.0 if word.marker else 0.0
    elif role in ("G", "M"):
        score += 2.0 if "given" in known_roles else 0.0
        score += 2.0 if known_given(core) else 0.0
        score -= 2.0 if core.isupper() and len(core) > 1 else 0.0
        score -= 1.0 if patronymic_like else 0.0
        score -= 0.5 if role == "M" else 0.0
    elif role == "P":
        score += 2.0 if "patronymic" in known_roles else 0.0
        score += 3.0 if patronymic_like else -3.0
    return score


def _assemble(
    words: list[_Word], template: Template, initials: list[str], script: Script, text: str
) -> NameParts:
    surnames = [w for w, r in zip(words, template, strict=True) if r == "S"]
    givens = [w for w, r in zip(words, template, strict=True) if r in ("G", "M")]
    patronymics = [w for w, r in zip(words, template, strict=True) if r == "P"]
    if not patronymics and givens and givens[-1].marker:
        patronymics = [givens.pop()]
    if givens and initials and not patronymics:
        initials = ["", *initials]  # "Иванов Иван И.": the initial is the patronymic's
    return _build(
        [w.text for w in surnames],
        [w.text for w in givens],
        [w.text + (" " + w.marker if w.marker else "") for w in patronymics],
        initials,
        script,
        text,
        None,
    )


def from_parts(
    surname: str | None,
    given: str | None,
    patronymic: str | None,
    written: str | None = None,
    *,
    sex: Sex | None = None,
) -> NameParts:
    """Parts a reader already split (table columns): normalised like parse_name's.

    Case is normalised and Russian oblique forms brought to the nominative; a given name or
    patronymic written as an initial ("И.", "L") fills the initial field. `sex`, when the source
    states it, wins over what the name shows.
    """
    surname, given, patronymic = (visible(p) if p else p for p in (surname, given, patronymic))
    surname, given = without_titles(surname), without_titles(given)
    given_words, patronymic_words, initials = [], [], []
    for value, out, slot in ((given, given_words, 0), (patronymic, patronymic_words, 1)):
        value = " ".join((value or "").split())
        if not value:
            continue
        stripped = value.rstrip(".")
        if len(stripped) <= 4 and (value.endswith(".") or len(stripped) == 1):
            while len(initials) < slot:
                initials.append("")
            initials.append(_initial(stripped))
        else:
            out.append(value)
    surname_words = [" ".join(surname.split())] if surname and surname.strip() else []
    texts = [*surname_words, *given_words, *patronymic_words]
    script = script_of(written or " ".join(texts) or "".join(initials))
    return _build(surname_words, given_words, patronymic_words, initials, script, written, sex)


def _build(
    surnames: list[str],
    givens: list[str],
    patronymics: list[str],
    initials: list[str],
    script: Script,
    written: str | None,
    sex: Sex | None,
) -> NameParts:
    surname = " ".join(surnames) or None
    given = " ".join(givens) or None
    patronymic = " ".join(patronymics) or None
    gender = None
    if script == "cyrl":
        surname, given, patronymic, gender = _nominative(surname, given, patronymic)
    surname, given, patronymic = (_title(p) for p in (surname, given, patronymic))
    given_initial = given[0].upper() if given else (initials[0] or None) if initials else None
    if patronymic:
        patronymic_initial: str | None = patronymic[0].upper()
    else:
        patronymic_initial = (initials[1] or None) if len(initials) > 1 else None
    return NameParts(
        surname=surname,
        given=given,
        patronymic=patronymic,
        given_initial=given_initial,
        patronymic_initial=patronymic_initial,
        sex=sex or _sex(surname, given, patronymic, gender),
        script=script,
        written=written,
    )


def _nominative(
    surname: str | None, given: str | None, patronymic: str | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """Bring the Cyrillic words to the nominative together (their case and gender agree)."""
    slots: list[tuple[int, str, str, Role]] = []  # (slot, prefix, word, role)
    parts = [surname, given, patronymic]
    role_of: tuple[Role, ...] = ("surname", "given", "patronymic")
    for slot, value in enumerate(parts):
        if not value:
            continue
        tokens = value.split(" ")
        # particles and Turkic markers stay as written; the last particle-free word declines
        for token in tokens:
            if token.lower() in PARTICLES or token.lower() in _PATRONYMIC_MARKERS:
                continue
            if re.search("[а-яё]", token.lower()):
                slots.append((slot, "", token, role_of[slot]))
    if not slots:
        return surname, given, patronymic, None
    result = agree(tuple(s[2] for s in slots), tuple(s[3] for s in slots))
    replaced: list[list[str]] = [p.split(" ") if p else [] for p in parts]
    for (slot, _, token, _), nominative in zip(slots, result.nominatives, strict=True):
        if "ё" not in token.lower():
            nominative = nominative.replace("ё", "е")
        tokens = replaced[slot]
        tokens[tokens.index(token)] = _recase(token, nominative)
    joined = [" ".join(t) or None for t in replaced]
    return joined[0], joined[1], joined[2], result.gender


def _recase(written: str, nominative: str) -> str:
    """The nominative with the writer's capitals where it is the same word."""
    if nominative == written.lower() and not (written.isupper() or written.islower()):
        return written
    return nominative


def _title(value: str | None) -> str | None:
    """Title case for words written in all capitals or all small letters; mixed case (McDonald,
    DuBois) is kept, and so are particles (von, de) and Turkic markers (оглы)."""
    if not value:
        return None
    out = []
    for word in value.split(" "):
        low = word.lower()
        if low in PARTICLES or low in _PATRONYMIC_MARKERS:
            out.append(low)
        elif word.isupper() or word.islower():
            out.append(re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), low))
        else:
            out.append(word)
    return " ".join(out)


def _sex(
    surname: str | None, given: str | None, patronymic: str | None, gender: str | None
) -> Sex | None:
    """Sex from the patronymic's ending, the agreement of the Russian words, the surname's
    ending, then the given name, in that order of trust."""
    if patronymic:
        first = patronymic.split(" ")[0].lower()
        marker = patronymic.split(" ")[-1].lower()
        if marker in ("кызы", "гызы", "qizi", "kyzy"):
            return "f"
        if marker in _PATRONYMIC_MARKERS:
            return "m"
        if _PATRONYMIC.search(first):
            return "f" if _FEMALE_PATRONYMIC.search(first) else "m"
    if gender in ("masc", "femn"):
        return "m" if gender == "masc" else "f"
    if surname:
        last = surname.split(" ")[-1].split("-")[-1].lower()
        if _FEMALE_SURNAME.search(last):
            return "f"
        if _MALE_SURNAME.search(last) and not given:
            return "m"
    if given:
        found = given_sex(given.split(" ")[0])
        if found:
            return found
    if surname and _MALE_SURNAME.search(surname.split(" ")[-1].split("-")[-1].lower()):
        return "m"
    return None
