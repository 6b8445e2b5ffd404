"""The daily progress office (tests/progress_office.py) for the tests in this folder."""

from progress_office import progress_office

__all__ = ["progress_office"]
