"""Storage: the only package that knows SQL. `Registry` is its whole public face."""

from vigil.store.registry import IngestResult, Registry

__all__ = ["IngestResult", "Registry"]
