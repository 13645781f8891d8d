"""The version of the name keys: bump it whenever a change to vigil.names changes any key.

Stored with every record's keys, so `vigil link` recomputes keys made by an older version
instead of comparing keys of two algorithms.
"""

KEYS_VERSION = 4  # 4: invisible format characters (U+200B, U+202E, …) are no part of a name
# 3: given-name classes gained conventional renderings (Майкл, Шон, Жуан)
# 2: surnames the dictionary lacks are declined by their ending
