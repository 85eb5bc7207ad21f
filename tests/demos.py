"""The two demo meetings, built as `make minutes` builds them, in a folder of their own.

December 2026 is replayed and its draft minutes written (kept in `draft/` as circulated); March
2027, whose agenda approves them, is replayed from a copy of agendas/ic-asm/ and its minutes
written; then the December minutes are written again, approved. The tree mirrors the
repository's (agendas/ic-asm/, minutes/<id>/), so the agenda's `approves` path and every
manifest read the same as in the committed copy.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from meeting.cli.main import main
from tests.conftest import REPO

DECEMBER = "2026-12-council-meeting"
MARCH = "2027-03-council-meeting"
SCRIPTS = REPO / "agendas" / "ic-asm"


@dataclass(frozen=True)
class Demos:
    root: Path
    draft: Path  # December's folder as circulated: its journal and draft minutes
    december: Path  # December's folder once March approved it, as committed
    march: Path

    def agenda(self, meeting: str) -> Path:
        return self.root / "agendas" / "ic-asm" / f"{meeting}.toml"


def replay(agenda: Path, script: Path, journal: Path) -> Path:
    assert main(["replay", str(agenda), str(script), "--journal", str(journal)]) == 0
    return journal


def build(root: Path) -> Demos:
    shutil.copytree(REPO / "agendas" / "ic-asm", root / "agendas" / "ic-asm")
    demos = Demos(root, root / "draft" / DECEMBER, root / "minutes" / DECEMBER, root / "minutes" / MARCH)
    december = replay(demos.agenda(DECEMBER), SCRIPTS / f"{DECEMBER}.script", demos.december / "journal.jsonl")
    assert main(["minutes", str(december)]) == 0
    shutil.copytree(demos.december, demos.draft)
    march = replay(demos.agenda(MARCH), SCRIPTS / f"{MARCH}.script", demos.march / "journal.jsonl")
    assert main(["minutes", str(march)]) == 0
    assert main(["minutes", str(december), "--approved-by", str(march)]) == 0
    return demos
