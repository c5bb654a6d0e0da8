"""iackg ingest: read programme documents, extract activities and facts, build RDF, validate, store.

Stages, one module each: read -> extract -> build -> validate -> store. Only read and store do I/O.
"""

__version__ = "0.1.0"
