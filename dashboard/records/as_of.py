"""The data as it stood at the end of a year: what a report written then could have used.

`as_of(dataset, year)` keeps the figures of years up to `year` (a period counts by its last year) taken from
documents published by the end of `year`; everything else (the plan, goals, indicators, areas) stays. A mid-term
report of 2008 is written again as it would have read then.
"""

from __future__ import annotations

from dashboard.records.model import Dataset, Observation


def _last_year(o: Observation) -> int | None:
    return o.period[1] if o.period is not None else o.year


def as_of(data: Dataset, year: int | None) -> Dataset:
    """`data` with only the figures of years up to `year` from documents published by then (None: all)."""
    if year is None:
        return data
    documents = tuple(d for d in data.documents if d.published.year <= year)
    known = {d.id for d in documents}
    observations = tuple(o for o in data.observations
                         if (o.document in known or not o.document) and (_last_year(o) or 0) <= year)
    return data.model_copy(update={"documents": documents, "observations": observations})
