"""The approval of a meeting's minutes, as a later meeting's journal records it, checked both
ways: the later journal names this journal's final hash and the SHA-256 of the draft
minutes.toml it regenerates; the approved minutes name the later journal's approving entry.

`meeting minutes EARLIER --approved-by LATER` writes the earlier minutes approved from what
`approval_in` finds; `meeting verify EARLIER_DIR --approved-by LATER` checks the same link and
then the files, byte for byte.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from meeting import __version__
from meeting.diagnostics import Diagnostic, error, warning
from meeting.domain import events as ev
from meeting.domain.approval import adjourned_at, local, sat_before_adjournment, sitting_began
from meeting.domain.record import effective
from meeting.minutes.files import Read, minutes_in, render
from meeting.minutes.model import Approved


def approval_in(
    earlier: Read, earlier_path: Path, later: Read, later_path: Path
) -> tuple[Approved | None, list[Diagnostic]]:
    """The approval of `earlier`'s minutes that `later` records, or why there is none to trust."""
    assert earlier.state is not None
    if not later.ok or later.state is None:
        return None, [*later.diagnostics, error(str(later_path), "approval.later-damaged")]
    meeting = earlier.state.meeting.agenda.id
    found = [
        entry
        for entry in effective(later.recorded)
        if isinstance(entry.event, ev.MinutesApproved) and entry.event.meeting.casefold() == meeting.casefold()
    ]
    if not found:
        return None, [error(str(later_path), "approval.none", meeting=meeting)]
    entry = found[-1]
    event = entry.event
    assert isinstance(event, ev.MinutesApproved)
    line = entry.seq  # the journal's line of the approving entry
    began, adjourned = sitting_began(later.state, entry.at), adjourned_at(earlier.state)
    if sat_before_adjournment(began, adjourned):
        assert began is not None and adjourned is not None
        zone = ZoneInfo(later.state.meeting.agenda.time_zone)
        refusal = error(
            str(later_path), "approval.before-meeting", line, began=local(began, zone), adjourned=local(adjourned, zone)
        )
        return None, [refusal]
    problems: list[Diagnostic] = []
    through = None
    if event.journal_sha256 != earlier.last_hash:
        at = earlier.entry_with(event.journal_sha256)
        if at is not None:  # corrections recorded since: the approval covers the journal up to `at`
            later_entries = len(earlier.hashes) - at
            problems.append(warning(str(earlier_path), "approval.journal-moved", at, later=later_entries))
            earlier, through = earlier.as_of(at, str(earlier_path)), at
        else:
            problems.append(
                error(
                    str(later_path),
                    "approval.other-journal",
                    line,
                    expected=event.journal_sha256,
                    found=earlier.last_hash,
                )
            )
    circulated = later.state.circulated.get(event.item)
    written_by = circulated.written_by if circulated else None
    if any(p.severity == "error" for p in problems):
        return None, problems  # another journal state: its draft is another too
    if written_by == __version__:
        # The draft as `meeting minutes` wrote it: in the meeting's language, whatever --lang.
        draft = render(minutes_in(earlier, None), "toml")
        found_sha256 = hashlib.sha256(draft).hexdigest()
        if found_sha256 != event.minutes_sha256:
            problems.append(
                error(
                    str(later_path), "approval.draft-differs", line, expected=event.minutes_sha256, found=found_sha256
                )
            )
    else:
        problems.append(
            Diagnostic(
                str(later_path),
                line,
                1,
                "warning",
                "approval.draft-other-version",
                {"written": written_by or "?", "this": __version__},
            )
        )
    if any(p.severity == "error" for p in problems):
        return None, problems
    zone = ZoneInfo(later.state.meeting.agenda.time_zone)
    return (
        Approved(
            date=entry.at.astimezone(zone).date(),
            meeting=later.state.meeting.agenda.id,
            corrections=event.corrections,
            entry_sha256=later.hashes[line - 1],
            circulated_sha256=event.minutes_sha256,
            through=through,
        ),
        problems,
    )
