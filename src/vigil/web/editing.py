"""What the editing pages (review, ingest) share: the registry unscreened, its explanations
and the ingest jobs. Who may use them is `vigil.web.auth`'s business: each of those routes
declares the editor or reviewer role.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from vigil.linkage.explain import Explainer, Explanation
from vigil.store import Registry
from vigil.web.jobs import Jobs

EXPLAINED = 2000  # explanations kept per link run
AHEAD = 3  # pairs after the one shown that are explained before the reviewer asks


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
        self._ahead: queue.SimpleQueue[tuple[int, int]] = queue.SimpleQueue()
        self._reader: threading.Thread | None = None

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
        """Wait for the background work: DuckDB aborts a process that exits under it."""
        while not self._ahead.empty():  # what is not begun is not needed
            with contextlib.suppress(queue.Empty):
                self._ahead.get_nowait()
        for thread in (self._warming, self._reader):
            if thread is not None:
                thread.join(timeout)

    def _current(self, run: dict[str, Any] | None) -> Explainer | None:
        if run is None:
            return None
        if self._explainer is None or self._explainer.run_id != run["id"]:
            self._explainer = Explainer(self.registry)
            self._seen.clear()
        return self._explainer

    def explained(self, a: int, b: int) -> bool:
        """This pair's explanation is at hand: showing it waits for no scoring."""
        return _pair(a, b) in self._seen

    def prefetch(self, pairs: list[tuple[int, int]]) -> None:
        """Explain these pairs in the background: scoring one takes Splink a few hundred
        milliseconds, which the reviewer then does not wait for on the next pair."""
        for a, b in pairs:
            self._ahead.put(_pair(a, b))
        if self._reader is None or not self._reader.is_alive():
            self._reader = threading.Thread(target=self._read_ahead, name="vigil-explain-ahead",
                                            daemon=True)  # fmt: skip
            self._reader.start()

    def _read_ahead(self) -> None:
        while True:
            try:
                a, b = self._ahead.get_nowait()
            except queue.Empty:  # the next view starts another
                return
            if (a, b) in self._seen:
                continue
            with contextlib.suppress(Exception):  # asked for again when shown, reported then
                self.explain(a, b)

    def explain(self, a: int, b: int) -> Explanation:
        run = self.registry.last_run()
        with self._lock:
            explainer = self._current(run)
            if explainer is None:
                return Explainer(self.registry).explain(a, b)  # raises: no model yet
            key = _pair(a, b)
            if key not in self._seen:
                if len(self._seen) >= EXPLAINED:
                    self._seen.clear()
                self._seen[key] = explainer.explain(*key)
            return self._seen[key]


def _pair(a: int, b: int) -> tuple[int, int]:
    """A pair's key, in the order the registry stores it."""
    return min(a, b), max(a, b)


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
