"""Drafting over the library: new drafts, reused sections rolled forward, carried indicator tables,
autosave. The storage-free parts (roll-forward, growth, numbering, outline edits, templates) live in
their own modules; these functions read and write drafts through ``db.library.Library``."""

from __future__ import annotations

from planning.drafting.autosave import Autosaver
from planning.drafting.indicators import CarryResult, carry_indicators, carry_into, set_indicator, set_values
from planning.drafting.new import draft_plan, new_draft
from planning.drafting.reuse import Proposal, ReuseResult, reuse_into, reuse_section

__all__ = [
    "Autosaver",
    "CarryResult",
    "Proposal",
    "ReuseResult",
    "carry_indicators",
    "carry_into",
    "draft_plan",
    "new_draft",
    "reuse_into",
    "reuse_section",
    "set_indicator",
    "set_values",
]
