"""`python -m smartprint` runs the same command line as the `smartprint` script."""

from smartprint.console import main

main()
