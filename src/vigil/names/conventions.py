"""The Latin spelling conventions a name may follow, as rule tables for `readings`.

Each table lists (letter group with its context, sound or sounds) in the order they are tried,
longer groups first; the sounds use the readings' alphabet (c ц, C ч, S ш, Z ж, h х, j й,
y ы). The tables are the project's own, written from the usual practice of rendering each
language's names in Russian (Ермолович for English, Polivanov for Japanese, Palladius for
Chinese) and from the romanisation schemes for Russian itself.
"""

from __future__ import annotations

import re

Options = tuple[str, ...]
Rule = tuple[str, str | Options]

V = "aeiouyäöüåæøœàáâãèéêëìíîïòóôõùúûýÿāēīōūăąęėőűı"
_BEFORE_V = f"(?=[{V}])"
_NOT_BEFORE_V = f"(?![{V}])"
_AFTER_V = f"(?<=[{V}])"
_AFTER_C = f"(?<![{V}])"
_FRONT = "(?=[eiyéèêëíìîï])"

# Romanised Russian in every scheme the sources use: BGN/PCGN and English-language practice,
# ISO 9 and the scholarly system, the passport schemes, and the German, French and Polish
# spellings of the émigré press. This convention's first reading is the skeleton's.
SLAVIC: list[Rule] = [
    ("x", ("ks", "h")),
    ("schtsch|shch|chtch|szcz|šč|ŝ", "SC"),
    ("tsch|tch|cz|č", "C"),
    ("sch|sh|sz|š", "S"),
    ("dzh|dsch|dž|dj" + _BEFORE_V, "dZ"),
    ("zh|ž|(?<=[pbtdkgv])rz|j(?=ou)|^j(?=[bdgklmnrvz])", "Z"),
    ("kh|^ch(?=[rlmnvw])", "h"),
    ("ch", "C"),
    ("ck(?=[iyja])", "ck"),
    ("ck|q", "k"),
    ("(?<=i)c$", ("c", "C")),
    ("c(?=[aoulr])", ("k", "c")),
    ("ts|tz|c", "c"),
    ("ou", "u"),
    ("ph", "f"),
    ("th", "t"),
    ("x", "ks"),
    ("[iy]ne$", "in"),
    ("(?<=[oe])ff$", "v"),
    ("gu" + _FRONT, "g"),
    ("ë", "jo"),
    ("â", "ja"),
    ("û", "ju"),
    ("ê", "je"),
    ("ï|ĭ|ÿ", "j"),
    ("h", ("h", "g")),
]

GERMAN: list[Rule] = [
    ("tzsch|tsch", "C"),
    ("sch", ("S", "Z")),
    ("^s(?=[pt])", "S"),
    ("chs|x", "ks"),
    ("ch", "h"),
    ("ck|c(?![eiyäö])", "k"),
    ("tz|z|c", "c"),
    ("ß|ss", "s"),
    (f"(?<![^{V}])s" + _BEFORE_V, "z"),
    ("v", ("f", "v")),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "kv"),
    ("ei|ey|ai|ay", ("aj", "ej")),
    ("eu|äu", ("oj", "ej")),
    ("ie", "i"),
    ("ae|ä", "e"),
    ("oe|ö", ("jo", "e")),
    ("ue|ü", ("ju", "u")),
    (_AFTER_V + "h", ""),
    ("h", ("h", "g")),
    ("y", ("i", "ju")),
]

_C = "bcdfghjklmnpqrstvwxz"
_MAGIC_E = f"(?=[{_C}](?:e|es|ed)$)"

