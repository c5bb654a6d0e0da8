"""The stored graph: merging across documents, provenance, evidence, idempotency, edits, SHACL, bad input."""

import shutil

import pytest
from conftest import CORPUS, corpus_files
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from ingest.build import document_iri
from ingest.pipeline import ingest_paths
from ingest.validate import validate

IAC = "https://w3id.org/iac/ontology#"
PREFIX = f"PREFIX iac: <{IAC}> PREFIX schema: <https://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def values(store, query, var):
    return sorted(r[var].value for r in store.query(PREFIX + query))


def quads(store) -> set[str]:
    """The store as a set of N-Quads lines: with no blank nodes, equal sets mean isomorphic datasets."""
    return set(store.export("nquads").decode("utf-8").splitlines())


def dataset_graph(store) -> Graph:
    graph = Graph()
    graph.parse(data=store.export("nquads").decode("utf-8"), format="nquads")
    return graph


def test_every_activity_once_with_merges(corpus_store):
    activities = values(corpus_store, "SELECT DISTINCT ?a WHERE { ?a a iac:Activity }", "a")
    assert len(activities) == 54 - 4  # four activities appear in two documents each


def test_split_training_is_one_node_with_both_provenances(corpus_store):
    rows = list(
        corpus_store.query(
            PREFIX
            + """
        SELECT ?a (GROUP_CONCAT(DISTINCT STR(?doc); separator=" ") AS ?docs) (SAMPLE(?place) AS ?p) WHERE {
          ?a a iac:TrainingSession ; schema:startDate "2012-10-22"^^<http://www.w3.org/2001/XMLSchema#date> ;
             prov:wasDerivedFrom ?doc . OPTIONAL { ?a schema:location ?place } } GROUP BY ?a"""
        )
    )
    assert len(rows) == 1
    assert sorted(rows[0]["docs"].value.split()) == sorted(
        str(document_iri(n)) for n in ("implementation-phase-activities.txt", "split-inspection-training-2012.html")
    )
    assert rows[0]["p"].value.endswith("/place/split-hr")


def test_activities_in_two_documents_are_merged(corpus_store):
    merged = list(
        corpus_store.query(
            PREFIX
            + """
        SELECT ?a (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?a a iac:Activity ; prov:wasDerivedFrom ?doc } GROUP BY ?a HAVING (COUNT(DISTINCT ?doc) > 1)"""
        )
    )
    assert len(merged) == 4


def test_repeated_paragraphs_do_not_duplicate_facts(corpus_store):
    evidence = values(corpus_store, "SELECT ?e WHERE { ?c iac:joinedPhase ?p ; iac:evidence ?e }", "e")
    assert len(set(evidence)) == 1
    joined = values(corpus_store, "SELECT DISTINCT ?c WHERE { ?c iac:joinedPhase ?p }", "c")
    assert len(joined) == 14


def test_evidence_quotes_the_document_text_at_its_offsets(corpus_store):
    found = list(
        corpus_store.query(
            PREFIX
            + """
        SELECT ?text ?exact ?start ?end WHERE {
          ?x iac:evidence ?e . ?e oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q, ?pos .
          ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end . ?doc iac:text ?text }"""
        )
    )
    assert len(found) > 60
    for row in found:
        text, start, end = row["text"].value, int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value


def test_every_activity_has_evidence_and_a_source(corpus_store):
    missing = values(
        corpus_store,
        """SELECT ?a WHERE { ?a a iac:Activity .
        FILTER NOT EXISTS { ?a iac:evidence ?e ; prov:wasDerivedFrom ?d ; rdfs:label ?l } }""",
        "a",
    )
    assert missing == []


def test_store_conforms_to_the_shapes(corpus_store, models):
    report = validate(dataset_graph(corpus_store), models.shapes)
    assert report.conforms, report.text


def test_shapes_catch_a_bad_activity(models):
    graph = Graph() + models.reference
    bad = URIRef("https://w3id.org/iac/id/activity/bad")
    graph.add((bad, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(IAC + "Workshop")))
    graph.add((bad, URIRef(IAC + "beneficiary"), URIRef("https://w3id.org/iac/id/place/split-hr")))
    report = validate(graph, models.shapes)
    assert not report.conforms and "beneficiary" in report.text and "title" in report.text


def test_reingesting_unchanged_documents_is_isomorphic(store_copy, models):
    before, before_quads = dataset_graph(store_copy), quads(store_copy)
    outcomes = ingest_paths([CORPUS], store_copy, models)
    assert {o.status for o in outcomes} == {"unchanged"}
    assert quads(store_copy) == before_quads
    for name in [str(document_iri(p.name)) for p in corpus_files()]:  # force a rewrite of every document
        store_copy.remove_graph(name)
    ingest_paths([CORPUS], store_copy, models)
    after = dataset_graph(store_copy)
    assert quads(store_copy) == before_quads
    if not isomorphic(before, after):
        _, only_before, only_after = graph_diff(to_isomorphic(before), to_isomorphic(after))
        pytest.fail(f"re-ingest changed the graph:\n-{only_before.serialize(format='nt')}\n+{only_after.serialize(format='nt')}")


