"""iackg ingest: read programme documents, extract activities and facts, build RDF, validate, store.

Stages, one module each: read -> extract -> build -> validate -> store / index. Only read and store do I/O.
The query-time modules (understand, search, saved, ask) live here too, for now; the README's layout table says
which module holds what.
"""

__version__ = "0.1.0"