# English spelling read the way Russian renders English names (Ермолович): Peter Питер,
# Walker Уолкер, Newman Ньюман, Miles Майлз, McEwan Макьюэн.
ENGLISH: list[Rule] = [
    ("^mc", "mak"),
    ("tch", "C"),
    ("ch", ("C", "k")),
    ("sh", "S"),
    ("ph", "f"),
    ("th", ("t", "s")),
    ("wh", "u"),
    ("augh|ough", ("o", "of", "au")),
    ("ght", "t"),
    ("gh|^(?=kn)k|^(?=wr)w", ""),
    ("dg|j", "dZ"),
    ("g" + _FRONT, ("dZ", "g")),
    ("qu", ("kv", "ku")),
    ("ck|c(?![eiy])|q", "k"),
    ("s?c" + _FRONT, "s"),
    ("x", "ks"),
    ("(?<=[bdglmnrv])es$", ("z", "es")),
    (_AFTER_C + "es$", ("s", "es")),
    ("wa", ("uo", "ua", "va")),
    ("w" + _BEFORE_V, ("u", "v")),
    ("ew", "ju"),
    ("ee|ea|ie(?!$)", "i"),
    ("oo", "u"),
    ("oa", ("ou", "o")),
    ("ou", ("au", "u", "o")),
    ("ow", ("ou", "au", "o")),
    ("aw|au", ("o", "ou")),
    ("ay|ai", "ej"),
    ("ey$", ("i", "ej")),
    ("ei|ey", ("ej", "aj", "i")),
    ("igh", "aj"),
    ("a" + _MAGIC_E, ("ej", "e")),
    ("[iy]" + _MAGIC_E, ("aj", "i")),
    ("o" + _MAGIC_E, ("ou", "o")),
    ("u" + _MAGIC_E, ("ju", "u")),
    ("ar(?=[bcdfgklmnpqstvxz])", ("ar", "a")),
    ("ng(?![aeiouy])", ("ng", "n")),  # also Korean and Vietnamese: Hwang Хван
    ("al(?=[ldt])", ("ol", "al")),
    ("i(?=[ao])", ("i", "aj")),
    ("[ue]r" + f"(?=[{_C}]|$)", ("er", "jor", "ur")),
    ("y" + _BEFORE_V, "j"),
    (f"(?<=[{_C}])y(?=[{_C}])", ("i", "aj")),
    ("y", "i"),
    (_AFTER_C + "e$", ("", "e")),
    (_AFTER_C + "e(?=[" + _C + "][aeiouy])", ("e", "i")),
    ("(?<=[bdglmnrv])s$", ("s", "z")),
    ("u", ("u", "a", "ju")),
    ("a", ("a", "e")),
]

FRENCH: list[Rule] = [
    # word endings first: most final consonants and a final e are silent
    ("ault$|aut$|aud$|eaux?$|aux$", "o"),
    ("oux$", "u"),
    ("eux$", "jo"),
    ("ier$", ("je", "jer")),
    ("ienne$", "jen"),
    ("(?:er|ez|et)$", "e"),
    ("(?<=[rn])ds?$", ("", "d")),
    ("(?<=r)t$", ("", "t")),
    ("(?<=r)s$", ("", "s")),
    ("(?<=[aeiou])st$", ("", "st")),
    ("(?<=[mp])ps$", ("", "ps")),
    *((f"(?<=[{V}n]){c}$", ("", o)) for c, o in [("s", "s"), ("t", "t"), ("d", "d"), ("z", "z")]),
    (f"(?<=[{V}n])x$", ("", "ks")),
    (_AFTER_C + "e?s$|" + _AFTER_C + "e$", ""),
    ("eau|au", "o"),
    ("ou|oû|où", "u"),
    ("oi|oî", "ua"),
    ("oy", "uaj"),
    ("[ae]in" + f"(?![{V}n])", "en"),
    ("in" + f"(?![{V}n])", ("en", "in")),
    ("[ae][nm]" + f"(?![{V}nm])", "an"),
    ("un" + f"(?![{V}n])", "en"),
    ("aî|ai|ei|ay", "e"),
    ("eu|œu|œ", "e"),
    ("ch", "S"),
    ("j|g" + _FRONT, "Z"),
    ("gu" + _FRONT, "g"),
    ("qu", "k"),
    ("c" + _FRONT + "|ç", "s"),
    ("c", "k"),
    ("gn", "nj"),
    (_AFTER_V + "ill", "j"),
    ("ill", ("ij", "il")),
    ("ph", "f"),
    ("th", "t"),
    ("h", ""),
    (_AFTER_V + "s" + _BEFORE_V, "z"),
    ("ss", "s"),
    (_AFTER_V + "s(?=[bcdfgjklmnpqtvwz])", ("s", "")),  # Deschamps, Estienne: old mute s
    ("ë", "e"),
    ("u", "ju"),
    ("y", "i"),
    ("ï", "j"),
]

