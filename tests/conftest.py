"""Shared fixtures: the models (loaded once), the bundled corpus ingested into a store, a CLI runner; and
read_text / extract_text for documents written for a test."""

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


# What makes a test slow: the real models, the bundled corpus ingested, a live server or an Oxigraph server. A test that needs one
# (directly or through another fixture) is marked slow: `make check` leaves it out, `make test` and CI run it.
SLOW_FIXTURES = frozenset({"models", "corpus_store_path", "live_server", "oxigraph_server"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def read_text(tmp_path: Path, name: str, text: str):
    """A document written for a test: text saved as tmp_path/name and read as ingest reads it."""
    from ingest.read import read

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


def gold_folder(tmp_path: Path, docs: dict[str, str], activities: dict[str, list[dict]]) -> tuple[Path, Path]:
    """A folder of documents written for a test (name -> text) and one of their gold files (name -> activities),
    as the evaluation harnesses read them: tmp_path/docs and tmp_path/gold."""
    import json

    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    for name, text in docs.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    for name, acts in activities.items():
        (tmp_path / "gold" / f"{name.rsplit('.', 1)[0]}.json").write_text(
            json.dumps({"document": name, "activities": acts}), encoding="utf-8"
        )
    return tmp_path / "docs", tmp_path / "gold"


def extract_text(models, tmp_path: Path, name: str, text: str):
    """The activities extraction finds in a document written for a test."""
    from ingest.extract import extract

    return extract(read_text(tmp_path, name, text), models.nlp, models.lexicon).activities


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
    shutil.copytree(str(corpus_store_path) + ".search", str(path) + ".search")
    store = Store(path)
    yield store


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def app(corpus_store_path):
    from server import create_app

    app = create_app({"STORE": str(corpus_store_path), "WORKERS": 2, "QUERY_TIMEOUT": 3, "TESTING": True})
    yield app
    from server.state import state_of

    state_of(app).engine.close()


@pytest.fixture()
def client(app):
    return app.test_client()


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it: a test that the server makes
    no outbound request."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:

        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture()
def listener():
    listening = Listener()
    yield listening
    listening.close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    import time
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(scope="session")
def live_server(corpus_store_path):
    """`iackg serve` on a free loopback port, serving the corpus store."""
    import os
    import subprocess

    port = free_port()
    script = Path(sys.executable).parent / "iackg"
    env = {**os.environ, "IACKG_QUERY_TIMEOUT": "3", "IACKG_WORKERS": "3"}
    process = subprocess.Popen([str(script), "--store", str(corpus_store_path), "serve", "--port", str(port)], env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """The Oxigraph server (PyPI `oxigraph`) on a free loopback port, over an empty store: its base URL."""
    import subprocess

    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert binary, "the oxigraph server is installed by `pip install -e .[test]` (make test does)"
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)
