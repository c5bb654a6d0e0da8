"""Search quality on the judged queries of tests/data/qrels.json (32, most in other words than the texts')."""

from conftest import DATA

from ingest.index import SearchIndex
from server.query.evaluate import evaluate, load_qrels
from server.query.search import Searcher


def test_hybrid_beats_each_ranking_alone(corpus_store_path, models, capsys):
    entries, vectors = SearchIndex(corpus_store_path).load(models.encoder)
    searcher = Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon)
    judged = load_qrels(DATA / "qrels.json", searcher)
    assert len(judged) >= 30
    table = evaluate(searcher, judged)
    with capsys.disabled():
        print("\nsearch quality:", table)
    for metric in ("ndcg@10", "mrr"):  # (evaluate runs BM25 alone and the dense ranking alone beside the hybrid)
        assert table["hybrid"][metric] > max(table["bm25"][metric], table["dense"][metric]), table
    held_out = evaluate(searcher, judged[1::2])  # (the weight was once tuned on judged[::2]; now on the development set)
    assert held_out["hybrid"]["ndcg@10"] > held_out["bm25"]["ndcg@10"], held_out