ITALIAN: list[Rule] = [
    ("cch|ch", "k"),
    ("gh", "g"),
    ("sci(?=[aou])|sc(?=[eiéè])", "S"),
    ("cci(?=[aou])|ci(?=[aou])|cc(?=[eiéè])|c(?=[eiéè])", "C"),
    ("c", "k"),
    ("ggi(?=[aou])|gi(?=[aou])|gg(?=[eiéè])|g(?=[eiéè])", "dZ"),
    ("gu(?=[aeiou])", "gv"),
    ("gli", "lj"),
    ("gn", "nj"),
    ("zz", "c"),
    ("z", ("c", "dz")),
    ("h", ""),
    ("qu", "kv"),
    ("x", "ks"),
    ("y", "i"),
]

SPANISH: list[Rule] = [
    ("ch", "C"),
    ("ll", ("j", "lj", "l")),
    ("ñ", "nj"),
    ("gu" + _FRONT, "g"),
    ("gu(?=[ao])", ("gv", "gu")),
    ("gü", "gu"),
    ("j|g" + _FRONT, "h"),
    ("c" + _FRONT + "|z", "s"),
    ("c|qu", "k"),
    ("h", ""),
    ("x", ("ks", "h")),
    ("y" + _BEFORE_V, "j"),
    ("y", "i"),
    ("w", "u"),
]

PORTUGUESE: list[Rule] = [
    ("lh", "lj"),
    ("nh", "nj"),
    ("ch|x", "S"),
    ("j|g" + _FRONT, "Z"),
    ("gu" + _FRONT, "g"),
    ("qu" + _FRONT, "k"),
    ("qu", "kv"),
    ("c" + _FRONT + "|ç|ss", "s"),
    ("c", "k"),
    (_AFTER_V + "s" + _BEFORE_V, "z"),
    ("ão", "aun"),
    ("õe", "ojn"),
    ("o$", ("u", "o")),
    ("e$", ("i", "e")),
    ("h", ""),
]

# Latin and latinised Greek names the way Russian renders them: the nominative ending dropped
# (Proculus Прокул, Marcius Марций, Gnaeus Гней), au/eu as ав/ев (Paullus Павел), h as г.
CLASSICAL: list[Rule] = [
    ("tius$", ("cij", "tij")),
    ("i[uo]s$", "ij"),
    ("eus$", "ej"),
    ("[ou][sm]$|(?<=[^aeiou])es$", ""),
    ("o$", ("o", "on")),  # Nero Нерон, Cicero Цицерон
    ("ae|oe", "e"),
    ("au", "av"),
    ("eu", "ev"),
    ("qu", "kv"),
    ("ph", "f"),
    ("th", ("t", "f")),
    ("b", ("b", "v")),
    ("ch", "h"),
    ("rh", "r"),
    ("c(?=[eiy]|ae|oe)", "c"),
    ("c", "k"),
    ("h", "g"),
]

# Modern Greek names the way Russian renders them: Giorgos Йоргос, Athina Афина, Thanos Танос.
GREEK: list[Rule] = [
    ("gi(?=[aeou])|g(?=[eiy])", ("j", "g")),
    ("th", ("t", "f")),
    ("ch", "h"),
    ("ou", "u"),
    ("ai", "e"),
    ("oi|ei", "i"),
    ("mp", ("mb", "mp")),
    ("nt", ("nd", "nt")),
    ("b", ("v", "b")),
    ("y", "i"),
    ("h", "h"),
]

# Polish, Czech, Slovak, Lithuanian, Latvian and the Latin-script South Slavic languages.
WEST_SLAVIC: list[Rule] = [
    ("x", ("ks", "h")),
    ("iusz$", "ij"),
    ("(?<=[sc]k)a$", ("aja", "a")),  # Polish -ska/-cka, Russian -ская/-цкая
    ("szcz", "SC"),
    ("sz", "S"),
    ("cz", "C"),
    ("rz", ("Z", "rz")),
    ("ch", "h"),
    ("dż|đ", "dZ"),
    ("dź|dzi" + _BEFORE_V, "dz"),
    ("ci" + _BEFORE_V + "|ć|c", "c"),
    ("si" + _BEFORE_V + "|ś", ("s", "S")),
    ("zi" + _BEFORE_V + "|ź", "z"),
    ("ni" + _BEFORE_V + "|ń", "nj"),
    ("ł", "l"),
    ("w", "v"),
    ("ó", "u"),
    ("y", "y"),
    ("x", "ks"),
]

