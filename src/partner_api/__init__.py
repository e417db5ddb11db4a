"""Reference implementation of the partner API that the Reseller Console talks to.

Layers, one way: routing -> handlers -> service (domain rules) -> repository (SQLite).
Python standard library only, so `python3 serve.py` runs anywhere.
"""

VERSION = "1.0.0"
API_PREFIX = "/api/v1"
