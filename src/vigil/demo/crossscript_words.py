"""Occupations, nationalities and dates as each language's lists write them.

Dates are written only in forms the table reader reads back to the same EDTF string: numeric
day.month.year for Russian, German and French lists (the reader knows no German or French month
names, and reads 04/03/1901 as the year alone), "4 March 1901" for English, EDTF for
catalogue exports (whose month-only dates are given as the year: the reader takes "1901-03" for
the interval 1901/1903).
"""

from __future__ import annotations

# (Russian, English, German, French), men's and women's occupations.
OCCUPATIONS_M = (
    ("рабочий", "worker", "Arbeiter", "ouvrier"),
    ("колхозник", "collective farmer", "Kolchosbauer", "kolkhozien"),
    ("крестьянин", "peasant", "Bauer", "paysan"),
    ("слесарь", "fitter", "Schlosser", "serrurier"),
    ("счетовод", "bookkeeper", "Buchhalter", "comptable"),
    ("учитель", "teacher", "Lehrer", "instituteur"),
    ("инженер", "engineer", "Ingenieur", "ingénieur"),
    ("машинист", "engine driver", "Lokführer", "mécanicien"),
    ("бухгалтер", "accountant", "Buchhalter", "comptable"),
    ("агроном", "agronomist", "Agronom", "agronome"),
    ("председатель колхоза", "kolkhoz chairman", "Kolchosvorsitzender",
     "président de kolkhoze"),
    ("сторож", "watchman", "Wächter", "gardien"),
    ("врач", "physician", "Arzt", "médecin"),
    ("наборщик", "typesetter", "Setzer", "typographe"),
    ("священник", "priest", "Priester", "prêtre"),
    ("портной", "tailor", "Schneider", "tailleur"),
    ("сапожник", "shoemaker", "Schuster", "cordonnier"),
    ("кузнец", "blacksmith", "Schmied", "forgeron"),
    ("токарь", "turner", "Dreher", "tourneur"),
    ("шахтёр", "miner", "Bergmann", "mineur"),
    ("красноармеец", "Red Army soldier", "Rotarmist", "soldat de l'Armée rouge"),
    ("студент", "student", "Student", "étudiant"),
    ("журналист", "journalist", "Journalist", "journaliste"),
    ("экономист", "economist", "Ökonom", "économiste"),
    ("без определённых занятий", "no fixed occupation", "ohne feste Beschäftigung",
     "sans profession"),
)  # fmt: skip
OCCUPATIONS_F = (
    ("колхозница", "collective farmer", "Kolchosbäuerin", "kolkhozienne"),
    ("домохозяйка", "housewife", "Hausfrau", "ménagère"),
    ("рабочая", "worker", "Arbeiterin", "ouvrière"),
    ("учительница", "teacher", "Lehrerin", "institutrice"),
    ("крестьянка", "peasant", "Bäuerin", "paysanne"),
    ("машинистка", "typist", "Stenotypistin", "dactylo"),
    ("медсестра", "nurse", "Krankenschwester", "infirmière"),
    ("счетовод", "bookkeeper", "Buchhalterin", "comptable"),
    ("врач", "physician", "Ärztin", "médecin"),
    ("студентка", "student", "Studentin", "étudiante"),
)  # fmt: skip
# Group code -> (English, German, French masculine, French feminine).
NATIONALITIES = {
    "ru": ("Russian", "russisch", "russe", "russe"),
    "ua": ("Ukrainian", "ukrainisch", "ukrainien", "ukrainienne"),
    "by": ("Belarusian", "weißrussisch", "biélorusse", "biélorusse"),
    "jw": ("Jewish", "jüdisch", "juif", "juive"),
    "pl": ("Polish", "polnisch", "polonais", "polonaise"),
    "lv": ("Latvian", "lettisch", "letton", "lettonne"),
    "de": ("German", "deutsch", "allemand", "allemande"),
    "ge": ("Georgian", "georgisch", "géorgien", "géorgienne"),
    "am": ("Armenian", "armenisch", "arménien", "arménienne"),
}
LANGUAGES = ("ru", "en", "de", "fr")

_RU_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря")  # fmt: skip
_RU_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
           "сентябрь", "октябрь", "ноябрь", "декабрь")  # fmt: skip
_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December")  # fmt: skip


def edtf(y: int, m: int, d: int) -> str:
    """EDTF for a date known to the year (m=0), the month (d=0) or the day."""
    if not m:
        return str(y)
    return f"{y}-{m:02d}" if not d else f"{y}-{m:02d}-{d:02d}"


def written(style: str, y: int, m: int, d: int) -> tuple[str, str]:
    """(the cell's text, the EDTF the reader gets from it) for a date in a list's `style`:
    `numeric` 04.03.1901, `ru_words` 4 марта 1901 г., `en` 4 March 1901, `iso` 1901-03-04."""
    key = (style, y, m, d)
    got = _WRITTEN.get(key)
    if got is None:
        got = _WRITTEN[key] = _written(style, y, m, d)
    return got


_WRITTEN: dict[tuple[str, int, int, int], tuple[str, str]] = {}  # a few hundred thousand at most


def _written(style: str, y: int, m: int, d: int) -> tuple[str, str]:
    if style == "iso":
        if m and not d:
            m = 0  # "1901-03" would be read as 1901/1903
        return edtf(y, m, d), edtf(y, m, d)
    if not m:
        text = f"{y} г." if style == "ru_words" else str(y)
    elif style == "numeric":
        text = f"{d:02d}.{m:02d}.{y}" if d else f"{m:02d}.{y}"
    elif style == "ru_words":
        text = f"{d} {_RU_GEN[m - 1]} {y} г." if d else f"{_RU_NOM[m - 1]} {y} г."
    else:
        text = f"{d} {_EN[m - 1]} {y}" if d else f"{_EN[m - 1]} {y}"
    return text, edtf(y, m, d)
