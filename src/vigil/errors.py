"""Errors a user can act on: each names the file, the line where there is one, and the reason."""

from __future__ import annotations


class VigilError(Exception):
    """Base for errors shown to the user as one line, without a traceback."""


class InputError(VigilError):
    """A source file that cannot be read as asked."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class RegistryError(VigilError):
    """The registry cannot do what was asked (missing, not initialised, unknown id)."""


class NotFound(RegistryError):
    """No such source, record or person, or none the reader may see: the two read alike."""
