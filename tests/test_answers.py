"""What search returns (server/query/answers.py): frozen records whose JSON is what /api/search serves."""

import dataclasses

import pytest

from server.query.answers import Answer, Result


def _course() -> Result:
    return Result(
        "https://w3id.org/iac/id/activity/1",
        "Training on tailings",
        "TrainingSession",
        0.5,
        "on <mark>tailings</mark>",
        ("https://w3id.org/iac/id/doc/a",),
        "2021-05-04",
        None,
        "Khujand",
        ("tailings",),
        ("Tajikistan",),
        ("https://w3id.org/iac/id/country/TJK",),
    )


def test_a_result_is_frozen_and_its_json_has_every_field_as_json_values():
    course = _course()
    with pytest.raises(dataclasses.FrozenInstanceError):
        course.score = 1.0  # type: ignore[misc]
    assert course.to_json() == {
        "iri": course.iri,
        "label": "Training on tailings",
        "type": "TrainingSession",
        "score": 0.5,
        "start": "2021-05-04",
        "end": None,
        "place": "Khujand",
        "topics": ["tailings"],
        "countries": ["Tajikistan"],
        "country_iris": ["https://w3id.org/iac/id/country/TJK"],
        "snippet": "on <mark>tailings</mark>",
        "source": ["https://w3id.org/iac/id/doc/a"],
    }
    assert not course.is_document


def test_a_document_result_has_no_dates_place_or_countries():
    page = Result("https://w3id.org/iac/id/doc/a", "News", "Document", 0.2, "a passage", ("https://w3id.org/iac/id/doc/a",))
    assert page.is_document and page.to_json()["countries"] == [] and page.to_json()["start"] is None


def test_an_answer_says_how_the_query_was_read_only_when_respelt_and_why_there_is_nothing():
    found = Answer("tailngs", {"topics": []}, (_course(),), {}, 1, 1, 1, True, "en", read_as="tailings")
    assert found.to_json()["read_as"] == "tailings" and "message" not in found.to_json()
    assert [r["label"] for r in found.to_json()["results"]] == ["Training on tailings"]
    nothing = Answer("pizza", {}, (), {}, 0, 1, 1, False, "en", message="no relevant results")
    assert "read_as" not in nothing.to_json() and nothing.to_json()["message"] == "no relevant results"
    assert nothing.to_json()["results"] == [] and nothing.to_json()["relevant"] is False
