"""The editor's side of `vigil serve --editing`: the registry unscreened, and who may write.

Until accounts arrive, editing is for the person at this machine: the server listens on a
loopback address only, every editing request must name a loopback host (a web page that
rebinds its own domain to 127.0.0.1 cannot read or write through it), and a POST whose
Origin or Referer names another site is refused, so no other website can submit a form here.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from vigil.linkage.explain import Explainer, Explanation
from vigil.store import Registry
from vigil.web.jobs import Jobs

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
EXPLAINED = 2000  # explanations kept per link run


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1 (an IPv6 address may come in brackets)."""
    name = host.strip("[]").casefold()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def default_reviewer() -> str:
    """$VIGIL_USER or the login name, as `vigil review` takes it; empty when neither exists."""
    try:
        return os.environ.get("VIGIL_USER") or getpass.getuser()
    except OSError:  # no login name (some containers): the form asks for one
        return ""


class Explanations:
    """One `Explainer` per link run, built once and shared, since building reads every record.

    DuckDB is not used from two threads at once, so one lock serialises the scoring.
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._lock = threading.Lock()
        self._explainer: Explainer | None = None
        self._seen: dict[tuple[int, int], Explanation] = {}

    def warm(self) -> None:
        """Build the explainer in the background, so the first review page need not wait."""

        def build() -> None:
            try:
                with self._lock:
                    self._current(self.registry.last_run())
            except Exception:  # a failure here is reported again on first real use
                pass

        threading.Thread(target=build, name="vigil-explainer", daemon=True).start()

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
    """FastAPI dependency: the editor's state, and the checks every editing request passes."""
    host = request.headers.get("host", "")
    if not is_loopback(urlsplit(f"//{host}").hostname or ""):
        raise HTTPException(403, f"editing is served to loopback addresses only, not {host!r}")
    if request.method not in SAFE_METHODS:
        sender = request.headers.get("origin") or request.headers.get("referer")
        if sender is not None and urlsplit(sender).netloc != host:
            raise HTTPException(
                403, f"refused: a form sent from {sender!r} to {host!r} (another site)"
            )
    return request.app.state.editor
