"""The ingest journal (ingest/journal.py): the one document between its store write and its index write,
recorded whole, cleared when done, and dropped when it cannot be read."""

import json

import pytest

from ingest.journal import Journal, Pending


def test_a_begun_document_is_pending_until_it_ends(tmp_path):
    journal = Journal(tmp_path)
    assert journal.pending() is None
    journal.begin("https://w3id.org/iac/id/doc/a", "abc123", "/corpus/a.md")
    assert journal.pending() == Pending("https://w3id.org/iac/id/doc/a", "abc123", "/corpus/a.md")
    journal.end()
    assert journal.pending() is None


def test_the_record_outlives_the_process(tmp_path):
    """A run killed between the writes leaves the record for the next run, which opens its own Journal."""
    Journal(tmp_path).begin("doc:a", "sha", "a.md")
    assert Journal(tmp_path).pending() == Pending("doc:a", "sha", "a.md")


def test_begin_makes_the_folder_and_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "store.search"
    journal = Journal(folder)
    journal.begin("doc:a", "sha1", "a.md")
    journal.begin("doc:b", "sha2", "b.md")
    assert journal.pending() == Pending("doc:b", "sha2", "b.md")  # one record, replaced whole
    assert [p.name for p in folder.iterdir()] == ["journal"]


def test_end_without_a_record_is_harmless(tmp_path):
    Journal(tmp_path / "missing").end()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param('{"doc": "doc:a", "sha2', id="half-written"),
        pytest.param("", id="empty"),
        pytest.param('{"doc": "doc:a"}', id="no-version"),
        pytest.param('["doc:a", "sha"]', id="not-an-object"),
        pytest.param("\udcff", id="not-utf8"),
    ],
)
def test_a_record_that_cannot_be_read_is_dropped(tmp_path, content):
    file = tmp_path / "journal"
    if content == "\udcff":
        file.write_bytes(b"\xff\xfe{")
    else:
        file.write_text(content, encoding="utf-8")
    assert Journal(tmp_path).pending() is None
    assert not file.exists()


def test_a_record_without_its_path_reads_with_an_empty_one(tmp_path):
    (tmp_path / "journal").write_text(json.dumps({"doc": "doc:a", "sha256": "sha"}), encoding="utf-8")
    assert Journal(tmp_path).pending() == Pending("doc:a", "sha", "")
