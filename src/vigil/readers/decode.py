"""Bytes to text for every reader: UTF-8 or cp1251, anything else a clear error."""

from __future__ import annotations

import re

from vigil.errors import InputError

# Bytes that never appear in text files; their presence means a binary file.
_BINARY = bytes(range(0, 9)) + bytes(range(14, 32))


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding). Line endings are kept as they are: spans index the verbatim text."""
    if not data or data.isspace():  # (no .strip(): that would copy a large file)
        raise InputError(path, "empty file")
    head = data[:65536]
    if b"\x00" in head or sum(head.count(bytes([b])) for b in _BINARY) > len(head) // 100:
        raise InputError(path, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_russian(text):
        return text, "cp1251"
    line = data[: utf8_error.start].count(b"\n") + 1
    byte = data[utf8_error.start]
    raise InputError(path, f"not UTF-8 or cp1251 text (byte 0x{byte:02x})", line)


def language_of(text: str) -> str:
    """ "ru" or "en", by which script most letters are in: enough to label a source."""
    sample = text[:200_000]
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return "ru" if cyrillic > latin else "en"


def _looks_russian(text: str) -> bool:
    """cp1251 decodes almost any bytes: accept it only for Cyrillic words, not Latin-1 mojibake
    ("Café" in Latin-1 reads "Cafй": Cyrillic letters glued to Latin ones)."""
    letters = [c for c in text if c.isalpha() and not c.isascii()]
    if not letters:
        return False
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    glued = len(_GLUED.findall(text))
    return cyr / len(letters) > 0.9 and glued <= cyr * 0.05


_GLUED = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
