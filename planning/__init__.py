"""PlanDesk core: the Qt-free model, import, and library logic."""
