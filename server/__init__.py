"""iackg server: the SPARQL endpoint, search and web front end (built in later issues). May import ingest."""
