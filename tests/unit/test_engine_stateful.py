"""A real session on the demo council, driven by random command sequences (a hypothesis
`RuleBasedStateMachine`), with the meeting's invariants checked after every step.

Each example starts a fresh session with a real journal in its own temporary folder and sends
it lines of the command language: attendance, proxies, the sitting, the agenda, motions,
every way of deciding, speakers, the record and undo. Choices lean towards commands that can
be accepted (members who are here, counts within the entitled strength, motions in order), but
every verb is also sent when it must be refused. Most refusals are expected; what is checked:

1. nobody is counted twice: each seat is represented once, by its titular when here, else by
   its alternate, else by the holder of its proxy, and a member casts at most 1 + the proxies
   they hold;
2. no tally exceeds the strength entitled to vote on it;
3. the quorum equals a recount from scratch (written here from the rules, not from the code);
4. no secret ballot holds a name beside a choice, neither in the state nor in the journal;
5. reading the journal back gives the live state (every decision counted again to what was recorded);
6. an undo adds one journal line and gives back the state as it was before the undone command;
7. nobody votes twice: a seat answers a roll call once;
8. no motion is moved while a roll call or a ballot is open;
9. someone presides whenever business is accepted, and whoever presides is here;
and every refusal is a known code that renders, at a column within the line.

`MEETING_HYPOTHESIS_EXAMPLES` and `MEETING_HYPOTHESIS_STEPS` size a longer bug hunt, e.g.
`MEETING_HYPOTHESIS_EXAMPLES=500 MEETING_HYPOTHESIS_STEPS=100 MEETING_HYPOTHESIS_SHRINK=1
pytest -s tests/unit/test_engine_stateful.py` (`-s` prints the share of commands accepted).
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import tempfile
from collections import Counter
from datetime import timedelta
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from pydantic import BaseModel

from meeting.domain.attendance import balance_short, entitled_voters, quorum_status, represented_seats
from meeting.domain.engine import Refused, sits
from meeting.domain.motions import MOTION_WORDS, STANDARD_MOTIONS
from meeting.domain.procedure import WITHOUT_QUORUM, decision_for, motions_in_order, voting_open
from meeting.domain.state import State
from meeting.loader.load import load
from meeting.messages import MESSAGES, render
from meeting.session import Accepted, ScriptClock, Session, read_meeting, source_files
from tests.conftest import DEMO_AGENDA

EXAMPLES = int(os.environ.get("MEETING_HYPOTHESIS_EXAMPLES", "60"))
STEPS = int(os.environ.get("MEETING_HYPOTHESIS_STEPS", "60"))
# Shrinking a failing example can take hypothesis its full five minutes here (every step
# reads the journal back): the suite reports the example as found, lines and all, and a hunt
# asks for the shortest with MEETING_HYPOTHESIS_SHRINK=1.
SHRINK = os.environ.get("MEETING_HYPOTHESIS_SHRINK", "") not in ("", "0")
# The bugs this machine found while it was written (each fixed since, and kept fixed by the
# test named here). Their triggers are still generated, unless a hunt for new bugs asks to steer
# around them while one is open: MEETING_HYPOTHESIS_AVOID=all, or a comma-separated list of names.
_AVOID = os.environ.get("MEETING_HYPOTHESIS_AVOID", "")
KNOWN = {
    "add-without-item": "test_found_add_without_an_open_item_replays",
    "add-blank-title": "test_found_add_with_a_blank_title_is_refused",
    "earlier-cycle": "test_found_reconsidered_motion_keeps_its_earlier_decision",
}

# The demo roster (agendas/ic-asm/council.toml).
SEATS = (
    "gh-1", "sl-1", "zm-1", "zw-1",
    "bf-1", "cm-1", "cd-1", "mg-1",
    "tz-1", "ke-1", "ug-1", "cd-2",
    "hn-1", "co-1", "pe-1", "bo-1", "br-1",
    "ph-1", "id-1", "la-1", "pg-1",
)  # fmt: skip
ALTERNATES = ("gh-2", "bf-2", "tz-2", "co-2", "ph-2")
OBSERVERS = ("obs-1", "obs-2")
SECRETARY = "sec-1"
EVERYONE = SEATS + ALTERNATES + OBSERVERS + (SECRETARY,)
# Members as a chair might type them: a word of a name (any case, without accents), a full
# name in quotes, an id in capitals, and names that match nobody or several members.
ODD_REFS = ("ouedraogo", "OUÉDRAOGO", '"Ama Serwaa Boatemaa"', "GH-1", "Neema", "kila", "zz-9", "nobody", "Mónica")

TEXT = st.text(alphabet=st.sampled_from(list("abcdefg xyz éñçÅ-.,'#“»\"\\")), max_size=24)

# What every example adds up to, for the report printed at the end of the run.
STATS: Counter[str] = Counter()
VERBS: Counter[tuple[str, str]] = Counter()
CODES: Counter[str] = Counter()


def avoiding(known: str) -> bool:
    assert known in KNOWN
    return _AVOID == "all" or known in _AVOID.split(",")


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@cache
def demo():
    loaded = load(DEMO_AGENDA)
    assert loaded.meeting is not None, loaded.diagnostics
    return loaded


# ── what the invariants compare ───────────────────────────────────────────────


def plain(value: Any, where: str = "state", inside: frozenset[int] = frozenset()) -> Any:
    """Dataclasses, models and containers as plain comparable values, field by field. The state
    must be a tree: a value that contains itself is a bug (see KNOWN), not something to compare."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    if not (dataclasses.is_dataclass(value) and not isinstance(value, type)) and not isinstance(
        value, dict | list | tuple
    ):
        return value
    if id(value) in inside:
        assert avoiding("earlier-cycle"), f"the state is not a tree: {where} contains itself"
        return "<cycle>"
    inside = inside | {id(value)}
    if isinstance(value, dict):
        return {k: plain(v, f"{where}[{k!r}]", inside) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v, f"{where}[{i}]", inside) for i, v in enumerate(value)]
    return {f.name: plain(getattr(value, f.name), f"{where}.{f.name}", inside) for f in dataclasses.fields(value)}


