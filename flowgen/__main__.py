"""``python -m flowgen`` runs the command line."""

from flowgen.cli import main

main()
