"""Which goals go into a pack: by group, status and goal id."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import STATUSES
from dashboard.present.export.errors import ExportError
from dashboard.present.locale import Locale


@dataclass(frozen=True)
class Selection:
    """Every given kind must match (AND); within a kind any value (OR). Nothing given: every goal."""

    groups: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    goal_ids: tuple[str, ...] | None = None

    @classmethod
    def of(cls, groups: Sequence[str] | None = None, statuses: Sequence[str] | None = None,
           goal_ids: Sequence[str] | None = None) -> Selection:
        def norm(xs: Sequence[str] | None) -> tuple[str, ...] | None:
            return tuple(dict.fromkeys(x.strip() for x in xs)) if xs else None

        return cls(norm(groups), norm(statuses), norm(goal_ids))

    @property
    def everything(self) -> bool:
        return not (self.groups or self.statuses or self.goal_ids)

    def check(self, accounts: Sequence[GoalAccount]) -> None:
        known = [a.goal.id for a in accounts]
        for gid in self.goal_ids or ():
            if gid not in known:
                near = difflib.get_close_matches(gid, known, n=3)
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                raise ExportError(f"unknown goal id {gid!r}{hint}; list the ids with `python -m dashboard goals`")
        for s in self.statuses or ():
            if s not in STATUSES:
                raise ExportError(f"unknown status {s!r}: use one of {', '.join(STATUSES)}")
        groups = sorted({a.goal.group for a in accounts})
        for g in self.groups or ():
            if g not in groups:
                raise ExportError(f"unknown group {g!r}: use one of {', '.join(groups)}")

    def apply(self, accounts: Sequence[GoalAccount]) -> list[GoalAccount]:
        """The selected goals in the plan's order; raises ExportError for an unknown id or an empty result."""
        self.check(accounts)
        out = [a for a in accounts
               if (not self.groups or a.goal.group in self.groups)
               and (not self.statuses or a.status in self.statuses)
               and (not self.goal_ids or a.goal.id in self.goal_ids)]
        if not out:
            raise ExportError(f"no goal matches the selection ({self.describe(Locale('en'))})")
        return out

    def describe(self, loc: Locale) -> str:
        if self.everything:
            return loc.t("export.cover.all")
        sep = loc.list_sep
        parts = []
        if self.groups:
            parts.append(loc.t("export.cover.groups", items=sep.join(loc.group(g) for g in self.groups)))
        if self.statuses:
            parts.append(loc.t("export.cover.statuses", items=sep.join(loc.status(s) for s in self.statuses)))
        if self.goal_ids:
            parts.append(loc.t("export.cover.goals", items=sep.join(self.goal_ids)))
        return loc.clause_sep.join(parts)
