"""Forms of address and honorifics that lists write beside a name but that are not a name.

Soviet documents put "гр." (citizen) or "тов." (comrade) before a surname; English lists
"Sir", "Rev.", "Bt."; German and French ones "Herr", "Mme". Left in, they would be read as a
given name or a surname and make two records of one person disagree. Words that are also
common surnames (Lord, Baron, Graf) are not in the list.
"""

from __future__ import annotations

TITLES = frozenset(
    {
        # Russian
        "тов", "товарищ", "гр", "гражд", "гражданин", "гражданка", "г-н", "г-жа", "господин",
        "госпожа",
        # English
        "mr", "mrs", "ms", "miss", "dr", "prof", "rev", "revd", "reverend", "sir", "dame",
        "baronet", "bt", "bart", "hon", "jr", "jnr", "sr", "snr", "esq",
        # German, French, Polish
        "herr", "frau", "fräulein", "frl", "mme", "mlle", "monsieur", "madame", "mademoiselle",
        "pan", "pani",
    }
)  # fmt: skip


def is_title(word: str) -> bool:
    return word.casefold().strip().rstrip(".") in TITLES


def without_titles(value: str | None) -> str | None:
    """The value with its title words dropped; None when nothing else is left."""
    if not value:
        return value
    words = [w for w in value.split() if not is_title(w)]
    return " ".join(words) or None
