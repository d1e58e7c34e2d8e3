"""The load report in words: records per file, whether the quotes were verified (never for a file that could not
be read), and every problem located — as `check` prints it and the dashboard shows it."""

from __future__ import annotations

from dashboard.present.locale import Locale
from dashboard.records.report import LoadReport


def format_report(report: LoadReport, lang: str = "en") -> str:
    """The load report as `check` prints it: records per file, whether the quotes were verified, every problem."""
    loc = Locale(lang)
    lines = [loc.t("check.counts")]
    width = max((len(c.file) for c in report.counts), default=10)
    rejected = loc.t("check.rejected")
    for c in report.counts:
        unread = loc.t("check.unread") if c.unread else ""
        lines.append(f"  {c.file:<{width}}  {c.loaded:>4} {c.kind + 's':<13} {c.rejected:>3} {rejected}{unread}")
    total_loaded = sum(c.loaded for c in report.counts)
    total_rejected = sum(c.rejected for c in report.counts)
    lines.append(f"  {loc.t('check.total'):<{width}}  {total_loaded:>4} {loc.t('check.records'):<13} "
                 f"{total_rejected:>3} {rejected}")
    lines.append(quotes_line(report, loc))
    for p in report.problems:
        lines.append(loc.t("check.error" if p.severity == "error" else "check.warning") + p.located(loc.lang))
    n = len(report.errors)
    lines.append(loc.t("check.ok") if n == 0 else loc.t("check.failed_one") if n == 1 else loc.t("check.failed", n=n))
    return "\n".join(lines)


def quotes_line(report: LoadReport, loc, public: bool = False) -> str:
    """Whether the quotes were verified, never claiming it for a file that could not be read. `public` names no
    folder of the server (the dashboard's visitors see the claim, not the machine's paths)."""
    if any(p.code == "quotes-not-verified" for p in report.problems):
        return loc.t("ui.problems.quotes_not_verified") if public else loc.t("check.no_sources", sources=report.sources)
    if not report.quotes_verified:
        return loc.t("check.some_sources")
    if report.unread:
        if public:
            return loc.t("ui.problems.quotes_verified_except", n=len(report.unread))
        return loc.t("check.verified_except", sources=report.sources, n=len(report.unread),
                     files=loc.join(report.unread))
    return loc.t("ui.problems.quotes_verified") if public else loc.t("check.verified", sources=report.sources)
