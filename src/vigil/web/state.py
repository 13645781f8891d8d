"""The registry as the public may read it: every read passes the privacy screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from vigil.privacy import Screen
from vigil.store import Registry
from vigil.store.search import SearchQuery


@dataclass(frozen=True, slots=True)
class Public:
    """Routes read through this, never through the Registry, so none can skip the policy."""

    registry: Registry
    withhold: Screen

    def search(self, query: SearchQuery) -> dict[str, Any]:
        return self.registry.search(query, withhold=self.withhold)

    def person(self, person_id: int) -> dict[str, Any]:
        return self.registry.person_page(person_id, withhold=self.withhold)

    def record(self, record_id: int) -> dict[str, Any]:
        return self.registry.record_page(record_id, withhold=self.withhold)

    def source(self, source_id: int, page: int = 1) -> dict[str, Any]:
        return self.registry.source_page(source_id, page, withhold=self.withhold)

    def sources(self) -> list[dict[str, Any]]:
        return self.registry.sources()


def public(request: Request) -> Public:
    """FastAPI dependency: the app's public reader."""
    return request.app.state.public
