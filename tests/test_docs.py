"""The README documents every field of the assess JSON contract (a field added without docs fails here)."""

from pathlib import Path

from dashboard.judge import Judge
from dashboard.present.contract import evidence_dict, goal_dict

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_contract_field_is_documented(real):
    data, _ = real
    a = next(a for a in Judge(data).accounts() if a.evidence)
    fields = set(goal_dict(a)) | set(evidence_dict(a.evidence[0], a.goal.plan))
    missing = sorted(f for f in fields if f"`{f}`" not in README)
    assert not missing, f"document these fields in README.md: {missing}"


def test_quickstart_commands_exist():
    root = Path(__file__).resolve().parent.parent
    assert "./scripts/run.sh" in README and "./scripts/test.sh" in README
    assert (root / "scripts" / "run.sh").exists() and (root / "scripts" / "test.sh").exists()
    assert "scripts/test.sh" in (root / ".ci" / "run").read_text()
