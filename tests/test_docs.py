"""The README documents every command, Makefile target and setting."""

import re

from conftest import ROOT

from server.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    for name in main.commands:
        assert "iackg --store" in README and re.search(rf"\b{name}\b", README), name


def test_the_two_commands_and_bench():
    for target in ("make run", "make test", "make bench"):
        assert target in README


def test_settings_are_documented():
    assert "IACKG_STORE" in README and "--store" in README


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_server_setting_is_documented():
    from server.config import DEFAULTS

    for key in DEFAULTS:
        assert f"IACKG_{key}" in README, key