HUNGARIAN: list[Rule] = [
    ("cs", "C"),
    ("sz", "s"),
    ("zs", "Z"),
    ("gy", "dj"),
    ("ny", "nj"),
    ("ly", "j"),
    ("ty", "tj"),
    ("s", "S"),
    ("c", "c"),
    ("a", ("a", "o")),
]

NORDIC: list[Rule] = [
    ("sch", "sh"),
    ("skj|sj|sk(?=[yieäöø])", "S"),
    ("kj|tj", "C"),
    ("oe", "u"),
    ("ij", "ej"),
    ("ui", ("ej", "ju")),
    ("aa", ("a", "o")),
    ("uu", "u"),
    ("g", ("g", "h")),
    ("v", ("v", "f")),
    ("ø|ö", ("jo", "e")),
    ("ä", ("e", "ja")),
    ("å", "o"),
    ("y", ("ju", "i")),
    ("c" + _FRONT, "s"),
    ("c", "k"),
]

TURKISH: list[Rule] = [
    ("c", "dZ"),
    ("ç", "C"),
    ("ş", "S"),
    ("ğ", ("", "g")),
    ("ı", "y"),
    ("q", "g"),
    ("ə", ("a", "e")),
    ("j", "Z"),
    ("y", "j"),
]

# Hepburn romanisation read the Russian way (Polivanov): shi си, chi ти, tsu цу, ji дзи.
JAPANESE: list[Rule] = [
    ("sh", "sj"),
    ("ch", "tj"),
    ("ts", "c"),
    ("j", "dzj"),
    ("z", ("dz", "z")),
    ("ō|ou|oo", "o"),
    ("ū|uu", "u"),
    ("y", "j"),
    ("wo", "o"),
    ("w", "v"),
    ("n(?=[mbp])", ("n", "m")),
]

# Pinyin read the Russian way (Palladius): zh чж, j/z цз, q ц, x с, r ж, -ng н, -n нь.
CHINESE: list[Rule] = [
    ("zh", "CZ"),
    ("c(?!h)", "c"),
    ("ch", "C"),
    ("sh", "S"),
    ("(?<=[zcs])i", "y"),
    ("[jz]", "cz"),
    ("q", "c"),
    ("x", "s"),
    ("r", "Z"),
    ("(?<=[jqxy])u", "ju"),
    ("ü", "ju"),
    ("yi", "i"),
    ("y", "j"),
    ("wu", "u"),
    ("w", "v"),
    ("ong", "un"),
    ("ng", "n"),
    ("(?<=[gkh])uo", "o"),
    ("ui", "uj"),
    ("ie", "je"),
    ("i(?=[aou])", "j"),
]

_PINYIN_FINAL = (
    "iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|"
    "ui|ue|er|a|o|e|i|u|ü"
)
PINYIN = re.compile(f"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:{_PINYIN_FINAL}))+")
HEPBURN = re.compile(
    "(?:(?:(?:[kgsztdnhbpmr]y?|sh|ch|j|ts|f|y|w)?[aiueoāīūēō](?:[aiueo]|[kstpc](?=[kstpc]))?)|n)+"
)


# Romanised Russian whose spelling shows German, Polish or French practice: there ch is х (or ш
# in French), German z is ц, French j is ж. The skeleton reads a word in the variant it shows.
SLAVIC_GERMAN: list[Rule] = [("ch(?!s)", "h"), ("z(?!h)", "c"), ("w", "v"), *SLAVIC]
SLAVIC_POLISH: list[Rule] = [("ch", "h"), *SLAVIC]
SLAVIC_FRENCH: list[Rule] = [("(?<!t)ch", "S"), ("j", "Z"), *SLAVIC]
SLAVIC_SCHOLARLY: list[Rule] = [("x", "h"), ("c", "c"), *SLAVIC]
SCHOLARLY_MARKS = re.compile("[čšžŝ]|ij$")
GERMAN_MARKS = re.compile("sch|tz")
POLISH_MARKS = re.compile("w|cz|sz|rz|[łżśćńó]")
FRENCH_MARKS = re.compile("ou|tch|ï|[iy]ne$")
