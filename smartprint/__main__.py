"""`python -m smartprint` runs the same command line as the `smartprint` script."""

from smartprint.startup import main

main()
