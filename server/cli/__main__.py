"""python -m server.cli: the iackg console script."""

from server.cli import main

main()
