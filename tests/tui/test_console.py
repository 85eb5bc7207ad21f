"""The chair's console driven from the keyboard with Textual's Pilot, on a real session."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

from textual.widgets import Static

from meeting.session import ScriptClock, Session
from meeting.tui.app import MeetingApp, build_app
from meeting.tui.roster import RosterList
from meeting.tui.screens import ConfirmScreen, HelpScreen, ResultScreen, ResumeScreen, RollCallScreen, VoteScreen
from tests.conftest import REPO
from tests.kit import ALL_SEATS, in_session, start

SIZE = (80, 24)


def app_for(meeting) -> MeetingApp:
    return build_app(meeting.session, meeting.session.clock)


def shown(app: MeetingApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


async def test_roll_call_quorum_motion_vote_carried_from_the_keyboard(tmp_path):
    meeting = start(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert "NO QUORUM" in shown(app, "#quorum")
        await pilot.press("r")
        assert isinstance(app.screen, RollCallScreen)
        # Each region: its heading row, four seats, then an alternate (not marked).
        await pilot.press("down", *["p"] * 4, "down", "down", *["p"] * 4, "down", "down", *["p"] * 4)
        assert "QUORUM ✓ 12 of 21" in shown(app, "#roll-quorum")
        await pilot.press("escape", "b", "n", "n", "n")
        state = meeting.state
        assert (state.phase, state.current) == ("in_session", "agenda")
        assert "QUORUM ✓" in shown(app, "#quorum")
        await pilot.press("m")
        await type_text(pilot, "ke-1")
        await pilot.press("enter")
        await type_text(pilot, "Boatemaa")
        await pilot.press("enter")
        motion = state.pending
        assert (motion.mover, motion.seconder, motion.text) == (
            "ke-1",
            "gh-1",
            "That the agenda be adopted as circulated.",
        )
        assert "#1 main motion  Otieno Wafula-Achieng / Ama Serwaa Boatemaa" in shown(app, "#current")
        await pilot.press("v")
        assert isinstance(app.screen, VoteScreen)
        await type_text(pilot, "11")
        await pilot.press("enter", "0", "enter", "1", "enter")
        assert isinstance(app.screen, ResultScreen)
        assert state.motions[1].status == "carried"
        assert (
            "11 in favour, 0 against, 1 abstention; 6 needed (a majority of the 11 votes cast) — carried"
            in " ".join(str(label.render()) for label in app.screen.query("Label"))
        )
        await pilot.press("enter", "n")
        assert state.current == "minutes"


async def test_a_vote_over_the_eligible_strength_is_flagged_live_and_refused(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:12]).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await type_text(pilot, "13")
        assert "13 of 12 who may vote" in shown(app, "#vote-check")
        assert app.screen.query_one("#vote-check").has_class("-over")
        await pilot.press("enter", "0", "enter", "0", "enter")
        assert isinstance(app.screen, VoteScreen)
        assert "13 votes, but only 12 members may vote now" in shown(app, "#vote-error")
        assert meeting.state.motions[1].status == "pending"


async def test_lost_quorum_is_an_alarm_and_blocks_the_vote_with_the_reason(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:11]).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "leave ug-1")
        await pilot.press("enter")
        quorum = app.screen.query_one("#quorum")
        assert quorum.has_class("-lost")
        assert shown(app, "#quorum").startswith("NO QUORUM — 10 of 21 voting seats present (11 needed)")
        await pilot.press("escape", "v")
        await type_text(pilot, "9")
        await pilot.press("enter", "0", "enter", "1", "enter")
        assert "no quorum (10 of 21 voting seats present (11 needed)" in shown(app, "#vote-error")
        await pilot.press("escape", "colon")
        await type_text(pilot, "back ug-1")
        await pilot.press("enter")
        assert not app.screen.query_one("#quorum").has_class("-lost")


async def test_undo_asks_what_it_will_undo_then_undoes_it(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Undo the last action: result of motion #1: 16 in favour, 1 against" in app.screen.question
        await pilot.press("n")
        assert meeting.state.motions[1].status == "carried"
        await pilot.press("u", "y")
        assert meeting.state.motions[1].status == "pending"
        assert "✓ undo" in shown(app, "#notice")


async def test_the_command_bar_points_at_the_refused_column_and_completes(tmp_path):
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "present zz-9")
        await pilot.press("enter")
        notice = shown(app, "#notice")
        bar = app.screen.query_one("#command")
        assert bar.content_region.x == 0  # so the caret's column is the command's
        assert notice == " " * 8 + "^ no member matches 'zz-9'"
        bar.value = ""
        await type_text(pilot, "prox")
        await pilot.pause()
        await pilot.press("tab")
        assert bar.value == "proxy"
        await type_text(pilot, " br-1 t")
        await pilot.pause()
        await pilot.press("tab")
        assert bar.value == "proxy br-1 to"
        await pilot.press("enter")  # incomplete: the engine says what it expects, nothing is lost
        assert "expected a member" in shown(app, "#notice") and bar.value == "proxy br-1 to"


async def test_help_lists_every_key_and_command(tmp_path):
    app = app_for(start(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        for key, words in (("r", "Roll call"), ("v", "Vote"), ("u", "Undo"), ("ctrl+p", "Command palette")):
            assert key in text and words in text
        for usage_line in (
            "proxy MEMBER to MEMBER",
            'move [to KIND] ["TEXT"] by MEMBER [seconded MEMBER]',
            "vote YES NO",
        ):
            assert usage_line in text


async def test_the_roll_call_filters_a_thousand_delegates(tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    from generate_assembly import generate

    for name, text in generate(1000).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    agenda = next(tmp_path.glob("[0-9]*.toml"))
    meeting = start(tmp_path, agenda=agenda)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "slash")
        target = meeting.state.meeting.council.seats[500]
        await type_text(pilot, target.name.split()[-1])
        roster = app.screen.query_one(RosterList)
        assert 1 <= len(roster.rows) <= 6
        await pilot.press("enter", "down", "p")
        matching = [m for m in meeting.state.meeting.council.members if meeting.state.status(m.id) == "present"]
        assert len(matching) == 1 and target.name.split()[-1] in matching[0].name


async def test_names_with_accents_are_intact_on_screen(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by bf-1 seconded co-1")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)):
        assert "Aminata Ouédraogo-Kaboré / Wilmer Restrepo-Quiñones" in shown(app, "#current")


async def test_resume_a_meeting_killed_mid_way(tmp_path):
    """A real process drives the console, is killed with SIGKILL mid-meeting; a new console
    on the same journal offers to resume and shows the meeting exactly where it was."""
    journal = tmp_path / "journal.jsonl"
    child = textwrap.dedent(
        f"""
        import asyncio, os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        from tests.kit import in_session
        from meeting.tui.app import build_app

        async def main():
            meeting = in_session(Path({str(tmp_path)!r}))
            app = build_app(meeting.session, meeting.session.clock)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press("colon", *"move by ke-1 seconded gh-1", "enter")
                await pilot.press("escape", "v", "1", "5", "enter", "2", "enter", "1", "enter")
                print("acknowledged", meeting.state.motions[1].status, flush=True)
                os.kill(os.getpid(), signal.SIGKILL)

        asyncio.run(main())
        """
    ).replace('*"move by ke-1 seconded gh-1"', '*[{" ": "space"}.get(c, c) for c in "move by ke-1 seconded gh-1"]')
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout == "acknowledged carried\n"
    session, warnings = Session.resume(journal, ScriptClock(datetime(2026, 12, 10, 13, tzinfo=UTC), "UTC"))
    assert warnings == []
    app = build_app(session, session.clock, journal_exists=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ResumeScreen)
        assert "the meeting is in session" in " ".join(str(w.render()) for w in app.screen.query("Label"))
        await pilot.press("r")
        assert "#1" not in shown(app, "#current")  # decided: nothing pending
        assert "✓ 3 Adoption of the agenda" not in shown(app, "#agenda")
        assert session.state.motions[1].outcome.yes == 15
    session.close()


async def test_the_command_palette_lists_every_action_with_its_key(tmp_path):
    from meeting.tui.app import KEYS

    app = app_for(start(tmp_path))
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for key, _action, title, _command in KEYS:
            shown = {"colon": ":", "question_mark": "?"}.get(key, key)
            assert f"{title}  [{shown}]" in titles


async def test_a_torn_journal_is_reported_and_the_meeting_continues(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    meeting.session.close()
    journal = tmp_path / "journal.jsonl"
    with journal.open("ab") as f:
        f.write(b'{"seq":6,"ts":"2026-12')  # the power went mid-write
    session, warnings = Session.resume(journal, ScriptClock(datetime(2026, 12, 10, 13, tzinfo=UTC), "UTC"))
    app = build_app(session, session.clock, journal_exists=True, warnings=warnings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")  # resume
        notice = shown(app, "#notice")
        assert notice.startswith(f"⚠ {journal}:6:1: warning: this last line was cut off")
        assert "#1 main motion" in shown(app, "#current")
    session.close()
