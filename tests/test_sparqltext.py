"""Reading a SPARQL text without parsing it (ingest/sparqltext.py): its first keyword, its nesting depth and
its shape, each read past comments, strings and codepoint escapes."""

import pytest

from ingest.sparqltext import QUERY_FORMS, UPDATE_WORDS, form, nesting, shape, unescape


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("SELECT * WHERE { ?s ?p ?o }", "SELECT", id="select"),
        pytest.param("ask {}", "ASK", id="lower-case"),
        pytest.param(
            "PREFIX ex: <http://example.org/>\nBASE <http://example.org/>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "CONSTRUCT",
            id="after-prologue",
        ),
        pytest.param("DESCRIBE <http://example.org/a>", "DESCRIBE", id="describe"),
        pytest.param("# DELETE everything? no:\nSELECT ?x {}", "SELECT", id="keyword-in-comment-ignored"),
        pytest.param("INSERT DATA { <http://a> <http://b> 'c' }", "INSERT", id="insert"),
        pytest.param("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH", id="with-update"),
        pytest.param("prefix ex: <http://example.org/> drop all", "DROP", id="drop-after-prefix"),
        pytest.param("\\u0044ELETE WHERE { ?s ?p ?o }", "DELETE", id="escaped-update-word"),
        pytest.param("", "", id="empty"),
        pytest.param("   # only a comment", "", id="only-comment"),
    ],
)
def test_form_is_the_first_keyword_after_the_prologue(query, expected):
    assert form(query) == expected


def test_updates_are_told_from_queries_by_their_form():
    """The server refuses a query whose form is an update word; a query form is never one."""
    assert form("LOAD <http://example.org/data.ttl>") in UPDATE_WORDS
    assert form("CLEAR GRAPH <http://g>") in UPDATE_WORDS
    assert form("SELECT ('DELETE' AS ?x) {}") in QUERY_FORMS
    assert not QUERY_FORMS & UPDATE_WORDS


@pytest.mark.parametrize(
    ("query", "depth"),
    [
        pytest.param("SELECT * {}", 1, id="one-group"),
        pytest.param("SELECT * { { { ?s ?p ?o } } }", 3, id="nested-groups"),
        pytest.param("SELECT * { FILTER((?x)) }", 3, id="brackets-of-any-kind"),
        pytest.param("SELECT * { FILTER(!!!?x) }", 5, id="unary-run"),
        pytest.param("SELECT * { ?s ?p - - - 1 }", 4, id="spaced-unary-run"),
        pytest.param('SELECT * { ?s ?p "{{{{((((" }', 1, id="brackets-in-string"),
        pytest.param("SELECT * { ?s ?p ?o } # {{{{{{", 1, id="brackets-in-comment"),
        pytest.param("SELECT * { ?s ?p ?o } }}}} {", 1, id="unbalanced-closing-does-not-go-negative"),
        pytest.param("", 0, id="empty"),
    ],
)
def test_nesting_counts_brackets_and_unary_runs(query, depth):
    assert nesting(query) == depth


def test_deep_nesting_is_read_without_recursion():
    """A hostile query thousands of levels deep is measured, not parsed."""
    assert nesting("SELECT * " + "{" * 5000 + "}" * 5000) == 5000
    assert nesting("SELECT * { FILTER(" + "!" * 5000 + "?x) }") == 5002


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param('SELECT ?x { ?x ?p "Armenia" }', 'SELECT ?x { ?x ?p "Georgia" }', id="strings"),
        pytest.param("SELECT ?x { ?x ?p ?o } LIMIT 10", "SELECT ?x { ?x ?p ?o } LIMIT 500", id="numbers"),
        pytest.param("SELECT ?a { ?a ?b ?c }", "SELECT ?x { ?x ?y ?z }", id="variable-names"),
        pytest.param("SELECT ?a { ?a ?b ?c }", "SELECT $a { $a $b $c }", id="dollar-variables"),
        pytest.param("SELECT ?x {\n  ?x ?p ?o # find all\n}", "select ?x { ?x ?p ?o }", id="comments-space-case"),
        pytest.param("SELECT ?x { ?x ?p 'O\\'Hara' }", 'SELECT ?x { ?x ?p """long\ntext""" }', id="quotes-and-long-strings"),
        pytest.param("\\u0053ELECT ?x {}", "SELECT ?x {}", id="escapes"),
    ],
)
def test_queries_differing_only_in_constants_comments_and_names_have_one_shape(a, b):
    assert shape(a) == shape(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("SELECT ?x { ?x ?p ?o }", "SELECT ?x { ?x ?p ?o . ?o ?q ?r }", id="another-pattern"),
        pytest.param("SELECT ?x ?y { ?x ?p ?y }", "SELECT ?y ?x { ?x ?p ?y }", id="variables-in-another-order"),
        pytest.param("SELECT ?x { ?x a <http://e/A> }", "SELECT ?x { ?x a <http://e/B> }", id="another-class"),
        pytest.param("SELECT ?x { ?x ex:a ?o }", "SELECT ?x { ?x ex:b ?o }", id="another-prefixed-name"),
    ],
)
def test_queries_that_differ_otherwise_have_different_shapes(a, b):
    assert shape(a) != shape(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("\\u00e9t\\u00E9", "été", id="short-escapes"),
        pytest.param("\\U0001F600", "\U0001f600", id="long-escape"),
        pytest.param("\\uD800", "\\uD800", id="surrogate-kept-as-written"),
        pytest.param("\\U00110000", "\\U00110000", id="beyond-unicode-kept-as-written"),
        pytest.param("\\u12", "\\u12", id="too-short-kept"),
        pytest.param("no escapes", "no escapes", id="plain"),
    ],
)
def test_unescape_expands_valid_codepoint_escapes_only(text, expected):
    assert unescape(text) == expected
