"""The web tests' registry (the demo corpus plus constructed people, among them Троцкий and
people the privacy policy withholds), published once for the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import Built, built  # noqa: F401  (the registry fixture, reused)
from vigil.publish import Report, publish
from vigil.web import create_app

# The extra list's people the policy withholds (born 1990; known only from 2015; nothing
# dated), with their romanisations: none may appear anywhere in a publication.
WITHHELD = ("Живов", "Zhivov", "Молодцов", "Molodtsov", "Неизвестнов", "Neizvestnov")


@pytest.fixture(scope="session")
def site(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Report:  # noqa: F811
    """The registry published with a pool of two workers, as `vigil publish` runs by default."""
    out = tmp_path_factory.mktemp("publish") / "site"
    return publish(str(built.db), out, workers=2)


@pytest.fixture(scope="session")
def server(built: Built) -> TestClient:  # noqa: F811
    with TestClient(create_app(str(built.db))) as c:
        yield c


def pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))
