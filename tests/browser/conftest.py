"""Browser tests: Debian's chromium, driven by Playwright, against `vigil serve` run for real.

One registry (the web tests' demo registry), one server and one browser serve the whole session,
so the suite stays fast; each page gets a fresh context (no language cookie carries over) and
leaves a screenshot named after its test in artifacts/screenshots/ (`VIGIL_SCREENSHOTS`
overrides), also when the test fails. Without chromium or Playwright the tests skip with the
reason, except under CI=true: .ci/run installs both there, so a skip would hide a broken install.

For other families of pages:

    url = vigil_server("--login-required", db=copy_of_registry)  # another `vigil serve`
    page = open_page(url)                                    # a page on it
    page = open_page(serve_folder(out))                      # a static site over http.server
    page = open_page(); page.goto(out.joinpath("index.html").as_uri())   # or file://
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from ..web import conftest as web

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREENSHOTS = Path(os.environ.get("VIGIL_SCREENSHOTS") or ROOT / "artifacts" / "screenshots")
CHROMIUM = Path("/usr/bin/chromium")
# Playwright's own browser download cannot be used here; the background-networking flags keep
# chromium from calling out (update checks, sync), which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_PLAYWRIGHT = "Playwright is not installed (pip install -e '.[dev]')"
STARTUP_SECONDS = 60  # a loaded 2-core machine can take a while to import the app
TIMEOUT_MS = 15_000  # per browser action; Playwright's 30 s default only slows a failure down

# The web tests' registry: the demo corpus, linked, plus people the privacy policy withholds.
built = web.built
registry = web.registry
Built = web.Built


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ is a browser test (`-m "not browser"` leaves them out)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


def missing(reason: str) -> NoReturn:
    """Skip for want of a browser, but fail in CI, where .ci/run installs one."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs them)")
    pytest.skip(reason)


# -- the server ------------------------------------------------------------------------------


@dataclass
class Server:
    """One `vigil serve` process; its stdout and stderr go to `log`, shown when it fails."""

    url: str
    process: subprocess.Popen[bytes]
    command: list[str]
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, flags: tuple[str, ...], log: Path) -> Server:
    """Run the real CLI, `vigil serve --db DB FLAGS`, on a free loopback port, till it answers."""
    port = free_port()
    command = [sys.executable, "-m", "vigil", "serve", "--db", str(db)]
    command += ["--host", "127.0.0.1", "--port", str(port), *flags]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=log.parent)
    server = Server(f"http://127.0.0.1:{port}", process, command, log)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            pytest.fail(
                f"`{shlex.join(command)}` exited with status {process.returncode} before "
                f"answering:\n{server.output()}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(server.url + "/", timeout=5):
                return server
        except urllib.error.HTTPError:
            return server  # it answers; what it answers is for the tests to judge
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            pytest.fail(
                f"`{shlex.join(command)}` did not answer within {STARTUP_SECONDS} s:\n"
                f"{server.output()}",
                pytrace=False,
            )
        time.sleep(0.1)


@pytest.fixture(scope="session")
def vigil_server(
    built: web.Built, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., str]]:
    """Start `vigil serve` with extra flags (once per flags and registry); returns its URL.

    The default registry is shared and read-only by convention: a test that writes (review,
    ingest) should pass `db=` a copy of its own.
    """
    running: dict[tuple[str, tuple[str, ...]], Server] = {}

    def start(*flags: str, db: Path | None = None) -> str:
        key = (str(db or built.db), flags)
        if key not in running:
            log = tmp_path_factory.mktemp("serve") / "serve.log"
            running[key] = start_server(Path(key[0]), flags, log)
        return running[key].url

    yield start
    for server in running.values():
        server.stop()


@pytest.fixture(scope="session")
def server_url(vigil_server: Callable[..., str]) -> str:
    """The reading pages: plain `vigil serve` over the demo registry."""
    return vigil_server()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def serve_folder() -> Iterator[Callable[[Path], str]]:
    """Serve a folder (a static site, e.g. `vigil publish OUT/`) over http.server; its URL."""
    servers: list[ThreadingHTTPServer] = []

    def serve(folder: Path) -> str:
        handler = partial(_QuietHandler, directory=str(folder))
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_port}"

    yield serve
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


# -- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing(NO_PLAYWRIGHT)
    if not CHROMIUM.exists():
        missing(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def screenshot_path(node: pytest.Item, n: int) -> Path:
    """artifacts/screenshots/<module>.<test>[-n].png: one name per test, stable across runs."""
    name = f"{node.path.stem}.{node.name}" + (f"-{n}" if n > 1 else "")
    return SCREENSHOTS / (re.sub(r"[^\w.-]+", "_", name) + ".png")


def save_screenshot(page: Page, node: pytest.Item, n: int = 1) -> None:
    from playwright.sync_api import Error

    path = screenshot_path(node, n)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=path)
    except Error as e:  # a crashed page must not hide the test's own failure
        warnings.warn(f"no screenshot for {node.nodeid}: {e}", stacklevel=1)


@pytest.fixture
def open_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context (Russian, as most readers are, unless `locale=` says).

    Relative URLs resolve against `base_url`. Each page is screenshot when the test ends.
    """
    opened: list[Page] = []

    def open_(base_url: str | None = None, **options: Any) -> Page:
        options.setdefault("locale", "ru-RU")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=base_url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        opened.append(page)
        return page

    yield open_
    for n, page in enumerate(opened, 1):
        save_screenshot(page, request.node, n)
        page.context.close()


@pytest.fixture
def page(open_page: Callable[..., Page], server_url: str) -> Page:
    """A page on the reading server, in Russian by the browser's Accept-Language."""
    return open_page(server_url)
