"""Measuring the system of persecution as a whole: counts over time, what followed a category,
and the sources' own figures beside the registry's.

Every figure is a small dataclass holding numbers and the filters that list the records behind
it (`*_records` functions), never a formatted string. The SQL lives in `vigil.store.analysis`.
"""

from vigil.analysis.claims import ClaimComparison, claim_records, claims
from vigil.analysis.outcomes import Cohort, Detail, Outcome, Outcomes, outcome_records, outcomes
from vigil.analysis.timeline import (
    Timeline,
    TimelineCell,
    Unplaced,
    cell_records,
    timeline,
)
from vigil.store.analysis import EventFilter

__all__ = [
    "ClaimComparison",
    "Cohort",
    "Detail",
    "EventFilter",
    "Outcome",
    "Outcomes",
    "Timeline",
    "TimelineCell",
    "Unplaced",
    "cell_records",
    "claim_records",
    "claims",
    "outcome_records",
    "outcomes",
    "timeline",
]
