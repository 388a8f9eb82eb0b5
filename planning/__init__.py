"""PlanDesk core: the Qt-free model, import, and library logic."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("plandesk")
except PackageNotFoundError:  # a frozen bundle or a plain checkout
    __version__ = "0.1.0"
