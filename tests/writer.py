"""A chair in another process: a real Session writing a journal, one line of the command
language at a time as the test sends them on stdin, each answered on stdout once it is on disk.

    python -m tests.writer AGENDA JOURNAL     # starts the journal, or continues it
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from meeting.session import Accepted, open_session


def main(agenda: Path, journal: Path) -> None:
    opened = open_session(agenda, journal, None, scripted=True, resume=True)
    session = opened.session
    assert session is not None, opened.diagnostics
    print(json.dumps({"seq": session.journal.last.seq}), flush=True)
    for line in sys.stdin:
        result = session.execute(line.rstrip("\n"))
        refused = None if result is None or isinstance(result, Accepted) else result.code
        print(json.dumps({"seq": session.journal.last.seq, "refused": refused}), flush=True)
    session.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
