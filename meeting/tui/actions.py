"""Every key of the main screen in one table (as harlequin's actions.py): the table feeds the
bindings, the footer, the help screen and the command palette. Titles are marked with N_() (or
P_("key", ...), the context `key`, where the same English is a noun elsewhere) and translated when
shown, never at import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from meeting.domain.approval import Approval, approval_basis
from meeting.domain.elections.conduct import on_item
from meeting.domain.procedure import chair_to_rule
from meeting.domain.state import Phase, State
from meeting.i18n import N_, P_

# Asked before they are sent, however they are given (a key, the palette, the command bar):
# adjourning cannot be undone, undo takes back what was done, and general consent is declared
# once the chair has asked whether there is any objection.
CONFIRMED = frozenset({"adjourn", "agreed", "undo"})

_ANY: frozenset[Phase] = frozenset({"not_started", "in_session", "in_recess", "adjourned"})
_OPEN: frozenset[Phase] = frozenset({"not_started", "in_session", "in_recess"})
_SITTING: frozenset[Phase] = frozenset({"in_session"})


@dataclass(frozen=True, slots=True)
class KeyAction:
    key: str  # Textual's name of the key
    action: str  # an action of the main screen
    title: str  # N_() or P_("key", ...): shown in the footer, the help and the palette, by key_label()
    verbs: tuple[str, ...]  # the command-language verbs it sends or opens a form for
    phases: frozenset[Phase] = _ANY  # when it is offered (the footer follows the phase)
    footer: bool = True  # shown in the footer (at 80 columns some are left to the help)
    when: Callable[[State], bool] | None = None  # offered only while this holds of the meeting

    @property
    def shown_key(self) -> str:
        return {"colon": ":", "question_mark": "?"}.get(self.key, self.key)

    def offered(self, state: State) -> bool:
        """Whether the meeting as it stands offers it: its phase, and its condition if any."""
        return state.phase in self.phases and (self.when is None or self.when(state))


def _holds_an_election(state: State) -> bool:
    return bool(on_item(state, state.current))


def _minutes_to_approve(state: State) -> bool:
    return isinstance(approval_basis(state, state.current), Approval)


# Where two actions share a key, the first offered takes it.
ACTIONS: tuple[KeyAction, ...] = (
    KeyAction("r", "attendance", N_("Attendance"), ("present", "remote", "apologies", "absent", "proxy"), _OPEN),
    KeyAction("b", "run('begin')", N_("Begin"), ("begin",), frozenset({"not_started"})),
    KeyAction("n", "run('next')", N_("Next item"), ("next",), _SITTING),
    KeyAction(
        "x",
        "election",
        N_("Election"),
        ("nominate", "close-nominations", "round", "tellers", "result"),
        _SITTING,
        when=_holds_an_election,
    ),
    # Beside the election's key, ahead of the rest: the business of the item open, which the
    # footer then shows even at 80 columns. The minutes approved by general consent ("the
    # minutes stand approved"), or on the motion carried; otherwise 'a' is a motion agreed
    # without objection.
    KeyAction(
        "a",
        "form('approve-minutes')",
        N_("Approve the minutes"),
        ("approve-minutes",),
        _SITTING,
        when=_minutes_to_approve,
    ),
    KeyAction("p", "run('previous')", N_("Previous item"), ("previous",), _SITTING, footer=False),
    KeyAction("o", "form('open')", N_("Open an item"), ("open",), _SITTING, footer=False),
    KeyAction("d", "run('done')", N_("Item done"), ("done",), _SITTING, footer=False),
    KeyAction("g", "form('rule')", N_("Rule on the point"), ("rule",), _SITTING, when=chair_to_rule),
    KeyAction("m", "move", N_("Move"), ("move", "point"), _SITTING),
    KeyAction("v", "vote", P_("key", "Vote"), ("vote",), _SITTING),
    # Asked first ("Is there any objection?", RONR 4:58): `adjourn` typed without ':' adopted the
    # motion pending with its first letter.
    KeyAction("a", "form('agreed')", N_("Agreed"), ("agreed",), _SITTING, footer=False),
    KeyAction("c", "consensus", N_("Consensus"), ("consensus", "block", "aside", "conclude"), _SITTING),
    KeyAction("l", "roll_call_vote", N_("Roll-call vote"), ("roll-call", "yes", "no", "abstain", "close"), _SITTING),
    KeyAction("s", "form('queue')", N_("Speakers"), ("queue",), _SITTING, footer=False),
    KeyAction("f", "run('floor')", N_("Floor"), ("floor",), _SITTING, footer=False),
    KeyAction("y", "run('yield')", N_("End the speech"), ("yield",), _SITTING, footer=False),
    KeyAction("t", "form('note')", N_("Note"), ("note",), footer=False),  # taken in every phase
    KeyAction("e", "form('recess')", N_("Recess"), ("recess",), _SITTING, footer=False),
    KeyAction("e", "run('resume')", N_("Resume"), ("resume",), frozenset({"in_recess"})),
    KeyAction("u", "undo", N_("Undo"), ("undo",), _OPEN),  # nothing is undone once adjourned
    KeyAction("colon", "command", N_("Command"), ()),
    KeyAction("question_mark", "app.help", N_("Help"), (), footer=False),  # the footer ends "? More keys"
    KeyAction("q", "app.quit", N_("Quit"), (), footer=False),
)


def action_text(action: str, parameters: tuple[object, ...]) -> str:
    """An action as Textual checks it (a name and its parameters) written as a binding writes it."""
    return f"{action}({', '.join(repr(p) for p in parameters)})" if parameters else action
