"""`flask nexus verify`: call a running backend's endpoints and compare them with the contracts.

Command-line only: the web server never makes requests to addresses users give it.
"""
