"""Drafting, the pure edits: new drafts from skeletons, sections reused and rolled forward, indicator
tables carried, growth computed, outline edits, templates, trends and recipes. Nothing here touches
a store: the use cases that read and save drafts are ``service.drafts`` and ``service.compose``."""
