"""Plural activity words (ingest/plural.py): whether a Russian activity word can only be plural. (each_place,
one activity in each place of a plural's clause, works through ingest.extract's reader, which needs the
models, so it is left to the model tests.)"""

import pytest

from ingest.plural import russian_plural


@pytest.mark.parametrize(
    ("words", "plural"),
    [
        pytest.param("семинары", True, id="only-plural"),
        pytest.param("тренинги", True, id="only-plural-loanword"),
        pytest.param("национальные семинары", True, id="adjective-and-noun-plural"),
        pytest.param("национальные консультации", True, id="plural-by-its-adjective"),
        pytest.param("консультации", False, id="ambiguous-alone"),
        pytest.param("семинар", False, id="singular"),
        pytest.param("совместные полевые учения", False, id="an-exercise-said-in-the-plural"),
        pytest.param("учения", False, id="exercise-alone"),
        pytest.param("national workshops", False, id="not-russian"),
    ],
)
def test_russian_plural(words, plural):
    assert russian_plural(words) is plural
