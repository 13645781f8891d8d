"""How foreign-language lists spell Russian names: five romanisations and local given names.

The benchmark's own tables, written independently of `vigil.names` so that the linkage is tested
against spellings it did not produce. Each convention is how one kind of list wrote the names:

- `bgn`: the English-language press, BGN/PCGN simplified (Trotsky, Zhukov, Yagoda, Chicherin);
- `lc`: English-language library catalogues, ALA-LC without diacritics (Trotskii, Iagoda,
  Vasil'ev);
- `de`: the German press, Duden (Trotzki, Schukow, Jagoda, Tschitscherin);
- `fr`: the French press (Trotski, Joukov, Iagoda, Tchitcherine);
- `iso`: scholarly lists, the Slavists' system (Trockij, Žukov, Jagoda, Čičerin).
"""

from __future__ import annotations

from functools import lru_cache

CONVENTIONS = ("bgn", "lc", "de", "fr", "iso")
VOWELS = frozenset("аеёиоуыэюя")
_IOTATING = VOWELS | {"ь", "ъ"}  # after these, е/ё are written with a leading y/j/i
_HUSHING = frozenset("жшчщ")

_PLAIN: dict[str, dict[str, str]] = {
    "bgn": {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
            "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
            "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
            "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
            "я": "ya"},
    "lc": {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
           "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
           "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "'", "э": "e", "ю": "iu",
           "я": "ia"},
    "de": {"а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch",
           "з": "s", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z",
           "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
           "ю": "ju", "я": "ja"},
    "fr": {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j",
           "з": "z", "и": "i", "й": "ï", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
           "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts",
           "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e",
           "ю": "iou", "я": "ia"},
    "iso": {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "ž",
            "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
            "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c",
            "ч": "č", "ш": "š", "щ": "šč", "ъ": "", "ы": "y", "ь": "'", "э": "è", "ю": "ju",
            "я": "ja"},
}  # fmt: skip
# е (and ё) at the start of a word or after a vowel or a hard/soft sign.
_IOTATED_E = {"bgn": ("ye", "yo"), "lc": ("e", "e"), "de": ("je", "jo"), "fr": ("ie", "io"),
              "iso": ("e", "ë")}  # fmt: skip
# Word-final -ий/-ый, in surnames and in given names: Trotsky but Dmitri, Trockij.
_FINAL_IJ = {"bgn": ("y", "i"), "lc": ("ii", "ii"), "de": ("i", "i"), "fr": ("i", "i"),
             "iso": ("ij", "ij")}  # fmt: skip


@lru_cache(maxsize=200_000)
def romanize(word: str, convention: str, surname: bool = True) -> str:
    """One Cyrillic word in `convention`; `surname` chooses the -ий ending (Trotsky, Dmitri)."""
    table = _PLAIN[convention]
    low = word.lower()
    n = len(low)
    out: list[str] = []
    i = 0
    while i < n:
        ch = low[i]
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < n else ""
        if ch in "иы" and nxt == "й" and i + 2 == n:
            out.append(_FINAL_IJ[convention][0 if surname else 1])
            i += 2
            continue
        out.append(_letter(convention, table, ch, prev, nxt, i, n, surname))
        i += 1
    text = "".join(out)
    if convention == "fr" and surname and low.endswith("ин"):
        text += "e"  # Tchitcherine, Boukharine
    if convention in ("bgn", "fr") and not surname and low.endswith("ия"):
        text = text[: -len(_PLAIN[convention]["я"]) - 1] + "ia"  # Maria, as the press writes it
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def _letter(
    convention: str, table: dict[str, str], ch: str, prev: str, nxt: str, i: int, n: int,
    surname: bool,
) -> str:  # fmt: skip
    """One letter in its context: the few rules each convention has beyond its table."""
    if ch in "её":
        if i == 0 or prev in _IOTATING:
            if convention == "fr" and prev in VOWELS:
                return "ïe" if ch == "е" else "ïo"
            return _IOTATED_E[convention][0 if ch == "е" else 1]
        if ch == "ё" and prev in _HUSHING and convention in ("bgn", "de", "fr"):
            return "o"
        return table[ch]
    if convention == "bgn":
        if ch == "ь" and nxt == "и":
            return "y"  # Ilyich, Ilyin
        if ch == "й" and i == n - 1 and prev in VOWELS and not surname:
            return "i"  # Sergei, Nikolai
    elif convention == "de":
        if ch == "ь" and nxt in ("и", "о"):
            return "j"  # Iljitsch
        if ch == "й" and (i == n - 1 or nxt not in VOWELS):
            return "i"  # Sergei, Tolstoi
        if ch == "с" and prev in VOWELS and nxt in VOWELS:
            return "ss"  # Wassili
        if ch == "ц" and prev in VOWELS:
            return "tz"  # Trotzki
    elif convention == "fr":
        if ch == "г" and nxt in ("е", "ё", "и", "ы", "э", "ю", "я"):
            return "gu"  # Gueorgui, Sergueï
        if ch == "с" and prev in VOWELS and nxt in VOWELS:
            return "ss"  # Vassili
        if ch == "и" and prev in VOWELS:
            return "ï"  # Moïsseï
    if ch in table:
        return table[ch]
    return ch


