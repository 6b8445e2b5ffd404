"""Indonesia's national holidays, read from the ``holidays`` package (offline, names in Indonesian).

The package is the one place that knows them; the working-day rule (``domain/working_days``)
takes the result as plain data, so it stays pure and tests can hand it any list.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from types import MappingProxyType


@cache
def national_holidays(year: int) -> Mapping[date, str]:
    """The national holidays of ``year`` by day, e.g. 17 August: "Hari Kemerdekaan ..."."""
    # Imported here, not at the top: the package loads every country it knows (about 0.2 s),
    # and the modules that import this one are on the window's start path.
    import holidays

    found = holidays.country_holidays("ID", years=year, language="id")
    return MappingProxyType({day: str(name) for day, name in sorted(found.items())})
