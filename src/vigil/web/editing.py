"""What the editing pages (review, ingest) share: the registry unscreened, its explanations
and the ingest jobs. Who may use them is `vigil.web.auth`'s business: each of those routes
declares the editor or reviewer role.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from vigil.linkage.explain import Explainer, Explanation
from vigil.store import Registry
from vigil.web.jobs import Jobs

EXPLAINED = 2000  # explanations kept per link run


class Explanations:
    """One `Explainer` per link run, built once and shared, since building reads every record.

    DuckDB is not used from two threads at once, so one lock serialises the scoring.
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._lock = threading.Lock()
        self._explainer: Explainer | None = None
        self._seen: dict[tuple[int, int], Explanation] = {}
        self._warming: threading.Thread | None = None

    def warm(self) -> None:
        """Build the explainer in the background, so the first review page need not wait."""

        def build() -> None:
            try:
                with self._lock:
                    self._current(self.registry.last_run())
            except Exception:  # a failure here is reported again on first real use
                pass

        self._warming = threading.Thread(target=build, name="vigil-explainer", daemon=True)
        self._warming.start()

    def settle(self, timeout: float = 120) -> None:
        """Wait for the background build: DuckDB aborts a process that exits under it."""
        if self._warming is not None:
            self._warming.join(timeout)

    def _current(self, run: dict[str, Any] | None) -> Explainer | None:
        if run is None:
            return None
        if self._explainer is None or self._explainer.run_id != run["id"]:
            self._explainer = Explainer(self.registry)
            self._seen.clear()
        return self._explainer

    def explain(self, a: int, b: int) -> Explanation:
        run = self.registry.last_run()
        with self._lock:
            explainer = self._current(run)
            if explainer is None:
                return Explainer(self.registry).explain(a, b)  # raises: no model yet
            key = (min(a, b), max(a, b))
            if key not in self._seen:
                if len(self._seen) >= EXPLAINED:
                    self._seen.clear()
                self._seen[key] = explainer.explain(*key)
            return self._seen[key]


@dataclass
class Editor:
    """What the editing pages share: the registry as it is, its explanations and ingest jobs."""

    registry: Registry
    upload_limit: int
    explanations: Explanations = field(init=False)
    jobs: Jobs = field(init=False)

    def __post_init__(self) -> None:
        self.explanations = Explanations(self.registry)
        self.jobs = Jobs(self.registry)


def editor(request: Request) -> Editor:
    """FastAPI dependency: the editor's state (the route's role is checked by its `Needs`)."""
    return request.app.state.editor
