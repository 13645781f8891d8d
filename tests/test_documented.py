"""Every command is in the README's table, and every option of it in its row or the text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import typer

from vigil.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Command, prefix: str) -> Iterator[tuple[str, click.Command]]:
    for name, sub in getattr(group, "commands", {}).items():
        if isinstance(sub, click.Group):
            yield from commands(sub, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", sub


ALL = list(commands(typer.main.get_command(app), "vigil"))


def test_every_command_has_a_row_in_the_readme() -> None:
    missing = [name for name, _ in ALL if f"`{name}" not in README]
    assert not missing, f"commands not in README.md's table: {missing}"


def test_every_option_is_named_in_the_readme() -> None:
    common = {"--help", "--db", "--json", "--quiet", "-q"}  # said once, for every command
    missing = []
    for name, cmd in ALL:
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in common and opt not in README:
                    missing.append(f"{name} {opt}")
    assert not missing, f"options not named in README.md: {missing}"
