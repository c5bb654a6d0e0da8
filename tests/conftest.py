"""Shared fixtures: the models (loaded once), the bundled corpus ingested into a store, a CLI runner."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")


@pytest.fixture(scope="session")
def models():
    from ingest.pipeline import Models

    return Models()


@pytest.fixture(scope="session")
def corpus_store_path(tmp_path_factory, models) -> Path:
    """A store holding the bundled corpus, closed again so that tests can open it read-only."""
    from ingest.pipeline import ingest_paths
    from ingest.store import Store

    path = tmp_path_factory.mktemp("corpus-store") / "store"
    store = Store(path)
    outcomes = ingest_paths([CORPUS], store, models)
    store.close()
    assert [o for o in outcomes if o.status != "ingested"] == []
    return path


@pytest.fixture()
def corpus_store(corpus_store_path):
    from ingest.store import Store

    return Store(corpus_store_path, read_only=True)


@pytest.fixture()
def store_copy(corpus_store_path, tmp_path):
    """A writable copy of the corpus store."""
    from ingest.store import Store

    path = tmp_path / "store"
    shutil.copytree(corpus_store_path, path)
    store = Store(path)
    yield store


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()
