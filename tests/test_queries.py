"""Every saved query parses and runs on the bundled corpus."""

import pytest
from conftest import ROOT


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in sorted((ROOT / "queries").glob("*.rq"))])
def test_saved_query_runs(corpus_store, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# title:") and "# description:" in text
    assert len(list(corpus_store.query(text))) > 0


def test_only_rq_files_in_queries():
    assert {p.suffix for p in (ROOT / "queries").iterdir()} == {".rq"}
