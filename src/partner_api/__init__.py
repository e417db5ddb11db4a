"""Reference implementation of the partner API that the Reseller Console talks to.

Rooms, one way: http/ (server, pipeline, routes, handlers) -> domain/ (the rules, one room per
capability) -> storage/ (the interface the domain calls; SQLite behind it). documents/ makes
files from invoices; errors, clock, money and validation are shared by all. Python standard
library only, so `python3 serve.py` runs anywhere.
"""

VERSION = "1.0.0"
API_PREFIX = "/api/v1"