# Given names as each language's lists render them: English, German, French; the first is the
# commonest. Names missing here are transliterated.
LOCAL_GIVEN: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Пётр": (("Peter",), ("Peter",), ("Pierre",)),
    "Николай": (("Nicholas",), ("Nikolaus",), ("Nicolas",)),
    "Михаил": (("Michael",), ("Michael",), ("Michel",)),
    "Алексей": (("Alexis", "Alexei"), ("Alexej",), ("Alexis",)),
    "Александр": (("Alexander",), ("Alexander",), ("Alexandre",)),
    "Лев": (("Leo", "Leon"), ("Leo",), ("Léon",)),
    "Иосиф": (("Joseph",), ("Josef",), ("Joseph", "Ossip")),
    "Осип": (("Joseph",), ("Ossip",), ("Ossip",)),
    "Павел": (("Paul",), ("Paul",), ("Paul",)),
    "Яков": (("Jacob",), ("Jakob",), ("Jacques",)),
    "Григорий": (("Gregory",), ("Gregor",), ("Grégoire",)),
    "Степан": (("Stephen",), ("Stefan",), ("Étienne",)),
    "Фёдор": (("Theodore",), ("Theodor",), ("Théodore",)),
    "Андрей": (("Andrew",), ("Andreas",), ("André",)),
    "Евгений": (("Eugene",), ("Eugen",), ("Eugène",)),
    "Константин": (("Constantine",), ("Konstantin",), ("Constantin",)),
    "Василий": (("Basil",), ("Wassili",), ("Basile",)),
    "Дмитрий": (("Dmitri",), ("Dmitri",), ("Dimitri",)),
    "Сергей": (("Sergei",), ("Sergej",), ("Serge",)),
    "Семён": (("Simon",), ("Simon",), ("Simon",)),
    "Матвей": (("Matthew",), ("Matthäus",), ("Mathieu",)),
    "Илья": (("Elijah",), ("Elias",), ("Élie",)),
    "Георгий": (("George",), ("Georg",), ("Georges",)),
    "Моисей": (("Moses",), ("Moses",), ("Moïse",)),
    "Исаак": (("Isaac",), ("Isaak",), ("Isaac",)),
    "Абрам": (("Abraham",), ("Abraham",), ("Abraham",)),
    "Соломон": (("Solomon",), ("Salomon",), ("Salomon",)),
    "Лазарь": (("Lazarus",), ("Lazarus",), ("Lazare",)),
    "Самуил": (("Samuel",), ("Samuel",), ("Samuel",)),
    "Марк": (("Mark",), ("Markus",), ("Marc",)),
    "Иоганн": (("John",), ("Johann",), ("Jean",)),
    "Генрих": (("Henry",), ("Heinrich",), ("Henri",)),
    "Фридрих": (("Frederick",), ("Friedrich",), ("Frédéric",)),
    "Вильгельм": (("William",), ("Wilhelm",), ("Guillaume",)),
    "Карл": (("Charles",), ("Karl",), ("Charles",)),
    "Франц": (("Francis",), ("Franz",), ("François",)),
    "Антон": (("Anthony",), ("Anton",), ("Antoine",)),
    "Игнатий": (("Ignatius",), ("Ignaz",), ("Ignace",)),
    "Казимир": (("Casimir",), ("Kasimir",), ("Casimir",)),
    "Юзеф": (("Joseph",), ("Josef",), ("Joseph",)),
    "Станислав": (("Stanislaus",), ("Stanislaus",), ("Stanislas",)),
    "Болеслав": (("Boleslaus",), ("Boleslaw",), ("Boleslas",)),
    "Владислав": (("Ladislaus",), ("Wladislaus",), ("Ladislas",)),
    "Эдуард": (("Edward",), ("Eduard",), ("Édouard",)),
    "Рудольф": (("Rudolph",), ("Rudolf",), ("Rodolphe",)),
    "Адольф": (("Adolph",), ("Adolf",), ("Adolphe",)),
    "Эрнест": (("Ernest",), ("Ernst",), ("Ernest",)),
    "Феликс": (("Felix",), ("Felix",), ("Félix",)),
    "Вацлав": (("Wenceslas",), ("Wenzel",), ("Venceslas",)),
    "Мария": (("Mary", "Maria"), ("Maria",), ("Marie",)),
    "Анна": (("Anne", "Anna"), ("Anna",), ("Anne",)),
    "Екатерина": (("Catherine",), ("Katharina",), ("Catherine",)),
    "Елена": (("Helen",), ("Helene",), ("Hélène",)),
    "Софья": (("Sophia",), ("Sophie",), ("Sophie",)),
    "Елизавета": (("Elizabeth",), ("Elisabeth",), ("Élisabeth",)),
    "Анастасия": (("Anastasia",), ("Anastasia",), ("Anastasie",)),
    "Ксения": (("Xenia",), ("Xenia",), ("Xénia",)),
    "Татьяна": (("Tatiana",), ("Tatjana",), ("Tatiana",)),
    "Евдокия": (("Eudoxia",), ("Eudoxia",), ("Eudoxie",)),
    "Маргарита": (("Margaret",), ("Margarete",), ("Marguerite",)),
    "Роза": (("Rose",), ("Rosa",), ("Rose",)),
    "Сара": (("Sarah",), ("Sara",), ("Sarah",)),
    "Ревекка": (("Rebecca",), ("Rebekka",), ("Rébecca",)),
    "Рахиль": (("Rachel",), ("Rahel",), ("Rachel",)),
    "Эсфирь": (("Esther",), ("Esther",), ("Esther",)),
    "Ядвига": (("Hedwig",), ("Hedwig",), ("Edwige",)),
    "Стефания": (("Stephanie",), ("Stefanie",), ("Stéphanie",)),
    "Амалия": (("Amelia",), ("Amalie",), ("Amélie",)),
    "Лидия": (("Lydia",), ("Lydia",), ("Lydie",)),
    "Марта": (("Martha",), ("Martha",), ("Marthe",)),
    "Марфа": (("Martha",), ("Martha",), ("Marthe",)),
    "Агафья": (("Agatha",), ("Agathe",), ("Agathe",)),
    "Пелагея": (("Pelagia",), ("Pelagia",), ("Pélagie",)),
    "Христина": (("Christina",), ("Christine",), ("Christine",)),
    "Мариам": (("Miriam",), ("Mirjam",), ("Myriam",)),
    "Юзефа": (("Josepha",), ("Josefa",), ("Joséphine",)),
    "Эмилия": (("Emily",), ("Emilie",), ("Émilie",)),
    "Берта": (("Bertha",), ("Berta",), ("Berthe",)),
}  # fmt: skip
_LANG_INDEX = {"en": 0, "de": 1, "fr": 2}


def local_given(name: str, language: str) -> tuple[str, ...]:
    """The forms a list in `language` gives the Russian given name `name` (empty if none)."""
    forms = LOCAL_GIVEN.get(name)
    return forms[_LANG_INDEX[language]] if forms and language in _LANG_INDEX else ()