# Not compared: the clock (time moves on whatever happens), and what the meeting was loaded with.
_NOT_COMPARED = {"clock", "meeting", "sources"}


def snapshot(state: State) -> dict[str, Any]:
    """The state as plain values: the phase, presence, proxies, the order and items (status,
    queue, recusals), the current item, motions (kind, status, text, outcome, poll, ...), the
    stack, tabled motions, notes, actions, the chair; every field of the state, in fact, but
    the clock and the loaded meeting, so a field added later is compared too."""
    return {
        f.name: plain(getattr(state, f.name), f"state.{f.name}")
        for f in dataclasses.fields(state)
        if f.name not in _NOT_COMPARED
    }


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return [f"{key}: {a[key]!r} != {b[key]!r}" for key in a if a[key] != b[key]]


def _holds_seat(member: Any) -> bool:
    return member.votes if member.votes is not None else member.role not in ("alternate", "observer")


def recount_quorum(state: State) -> tuple[int, int, int, bool]:
    """present, needed, regions present, met: from the presence, the proxies and the rules."""
    council = state.meeting.council
    quorum = state.meeting.rules.quorum
    by_id = {m.id: m for m in council.members}
    seats = [m for m in council.members if _holds_seat(m)]
    here = {m: p.status for m, p in state.presence.items() if p.status in ("present", "remote")}

    def counted(voter: str, via: str) -> bool:
        if via == "proxy" and not quorum.proxies_count:
            return False
        return quorum.remote_counts or here[voter] == "present"

    counted_seats = []
    for seat in seats:
        alternate = by_id.get(seat.alternate) if seat.alternate else None
        holder = state.proxies.get(seat.id)
        if seat.id in here:
            ok = counted(seat.id, "titular")
        elif alternate is not None and alternate.id in here:
            ok = counted(alternate.id, "alternate")
        elif holder is not None and holder in here:
            ok = counted(holder, "proxy")
        else:
            ok = False
        if ok:
            counted_seats.append(seat)
    present = len(counted_seats)
    if quorum.at_least is not None:
        amount = quorum.at_least
        needed = math.ceil(amount * len(seats)) if isinstance(amount, Fraction) else amount
    else:
        amount = quorum.more_than
        needed = math.floor(amount * len(seats)) + 1 if isinstance(amount, Fraction) else amount + 1
    regions_with_seats = [r.id for r in council.regions if any(s.region == r.id for s in seats)]
    counted_regions = {s.region for s in counted_seats}
    regions_present = sum(1 for r in regions_with_seats if r in counted_regions)
    met = present >= needed and regions_present >= quorum.regions_represented
    if quorum.each_region_at_least is not None:
        for region in regions_with_seats:
            in_region = [s for s in seats if s.region == region]
            wanted = math.ceil(Fraction(quorum.each_region_at_least) * len(in_region))
            met = met and sum(1 for s in counted_seats if s.region == region) >= wanted
    return present, needed, regions_present, met


# What is accepted while nobody presides (the engine's own list, restated here).
WITHOUT_CHAIR = {"present", "remote", "apologies", "absent", "leave", "drop", "back", "proxy", "revoke"} | {
    "chair",
    "secretary",
    "note",
    "undo",
    "at",
}


# ── the machine ───────────────────────────────────────────────────────────────


class MeetingMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        loaded = demo()
        meeting = loaded.meeting
        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "journal.jsonl"
        clock = ScriptClock(meeting.agenda.scheduled_start, meeting.agenda.time_zone)
        self.session = Session.start(meeting, source_files(loaded.sources, DEMO_AGENDA), self.path, clock)
        self.clock = clock
        # The effective actions, last on top, with the snapshot taken just before each.
        self.done: list[tuple[int, dict[str, Any]]] = []
        self.lines = 1

    def teardown(self) -> None:
        self.session.close()
        self.folder.cleanup()

    @property
    def state(self) -> State:
        return self.session.state

    # ── sending a line ─────────────────────────────────────────────────────────

    def send(self, line: str) -> Accepted | Refused | None:
        before = snapshot(self.state)
        state = self.state
        voting = voting_open(state)
        answered = set(voting.poll.choices) if voting is not None and voting.poll is not None else set()
        presided = state.chair is not None and state.status(state.chair) in ("present", "remote")
        in_session = state.phase in ("in_session", "in_recess")
        quorate = quorum_status(state).met
        result = self.session.execute(line)
        # The failing example hypothesis prints shows the lines sent, as a chair would type them.
        note(f"{line}    # refused {result.code}" if isinstance(result, Refused) else line)
        verb = line.split()[0] if line.split() else ""
        lines_now = sum(1 for _ in self.path.open("rb"))
        if isinstance(result, Refused):
            STATS["refused"] += 1
            VERBS[(verb, "refused")] += 1
            CODES[f"{verb}:{result.code}"] += 1
            assert result.code in MESSAGES, f"{line!r}: refusal code {result.code!r} has no message"
            text = render(result.code, result.params)
            assert text and text != result.code, f"{line!r}: {result.code} renders as {text!r}"
            assert 1 <= result.col <= len(line) + 1, f"{line!r}: column {result.col} outside 1..{len(line) + 1}"
            assert lines_now == self.lines, f"{line!r} was refused but the journal changed"
            assert snapshot(self.state) == before, f"{line!r} was refused but the state changed"
        elif isinstance(result, Accepted):
            STATS["accepted"] += 1
            VERBS[(verb, "accepted")] += 1
            if verb in ("yes", "no", "abstain") and " for " in line:
                STATS["named votes cast by proxy or alternate (`for`)"] += 1
            # The warnings a meeting gives: its minute-taker is away (the chair names another),
            # fewer women sit than the rules ask, an item closed with its draft never moved or an
            # election unfinished, and a meeting begun on a later day than its agenda's (the clock
            # moved on past midnight), with its notices counted to that day.
            away = self.state.secretary not in self.attending()
            closing = ("item.draft-not-moved", "item.elections-unfinished")
            early = [w for w in result.warnings if w.code in closing]
            assert not early or verb in ("done", "next"), f"{line!r}: {result.warnings}"
            later = ("sitting.other-day", "notice.short", "notice.after-meeting")
            on_another_day = self.clock.now().date() != self.state.meeting.agenda.start.date()
            assert all(w.code not in later for w in result.warnings) or (verb == "begin" and on_another_day), (
                f"{line!r}: {result.warnings}"
            )
            codes = [w.code for w in result.warnings if w.code not in ("balance.short", *closing, *later)]
            assert codes in ([], ["secretary.away"]), f"{line!r}: {result.warnings}"
            assert not codes or away, f"{line!r} warned, yet the minute-taker is here"
            short = any(w.code == "balance.short" for w in result.warnings)
            assert not short or balance_short(self.state), f"{line!r} warned, yet the balance is kept"
            if result.entry is None:
                assert verb == "at", f"{line!r} accepted without an event"
                assert lines_now == self.lines
            else:
                # Every event, an undo too, is one more line: nothing is ever deleted.
                assert lines_now == self.lines + 1, f"{line!r}: journal {self.lines} -> {lines_now} lines"
                self.lines = lines_now
                event = result.event
                kind = getattr(event, "type", "")
                if kind == "roll.voted":
                    again = {v.seat for v in event.votes} & answered  # type: ignore[union-attr]
                    assert not again, f"{line!r}: seats {again} voted twice"
                if kind in ("motion.moved", "consensus.called", "consent.given") and voting is not None:
                    # Only adjourning or a recess, when the quorum is gone: the vote waits (RONR §40).
                    moved = self.state.motions[getattr(event, "motion", 0)]
                    assert not quorate and moved.kind in WITHOUT_QUORUM, (
                        f"{line!r} accepted while voting on #{voting.number} is open"
                    )
                if in_session and verb not in WITHOUT_CHAIR:
                    assert presided, f"{line!r} accepted with nobody in the chair"
                if kind == "undo":
                    self.check_undo(line, event)
                else:
                    self.done.append((result.entry.seq, before))
        return result

    def check_undo(self, line: str, event: Any) -> None:
        assert self.done, f"{line!r} accepted with nothing to undo"
        seq, before = self.done.pop()
        assert event.target == seq, f"undo cancelled seq {event.target}, the last effective action is {seq}"
        replayed, _, problems = read_meeting(self.path)
        assert replayed is not None, problems
        live = snapshot(self.state)
        assert live == snapshot(replayed), "after undo: " + "; ".join(differences(live, snapshot(replayed)))
        # The state before the undone command, except for the clock, which moves on.
        assert live == before, f"undo of seq {seq} did not restore the state: " + "; ".join(differences(live, before))

    # ── choosing members, items, counts ────────────────────────────────────────

    def attending(self) -> list[str]:
        return [m for m, p in self.state.presence.items() if p.status in ("present", "remote")]

    def sitting(self) -> list[str]:
        council = self.state.meeting.council
        return [m for m in self.attending() if sits(self.state, council.member(m))]

    def member(self, data: Any, preferred: list[str] | tuple[str, ...] = ()) -> str:
        """A member as typed: mostly one of `preferred`, else anyone, now and then an odd ref."""
        roll = data.draw(st.integers(0, 19))
        if preferred and roll < 13:
            return data.draw(st.sampled_from(sorted(preferred)))
        if roll < 19:
            return data.draw(st.sampled_from(EVERYONE))
        return data.draw(st.sampled_from(ODD_REFS))

    def members(self, data: Any, preferred: list[str] | tuple[str, ...] = (), most: int = 6) -> str:
        pool = sorted(preferred) if preferred and data.draw(st.integers(0, 4)) else list(EVERYONE)
        chosen = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=most, unique=True))
        if data.draw(st.integers(0, 24)) == 0:
            chosen.append(data.draw(st.sampled_from([*ODD_REFS, chosen[0]])))  # an odd ref, or a repeat
        return " ".join(chosen)

    def item(self, data: Any) -> str:
        roll = data.draw(st.integers(0, 9))
        order = self.state.order
        if roll < 5:
            return str(data.draw(st.integers(1, len(order) + 1)))  # one past the end now and then
        if roll < 9:
            return data.draw(st.sampled_from(order))
        return data.draw(st.sampled_from(["0", "nope", "AOB", "99"]))

    def entitled_count(self) -> int:
        motion = self.state.pending
        if motion is None:
            return len(entitled_voters(self.state, self.state.current))
        if motion.poll is not None:
            return len(motion.poll.entitled)
        return len(entitled_voters(self.state, motion.item))

    @initialize(data=st.data())
    def opening(self, data: Any) -> None:
        """Most examples start as the demo does: members arrive, the chair begins, an item is
        opened. The rest start from an empty room, where nearly everything is refused."""
        if data.draw(st.integers(0, 3)) == 0:
            return
        seats = data.draw(st.lists(st.sampled_from(SEATS), min_size=9, max_size=21, unique=True))
        others = data.draw(st.lists(st.sampled_from(ALTERNATES + OBSERVERS + (SECRETARY,)), max_size=4, unique=True))
        split = data.draw(st.integers(0, len(seats)))
        for verb, group in (("present", seats[:split] + others), ("remote", seats[split:])):
            if group:
                self.send(f"{verb} {' '.join(group)}")
        council = self.state.meeting.council
        away = [m for m in SEATS if m not in seats]
        for principal in data.draw(st.lists(st.sampled_from(away), max_size=3, unique=True)) if away else []:
            region = council.member(principal).region
            holders = [m for m in seats if council.member(m).region == region]
            if holders:  # written proxies, as br-1's in the demo
                self.send(f"proxy {principal} to {data.draw(st.sampled_from(holders))}")
        self.send("begin")
        if data.draw(st.integers(0, 3)):
            self.send(f"open {data.draw(st.sampled_from(self.state.order))}")

    # ── attendance ─────────────────────────────────────────────────────────────

    @rule(data=st.data())
    def roll_call_of_attendance(self, data: Any) -> None:
        """Many members arrive at once, in person or remotely: how a meeting starts."""
        verb = data.draw(st.sampled_from(["present", "remote"]))
        chosen = data.draw(st.lists(st.sampled_from(EVERYONE), min_size=5, max_size=20, unique=True))
        self.send(f"{verb} {' '.join(chosen)}")

    @rule(data=st.data())
    def attendance(self, data: Any) -> None:
        verb = data.draw(st.sampled_from(["present", "remote", "apologies", "absent", "leave", "drop", "back"]))
        preferred: list[str] = []
        if verb in ("leave",):
            preferred = self.attending()
        elif verb == "drop":
            preferred = [m for m, p in self.state.presence.items() if p.status == "remote"]
        elif verb == "back":
            preferred = [m for m, p in self.state.presence.items() if p.status in ("left", "dropped")]
        self.send(f"{verb} {self.members(data, preferred, most=4)}")

    @rule(data=st.data())
    def proxy(self, data: Any) -> None:
        state = self.state
        council = state.meeting.council
        away = [s for s in SEATS if state.status(s) not in ("present", "remote") and s not in state.proxies]
        principal = self.member(data, away)
        seat = council.member(principal)
        same_region = [
            s for s in self.attending() if s in SEATS and seat is not None and council.member(s).region == seat.region
        ]
        holder = self.member(data, [s for s in same_region if s != principal])
        self.send(f"proxy {principal} to {holder}")

    @rule(data=st.data())
    def revoke(self, data: Any) -> None:
        self.send(f"revoke {self.member(data, list(self.state.proxies))}")

    # ── the sitting ────────────────────────────────────────────────────────────

    @rule(data=st.data())
    def sitting_verb(self, data: Any) -> None:
        likely = {"not_started": ["begin"] * 6, "in_recess": ["resume"] * 6}.get(self.state.phase, [])
        verb = data.draw(st.sampled_from([*likely, "begin", "recess", "recess 10", "resume", "adjourn"]))
        if verb == "adjourn" and data.draw(st.integers(0, 2)):
            verb = "begin"  # adjournment ends the example's business: keep it rare
        self.send(verb)

    @rule(data=st.data())
    def chair(self, data: Any) -> None:
        self.send(f"chair {self.member(data, self.sitting())}")

    @rule(data=st.data())
    def secretary(self, data: Any) -> None:
        self.send(f"secretary {self.member(data, self.attending())}")

    @rule(data=st.data())
    def waive_balance(self, data: Any) -> None:
        self.send(f"waive-balance {quoted(data.draw(TEXT))}")

    @rule(data=st.data())
    def clock(self, data: Any) -> None:
        """`at [DATE] HH:MM:SS`: mostly forward, now and then backwards (refused), now and then
        to a later day (a meeting adjourned overnight; the demo meeting's zone is UTC)."""
        now = self.clock.now()
        moment = now + timedelta(minutes=data.draw(st.integers(-5, 15)), seconds=data.draw(st.integers(0, 59)))
        if data.draw(st.integers(0, 11)) == 0:
            moment += timedelta(hours=data.draw(st.integers(1, 30)))
        if moment.date() != now.date() or data.draw(st.integers(0, 9)) == 0:
            self.send(f"at {moment.strftime('%Y-%m-%d %H:%M:%S')}")
        else:
            self.send(f"at {moment.strftime('%H:%M:%S')}")

    # ── the agenda ─────────────────────────────────────────────────────────────

    @rule(data=st.data())
    def agenda(self, data: Any) -> None:
        verb = data.draw(
            st.sampled_from(
                [
                    "open",
                    "open",
                    "next",
                    "next",
                    "next",
                    "previous",
                    "done",
                    "defer",
                    "defer",
                    "add",
                    "reorder",
                    "drop-item",
                ]
            )
        )
        if verb == "open":
            line = f"open {self.item(data)}"
        elif verb == "defer":
            line = f"defer {self.item(data)}" if data.draw(st.booleans()) else "defer"
        elif verb == "add":
            title = data.draw(TEXT)
            if avoiding("add-blank-title") and not title.strip():
                title = "Any other business"
            line = f"add {quoted(title)}"
            if data.draw(st.booleans()):
                line += f" minutes {data.draw(st.integers(0, 30))}"
            if data.draw(st.booleans()) or (avoiding("add-without-item") and self.state.current is None):
                line += f" after {self.item(data)}"
        elif verb == "reorder":
            line = f"reorder {self.item(data)} after {self.item(data)}"
        elif verb == "drop-item":
            line = f"drop-item {self.item(data)}"
        else:
            line = verb
        self.send(line)

    # ── motions ────────────────────────────────────────────────────────────────

    @rule(data=st.data())
    def move(self, data: Any) -> None:
        state = self.state
        roll = data.draw(st.integers(0, 9))
        in_order = [STANDARD_MOTIONS[k].word for k in motions_in_order(state) if k != "point_of_order"]
        if roll < 4:
            kind = None
        elif roll < 8 and in_order:
            kind = data.draw(st.sampled_from(in_order))
        else:
            kind = data.draw(st.sampled_from(MOTION_WORDS))
        line = "move" + (f" to {kind}" if kind else "")
        if kind == "reconsider" and state.decided and data.draw(st.booleans()):
            line += f" #{data.draw(st.sampled_from([*state.decided, len(state.motions) + 1]))}"
        needs_text = kind in ("amend", "rescind") or (
            kind is None and (state.current is None or state.items[state.current].item.motion is None)
        )
        if needs_text or data.draw(st.integers(0, 4)) == 0:
            line += f" {quoted(data.draw(TEXT) or 'That it be so.')}"
        seated = self.sitting()
        mover = self.member(data, seated)
        line += f" by {mover}"
        if data.draw(st.integers(0, 4)):
            line += f" seconded {self.member(data, [m for m in seated if m != mover])}"
        self.send(line)

    @rule(data=st.data())
    def second_or_withdraw(self, data: Any) -> None:
        if data.draw(st.integers(0, 3)) == 0:
            self.send("withdraw")
            return
        pending = self.state.pending
        mover = pending.mover if pending else None
        self.send(f"second {self.member(data, [m for m in self.sitting() if m != mover])}")

    @rule(data=st.data())
    def point_of_order(self, data: Any) -> None:
        """A point of order now and then; mostly the chair's ruling when one is pending."""
        pending = self.state.pending
        if (pending is None or pending.kind != "point_of_order") and data.draw(st.integers(0, 2)) == 0:
            line = f"point {self.member(data, self.sitting())}"
            if data.draw(st.booleans()):
                line += f" {quoted(data.draw(TEXT))}"
        else:
            line = f"rule {data.draw(st.sampled_from(['well-taken', 'not-well-taken']))}"
            if data.draw(st.booleans()):
                line += f" {quoted(data.draw(TEXT) or 'It is germane.')}"
        self.send(line)

    # ── decisions ──────────────────────────────────────────────────────────────

    @rule(data=st.data())
    def vote(self, data: Any) -> None:
        self.send(self.vote_line(data))

    def vote_line(self, data: Any, within: bool = False) -> str:
        """Counts within the entitled strength mostly, now and then above it."""
        entitled = self.entitled_count()
        if within or data.draw(st.integers(0, 4)):
            yes = data.draw(st.integers(0, entitled))
            no = data.draw(st.integers(0, entitled - yes))
            abstain = data.draw(st.integers(0, entitled - yes - no))
            blank = data.draw(st.integers(0, entitled - yes - no - abstain))
        else:
            yes, no, abstain, blank = (data.draw(st.integers(0, entitled + 5)) for _ in range(4))
        line = f"vote {yes} {no}"
        shape = data.draw(st.integers(0, 3))
        if shape >= 1:
            line += f" {abstain}"
        pending = self.state.pending
        ballot = pending is not None and pending.poll is not None and pending.poll.method == "secret_ballot"
        if (shape >= 2 and (ballot or not within)) or (shape == 0 and data.draw(st.integers(0, 9)) == 0):
            line += f" blank {blank}"
        return line

    @rule(data=st.data())
    def consent(self, data: Any) -> None:
        roll = data.draw(st.integers(0, 5))
        if roll < 3:
            self.send("agreed")
        elif roll == 3:
            self.send("objection")  # unnamed
        elif roll == 4:
            self.send(f"division {self.member(data, self.sitting())}")
        else:
            self.send(f"objection {self.member(data, self.sitting())}")

    @rule(data=st.data())
    def consensus(self, data: Any) -> None:
        verb = data.draw(
            st.sampled_from(["consensus", "consensus", "block", "aside", "aside", "conclude", "conclude not-reached"])
        )
        if verb == "block":
            line = f"block {self.member(data, self.sitting())}"
            if data.draw(st.booleans()):
                line += f" {quoted(data.draw(TEXT))}"
        elif verb == "aside":
            line = f"aside {self.member(data, self.sitting())}"
        else:
            line = verb
        self.send(line)

    @rule(data=st.data())
    def poll(self, data: Any) -> None:
        self.send(data.draw(st.sampled_from(["roll-call", "roll-call", "ballot", "close"])))

    @rule(data=st.data())
    def named_vote(self, data: Any) -> None:
        """`yes|no|abstain VOTERS [for PRINCIPAL]`: mostly voters who may still vote."""
        choice = data.draw(st.sampled_from(["yes", "no", "abstain"]))
        pending = self.state.pending
        open_votes = []
        if pending is not None and pending.poll is not None:
            open_votes = [v for v in pending.poll.entitled if v.seat not in pending.poll.choices]
        if open_votes and data.draw(st.integers(0, 4)):
            voter = data.draw(st.sampled_from(open_votes))
            if voter.via == "proxy" or (voter.via == "alternate" and data.draw(st.booleans())):
                line = f"{choice} {voter.voter} for {voter.seat}"
            else:
                chosen = data.draw(st.lists(st.sampled_from(open_votes), min_size=1, max_size=5, unique=True))
                own = [v.voter for v in chosen if v.via != "proxy"] or [voter.voter]
                line = f"{choice} {' '.join(dict.fromkeys(own))}"
        else:
            line = f"{choice} {self.members(data, self.attending(), most=3)}"
            if data.draw(st.integers(0, 3)) == 0:
                line += f" for {self.member(data, SEATS)}"
        self.send(line)

    @rule(data=st.data())
    def tie(self, data: Any) -> None:
        self.send(data.draw(st.sampled_from(["cast yes", "cast no", "cast none", "draw"])))

    # ── interests and speakers ─────────────────────────────────────────────────

    @rule(data=st.data())
    def interests(self, data: Any) -> None:
        if data.draw(st.booleans()):
            line = f"declare {self.member(data, self.attending())} {quoted(data.draw(TEXT))}"
            if data.draw(st.booleans()):
                line += f" on {self.item(data)}"
        else:
            verb = data.draw(st.sampled_from(["recuse", "clear"]))
            declared = [i.member for i in self.state.interests if i.ruling is None]
            line = f"{verb} {self.member(data, declared or self.attending())}"
            if data.draw(st.booleans()):
                line += f" {quoted(data.draw(TEXT))}"
            if data.draw(st.integers(0, 2)) == 0:
                line += f" on {self.item(data)}"
        self.send(line)

    @rule(data=st.data())
    def speakers(self, data: Any) -> None:
        verb = data.draw(st.sampled_from(["queue", "queue", "unqueue", "floor", "floor"]))
        queue = self.state.items[self.state.current].queue if self.state.current else []
        if verb == "queue":
            line = f"queue {self.members(data, self.attending(), most=4)}"
        elif verb == "unqueue":
            line = f"unqueue {self.member(data, queue)}"
        else:
            line = "floor" if data.draw(st.booleans()) else f"floor {self.member(data, self.attending())}"
        self.send(line)

    # ── the record ─────────────────────────────────────────────────────────────

    @rule(data=st.data())
    def record(self, data: Any) -> None:
        if data.draw(st.booleans()):
            self.send(f"note {quoted(data.draw(TEXT))}")
        else:
            line = f"action {quoted(data.draw(TEXT))} owner {self.member(data, EVERYONE)}"
            if data.draw(st.booleans()):
                line += f" due {data.draw(st.sampled_from(['2027-01-15', '2026-12-24', '2027-02-30', '2027-1-5']))}"
            self.send(line)

    @rule(data=st.data())
    def undo(self, data: Any) -> None:
        """Undo, once or a few times in a row (left alone, hypothesis picks this argument-less
        step so often that few meetings get far)."""
        for _ in range(data.draw(st.sampled_from([1, 1, 1, 2, 3]))):
            self.send("undo")

    @rule()
    def restart(self) -> None:
        """The console closes (a crash, a power cut) and the chair resumes from the journal:
        the meeting goes on exactly where it was."""
        before = snapshot(self.state)
        self.session.close()
        self.session, warnings = Session.resume(self.path, self.clock)
        note("(the console is restarted from the journal)")
        assert warnings == [], warnings
        resumed = snapshot(self.state)
        assert resumed == before, "resumed state differs: " + "; ".join(differences(resumed, before))

    # ── the business of the meeting ────────────────────────────────────────────

    def next_step(self, data: Any) -> str:
        """The line a chair would most likely type next: what gets a meeting to its decisions."""
        state = self.state
        if state.phase == "not_started":
            return "begin"
        if state.phase == "in_recess":
            return "resume"
        if state.phase == "adjourned":
            return f"note {quoted(data.draw(TEXT))}"
        if state.chair is None:
            return f"chair {self.member(data, self.sitting())}"
        if not quorum_status(state).met:
            away = [m for m in SEATS + ALTERNATES if state.status(m) not in ("present", "remote")]
            return f"{data.draw(st.sampled_from(['present', 'remote']))} {self.members(data, away, most=8)}"
        motion = state.pending
        seated = self.sitting()
        if state.current is None:
            return data.draw(st.sampled_from(["next", f"open {self.item(data)}"]))
        if motion is None:
            if data.draw(st.integers(0, 5)) == 0:
                return data.draw(st.sampled_from(["next", "done", "previous"]))
            mover = self.member(data, seated)
            line = "move"
            in_order = [
                STANDARD_MOTIONS[k].word for k in motions_in_order(state) if k not in ("point_of_order", "main")
            ]
            if in_order and data.draw(st.integers(0, 3)) == 0:
                line += f" to {data.draw(st.sampled_from(in_order))} {quoted('That it be so.')}"
            elif state.items[state.current].item.motion is None:
                line += f" {quoted('That the council take note.')}"
            return f"{line} by {mover} seconded {self.member(data, [m for m in seated if m != mover])}"
        rule_of = STANDARD_MOTIONS[motion.kind]
        if motion.seconder is None and rule_of.needs_second and data.draw(st.integers(0, 5)):
            return f"second {self.member(data, [m for m in seated if m != motion.mover])}"
        if rule_of.decided_by == "chair" and motion.kind not in state.meeting.rules.motions:
            return f"rule {data.draw(st.sampled_from(['well-taken', 'not-well-taken']))}"
        if motion.outcome is not None and motion.outcome.result == "pending":
            return data.draw(st.sampled_from(["cast yes", "cast no", "draw"]))
        poll = motion.poll
        if poll is not None and poll.method == "roll_call":
            waiting = [v for v in poll.entitled if v.seat not in poll.choices]
            if waiting and data.draw(st.integers(0, 5)):
                voter = data.draw(st.sampled_from(waiting))
                choice = data.draw(st.sampled_from(["yes", "yes", "no", "abstain"]))
                named = voter.via == "proxy" or (voter.via == "alternate" and data.draw(st.booleans()))
                return f"{choice} {voter.voter}" + (f" for {voter.seat}" if named else "")
            return "close"
        if poll is not None or (motion.consensus is not None and motion.consensus.result in ("vote", "majority")):
            return self.vote_line(data, within=True)
        decision = decision_for(state, motion)
        if decision is not None and decision[1].consensus_first == "required" and motion.consensus is None:
            return "consensus"  # the council seeks consensus first on this question
        if motion.consensus is not None and motion.consensus.result is None:
            verb = data.draw(st.sampled_from(["conclude", "conclude", "aside", "block"]))
            return verb if verb == "conclude" else f"{verb} {self.member(data, seated)}"
        verb = data.draw(
            st.sampled_from(
                ["vote", "vote", "vote", "agreed", "roll-call", "ballot", "consensus", "objection", "withdraw"]
            )
        )
        if verb == "vote":
            return self.vote_line(data, within=True)
        if verb == "objection":
            return f"objection {self.member(data, seated)}"
        return verb

    @rule(data=st.data())
    def proceed(self, data: Any) -> None:
        self.send(self.next_step(data))

    @rule(data=st.data())
    def proceed_further(self, data: Any) -> None:
        """A second way in, so that swarm testing rarely switches all progress off."""
        for _ in range(data.draw(st.integers(1, 3))):
            self.send(self.next_step(data))

    @rule(data=st.data())
    def garbage(self, data: Any) -> None:
        """Lines the parser must refuse (or accept) without an exception."""
        words = ["move", "to", "by", "vote", "yes", "for", "blank", "open", "after", "1", "-3", '"unclosed', "«x»",
                 "amend", "seconded", "#", "at", "25:00", "Vote", "proxy", "quux", "owner", "due", "2027-13-01"]  # fmt: skip
        self.send(" ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=6))))

    # ── the invariants ─────────────────────────────────────────────────────────

    @invariant()
    def nobody_counted_twice(self) -> None:
        state = self.state
        council = state.meeting.council
        voters = represented_seats(state)
        seats = [v.seat for v in voters]
        assert len(seats) == len(set(seats)), f"a seat represented twice: {seats}"
        here = set(self.attending())
        for v in voters:
            seat = council.member(v.seat)
            assert seat is not None and _holds_seat(seat), f"{v.seat} is not a voting seat"
            assert v.voter in here, f"{v.voter} represents {v.seat} without being here"
            if v.via == "titular":
                assert v.voter == v.seat
            elif v.via == "alternate":
                assert v.voter == seat.alternate, f"{v.voter} is not the alternate of {v.seat}"
                assert v.seat not in here, f"alternate {v.voter} represents {v.seat} while the titular is here"
            else:
                assert state.proxies.get(v.seat) == v.voter, f"{v.voter} holds no proxy for {v.seat}"
                assert v.seat not in here, f"proxy {v.voter} represents {v.seat} while the titular is here"
                assert seat.alternate not in here, f"proxy {v.voter} represents {v.seat} while its alternate is here"
        held = Counter(state.proxies.values())
        for voter, count in Counter(v.voter for v in voters).items():
            assert count <= 1 + held[voter], f"{voter} casts {count} votes holding {held[voter]} proxies"
        limit = 1 + state.meeting.rules.proxies.max_per_holder
        for motion in state.motions.values():
            for entitled in (motion.entitled, motion.poll.entitled if motion.poll else []):
                seats = [v.seat for v in entitled]
                assert len(seats) == len(set(seats)), f"motion #{motion.number}: a seat entitled twice: {seats}"
                for voter, count in Counter(v.voter for v in entitled).items():
                    assert count <= limit, f"motion #{motion.number}: {voter} entitled to {count} votes"
            if motion.poll is not None:
                entitled_seats = {v.seat: v for v in motion.poll.entitled}
                for seat, (voter, _) in motion.poll.choices.items():
                    assert entitled_seats.get(seat) == voter, f"motion #{motion.number}: {voter} voted for {seat}"

    @invariant()
    def whoever_presides_is_here(self) -> None:
        state = self.state
        if state.phase in ("in_session", "in_recess") and state.chair is not None:
            assert state.status(state.chair) in ("present", "remote"), f"{state.chair} presides without being here"

    @invariant()
    def tallies_within_strength(self) -> None:
        for motion in self.state.motions.values():
            outcome = motion.outcome
            if outcome is None:
                continue
            total = outcome.yes + outcome.no + outcome.abstain + outcome.blank
            assert total <= len(motion.entitled), (
                f"motion #{motion.number}: {total} votes counted, {len(motion.entitled)} entitled"
            )
            if motion.poll is not None:
                assert len(motion.poll.choices) <= len(motion.poll.entitled)

    @invariant()
    def quorum_recounts(self) -> None:
        status = quorum_status(self.state)
        mine = recount_quorum(self.state)
        theirs = (status.present, status.needed, status.regions_present, status.met)
        assert theirs == mine, f"quorum_status (present, needed, regions, met) = {theirs}, recount = {mine}"

    @invariant()
    def secret_ballots_stay_secret(self) -> None:
        state = self.state
        secret_items = {i for i, s in state.items.items() if s.item.vote == "secret_ballot"}
        for motion in state.motions.values():
            if motion.method == "secret_ballot" or (motion.poll and motion.poll.method == "secret_ballot"):
                assert motion.poll is None or not motion.poll.choices, (
                    f"secret ballot on motion #{motion.number} holds names: {motion.poll.choices}"
                )
        on_secret_items = {n for n, m in state.motions.items() if m.kind == "main" and m.item in secret_items}
        ids = set(EVERYONE)
        method: dict[int, str] = {}  # the last poll opened on each motion, as the journal goes
        for raw in self.path.read_text(encoding="utf-8").splitlines():
            event = json.loads(raw)["event"]
            number = event.get("motion")
            if event["type"] == "poll.opened":
                method[number] = event["method"]
            elif event["type"] == "division.demanded":  # the question put again by roll call
                method[number] = "roll_call"
            named = event["type"] == "roll.voted" or (
                event.get("choice") in ("yes", "no", "abstain") and ids & set(json.dumps(event).split('"'))
            )
            if named:
                assert number not in on_secret_items, f"a named vote on secret-ballot motion #{number}: {raw}"
                assert method.get(number) == "roll_call", f"a named vote in a {method.get(number)} on #{number}: {raw}"
        for number, m in state.motions.items():
            if m.method == "secret_ballot":
                assert method.get(number) == "secret_ballot"

    @invariant()
    def journal_replays_to_live_state(self) -> None:
        replayed, _, problems = read_meeting(self.path)
        assert replayed is not None, problems
        live, again = snapshot(self.state), snapshot(replayed)
        assert live == again, "replay differs: " + "; ".join(differences(live, again))

    @invariant()
    def structure(self) -> None:
        """Cheap checks of the state's shape: the stack holds pending motions once each, the
        current item is open, and a motion holding a poll was decided (or is being decided) by it."""
        state = self.state
        assert len(state.stack) == len(set(state.stack)), f"stack {state.stack}"
        for number in state.stack:
            assert state.motions[number].status == "pending", (
                f"#{number} on the stack is {state.motions[number].status}"
            )
        if state.current is not None:
            assert state.items[state.current].status == "open", (
                f"current item {state.current} is {state.items[state.current].status}"
            )
        for motion in state.motions.values():
            if motion.poll is not None:
                assert motion.method == motion.poll.method, (
                    f"#{motion.number} ({motion.status}) holds a {motion.poll.method} but its method is {motion.method}"
                )


def test_engine_stateful() -> None:
    run_state_machine_as_test(
        MeetingMachine,
        settings=settings(
            deadline=None,
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            phases=tuple(Phase) if SHRINK else tuple(p for p in Phase if p != Phase.shrink),
        ),
    )
    total = STATS["accepted"] + STATS["refused"]
    share = STATS["accepted"] / total if total else 0.0
    print(f"\n{total} commands: {STATS['accepted']} accepted ({share:.0%}), {STATS['refused']} refused")
    print("  " + ", ".join(f"{what}: {n}" for what, n in STATS.items() if what not in ("accepted", "refused")))
    by_verb = sorted({verb for verb, _ in VERBS})
    print(
        "  "
        + ", ".join(f"{v} {VERBS[(v, 'accepted')]}/{VERBS[(v, 'accepted')] + VERBS[(v, 'refused')]}" for v in by_verb)
    )
    print("  refusals: " + ", ".join(f"{code} {n}" for code, n in CODES.most_common(60)))
    assert share >= 0.25, f"only {share:.0%} of the commands were accepted: the machine explores too little"


# ── what the machine found, as plain tests (minimal sequences hypothesis printed) ──


def _sequence(lines: list[str]) -> tuple[Session, Path, tempfile.TemporaryDirectory[str]]:
    """A session on the demo meeting that has accepted these lines."""
    loaded = demo()
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / "journal.jsonl"
    clock = ScriptClock(loaded.meeting.agenda.scheduled_start, loaded.meeting.agenda.time_zone)
    session = Session.start(loaded.meeting, source_files(loaded.sources, DEMO_AGENDA), path, clock)
    for line in lines:
        result = session.execute(line)
        assert isinstance(result, Accepted), f"{line!r}: {result}"
    return session, path, folder


def test_found_add_without_an_open_item_replays() -> None:
    """`add` with no item open (and no `after`) is accepted, but its `item.added` event is
    journaled without `after` (None is left out), and the journal can no longer be read:
    `read_meeting` answers journal.bad-event at that line (so `minutes`, `verify`, `resume` fail)."""
    session, path, folder = _sequence(["present tz-1", "begin", 'add "Solidarity with the flood-affected miners"'])
    try:
        replayed, _, problems = read_meeting(path)
        assert problems == [] and replayed is not None, problems
        assert snapshot(replayed) == snapshot(session.state)
    finally:
        session.close()
        folder.cleanup()


def test_found_add_with_a_blank_title_is_refused() -> None:
    """`add ""` (or a title of spaces) raised a pydantic ValidationError out of the engine
    (Item.title is a non-blank Text) instead of a refusal."""
    session, _path, folder = _sequence(["present tz-1", "begin"])
    try:
        for line in ('add ""', 'add "   "'):
            result = session.execute(line)
            assert isinstance(result, Refused), f"{line!r}: {result}"
            assert result.code in MESSAGES
    finally:
        session.close()
        folder.cleanup()


REOPENED = {
    # A decision reconsidered (RONR §37), and objected to when back on the floor...
    "reconsider": ["move to reconsider by gh-1 seconded sl-1", "vote 10 2", "objection zm-1"],
    # ...or a division demanded: the vote is taken again, by roll call (nothing else meanwhile).
    "division": ["division bf-1", "yes gh-1"],
}


@pytest.mark.parametrize("how", sorted(REOPENED))
def test_found_reconsidered_motion_keeps_its_earlier_decision(how: str) -> None:
    """A motion back on the floor keeps how it stood in `Motion.earlier`, as a shallow
    `copy.copy`: the copy shares the motion's lists, `earlier` itself included, so the state
    contains itself (motions[1].earlier[0].earlier is motions[1].earlier; `dataclasses.asdict`
    of the state raises RecursionError), and an objection to the motion back on the floor is
    written into its earlier record too."""
    session, _path, folder = _sequence([
        f"present {' '.join(SEATS[:12])}",
        "begin",
        "open agenda",
        "move by ke-1 seconded gh-1",
        "vote 10 2",
        *REOPENED[how],
    ])  # fmt: skip
    try:
        motion = session.state.motions[1]
        assert motion.status == "pending" and len(motion.earlier) == 1
        earlier = motion.earlier[0]
        contains_itself = earlier.earlier is motion.earlier
        assert not contains_itself, "motions[1].earlier[0].earlier is motions[1].earlier"
        assert earlier.objections == [], f"the earlier decision shows a later objection: {earlier.objections}"
        dataclasses.asdict(session.state)
    finally:
        session.close()
        folder.cleanup()
