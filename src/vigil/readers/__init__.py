"""Source formats, registered by name. Each module reads one format into the same `Parsed` shape."""

from __future__ import annotations

from vigil.errors import InputError
from vigil.readers.base import Reader, ReaderOptions

READERS: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    READERS[reader.name] = reader
    return reader


def get_reader(name: str, path: str = "<input>") -> Reader:
    _load()
    try:
        return READERS[name]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise InputError(path, f"unknown format {name!r} (known: {known})") from None


def detect(text: str, path: str) -> Reader:
    """The reader most sure of this text; a clear error when none recognises it."""
    _load()
    scored = sorted(((r.sniff(text, path), r.name) for r in READERS.values()), reverse=True)
    score, name = scored[0]
    if score < 0.3:
        known = ", ".join(sorted(READERS))
        raise InputError(path, f"cannot tell the format; give --format (one of: {known})")
    return READERS[name]


def _load() -> None:
    """Import every reader module (each registers itself); cheap after the first call."""
    from vigil.readers import article, memory_book, table  # noqa: F401


__all__ = ["READERS", "Reader", "ReaderOptions", "detect", "get_reader", "register"]
