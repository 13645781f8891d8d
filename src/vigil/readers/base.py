"""The contract every reader keeps: decoded text in, one `Parsed` shape out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from vigil.model import Parsed


@dataclass(slots=True)
class ReaderOptions:
    """Options a reader may use; readers ignore what does not concern them."""

    mapping: dict[str, str] = field(default_factory=dict)  # table: field -> column
    id_column: str | None = None  # table: column whose value is the record's locator


class Reader(Protocol):
    name: str  # the --format name
    kind: str  # the Source kind it yields

    def sniff(self, text: str, path: str) -> float:
        """How sure (0..1) the reader is that this text is its format."""
        ...

    def parse(self, text: str, path: str, options: ReaderOptions) -> Parsed:
        """Parse decoded text; raise InputError (file, line, reason) on what cannot be read."""
        ...
