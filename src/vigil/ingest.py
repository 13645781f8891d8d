"""From a file to the registry: read, detect, parse, store. The same bytes twice is a no-op."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from vigil.errors import InputError
from vigil.model import Parsed
from vigil.readers import Reader, ReaderOptions, detect, get_reader
from vigil.readers.decode import decode
from vigil.store import IngestResult, Registry


def read_source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None


def _parse(
    data: bytes, path: Path, fmt: str | None, options: ReaderOptions | None
) -> tuple[Reader, Parsed, str]:
    text, encoding = decode(data, str(path))
    reader = get_reader(fmt, str(path)) if fmt else detect(text, str(path))
    return reader, reader.parse(text, str(path), options or ReaderOptions()), encoding


def parse_path(
    path: Path, fmt: str | None = None, options: ReaderOptions | None = None
) -> tuple[Reader, Parsed, str]:
    """Parse a file without touching a registry; returns (reader, parsed, encoding)."""
    return _parse(read_source(path), path, fmt, options)


def ingest_path(
    registry: Registry,
    path: Path,
    fmt: str | None = None,
    options: ReaderOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    actor: str | None = None,
) -> IngestResult:
    """Ingest one file in one transaction. `progress(done, total)` counts characters of the body;
    `actor` is who the audit log names (the person running the command by default)."""
    data = read_source(path)
    sha256 = hashlib.sha256(data).hexdigest()
    existing = registry.find_source(sha256)
    if existing is not None:
        return IngestResult(existing, created=False)
    reader, parsed, encoding = _parse(data, path, fmt, options)
    del data  # records are parsed as they are stored: hold the text once, not also the bytes
    total = len(parsed.body)
    return registry.add_source(
        parsed,
        filename=path.name,
        sha256=sha256,
        format=reader.name,
        encoding=encoding,
        progress=(lambda done: progress(done, total)) if progress else None,
        actor=actor,
    )
