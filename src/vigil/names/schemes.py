"""The German, French and Polish spellings of Russian names, as the émigré press wrote them.

Троцкий is Trotzki in a German list, Trotski in a French one and Trocki in a Polish one;
Чичерин is Tschitscherin, Tchitcherine and Cziczerin; Жуков Schukow, Joukov and Żukow;
Ягода Jagoda, Iagoda and Jagoda. These tables are the project's own, written from the
published conventions (Duden's transcription, the traditional French and Polish usage); the
official schemes come from iuliia (see `romanize.romanizations`).
"""

from __future__ import annotations

from dataclasses import dataclass

_V = "аеёиоуыэюяєії"
_START_OR_V = "^" + _V + "ьъ"  # where е ё ю я are iotated: word start, after a vowel, ь or ъ
_HUSHING = "жчшщ"

Context = tuple[str, str, str, str]


@dataclass(frozen=True)
class Scheme:
    """A letter table and the context rules that refine it.

    `letters` spells each Cyrillic letter by default. `contexts` are tried first, in order:
    (letter, previous letters, next letters, spelling), where an empty set means any letter and
    "^" / "$" in a set stand for the start / end of the word. `endings` replace whole word
    endings (-ий, -ин) and `clusters` letter groups (German кс as x) before the letters.
    """

    letters: dict[str, str]
    contexts: tuple[Context, ...] = ()
    endings: tuple[tuple[str, str], ...] = ()
    clusters: tuple[tuple[str, str], ...] = ()

    def word(self, word: str) -> str:
        """Transcribe one lower-case Cyrillic word; other characters pass through."""
        tail = ""
        for ending, latin in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                word, tail = word[: -len(ending)], latin
                break
        for cluster, latin in self.clusters:
            word = word.replace(cluster, latin)
        out = []
        for i, ch in enumerate(word):
            prev = word[i - 1] if i else "^"
            nxt = word[i + 1] if i + 1 < len(word) else ("$" if not tail else tail[0])
            for letter, before, after, latin in self.contexts:
                if letter == ch and (not before or prev in before) and (not after or nxt in after):
                    out.append(latin)
                    break
            else:
                out.append(self.letters.get(ch, ch))
        return "".join(out) + tail

    def text(self, text: str) -> str:
        """Transcribe text word by word, keeping capitals at the start of words and in caps."""
        words = []
        for word in text.split(" "):
            parts = []
            for part in word.split("-"):
                latin = self.word(part.lower())
                if part.isupper() and len(part) > 1:
                    latin = latin.upper()
                elif part[:1].isupper():
                    latin = latin[:1].upper() + latin[1:]
                parts.append(latin)
            words.append("-".join(parts))
        return " ".join(words)


_BASE = {
    "а": "a", "б": "b", "г": "g", "д": "d", "з": "z", "и": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "ъ": "", "ь": "",
    "э": "e",
}  # fmt: skip

GERMAN = Scheme(
    letters={
        **_BASE, "в": "w", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "й": "i", "у": "u",
        "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ы": "y", "ю": "ju",
        "я": "ja",
    },
    contexts=(
        ("е", _START_OR_V, "", "je"), ("ё", _HUSHING, "", "o"), ("с", _V, _V, "ss"),
        ("ц", _V, "", "tz"), ("й", "", _V, "j"),
    ),
    endings=(("ий", "i"), ("ый", "y")),
    clusters=(("кс", "x"),),
)  # fmt: skip

FRENCH = Scheme(
    letters={
        **_BASE, "в": "v", "е": "e", "ё": "io", "ж": "j", "й": "ï", "у": "ou", "х": "kh",
        "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ы": "y", "ю": "iou", "я": "ia",
    },
    contexts=(
        ("е", _V + "ьъ", "", "ie"), ("ё", _HUSHING, "", "o"), ("с", _V, _V, "ss"),
        ("и", "аоуэ", "", "ï"), ("г", "", "еиэы", "gu"),
    ),
    endings=(("ий", "i"), ("ый", "y"), ("ин", "ine"), ("ын", "yne")),
)  # fmt: skip

POLISH = Scheme(
    letters={
        **_BASE, "в": "w", "е": "e", "ё": "io", "ж": "ż", "й": "j", "л": "ł", "у": "u",
        "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ы": "y", "ю": "iu", "я": "ia",
    },
    contexts=(
        ("е", _START_OR_V, "", "je"), ("ё", _START_OR_V, "", "jo"), ("ю", _START_OR_V, "", "ju"),
        ("я", _START_OR_V, "", "ja"), ("ё", _HUSHING, "", "o"), ("ё", "л", "", "o"),
        ("ю", "л", "", "u"), ("я", "л", "", "a"), ("и", "жшц", "", "y"),
        ("л", "", "еёиюяь", "l"),
    ),
    endings=(("ский", "ski"), ("цкий", "cki"), ("ий", "ij"), ("ый", "y")),
)  # fmt: skip
