"""The command palette's verbs: every verb of the command language but `at` (the replay
script's clock), found by its word or by any words of what it does ("adjourn", "recess",
"consensus"), accents aside, each opening its form. A verb whose word starts with what is typed
comes first.
Before anything is typed the list holds what may be done now; a search finds every verb, those
that cannot be taken now (the meeting adjourned, a vote in progress) last, with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from meeting.domain.engine import Refused, verb_refused
from meeting.domain.language import GRAMMAR, Command, Ref, Verb, args_of, format_command, parse
from meeting.domain.motions import KIND_OF_WORD, MOTION_WORDS
from meeting.domain.procedure import motions_in_order
from meeting.domain.text import plain_letters
from meeting.i18n import _
from meeting.messages import render_named
from meeting.vocabulary import MOTION_NAMES, example_words

if TYPE_CHECKING:
    from meeting.domain.state import State
    from meeting.tui.app import MeetingApp

VERBS_IN_PALETTE: tuple[Verb, ...] = tuple(verb for verb in GRAMMAR if verb.name != "at")


def example_of(state: State, verb: Verb) -> str:
    """The verb's example with this meeting's members and items in place of the demo council's
    (`chair zw-1` in a meeting with no zw-1 told the chair nothing): the first seats of the
    roster, one for each member the example names, and the agenda's items in order. Members and
    items the meeting has are kept; the texts it quotes are in the language spoken."""
    parsed = parse(verb.example)
    if not isinstance(parsed, Command):
        return example_words(verb)
    council = state.meeting.council
    kinds = {arg.name: arg.kind for arg, _optional in args_of(verb.parts)}
    pools = {"member": [m.id for m in council.seats] or [m.id for m in council.members], "item": list(state.order)}
    taken: dict[str, dict[str, str]] = {"member": {}, "item": {}}

    def ours(ref: Ref, kind: str) -> Ref:
        pool, given = pools.get(kind, []), taken.get(kind)
        if given is None or not pool or ref.text in pool or (kind == "member" and council.member(ref.text)):
            return ref  # one of this meeting's own: the demo's examples stay as they are
        if ref.text not in given:
            given[ref.text] = pool[len(given) % len(pool)]
        return Ref(given[ref.text])

    args: dict[str, object] = {}
    for name, value in parsed.args.items():
        kind = {"members": "member", "election": "item"}.get(kinds.get(name, ""), kinds.get(name, ""))
        if isinstance(value, Ref):
            args[name] = ours(value, kind)
        elif isinstance(value, tuple) and all(isinstance(v, Ref) for v in value):
            args[name] = tuple(ours(v, kind) for v in value)
        else:
            args[name] = value
    return example_words(verb, format_command(Command(parsed.verb, args)))


class VerbsProvider(Provider):
    def _open(self, verb: str) -> None:
        app: MeetingApp = self.app  # type: ignore[assignment]
        app.call_later(app.open_form, verb)

    def _open_kind(self, word: str) -> None:
        from meeting.tui.motion import MotionForm

        self.app.call_later(self.app.push_screen, MotionForm(kind=word))

    @property
    def _state(self) -> State:
        app: MeetingApp = self.app  # type: ignore[assignment]
        return app.session.state

    def _refused(self, verb: Verb) -> Refused | None:
        return verb_refused(self._state, verb.name)

    async def discover(self) -> Hits:
        for verb in VERBS_IN_PALETTE:
            if self._refused(verb) is None:  # the list before anything is typed: what may be done now
                title = f"{verb.name} · {_(verb.summary)}"
                yield DiscoveryHit(title, lambda v=verb.name: self._open(v), help=example_of(self._state, verb))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        typed = plain_letters(query.strip())  # "récuse" finds recuse, "declar" and "déclar" declare
        plain = self.matcher(typed)
        for verb in VERBS_IN_PALETTE:
            title = f"{verb.name} · {_(verb.summary)}"
            # Above any fuzzy match, the keys' actions' too (Textual's scores are not bounded):
            # "secr" is secretary before "Présences (r)", whose letters hold s, e, c and r in turn.
            if verb.name == typed:
                score = 1e6
            elif typed and verb.name.startswith(typed):
                score = 1e5
            else:
                score = plain.match(plain_letters(title))
            if score <= 0:
                continue
            # A verb not taken now is still found, after those that are, with the reason under it.
            refused = self._refused(verb)
            if refused is not None:
                score /= 2
            under = (
                example_of(self._state, verb)
                if refused is None
                else "✗ " + render_named(refused.code, refused.params, self._state)
            )
            yield Hit(score, matcher.highlight(title), lambda v=verb.name: self._open(v), help=under)
        # Each kind of motion by its name, opening the move form on it: "amendment" found only
        # `nominate` (its summary says "amend"), and "appeal" the approval of minutes.
        in_order = motions_in_order(self._state)
        for word in MOTION_WORDS:
            kind = KIND_OF_WORD[word]
            title = f"move · {_(MOTION_NAMES[kind])}"
            score = plain.match(plain_letters(title))
            if score <= 0:
                continue
            under = f"move to {word}" if kind in in_order else "✗ " + _("not in order now")
            score = score if kind in in_order else score / 2
            yield Hit(score, matcher.highlight(title), lambda w=word: self._open_kind(w), help=under)
