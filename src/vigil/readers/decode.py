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
    # (more than 1% of the head, and more than one byte: one NUL is damage, told below)
    if sum(head.count(bytes([b])) for b in _BINARY) > max(1, len(head) // 100):
        raise InputError(path, "binary file, not text")
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere: text stores, searches and exports would each cut it differently
        line, column = _where(data, nul)
        raise InputError(path, f"NUL byte (0x00) at column {column}: not text, or damaged", line)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    line, column = _where(data, utf8_error.start)
    byte = data[utf8_error.start]
    if _mostly_utf8(data):
        # cp1251 would decode it, as mojibake ("Петров" read "РџРµС‚СЂРѕРІ"): say where it broke
        reason = f"invalid UTF-8: byte 0x{byte:02x} at column {column} (the rest is UTF-8)"
        raise InputError(path, reason, line)
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_russian(text):
        return text, "cp1251"
    raise InputError(path, f"not UTF-8 or cp1251 text (byte 0x{byte:02x} at column {column})", line)


def _where(data: bytes, offset: int) -> tuple[int, int]:
    """The line (from 1) and the column (characters from 1) of a byte offset."""
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _mostly_utf8(data: bytes) -> bool:
    """Whether the bytes that are not ASCII are mostly valid UTF-8: then a few bad bytes are
    damage, not another encoding (cp1251 Russian is almost never valid UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good > bad


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
