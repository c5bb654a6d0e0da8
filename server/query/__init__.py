"""The query-time side: what a query names (understand, with the glossary and names across scripts), search
over the index ingest built (search, its answers), saved queries and the questions they answer (saved, ask),
and their evaluation harnesses (evaluate, evaluate_graded, evaluate_ask). Used by the web app and the CLI."""
