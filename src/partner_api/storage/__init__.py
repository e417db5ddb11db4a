"""Storage: everything that knows SQL. repository.py is the interface the domain calls
(Storage.read()/write() hand out a Repository of areas, one module each); db.py the SQLite
connections and transactions, migrations.py the schema, list_cache.py the kept list totals,
operations.py opening, backing up and restoring the database file."""
