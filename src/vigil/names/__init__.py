"""A person's name: its parts, romanisations and the keys that match it across scripts.

>>> parts = parse_name("Троцкого Льва Давидовича")
>>> parts.surname, parts.given, parts.patronymic
('Троцкий', 'Лев', 'Давидович')
>>> name_keys(parse_name("TROTZKI Leo")).surname_key == name_keys(parts).surname_key
True
"""

from vigil.names.given import given_key
from vigil.names.keys import NameKeys, name_keys, phonetic, similarity, skeleton
from vigil.names.parts import NameParts, from_parts, parse_name
from vigil.names.romanize import romanizations

__all__ = [
    "NameKeys",
    "NameParts",
    "from_parts",
    "given_key",
    "name_keys",
    "parse_name",
    "phonetic",
    "romanizations",
    "similarity",
    "skeleton",
]
