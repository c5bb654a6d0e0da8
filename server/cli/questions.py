"""The search commands of the iackg command line: search, ask and eval search."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ingest.errors import IngestError
from server.cli.common import Exit2, cell, load_models, open_store, table


@click.command()
@click.argument("text")
@click.option("--k", "-k", default=10, show_default=True, help="How many results.")
@click.option("--page", default=1, show_default=True, type=click.IntRange(1, 1000), help="Which page of k results.")
@click.option(
    "--mode",
    type=click.Choice(["hybrid", "bm25", "dense"]),
    default="hybrid",
    show_default=True,
    help="hybrid is the whole of search; bm25 and dense are the plain baselines, nothing read into the words.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the whole answer (results, facets, what was understood) as JSON.")
@click.pass_context
def search(ctx: click.Context, text: str, k: int, mode: str, as_json: bool, page: int = 1) -> None:
    """Search activities and documents in plain words: "tailings dam safety in Central Asia".

    Dense (all-MiniLM-L6-v2) and BM25 rankings are fused; the countries (former names too), regions, towns,
    years, kinds of activity and topics the query names, in English, Russian or French, are matched by all
    their names and boost the results; misspelt names are respelt. A query nothing in the store is about gets
    "No relevant results".
    """
    from ingest.pipeline import index_for
    from server.query.search import Searcher

    if not text.strip():
        raise Exit2("the search text is empty")
    store = open_store(ctx, read_only=True)
    models = load_models()
    try:
        entries, vectors = index_for(store).load(models.encoder)
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    answer = Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon).search(text, k=k, mode=mode, page=page)
    if as_json:
        click.echo(json.dumps(answer.to_json(), indent=1, ensure_ascii=False))
        return
    import html
    import re as _re

    if not answer.relevant:
        message = answer.message or ""
        click.echo(
            "No relevant results: nothing in the store is about these words."
            if answer.lang == "en"
            else message[:1].upper() + message[1:] + "."
        )
        return
    for n, r in enumerate(answer.results, 1):
        when = f" ({r.start})" if r.start else ""
        click.echo(f"{n:2}. [{r.type}] {r.label}{when}  score {r.score}")
        if r.countries:
            click.echo(f"    for: {', '.join(r.countries)}")
        click.echo(f"    {html.unescape(_re.sub(r'</?mark>', '*', r.snippet))}")
        click.echo(f"    {r.iri}")
    if answer.read_as:
        click.echo(f"(searched as: {answer.read_as})")
    click.echo(f"({answer.total} matching; showing {len(answer.results)}, page {answer.page} of {answer.pages})")


@click.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the template, the SPARQL, the rows and the evidence as JSON.")
@click.pass_context
def ask(ctx: click.Context, question: str, as_json: bool) -> None:
    """Answer a question with a saved query, and show the SPARQL that answers it.

    "What activities took place in Serbia?" runs activities-by-country with country = Serbia. When no
    saved query fits, search results are shown instead.
    """
    import pyoxigraph as ox

    from ingest.pipeline import index_for
    from ingest.vocab import PREFIXES
    from server.query.ask import Asker, activity_iris, evidence_query, grouped_evidence, widened
    from server.query.saved import load_saved
    from server.query.search import Searcher

    if not question.strip():
        raise Exit2("the question is empty")
    models = load_models()
    store = open_store(ctx, read_only=True)
    try:
        entries, vectors = index_for(store).load(models.encoder)
        searcher = Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon)
    except IngestError:  # no search index: questions are read as written, none about one activity
        searcher = None
    match = Asker(load_saved(), models.encoder, models.nlp, models.lexicon, searcher=searcher).match(question)
    if match is None:
        click.echo("No saved query fits this question; searching instead.\n")
        ctx.invoke(search, text=question, k=10, mode="hybrid", as_json=as_json)
        return
    try:
        result = store.query(match.sparql, prefixes=PREFIXES)
    except (SyntaxError, IngestError) as exc:
        raise Exit2(str(exc)) from exc
    variables = [v.value for v in result.variables] if isinstance(result, ox.QuerySolutions) else []
    rows = [{v: cell(row[v]) for v in variables} for row in result] if variables else []
    relaxed = None
    if not rows and (wider := widened(match)) is not None:  # none of that kind: every kind, said so
        match, relaxed = wider
        rows = [{v: cell(row[v]) for v in variables} for row in store.query(match.sparql, prefixes=PREFIXES)]
    iris = activity_iris(rows)
    evidence = (
        grouped_evidence(
            [{k: cell(r[k]) for k in ("activity", "title", "quote", "source", "start", "end")} for r in store.query(evidence_query(iris))]
        )
        if iris
        else []
    )
    if as_json:
        click.echo(
            json.dumps(
                {
                    "question": question,
                    "template": match.query.name,
                    "similarity": round(match.similarity, 3),
                    "parameters": match.values,
                    "sparql": match.sparql,
                    "rows": rows,
                    "evidence": evidence,
                    "relaxed": relaxed,
                    "reading": match.reading,
                },
                indent=1,
                ensure_ascii=False,
            )
        )
        return
    params = ", ".join(f"{k} = {v}" for k, v in match.values.items())
    click.echo(f"{match.query.title} ({match.query.name}{'; ' + params if params else ''}; similarity {match.similarity:.2f})\n")
    if match.reading:
        click.echo(f"Read as: {match.reading}\n")
    if relaxed:
        click.echo(relaxed + "\n")
    click.echo(table(variables, [[row[v] for v in variables] for row in rows]))
    click.echo("\nSPARQL:\n" + match.sparql)


@click.group(name="eval")
def evaluate_group() -> None:
    """Measure quality."""


@evaluate_group.command(name="search")
@click.option(
    "--qrels",
    type=click.Path(exists=True, dir_okay=False),
    default="tests/data/qrels.json",
    show_default=True,
    help="Judged queries over the store: JSON [{query, relevant: [[title, start], ...]}].",
)
@click.option(
    "--judgements",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Graded judgements over a folder of documents instead (tests/data/dev/search-judgements.json): "
    "the documents are extracted and indexed in memory; no store is used.",
)
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="With --judgements: the documents.  [default: JUDGEMENTS/../docs]",
)
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="With --judgements: their gold files, to find each judged activity.  [default: JUDGEMENTS/../gold]",
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def evaluate_search(
    ctx: click.Context, qrels: str, judgements: Path | None, docs_dir: Path | None, gold_dir: Path | None, as_json: bool
) -> None:
    """nDCG@10, Recall@5 and MRR of the hybrid ranking, BM25 alone and dense alone, side by side; with
    --judgements, graded nDCG@10 by kind of query and language, and how often off-topic queries get nothing."""
    if judgements is not None:
        _evaluate_graded(judgements, docs_dir or judgements.parent / "docs", gold_dir or judgements.parent / "gold", as_json)
        return
    from ingest.pipeline import index_for
    from server.query.evaluate import evaluate, load_qrels
    from server.query.search import Searcher

    models = load_models()
    store = open_store(ctx, read_only=True)
    try:
        entries, vectors = index_for(store).load(models.encoder)
        searcher = Searcher(entries, vectors, models.encoder, models.nlp, models.lexicon)
        judged = load_qrels(Path(qrels), searcher)
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    table = evaluate(searcher, judged)
    if as_json:
        click.echo(json.dumps({"queries": len(judged), "results": table}, indent=1))
        return
    click.echo(f"{len(judged)} judged queries ({qrels})")
    click.echo("| ranking | nDCG@10 | Recall@5 | MRR |\n|---|---|---|---|")
    for mode, row in table.items():
        click.echo(f"| {mode} | {row['ndcg@10']:.3f} | {row['recall@5']:.3f} | {row['mrr']:.3f} |")


def _evaluate_graded(path: Path, docs_dir: Path, gold_dir: Path, as_json: bool) -> None:
    from server.query.evaluate_graded import evaluate, index_folder, judge, load_judgements, markdown

    try:
        items = load_judgements(path)
        searcher, documents, activities = index_folder(docs_dir, gold_dir, load_models())
        judged = judge(items, documents, activities)
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    table = evaluate(searcher, judged)
    if as_json:
        click.echo(json.dumps({"judgements": str(path), "docs": str(docs_dir), "queries": len(judged), "results": table}, indent=1))
        return
    click.echo(f"{len(judged)} judged queries ({path}) over {len(documents)} documents in {docs_dir}; nDCG@10, graded\n")
    click.echo(markdown(table))


@evaluate_group.command(name="ask")
@click.option(
    "--questions",
    "path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Questions with expected answers (tests/data/dev/ask-questions.json).",
)
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The documents the answers come from.  [default: QUESTIONS/../docs]",
)
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Their gold files, to find each expected activity.  [default: QUESTIONS/../gold]",
)
@click.option("--json", "as_json", is_flag=True, help="Every question's outcome as JSON.")
def evaluate_ask(path: Path, docs_dir: Path | None, gold_dir: Path | None, as_json: bool) -> None:
    """How many questions get the right answer from a saved query, by intent and language, and how many
    off-topic or unanswerable ones are declined. The documents are ingested into a throw-away store."""
    from dataclasses import asdict

    from server.query.evaluate_ask import load_questions, markdown, run, summary

    docs_dir, gold_dir = docs_dir or path.parent / "docs", gold_dir or path.parent / "gold"
    try:
        outcomes = run(load_questions(path), docs_dir, gold_dir, load_models())
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    table = summary(outcomes)
    if as_json:
        click.echo(
            json.dumps(
                {"questions": str(path), "docs": str(docs_dir), "results": table, "outcomes": [asdict(o) for o in outcomes]},
                indent=1,
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"{len(outcomes)} questions ({path}) over the documents in {docs_dir}\n")
    click.echo(markdown(table))


@evaluate_group.command(name="extract")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of gold files DOCUMENT.json (tests/data/gold holds the bundled corpus's).",
)
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding the documents the gold files name.  [default: GOLD/../docs]",
)
@click.option("--json", "as_json", is_flag=True, help="Print every figure, by language and by format, and every error as JSON.")
@click.option("--show-errors", is_flag=True, help="After the tables, list each missed, spurious or differing activity and field.")
def evaluate_extract(gold_dir: Path, docs_dir: Path | None, as_json: bool, show_errors: bool) -> None:
    """Precision, recall and F1 of extraction against gold annotations: activities found, and per field
    (type, title, start, end, venue, beneficiaries, topics), strict and partial, split by language and format.

    Each document is read and extracted as ingest does (no store is used); its activities are paired one
    to one with the gold ones. Exit 0, or 2 when the gold folder, a gold file or a document is unusable.
    """
    from dataclasses import asdict

    from ingest.evaluate_extract import compact, load_gold, markdown, score_document, summarise
    from ingest.extract import extract
    from ingest.read import read

    try:
        golds = load_gold(gold_dir)
    except IngestError as exc:
        raise Exit2(str(exc)) from exc
    docs_dir = docs_dir or gold_dir.parent / "docs"
    for gold in golds:
        if not (docs_dir / gold.document).is_file():
            raise Exit2(f"{gold.path}: its document {gold.document!r} is not in {docs_dir}; give --docs DIR")
    models, scored, failed = load_models(), [], []
    for gold in golds:
        try:
            extraction = extract(read(docs_dir / gold.document), models.nlp, models.lexicon)
        except IngestError as exc:
            click.echo(f"{exc}; skipped", err=True)
            failed.append(gold.document)
            continue
        scored.append(score_document(gold, compact(extraction)["activities"]))
    summary = summarise(scored)
    errors = [e for s in scored for e in s.errors]
    if as_json:
        click.echo(
            json.dumps(
                {
                    "gold": str(gold_dir),
                    "docs": str(docs_dir),
                    "documents": [s.gold.document for s in scored],
                    "failed": failed,
                    "results": summary,
                    "errors": [asdict(e) for e in errors],
                },
                indent=1,
                ensure_ascii=False,
            )
        )
    else:
        activities = sum(len(s.gold.activities) for s in scored)
        click.echo(f"{len(scored)} documents, {activities} gold activities ({gold_dir}, documents in {docs_dir})\n")
        click.echo("By language:\n\n" + markdown(summary, "language") + "\n\nBy format:\n\n" + markdown(summary, "format"))
        if show_errors:
            click.echo(f"\nErrors ({len(errors)}):")
            for e in errors:
                differed = f"gold {e.gold!r}, extracted {e.predicted!r}" if e.field != "activity" else ""
                click.echo(f"- {e.document}: {e.label!r}: {e.field} {e.kind}{'; ' + differed if differed else ''}")
    if failed:
        raise SystemExit(2)
