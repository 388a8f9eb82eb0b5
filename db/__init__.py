"""The SQLite store of plans: ``Library`` and its search. Never imports Qt."""