def test_an_edited_document_replaces_its_facts(store_copy, models, tmp_path):
    source = tmp_path / "tmf-pilot-kazakhstan-2018.html"
    shutil.copy(CORPUS / source.name, source)
    source.write_text(
        source.read_text(encoding="utf-8").replace("Astana on 7–8 November 2018", "Almaty on 12–13 December 2018"), encoding="utf-8"
    )
    [outcome] = ingest_paths([source], store_copy, models)
    assert outcome.status == "ingested"
    workshops = list(
        store_copy.query(
            PREFIX
            + f"""SELECT ?start ?place WHERE {{ GRAPH <{document_iri(source.name)}> {{
        ?a a iac:Workshop ; schema:startDate ?start ; schema:location ?place }} }}"""
        )
    )
    assert [(r["start"].value, r["place"].value.rsplit("/", 1)[1]) for r in workshops] == [("2018-12-12", "almaty-kz")]
    old = values(store_copy, 'SELECT ?a WHERE { ?a schema:startDate "2018-11-07"^^<http://www.w3.org/2001/XMLSchema#date> }', "a")
    assert old == []


def test_a_folder_with_bad_files(store_copy, models, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Bucure\xbati".encode("latin-1"))
    (folder / "cut.pdf").write_bytes((CORPUS / "programme-overview.pdf").read_bytes()[:1000])
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    (folder / "good.txt").write_text(
        "Regional workshop on land-use planning for Georgia (3-4 May 2022), Tbilisi, Georgia.\n", encoding="utf-8"
    )
    before = dataset_graph(store_copy)
    outcomes = {o.path.rsplit("/", 1)[1]: o for o in ingest_paths([folder], store_copy, models)}
    assert {n for n, o in outcomes.items() if o.status == "error"} == {"empty.txt", "binary.md", "latin1.txt", "cut.pdf", "slides.pptx"}
    for name, outcome in outcomes.items():
        if outcome.status == "error":
            assert name in outcome.message
    assert outcomes["good.txt"].status == "ingested" and outcomes["good.txt"].activities == 1
    after = dataset_graph(store_copy)
    assert len(before - after) == 0  # nothing already stored was lost


def test_a_failed_write_leaves_the_store_as_it_was(store_copy):
    """The drop of the old graph and the insert of the new one are one update: if the insert fails, the
    old graph is still there."""
    from ingest.errors import StoreError

    before = quads(store_copy)
    bad = Graph()
    bad.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), URIRef("http://example.org/o")))
    bad.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), URIRef("relative/iri/without/base")))
    with pytest.raises(StoreError):
        store_copy.replace_graph(str(document_iri("implementation-phase-activities.txt")), bad)
    assert quads(store_copy) == before


def test_export_includes_ontology_and_reference_data(corpus_store):
    graph = Graph()
    graph.parse(data=corpus_store.export("turtle").decode("utf-8"), format="turtle")
    assert (URIRef(IAC + "Activity"), None, None) in graph
    assert (URIRef("https://w3id.org/iac/id/country/MKD"), URIRef(IAC + "iso3"), None) in graph
    assert (None, URIRef(IAC + "beneficiary"), None) in graph


def test_two_files_with_one_name_in_a_batch(store_copy, models, tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "note.txt").write_text(f"Workshop for Georgia (3-4 May 2022), Tbilisi. Batch {sub}.\n", encoding="utf-8")
    outcomes = ingest_paths([tmp_path / "a", tmp_path / "b"], store_copy, models)
    assert [o.status for o in outcomes] == ["ingested", "error"]
    assert "same file name" in outcomes[1].message


def _default_and_union(store):
    default, union = set(), set()
    for q in store.oxigraph.quads_for_pattern(None, None, None):
        triple = (q.subject, q.predicate, q.object)
        (default if str(q.graph_name) == "DEFAULT" or type(q.graph_name).__name__ == "DefaultGraph" else union).add(triple)
    return default, union


def test_default_graph_is_the_set_union_of_all_graphs(corpus_store):
    """Plain queries see every triple once, even one that two documents share (oxigraph issue 1919)."""
    default, union = _default_and_union(corpus_store)
    assert default == union
    assert values(corpus_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a iac:Activity }", "n") == ["50"]


def test_removing_a_document_keeps_shared_triples(store_copy):
    press_release = str(document_iri("split-inspection-training-2012.html"))
    store_copy.remove_graph(press_release)
    default, union = _default_and_union(store_copy)
    assert default == union
    split = values(store_copy, 'SELECT ?a WHERE { ?a schema:startDate "2012-10-22"^^<http://www.w3.org/2001/XMLSchema#date> }', "a")
    assert len(split) == 1  # still described by the seed page
    assert values(store_copy, "SELECT ?p WHERE { ?a schema:location ?p }", "p").count("https://w3id.org/iac/id/place/split-hr") == 0


def test_rdflib_api_through_oxrdflib(corpus_store):
    """rdflib code reads the same store through oxrdflib; its default graph is the exact union."""
    dataset = corpus_store.dataset()
    rows = list(dataset.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a a <{IAC}Activity> }}"))
    assert int(rows[0][0]) == 50
    kgz = URIRef("https://w3id.org/iac/id/country/KGZ")
    assert (kgz, URIRef(IAC + "iso3"), None) in dataset.default_graph
