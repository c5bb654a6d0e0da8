"""The README documents every command, Makefile target and setting."""

import re

import pytest
from conftest import ROOT

from server.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    for name in main.commands:
        assert "iackg --store" in README and re.search(rf"\b{name}\b", README), name


def test_the_two_commands_and_bench():
    for target in ("make run", "make test", "make bench", "make check", "make lint"):
        assert target in README


def test_settings_are_documented():
    assert "IACKG_STORE" in README and "--store" in README


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_server_setting_is_documented():
    from server.config import DEFAULTS

    for key in DEFAULTS:
        assert f"IACKG_{key}" in README, key


@pytest.mark.parametrize("package", ["ingest", "server", "server/query", "server/cli"])
def test_the_layout_table_names_every_module_and_only_those(package):
    """The README's layout table is the map of the tree: each package's row names each of its modules (as
    `name.py`), and names no module that is not there; every package has a row."""
    table = README[README.index("## Layout") : README.index("## Pipeline stages")]
    row = next(line for line in table.splitlines() if line.startswith(f"| `{package}/`"))
    named = set(re.findall(r"`(\w+)\.py`", row))
    modules = {path.stem for path in (ROOT / package).glob("*.py") if path.stem != "__init__" or package == "server/cli"}
    assert sorted(modules - named) == [] and sorted(named - modules) == []


def test_every_package_is_in_the_layout_table():
    packages = {str(path.parent.relative_to(ROOT)) for path in ROOT.glob("*/**/__init__.py") if ".venv" not in path.parts}
    table = README[README.index("## Layout") : README.index("## Pipeline stages")]
    assert sorted(p for p in packages if f"| `{p}/` |" not in table) == []
