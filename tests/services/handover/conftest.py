"""The hand-over offices (tests/handover_office.py) for the tests in this folder."""

from handover_office import demo_template, package, source, target

__all__ = ["demo_template", "package", "source", "target"]
