"""The iackg command line: each subcommand, its exit codes, and the installed console script."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from server.cli import main

QUERY = ROOT / "queries" / "activities-by-beneficiary.rq"


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("command", ["ingest", "export", "query", "validate", "stats"])
def test_every_subcommand_has_help(runner, command):
    result = run(runner, command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output and len(result.output) > 200


@pytest.mark.slow  # (ingests the corpus through the CLI)
def test_ingest_then_query_which_activities_each_country_benefited_from(runner, tmp_path):
    store = tmp_path / "store"
    result = run(runner, "--store", store, "ingest", CORPUS)
    assert result.exit_code == 0, result.output
    assert "8 ingested, 0 unchanged, 0 failed" in result.output
    result = run(runner, "--store", store, "query", QUERY, "--format", "json")
    rows = json.loads(result.output)
    kgz = {r["title"] for r in rows if r["iso3"] == "KGZ"}
    assert "Awareness-raising workshop for Kyrgyzstan and Uzbekistan on the Industrial Accidents Convention" in kgz
    assert "Accession to and implementation of the Convention" in kgz
    via = {r["via"] for r in rows if r["iso3"] == "TKM"}
    assert via == {"Central Asia", "Eastern Europe, the Caucasus and Central Asia", "direct"}
    again = run(runner, "--store", store, "ingest", CORPUS)
    assert "0 ingested, 8 unchanged, 0 failed" in again.output


def test_query_formats(runner, corpus_store_path):
    table = run(runner, "--store", corpus_store_path, "query", QUERY)
    assert table.exit_code == 0 and "Albania" in table.output and "rows)" in table.output
    csv_out = run(runner, "--store", corpus_store_path, "query", QUERY, "--format", "csv")
    assert csv_out.output.splitlines()[0] == "country,iso3,start,title,via,activity"
    ask = runner.invoke(main, ["--store", str(corpus_store_path), "query", "-"], input="ASK { ?a a iac:Activity }")
    assert ask.output.strip() == "true"


def test_query_syntax_error_exits_2(runner, corpus_store_path):
    result = runner.invoke(main, ["--store", str(corpus_store_path), "query", "-"], input="SELEC ?x WHERE {")
    assert result.exit_code == 2 and "syntax error" in result.output


@pytest.mark.parametrize(
    "fmt, marker",
    [
        ("nquads", "<https://w3id.org/iac/id/doc/"),
        ("trig", "doc/danube-delta-exercises-2015.txt> {"),
        ("turtle", "iac:Activity"),
        ("jsonld", "@id"),
    ],
)
def test_export_formats(runner, corpus_store_path, fmt, marker):
    result = run(runner, "--store", corpus_store_path, "export", "--format", fmt)
    assert result.exit_code == 0 and marker in result.output


def test_validate_exit_codes(runner, corpus_store_path, tmp_path):
    assert run(runner, "--store", corpus_store_path, "validate").exit_code == 0
    broken = tmp_path / "broken"
    shutil.copytree(corpus_store_path, broken)
    from ingest.store import Store

    store = Store(broken)
    store.update("INSERT DATA { GRAPH <urn:x> { <urn:a> a <https://w3id.org/iac/ontology#Workshop> } }")
    store.close()
    result = run(runner, "--store", broken, "validate")
    assert result.exit_code == 1 and "Conforms: False" in result.output


def test_stats(runner, corpus_store_path):
    result = run(runner, "--store", corpus_store_path, "stats", "--json")
    figures = json.loads(result.output)
    assert figures["documents"] == 8 and figures["activities"] == 50
    assert figures["by_type"]["Workshop"] == 13
    assert figures["facts"] == 14 * 2 + 1 + 15 + 4 + 6  # phases, start year, beneficiaries, activity types, working areas


def test_missing_store_is_an_error(runner, tmp_path):
    result = runner.invoke(main, ["--store", str(tmp_path / "nowhere"), "stats"])
    assert result.exit_code == 2 and "no store at" in result.output


@pytest.mark.slow  # (loads the real models through the CLI)
def test_bad_files_exit_2_and_are_named(runner, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    shutil.copy(CORPUS / "danube-delta-exercises-2015.txt", tmp_path / "docs")
    result = runner.invoke(main, ["--store", str(tmp_path / "store"), "ingest", str(tmp_path / "docs"), str(tmp_path / "missing.md")])
    assert result.exit_code == 2
    assert "empty.txt: empty file" in result.output and "missing.md: no such file" in result.output
    assert "1 ingested" in result.output


@pytest.mark.slow  # (runs the installed console script)
def test_console_script_is_installed(tmp_path):
    script = Path(sys.executable).parent / "iackg"
    assert script.exists(), "run `pip install -e .` (make test does)"
    out = subprocess.run(
        [script, "--store", tmp_path / "s", "ingest", CORPUS / "danube-delta-exercises-2015.txt"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0 and "3 activities" in out.stdout
