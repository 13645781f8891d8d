"""vigil.toml: found in its order, checked strictly, and obeyed by serve and publish."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from vigil import config
from vigil.cli import app as cli
from vigil.errors import InputError
from vigil.privacy import DEFAULT, Policy
from vigil.web.app import from_environment

from .conftest import Marked

runner = CliRunner()

FULL = """# the registry's policy
[privacy]
alive_years = 90
assume_adult_at = 16
sensitive_fields = ["residence", "party", "residence"]
"""


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.ENV, raising=False)


def test_the_defaults_are_todays_rule_with_residence_and_document_held_back() -> None:
    assert config.parse("") == DEFAULT
    assert Policy(100, 14, ("residence", "document")) == DEFAULT
    assert config.parse("[privacy]\n") == DEFAULT


def test_a_file_sets_the_policy() -> None:
    assert config.parse(FULL) == Policy(90, 16, ("residence", "party"))
    assert config.parse("[privacy]\nsensitive_fields = []\n").sensitive_fields == ()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[privacy]\nalive_years = \n", "x.toml:2: not valid TOML: Invalid value"),
        ("[privacy\n", "x.toml:1: not valid TOML"),
        (
            '[privacy]\nalive_years = 100\nsensitive_fields = ["residence", "adress"]\n',
            "x.toml:3: unknown sensitive field 'adress'; a record's fields that may be held "
            "back: birth_place, nationality, party, occupation, residence, document",
        ),
        ('[privacy]\nsensitive_fields = ["birth"]\n', "x.toml:2: unknown sensitive field"),
        ("[privacy]\nalive_yeras = 80\n", "x.toml:2: unknown key 'alive_yeras' in [privacy]"),
        ("[privacyy]\nalive_years = 80\n", "x.toml:1: unknown section [privacyy]; known"),
        ("[privacy]\nalive_years = '80'\n", "x.toml:2: alive_years must be a whole number"),
        ("[privacy]\nalive_years = 0\n", "alive_years must be a whole number of years, at least"),
        ("[privacy]\nassume_adult_at = true\n", "x.toml:2: assume_adult_at must be a whole"),
        ("[privacy]\nsensitive_fields = 'residence'\n", "x.toml:2: sensitive_fields must be"),
        ("privacy = 3\n", "x.toml:1: privacy must be a section"),
    ],
)
def test_a_bad_file_names_the_file_the_line_and_the_reason(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        config.parse(text, "x.toml")
    assert said in str(caught.value)


def test_where_the_file_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "reg" / "vigil.db"
    db.parent.mkdir()
    assert config.load(None, str(db)).origin == "built-in defaults"
    beside = db.parent / "vigil.toml"
    beside.write_text("[privacy]\nalive_years = 80\n")
    found = config.load(None, str(db))
    assert (found.path, found.origin, found.policy.years) == (beside.resolve(), "beside the "
                                                             "registry", 80)  # fmt: skip
    env = tmp_path / "env.toml"
    env.write_text("[privacy]\nalive_years = 70\n")
    monkeypatch.setenv(config.ENV, str(env))
    assert config.load(None, str(db)).policy.years == 70
    named = tmp_path / "named.toml"
    named.write_text("[privacy]\nalive_years = 60\n")
    assert config.load(named, str(db)).policy.years == 60
    with pytest.raises(InputError, match=r"nowhere.toml: no such configuration file \(named by "):
        config.load(tmp_path / "nowhere.toml", str(db))
    monkeypatch.setenv(config.ENV, str(tmp_path / "gone.toml"))
    with pytest.raises(InputError, match=r"named by \$VIGIL_CONFIG"):
        config.load(None, str(db))


def test_config_show(tmp_path: Path) -> None:
    path = tmp_path / "vigil.toml"
    path.write_text(FULL)
    shown = runner.invoke(cli, ["config", "show", "--config", str(path)])
    assert shown.exit_code == 0, shown.output
    assert f"Configuration: {path} (--config)" in shown.output
    assert 'sensitive_fields = ["residence", "party"]' in shown.output
    assert "alive_years = 90" in shown.output
    path.write_text("[privacy]\nsensitive_fields = ['street']\n")
    bad = runner.invoke(cli, ["config", "show", "--config", str(path)])
    assert bad.exit_code == 1 and f"{path}:2: unknown sensitive field 'street'" in bad.output
    elsewhere = tmp_path / "elsewhere" / "none.db"
    default = runner.invoke(cli, ["config", "show", "--db", str(elsewhere)])
    assert "Configuration: built-in defaults" in default.output


def test_the_servers_workers_read_the_policy_from_the_environment(
    marked: Marked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`vigil serve --workers N` hands the configuration to each process as $VIGIL_CONFIG."""
    path = tmp_path / "open.toml"
    path.write_text("[privacy]\nsensitive_fields = []\n")
    monkeypatch.setenv("VIGIL_DB", str(marked.db))
    monkeypatch.setenv(config.ENV, str(path))
    with TestClient(from_environment()) as client:
        record = client.get(f"/api/records/{marked.records['Открытов']}").json()
    assert record["residence"] == "Потаённая слобода 17"


def test_publish_obeys_its_config(marked: Marked, tmp_path: Path) -> None:
    """A policy of 30 years shows the man born in 1992, and one with no sensitive fields
    publishes the residence: the file is what decides."""
    path = tmp_path / "vigil.toml"
    path.write_text("[privacy]\nalive_years = 30\nsensitive_fields = []\n")
    out = tmp_path / "site"
    args = ["publish", str(out), "--db", str(marked.db), "--workers", "1", "--config", str(path)]
    done = runner.invoke(cli, args)
    assert done.exit_code == 0, done.output
    records = (out / "data" / "records.csv").read_text(encoding="utf-8")
    assert "Жизнелюбов" in records and "Потаённая слобода 17" in records
    assert "Снятовский" not in records  # the takedown stands whatever the policy
    path.write_text("[privacy]\nalive_years = -1\n")
    bad = runner.invoke(cli, [*args[:2], "--db", str(marked.db), "--config", str(path)])
    assert bad.exit_code == 1 and "alive_years must be a whole number" in bad.output
