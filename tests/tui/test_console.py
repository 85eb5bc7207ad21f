"""The chair's console driven from the keyboard with Textual's Pilot, on a real session: one
test per flow. Screens talk to the app with messages, so the tests also read what was sent."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console
from textual.geometry import Region
from textual.widgets import Input, Label, OptionList, Static

from meeting.domain import events as ev
from meeting.domain.language import GRAMMAR
from meeting.session import ScriptClock, Session
from meeting.tui.app import MeetingApp, build_app
from meeting.tui.attendance import AttendanceScreen
from meeting.tui.commandbar import CommandBar
from meeting.tui.confirm import ConfirmScreen
from meeting.tui.consensus import ConsensusScreen
from meeting.tui.fields import FoldedText, Picker
from meeting.tui.form import CommandForm
from meeting.tui.help import HelpScreen
from meeting.tui.main import MainScreen
from meeting.tui.messages import RunCommand
from meeting.tui.motion import MotionForm
from meeting.tui.poll import PollScreen
from meeting.tui.result import ResultScreen
from meeting.tui.resume import ResumeScreen
from meeting.tui.roster import RosterList
from meeting.tui.vote import VoteForm
from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL, REPO
from tests.kit import ALL_SEATS, HOSTILE, LATIN_AMERICA, hostile_meeting, in_session, start, two_items_tabled

SIZE = (80, 24)


def app_for(meeting, clock=None) -> MeetingApp:
    return build_app(meeting.session, clock or meeting.session.clock)


def sending(app: MeetingApp, sent: list[str]):
    """The app under Pilot, each command line it sends added to `sent`."""
    return app.run_test(size=SIZE, message_hook=lambda m: isinstance(m, RunCommand) and sent.append(m.line))


def shown(app: MeetingApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def plain(renderable, width: int = 120) -> str:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def all_text(app: MeetingApp) -> str:
    return " ".join(str(w.render()) for w in app.screen.query(Static))


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def test_the_roll_call_cursor_never_rests_on_a_region_heading(tmp_path):
    """Every key that marks marks a member: the cursor starts on the first one, and passes
    over a region's heading whichever way it moves (at 120x40, with the heading in sight)."""
    meeting = start(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        roster = app.screen.query_one(RosterList)
        assert roster.member == "gh-1" and roster.scroll_offset.y == 0  # "Anglophone Africa" above it
        await pilot.press("up", "home")
        assert roster.member == "gh-1"
        await pilot.press("down", "down", "down", "down", "p")  # gh-2, the region's last row
        assert (meeting.state.status("gh-2"), roster.member) == ("present", "bf-1")
        await pilot.press("up")
        assert roster.member == "gh-2"
        await pilot.press("end", "up", "up", "up")
        assert roster.member == "ph-2"  # over the heading of the secretariat and observers


async def test_an_answer_undone_in_the_roll_call_grid_goes_back_to_its_seat(tmp_path):
    """After 'u', the cursor went one seat past, and the next answer fell on another member
    (found by a chair): it goes back to the seat whose answer was taken back."""
    meeting = in_session(tmp_path, item="article-7").run("move by bf-1 seconded zw-1", "roll-call")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PollScreen)
        roster = app.screen.query_one(RosterList)
        await pilot.press("y", "y", "n")  # gh-1, sl-1 yes; zm-1 no by mistake
        assert roster.member == "zw-1"
        await pilot.press("u", "y")  # the question does not take the grid's Yes as its answer
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and meeting.state.pending.poll.choices["zm-1"][1] == "no"
        await pilot.press("enter")
        await pilot.pause()
        assert "zm-1" not in meeting.state.pending.poll.choices and roster.member == "zm-1"
        await pilot.press("y")
        assert meeting.state.pending.poll.choices["zm-1"][1] == "yes"


async def test_a_picker_lists_its_choices_while_the_chair_is_in_it(tmp_path):
    """The choices under a member picker show while its box has the focus, and only then:
    the second picker of a form, reached with Enter, lists them too (it once stayed empty
    while the first one's list stayed open)."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")  # on the agenda's item: its drafted text filled in, the mover next
        form = app.screen
        assert isinstance(form, MotionForm)
        mover, seconder = form.query_one("#field-mover", Picker), form.query_one("#field-seconder", Picker)
        assert app.focused is mover.query_one(Input)
        assert not form.query_one("#amending").display  # nothing amended: no blank lines for it
        await type_text(pilot, "wafula")
        await pilot.pause()
        assert mover.query_one(OptionList).display and not seconder.query_one(OptionList).display
        listed = mover.query_one(OptionList)
        assert [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)] == [
            "Otieno Wafula-Achieng (ke-1) · in person"
        ]
        await pilot.press("enter", *"boat")
        await pilot.pause()
        assert app.focused is seconder.query_one(Input)
        assert seconder.query_one(OptionList).display and not mover.query_one(OptionList).display
        assert seconder.query_one(OptionList).option_count == 1


async def test_a_field_left_empty_is_said_and_the_form_goes_back_to_it(tmp_path):
    """Enter on an empty picker leaves it empty (nothing is highlighted until letters are
    typed or the chair goes down the list); down the list and Enter takes the choice reached.
    Enter on a needed field left empty is answered at once, and the focus stays, so what is
    typed next goes into it (it once went on, and a chair typed the seconder as the mover)."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("declare")
        await pilot.pause()
        member = app.screen.query_one("#field-member", Picker)
        await pilot.press("enter")
        assert "Member is needed" in shown(app, ".error")
        assert app.focused is member.query_one(Input)
        # Sent with it still empty (ctrl+s), the form says the same and comes back to it.
        app.screen.query_one("#field-text").focus()
        await pilot.press(*"Board member of a cooperative", "ctrl+s")
        assert "Member is needed" in shown(app, ".error")
        assert app.focused is member.query_one(Input)
        listed = member.query_one(OptionList)
        assert listed.option_count > 2 and listed.highlighted is None
        await pilot.press("down", "down")
        second = str(listed.get_option_at_index(1).id)
        await pilot.press("enter")
        assert member.values == [second]


async def test_a_number_box_shows_what_leaving_it_empty_means(tmp_path):
    """The engine's own default, from the grammar: a vote's abstentions 0, an added item's
    minutes 5; nothing where empty means none (a recess of no set length) or where the number
    is needed. Every box once showed "0", and a recess left at "0" read as no recess at all."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    sent: list[str] = []
    async with sending(app, sent) as pilot:
        for verb, hints in (
            ("vote", {"yes": "", "no": "", "abstain": "0", "blank": "0"}),
            ("add", {"minutes": "5"}),
            ("recess", {"minutes": ""}),
        ):
            app.open_form(verb)
            await pilot.pause()
            assert {name: app.screen.query_one(f"#field-{name}", Input).placeholder for name in hints} == hints
            if verb != "recess":
                await pilot.press("escape")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert sent == ["recess"] and meeting.state.phase == "in_recess"


async def move_form_of_kind(app, pilot, kind: str) -> Picker:
    """The move form opened and a kind typed into it, as the chair would: its motion field."""
    app.open_form("move")
    await pilot.pause()
    app.screen.query_one("#field-kind", Picker).query_one(Input).focus()
    await type_text(pilot, kind)
    await pilot.press("enter")
    await pilot.pause()
    return app.screen.query_one("#field-target", Picker)


def offered(picker: Picker) -> list[str]:
    """The choices a picker lists, by value."""
    listed = picker.query_one(OptionList)
    return [str(listed.get_option_at_index(n).id) for n in range(listed.option_count)]


async def test_a_decision_is_picked_by_its_words_not_remembered_by_number(tmp_path):
    """Publishing a decision of a closed session, and reconsidering a motion: the form lists
    the motions the verb may name (decided in closed session and not yet public; decided this
    sitting and reconsiderable), each by number, kind, words and fate, and letters narrow them.
    The chair once had an empty box for a number to remember, and the move form went from the
    kind "reconsider" past the motion's field to a text that reconsider does not take."""
    from tests.unit.test_minutes_closed import closed_meeting

    meeting = closed_meeting(tmp_path)
    state = meeting.state
    closed = [n for n, m in state.motions.items() if m.item == "staff" and m.status != "pending"]
    assert 4 in closed and len(closed) > 2
    app = app_for(meeting)
    sent: list[str] = []
    async with sending(app, sent) as pilot:
        app.open_form("publish")
        await pilot.pause()
        picker = app.screen.query_one("#field-motion", Picker)
        listed = picker.query_one(OptionList)
        publishable = offered(picker)
        assert publishable == [str(n) for n in closed if n != 4]  # the appointment is public already
        lost = next(n for n in closed if state.motions[n].status == "lost")
        assert "— lost" in str(listed.get_option_at_index(publishable.index(str(lost))).prompt)
        await type_text(pilot, str(lost))
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#notice").startswith(f"✓ decision made public: #{lost}")  # which one
    assert sent == [f"publish {lost}"] and lost in meeting.state.published

    other = in_session(tmp_path / "other").run("move by ke-1 seconded gh-1", "vote 15 3 1")
    app = app_for(other)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("publish")  # no closed session here: nothing to publish, and it says so
        await pilot.pause()
        listed = app.screen.query_one("#field-motion", Picker).query_one(OptionList)
        assert listed.option_count == 1 and str(listed.get_option_at_index(0).prompt) == "(none yet)"
        await pilot.press("escape")
        target = await move_form_of_kind(app, pilot, "reconsider")
        assert target.value == "1"  # the one there is, which an empty field would name anyway
        assert app.focused is app.screen.query_one("#field-mover", Picker).query_one(Input)
        assert not app.screen.query_one("#field-text").display  # reconsider has no words of its own
        await type_text(pilot, "ke-1")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    assert other.state.motions[2].kind == "reconsider" and other.state.motions[2].applies_to == 1


async def test_letters_that_match_nobody_are_said_and_never_sent_as_an_earlier_choice(tmp_path):
    """A name typed that matches nobody ("secretary" for sec-1): Enter stays in the field and the
    list says nothing matches; sending says so too. Enter once moved on with the field empty, or
    still holding the member chosen before the letters were changed, which was then sent."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    sent: list[str] = []
    async with sending(app, sent) as pilot:
        app.open_form("declare")
        await pilot.pause()
        member = app.screen.query_one("#field-member", Picker)
        await type_text(pilot, "ouédraogo")
        await pilot.press("enter")  # chosen: Aminata Ouédraogo-Kaboré, and on to the text
        assert member.value == "bf-1" and app.focused is not member.query_one(Input)
        member.focus()
        await type_text(pilot, "secretary")  # replaces the name shown
        assert member.value is None
        listed = member.query_one(OptionList)
        assert listed.option_count == 1 and "nothing matches “secretary”" in str(listed.get_option_at_index(0).prompt)
        await pilot.press("enter")
        assert app.focused is member.query_one(Input)  # stays, to mend the letters
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Member: nothing that may be chosen matches “secretary”" in shown(app, ".error")
        # Letters that match, not taken with Enter: said so, not "nothing matches" under the name.
        member.focus()
        await type_text(pilot, "Tendai")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Member: “Tendai” is not chosen yet: Enter takes the name highlighted" in shown(app, ".error")
    assert sent == [] and meeting.state.interests == []


async def test_the_move_and_vote_forms_look_alike_whichever_form_opens_first(tmp_path):
    """A form's own style sheet adds to the forms' one (form.tcss) rather than replacing it:
    the move form, opened first, once had a one-line text area at 80x24 (a screen's style
    sheet stays loaded once shown, so after any other form it had four)."""
    for key in ("m", "v"):
        meeting = (
            in_session(tmp_path / key).run("move by ke-1 seconded gh-1") if key == "v" else in_session(tmp_path / key)
        )
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(key)
            form = app.screen
            assert isinstance(form, MotionForm if key == "m" else VoteForm)
            assert form.query_one(".form").styles.width.value == 90
            if key == "m":
                assert form.query_one("#field-text", FoldedText).size.height == 4


async def test_the_roll_call_cursor_stays_in_sight_as_the_line_under_the_list_grows(tmp_path):
    """At 80x24 the highlighted member's line under the list takes two lines for a long row (an
    alternate's); the list, shorter then, still shows its cursor (it once hid it below)."""
    app = app_for(start(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        roster = app.screen.query_one(RosterList)
        for key in ("r", "r", "r", "r", "down", "r", "r", "r", "a", "down", "p", "r", "r", "r", "r", "r"):
            await pilot.press(key)
            await pilot.pause()
            top = roster.scroll_offset.y
            assert top <= roster.cursor < top + roster.size.height, (key, roster.cursor, top, roster.size.height)


async def test_attendance_quorum_motion_vote_carried_from_the_keyboard(tmp_path):
    meeting = start(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert "NO QUORUM" in shown(app, "#quorum")
        await pilot.press("r")
        assert isinstance(app.screen, AttendanceScreen)
        # Each region: its seats, then an alternate (not marked); the cursor passes over the headings.
        await pilot.press(*["p"] * 4, "down", *["p"] * 4, "down", *["p"] * 4)
        assert "QUORUM ✓ 12 of 21" in shown(app, "#roll-quorum")
        await pilot.press("escape", "b", "n", "n", "n")
        state = meeting.state
        assert (state.phase, state.current) == ("in_session", "agenda")
        await pilot.press("m")
        assert isinstance(app.screen, MotionForm)
        assert app.focused is app.screen.query_one("#field-mover", Picker).query_one(Input)  # the first empty field
        await type_text(pilot, "wafula")  # any part of the name
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
        assert isinstance(app.screen, VoteForm)
        # What carries it, said before any count is entered.
        assert "Needed: a majority of votes cast; abstentions excluded; a tie fails. 7 yes of 12 if all vote." in (
            shown(app, "#vote-needed")
        )
        await type_text(pilot, "11")
        await pilot.press("enter", "0", "enter", "1", "enter")
        assert isinstance(app.screen, ResultScreen)
        assert state.motions[1].status == "carried"
        text = all_text(app)
        assert "CARRIED" in text
        assert "11 in favour, 0 against, 1 abstention; 6 needed (a majority of the 11 votes cast) — carried" in text
        assert "Rule: a majority of votes cast" in text
        await pilot.press("enter", "n")
        assert state.current == "minutes"


@pytest.mark.parametrize(
    ("first", "opens", "then", "recorded"),
    [
        ("vote 15 1 1", "ResultScreen", "division co-1", ["vote.counted", "division.demanded"]),
        ("roll-call", "PollScreen", 'note "Any other business: the venue"', ["poll.opened", "note"]),
    ],
)
async def test_a_line_typed_over_a_screen_that_opened_on_its_own_goes_to_the_command_bar(
    tmp_path, first, opens, then, recorded
):
    """A chair typing the next line at speed, while the screen the last one opened comes up: ':'
    goes on to the command bar. Over a result, ':' was swallowed, the line's first space closed
    it and the rest fell on the main screen's keys (in tmux ':division by co-1' called consensus
    on its 'c'); over the roll call's grid, 'n', 'a' and 'y' of ':note ...' recorded three
    members' votes. The roll call stays open."""
    meeting = in_session(tmp_path, item="agenda").run("move by ke-1 seconded sl-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, first)
        await pilot.press("enter")
        assert type(app.screen).__name__ == opens
        await pilot.press("colon")
        await type_text(pilot, then)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.focused is app.screen.query_one(CommandBar)
        await pilot.press("enter")
        await pilot.pause()
    assert [r.event.type for r in meeting.session.recorded[-2:]] == recorded
    poll = meeting.state.motions[1].poll
    assert poll is None or poll.choices == {}


async def test_a_vote_over_the_eligible_strength_is_flagged_live_and_refused_in_the_form(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:12]).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await type_text(pilot, "13")
        assert "13 of 12 who may vote" in shown(app, "#vote-check")
        assert app.screen.query_one("#vote-check").has_class("-over")
        await pilot.press("enter", "0", "enter", "0", "enter")
        assert isinstance(app.screen, VoteForm)
        assert "13 votes, but only 12 members may vote now" in shown(app, ".error")
        assert meeting.state.motions[1].status == "pending"


async def test_lost_quorum_is_an_alarm_and_blocks_the_vote_with_the_whole_reason(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:11]).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "leave ug-1")
        await pilot.press("enter")
        assert app.screen.query_one("#quorum").has_class("-lost")
        assert shown(app, "#quorum").startswith("NO QUORUM — 10 of 21 voting seats present (11 needed)")
        await pilot.press("v")  # refused at once: no figures to type for nothing
        assert isinstance(app.screen, MainScreen)
        refusal = shown(app, "#notice")
        # Whole, never cut to a line: the notice wraps it.
        assert "only adjournment, recess, attendance and points of order are in order" in refusal
        assert app.screen.query_one("#notice").size.height >= 2


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


async def test_enter_does_not_adjourn_and_the_question_takes_the_keys_its_hint_says(tmp_path):
    """Enter answered yes to "Close the meeting (adjourn)?" while the hint said only 'y' and 'n';
    in Portuguese it said "y: sim", and a chair who pressed 's' then Enter adjourned. Enter
    does nothing; 's' (sim) and 'y' answer yes, as the hint now says."""
    from meeting.i18n import language

    meeting = in_session(tmp_path, item="aob")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("adjourn")
        await pilot.pause()
        assert "y: yes · n/Esc: no" in all_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen) and meeting.state.phase == "in_session"
        await pilot.press("s")  # not a key of this question in English
        assert isinstance(app.screen, ConfirmScreen) and meeting.state.phase == "in_session"
        await pilot.press("n")
        assert isinstance(app.screen, MainScreen)
    with language("pt"):
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            app.open_form("adjourn")
            await pilot.pause()
            assert "s/y: " in all_text(app)  # "s/y: sim · n/Esc: não"
            await pilot.press("enter")
            assert isinstance(app.screen, ConfirmScreen) and meeting.state.phase == "in_session"
            await pilot.press("s")
            assert meeting.state.phase == "adjourned"


async def test_a_question_or_form_shows_its_own_keys_in_the_footer(tmp_path):
    """Over the main screen or the roll call's grid, the footer said the keys of the screen
    beneath ("n Next item" under "Close the meeting?"; "y Yes n No a Abstain" under "Close the
    vote?"): it says those of the question or form open."""
    from textual.widgets._footer import FooterKey

    def footer() -> str:
        return " ".join(str(key.render()).strip() for key in app.screen.query(FooterKey))

    meeting = in_session(tmp_path, item="article-7").run("move by zm-1 seconded bf-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("adjourn")
        await pilot.pause()
        assert footer() == "y Yes n No"
        await pilot.press("n", "l", "y", "c")
        assert isinstance(app.screen, ConfirmScreen)
        assert footer() == "c Close n Keep answering"
        await pilot.press("n", "escape", "m")
        assert isinstance(app.screen, MotionForm)
        assert footer().startswith("esc Cancel ^s Send")


async def test_adjourning_names_an_item_taken_up_and_left_as_unfinished_not_as_not_taken_up(tmp_path):
    """An item opened, decided on and left for another with `open` was taken up: the question
    before adjourning had counted it among the items "not taken up" (found by a parliamentarian)."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 15 0 1", "open focal-points")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("adjourn")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        lines = app.screen.question.split("\n")
        assert lines[:3] == [
            "Close the meeting (adjourn)?",
            "6. Regional focal points is left unfinished.",
            "1 item taken up and left unfinished: 3. Adoption of the agenda",
        ]
        assert lines[3].startswith("8 items not taken up: 1. Opening, roll call") and "Adoption" not in lines[3]


async def test_adjourning_names_the_items_not_taken_up(tmp_path):
    """Before the meeting closes, the chair hears that the item under discussion is left
    unfinished and which items of the agenda were never taken up (the minutes will say so);
    none, none named."""
    meeting = in_session(tmp_path, item="aob")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("adjourn")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.question
        assert question.startswith(
            "Close the meeting (adjourn)?\n9. Any other business is left unfinished.\n"
            "9 items not taken up: 1. Opening, roll call"
        )
        assert question.endswith(
            "; 8. Election of the council's rapporteur to the ASM policy dialogue; 10. Date of the next meeting and closing"
        )
        await pilot.press("n")
        meeting.run("open opening", *["next"] * 9)  # each item done in turn, the last one open
        # Typed in the command bar, the same question (a typed adjourn had closed the meeting).
        await pilot.press("colon")
        await type_text(pilot, "adjourn")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.question == "Close the meeting (adjourn)?"
        await pilot.press("y")
        await pilot.pause()
        assert meeting.state.phase == "adjourned"
        assert app.screen.query_one("#command", Input).value == ""


async def test_the_command_bar_points_at_the_refused_column_and_keeps_the_line_for_correction(tmp_path):
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "queue ke-1 zz-9")
        await pilot.press("enter")
        bar = app.screen.query_one("#command", Input)
        assert bar.content_region.x == 0  # so the caret's column is the command's
        assert shown(app, "#notice") == " " * 11 + "^ no member matches 'zz-9'"
        # The refused line stays, selected: what is typed next replaces it, never follows it.
        assert bar.value == "queue ke-1 zz-9" and bar.selected_text == "queue ke-1 zz-9"
        # ':' out of habit, as to open the bar, is not the command's first letter (a chair's
        # ":leave pe-1" was refused as an unknown command ':leave').
        await pilot.press("colon")
        assert bar.selected_text == "queue ke-1 zz-9"
        await type_text(pilot, "queue ke-1 bo-1")
        await pilot.press("enter")
        assert meeting.state.current_item.queue == ["ke-1", "bo-1"]
        # Accepted: the bar empties and the keys work again at once.
        assert bar.value == "" and not bar.has_focus
        await pilot.press("f")
        assert "Otieno Wafula-Achieng has the floor" in shown(app, "#timers")


async def test_the_command_bar_completes_verbs_and_keywords(tmp_path):
    app = app_for(in_session(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "prox")
        await pilot.pause()
        await pilot.press("tab")
        bar = app.screen.query_one("#command", Input)
        assert bar.value == "proxy"
        await type_text(pilot, " br-1 t")
        await pilot.pause()
        await pilot.press("tab")
        assert bar.value == "proxy br-1 to"
        # A name by any of its words, typed without its accents: Huamaní-Ccori, Béatrice.
        await type_text(pilot, " huama")
        await pilot.pause()
        await pilot.press("tab")
        assert bar.value == "proxy br-1 to Huamaní-Ccori"
        await pilot.press(*["backspace"] * len("Huamaní-Ccori"))
        await type_text(pilot, "bea")
        await pilot.pause()
        await pilot.press("tab")
        assert bar.value == "proxy br-1 to Béatrice"


async def test_help_lists_every_key_and_command(tmp_path):
    app = app_for(start(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(plain(w.content) for w in app.screen.query(Static))  # its grids, as drawn
        for key, words in (("r", "Attendance"), ("v", "Vote"), ("u", "Undo"), ("ctrl+p", "Command palette")):
            assert key in text and words in text
        for usage_line in (
            "proxy MEMBER to MEMBER",
            'move [to KIND] [#MOTION] ["TEXT"] by MEMBER [seconded MEMBER]',
            "vote YES NO",
        ):
            assert usage_line in text
        keys = [plain(row).split()[0] for row in app.screen.query_one("#help-keys", Static).content.columns[0].cells]
        assert len(keys) == len(set(keys)), keys  # a key the table gives two actions, once
        assert "Approve the minutes  (approve-minutes); Agreed  (agreed)" in text


async def test_the_palette_offers_every_verb_but_at_and_finds_them_by_their_words(tmp_path):
    from textual.command import CommandList, CommandPalette

    app = app_for(in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1"))  # consensus on it
    async with app.run_test(size=(120, 40)) as pilot:
        from meeting.tui.palette import VERBS_IN_PALETTE

        assert {v.name for v in VERBS_IN_PALETTE} == {v.name for v in GRAMMAR} - {"at"}
        for words, opens in (
            ("adjourn", ConfirmScreen),
            ("recess", CommandForm),
            ("consensus", ConsensusScreen),
            ("proxy", CommandForm),
        ):
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await type_text(pilot, words)
            await pilot.pause(0.4)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, opens), (words, app.screen)
            if isinstance(app.screen, CommandForm):
                assert app.screen.verb.name == words
            await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "stands aside")  # by what it does, not its word
        await pilot.pause(0.4)
        assert str(app.screen.query_one(CommandList).get_option_at_index(0).prompt).startswith("aside · ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommandForm) and app.screen.verb.name == "aside"


async def test_the_palette_lists_what_may_be_done_now_and_says_why_not_of_the_rest(tmp_path):
    """After adjournment the list before anything is typed has no 'adjourn', 'vote' or 'begin';
    searched for, 'adjourn' is still found, after what may be done, with the reason it is not
    taken now. It was offered, and refused only once chosen."""
    from textual.command import CommandList, CommandPalette

    meeting = in_session(tmp_path).run("adjourn")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.4)
        assert isinstance(app.screen, CommandPalette)
        listed = app.screen.query_one(CommandList)
        offered = {str(listed.get_option_at_index(n).prompt).split(" · ")[0] for n in range(listed.option_count)}
        assert {"note", "correct", "publish", "sitting"} <= offered and not offered & {"adjourn", "vote", "begin"}
        await type_text(pilot, "adjourn")
        await pilot.pause(0.4)
        found = [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]
        adjourn = next(text for text in found if text.startswith("adjourn · "))
        assert "✗ the meeting is adjourned" in adjourn


async def test_the_palette_finds_each_kind_of_motion_by_its_name(tmp_path):
    """ "amendment" found only `nominate`, and "appeal" the approval of minutes (found by a
    chair's run): each kind is found by its name and opens the move form on it."""
    from textual.command import CommandList, CommandPalette

    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "amendment")
        await pilot.pause(0.4)
        assert isinstance(app.screen, CommandPalette)
        listed = app.screen.query_one(CommandList)
        assert str(listed.get_option_at_index(0).prompt).startswith("move · amendment")
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MotionForm)
        assert app.screen.query_one("#field-kind", Picker).value == "amend"


def test_every_field_of_every_form_has_words():
    """A form labels each argument in words, never with its name in the grammar (the approval
    of minutes once showed "corrections", the conclusion of a consensus "outcome")."""
    from meeting.domain.language import args_of
    from meeting.tui.form import FIELD_WORDS, field_words

    for verb in GRAMMAR:
        for arg, _optional in args_of(verb.parts):
            words = field_words(verb.name, arg.name)
            assert words and words != arg.name, (verb.name, arg.name)
    assert field_words("correct", "by") == "Requested by" and FIELD_WORDS["by"] == "Nominated by"


async def test_a_form_built_from_the_grammar_sends_its_line_through_the_printer(tmp_path):
    meeting = in_session(tmp_path, item="focal-points")
    app = app_for(meeting)
    sent: list[str] = []
    async with sending(app, sent) as pilot:
        app.open_form("declare")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CommandForm)
        assert [label for label in (str(w.render()) for w in form.query(".field-label"))] == [
            "Member",
            "Text",
            "Agenda item (optional)",
        ]
        await type_text(pilot, "ouédraogo")  # accents and any part of the name
        await pilot.press("enter")
        form.query_one(FoldedText).insert('Chairs the "Sahel Gold" cooperative\n(named in the report)')
        await pilot.press("enter")
        await type_text(pilot, "article")
        await pilot.press("enter")
        await pilot.pause()
    assert sent[-1] == r'declare bf-1 "Chairs the \"Sahel Gold\" cooperative (named in the report)" on article-7'
    interest = meeting.state.interests[-1]
    assert (interest.member, interest.text, interest.item) == (
        "bf-1",
        'Chairs the "Sahel Gold" cooperative (named in the report)',
        "article-7",
    )


async def test_a_refused_form_keeps_its_fields_and_goes_to_the_field_at_fault(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:15])
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("clear")
        await pilot.pause()
        await type_text(pilot, "cd-2")  # no interest declared: nothing to clear
        await pilot.press("enter")
        await type_text(pilot, "A shared interest")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CommandForm)
        assert "cd-2" in shown(app, ".error")
        assert app.screen.query_one("#field-reason", FoldedText).value == "A shared interest"
        box = app.screen.query_one("#field-member", Picker).query_one(Input)
        assert app.focused is box
        # The refused name is selected: what the chair types replaces it. The cursor stayed
        # where the name ended, and "sl-1" landed inside it ("Fodsl-1ay Kamanda-Lewis").
        await type_text(pilot, "sl-1")
        assert box.value == "sl-1"


async def test_the_proxy_form_offers_only_who_may_carry_the_proxy_named(tmp_path):
    app = app_for(start(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("proxy")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CommandForm)
        offered = {c.value for c in form.query_one("#field-principal", Picker).choices}
        assert offered == set(ALL_SEATS)  # the seats: no secretary, observer or alternate
        await type_text(pilot, "br-1")
        await pilot.press("enter")
        picker = form.query_one("#field-holder", Picker)
        holders = {c.value for c in picker.choices if c.refused is None}
        latin_america = {seat for seat in ALL_SEATS if seat in LATIN_AMERICA}
        assert holders == latin_america - {"br-1"}  # the same region (the rules), not br-1 itself
        assert picker.query_one(OptionList).option_count == len(holders)  # listed before a letter is typed
        await type_text(pilot, "gh-1")  # another region's: said why not, never taken by Enter
        options = picker.query_one(OptionList)
        assert plain(options.get_option_at_index(0).prompt).rstrip().endswith("— from another region")
        assert options.get_option_at_index(0).disabled and options.highlighted is None
        await pilot.press("enter")
        assert picker.value is None and isinstance(app.screen, CommandForm)
        # Sent so, the form says why, not that nothing matches (a chair's proxy to another region).
        await pilot.press("ctrl+s")
        assert "may not be chosen: from another region" in shown(app, ".error")


async def test_the_move_form_greys_who_may_not_move_or_second_with_why(tmp_path):
    """An absent member, an observer, an alternate whose titular is here: listed once their
    letters are typed, greyed with the reason the engine would give, never taken by Enter."""
    absent = ALL_SEATS[15]
    meeting = in_session(tmp_path, present=ALL_SEATS[:15]).run("remote obs-1 gh-2")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CommandForm("move"))
        await pilot.pause()
        picker = app.screen.query_one("#field-mover", Picker)
        refused = {c.value: c.refused for c in picker.choices if c.refused is not None}
        assert refused[absent] == "not here" and refused["obs-1"] == "attends as an observer"
        assert refused["gh-2"] == "holds no voting seat"  # gh-1, whose alternate gh-2 is, is here
        assert {c.value for c in picker.choices if c.refused is None} == set(ALL_SEATS[:15])
        picker.focus()
        await type_text(pilot, absent)
        options = picker.query_one(OptionList)
        assert plain(options.get_option_at_index(0).prompt).rstrip().endswith("— not here")
        assert options.highlighted is None
        await pilot.press("enter")
        assert picker.value is None


async def test_a_name_that_begins_with_the_letters_is_never_passed_over_for_one_inside_a_word(tmp_path):
    """Ama Serwaa Boatemaa held a proxy already; "Ama" found only Foday Kamanda-Lewis, and
    Enter gave him the proxy (found by a chair's run): she is listed, greyed, with why not."""
    meeting = start(tmp_path).run("present gh-1 zw-1", "apologies sl-1 zm-1", "proxy sl-1 to gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CommandForm("proxy", {"principal": "zm-1"}))
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CommandForm)
        form.query_one("#field-holder", Picker).focus()
        await type_text(pilot, "Ama")
        options = form.query_one("#field-holder", Picker).query_one(OptionList)
        prompts = [plain(options.get_option_at_index(n).prompt).rstrip() for n in range(options.option_count)]
        assert prompts[0].startswith("Ama Serwaa Boatemaa") and prompts[0].endswith(
            "holds the most proxies the rules allow"
        )
        assert any(p.startswith("Foday Kamanda-Lewis") for p in prompts) and options.highlighted is None
        await pilot.press("enter")
        assert form.query_one("#field-holder", Picker).value is None
        assert "zm-1" not in meeting.state.proxies


async def test_the_move_form_offers_what_is_in_order_and_shows_an_amendments_change(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, MotionForm)
        kinds = form.query_one("#field-kind", Picker)
        assert kinds.value == "amend"  # a main motion is pending: an amendment comes first
        labels = [c.label for c in kinds.choices]
        assert labels.index("amendment") < labels.index("main motion  · not in order now")
        await pilot.press("enter")
        area = form.query_one("#field-text", FoldedText)
        assert area.has_focus and area.text == meeting.state.motions[1].text  # the text being amended
        area.select_all()
        area.replace(
            area.text.replace(
                "one focal point, a woman and a man in alternate years", "two focal points, a woman and a man"
            ),
            *area.selection,
        )
        await pilot.pause()
        diff = form.query_one("#amending", Static).render()
        struck = [str(diff)[s.start : s.end] for s in diff.spans if "strike" in str(s.style)]
        inserted = [str(diff)[s.start : s.end] for s in diff.spans if "green" in str(s.style)]
        assert str(diff).startswith("Amending: ")
        assert (struck, inserted) == (["one", "point", " in alternate years"], ["two", "points"])
        await pilot.press("enter")
        await type_text(pilot, "bo-1")
        await pilot.press("enter")
        await type_text(pilot, "pe-1")
        await pilot.press("enter")
        amendment = meeting.state.pending
        assert (amendment.kind, amendment.applies_to) == ("amend", 1)
        assert "two focal points" in amendment.text


async def test_at_80_by_24_the_question_before_the_meeting_is_in_sight(tmp_path):
    """A chair at 80×24 saw a motion cut after its first line, under the item's own lines."""
    meeting = in_session(tmp_path, item="focal-points")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#current-box")
        assert box.scroll_y == 0  # nothing pending: the item from its title
        await pilot.press(":")
        await type_text(pilot, "move by ke-1 seconded cm-1")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert box.scroll_y > 0
        # What the pane shows, from where it is scrolled: the motion's header and its words to the end.
        current = app.screen.query_one("#current")
        window = Region(0, int(box.scroll_y), current.size.width, box.scrollable_content_region.height)
        seen = " ".join("".join(segment.text for line in current.render_lines(window) for segment in line).split())
        assert "#1 main motion" in seen and "member associations" in seen


async def test_a_decided_question_is_not_offered_again_as_the_items_draft(tmp_path):
    """Once the item's motion was adopted, the pane showed its unamended draft again and the move
    form offered it, and the same question was adopted twice (a chair's run in tmux)."""
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        'move to amend "That each region designate two focal points." by bo-1 seconded ug-1',
        "vote 15 2 1",
        "consensus",
        "conclude",
        'move "That the regions report in June." by ke-1 seconded cm-1',
        "withdraw",
        "agreed",  # the request to withdraw it, granted
    )
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = shown(app, "#current")
        assert "Drafted motion" not in pane
        assert "#1 main motion — carried, as amended" in pane and "#3 main motion — withdrawn" in pane
        await pilot.press("m")
        assert app.screen.query_one("#field-text", FoldedText).text == ""


async def test_esc_keeps_a_forms_words_until_sent_and_only_for_the_same_question(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "enter")  # an amendment, from the text it amends
        area = app.screen.query_one("#field-text", FoldedText)
        area.load_text("That the council names two focal points")
        await pilot.press("enter")
        await type_text(pilot, "bo-1")
        await pilot.press("enter", "escape")  # a look at the main screen
        assert isinstance(app.screen, MainScreen)
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, MotionForm)
        # Offered, not put back: a chair who cancelled a motion and opened the form for another
        # moved the first one by typing a seconder into the fields it came back in.
        assert form.query_one("#field-text", FoldedText).text == meeting.state.motions[1].text
        assert form.query_one("#field-mover", Picker).value is None
        await pilot.pause()
        assert "ctrl+r puts back what you typed before Esc" in shown(app, ".error")
        await pilot.press("escape", "m")  # left alone: still on offer
        form = app.screen
        assert "ctrl+r puts back" in shown(app, ".error")
        await pilot.press("ctrl+r")
        assert form.query_one("#field-kind", Picker).value == "amend"
        assert form.query_one("#field-text", FoldedText).text == "That the council names two focal points"
        assert form.query_one("#field-mover", Picker).value == "bo-1"
        await pilot.pause()
        assert "What you typed before Esc is back" in shown(app, ".error") and form.query_one(".error").display
        # The focus where this form always starts (its kind), for the keys a chair types by habit.
        assert app.focused is form.query_one("#field-kind", Picker).query_one(Input)
        await pilot.press("escape", "m")  # Esc again on the draft as it came back: cleared
        assert app.screen.query_one("#field-text", FoldedText).text == meeting.state.motions[1].text
        assert not app.screen.query_one(".error").display
        await pilot.press("escape")
        await pilot.press("m", "enter")
        app.screen.query_one("#field-text", FoldedText).load_text("That the council names two focal points")
        await pilot.press("enter")
        await type_text(pilot, "bo-1")
        await pilot.press("enter")
        await type_text(pilot, "pe-1")
        await pilot.press("enter")
        assert meeting.state.pending.text == "That the council names two focal points"
        await pilot.press("m")  # sent: nothing kept, and the question is another now
        assert app.screen.query_one("#field-text", FoldedText).text == meeting.state.pending.text
        assert not shown(app, ".error")
        await pilot.press("escape")
        await pilot.press("v")  # counts typed for the amendment are not offered for another question
        change = app.screen.query_one(".motion-text", Label).render()
        assert any("strike" in str(span.style) for span in change.spans)  # the words it strikes out
        await type_text(pilot, "9")
        await pilot.press("escape")
        meeting.run("withdraw")
        await pilot.press("v")
        assert app.screen.query_one("#field-yes", Input).value == ""


async def test_a_point_of_order_and_the_rulings_result(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert not [key for key in footer_keys(app) if key.startswith("g ")]
        await pilot.press("m")
        await type_text(pilot, "point")
        await pilot.press("enter")
        # The motion it says is out of order, if any, first: left empty, it names none.
        assert app.focused is app.screen.query_one("#field-target", Picker).query_one(Input)
        await pilot.press("enter")
        app.screen.query_one(FoldedText).insert("Not germane")
        # Raised by a member, and nobody seconds it: the form asks for no seconder.
        assert shown(app, "#label-mover") == "Raised by" and not app.screen.query_one("#field-seconder").display
        await pilot.press("enter")
        await type_text(pilot, "cd-2")
        await pilot.press("enter")  # the last field shown: the form sends
        assert meeting.state.pending.kind == "point_of_order" and meeting.state.pending.applies_to is None
        assert "waiting for the chair's ruling (g)" in shown(app, "#current")
        assert "g Rule on the point" in footer_keys(app)  # offered while a point waits, not before
        await pilot.press("g")
        await type_text(pilot, "not")
        await pilot.press("enter")  # the ruling, then its reason
        app.screen.query_one(FoldedText).insert("Who confirms is part of how")
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        assert "POINT OF ORDER NOT WELL TAKEN" in all_text(app)
        assert "Reason: “Who confirms is part of how”" in all_text(app)  # the members hear why


async def test_a_question_of_privilege_is_shown_admitted_not_as_a_point_of_order_well_taken(tmp_path):
    """The result of the chair's ruling on a question of privilege read "POINT OF ORDER WELL
    TAKEN"; RONR §19 has the chair admit it or not (found by a parliamentarian)."""
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", 'move to privilege "That the meeting go into closed session" by br-1'
    )
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "rule well-taken")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert "QUESTION OF PRIVILEGE ADMITTED" in all_text(app) and "POINT OF ORDER" not in all_text(app)


async def test_tab_goes_from_field_to_field_and_nowhere_else(tmp_path):
    """Tab, Tab, Tab, 7 in the vote form: the 7 was lost on the form's scrolling frame, a Tab
    stop of its own (found by a chair's run)."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == ["field-no", "field-abstain", "field-yes", "field-no"]


async def test_letters_typed_in_a_picker_are_kept_with_the_draft(tmp_path):
    """Esc after typing a mover's letters, not yet taken with Enter, kept nothing of them, and
    counted a draft put back as unchanged (found by a chair's run)."""
    meeting = in_session(tmp_path, item="focal-points")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, MotionForm)
        form.query_one("#field-mover", Picker).focus()
        await type_text(pilot, "Otien")
        await pilot.press("escape", "m", "ctrl+r")
        await pilot.pause()
        mover = app.screen.query_one("#field-mover", Picker)
        assert mover.query_one(Input).value == "Otien" and mover.value is None


async def test_in_the_roll_call_grid_a_principal_who_arrives_answers_for_the_seat(tmp_path):
    here = [seat for seat in ALL_SEATS if seat != "br-1"]
    meeting = start(tmp_path).run("present " + " ".join(here), "proxy br-1 to pe-1", "begin", "open article-7")
    meeting.run("move by zm-1 seconded bf-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, PollScreen)
        meeting.run("remote br-1")  # comes in while the roll is called
        roster = app.screen.query_one(RosterList)
        roster.cursor = next(n for n, row in enumerate(roster.rows) if row.member == "br-1")
        await pilot.press("y")
        poll = meeting.state.pending.poll
        assert poll is not None and poll.choices["br-1"][0].voter == "br-1"  # not the holder
        row = next(row for row in roster.rows if row.member == "br-1")
        assert row.cells[2] == ""  # no longer "cast by" the proxy holder


async def test_a_principal_who_arrives_during_a_roll_call_is_shown_answering_for_the_seat(tmp_path):
    """Josefa gave her proxy to Marisol and arrived while the roll was called: the grid, the
    list of who has not answered and the attendance list name her, as the engine records her
    answer (council.md: a principal who arrives takes the vote back). They named Marisol."""
    here = [seat for seat in ALL_SEATS if seat != "br-1"]
    meeting = start(tmp_path).run("present " + " ".join(here), "proxy br-1 to hn-1", "begin", "open article-7")
    others = [seat for seat in here if seat not in LATIN_AMERICA]
    meeting.run("move by zm-1 seconded bf-1", "roll-call", "yes " + " ".join(others))
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "y", "space", "y")  # Marisol's own seat; Josefa's skipped; Wilmer's
        await pilot.press("escape", "r", "slash", *"Josefa", "enter", "p")
        assert "seat (proxy to Marisol Cáceres-Lagos unused while attending)" in shown(app, "#roll-detail")
        await pilot.press("escape", "l")
        assert isinstance(app.screen, PollScreen)
        roster = app.screen.query_one(RosterList)
        row = next(row for row in roster.rows if row.member == "br-1")
        assert row.cells[1] == "·" and row.cells[2] == ""  # not "Marisol Cáceres-Lagos (proxy holder)"
        waiting = shown(app, "#poll-count")
        assert "Not answered (3): Yolanda Huamaní-Ccori, Rubén Mamani-Choque, Josefa dos Santos-Arruda" in waiting
        roster.cursor = next(n for n, row in enumerate(roster.rows) if row.member == "br-1")
        await pilot.press("y")
        poll = meeting.state.pending.poll
        assert poll is not None and poll.choices["br-1"][0] == ev.Voter(seat="br-1", voter="br-1", via="titular")


async def test_a_member_who_arrives_during_a_roll_call_has_a_row_to_answer_from(tmp_path):
    """Nobody could vote for Josefa's seat when the roll was called; she arrives and may answer
    (RONR §45, the engine takes it): the grid gives her a row, where `y` records her answer.
    Only the command bar could take it."""
    here = [seat for seat in ALL_SEATS if seat != "br-1"]
    meeting = start(tmp_path).run("present " + " ".join(here), "begin", "open article-7")
    meeting.run("move by zm-1 seconded bf-1", "roll-call", "present br-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        roster = app.screen.query_one(RosterList)
        roster.cursor = next(n for n, row in enumerate(roster.rows) if row.member == "br-1")
        await pilot.press("n")
        await pilot.pause()
    poll = meeting.state.pending.poll
    assert poll is not None and poll.choices["br-1"] == (ev.Voter(seat="br-1", voter="br-1", via="titular"), "no")
    assert len(poll.entitled) == 21


async def test_a_titular_who_comes_back_during_a_roll_call_is_shown_answering_for_the_seat(tmp_path):
    """Ama left and her alternate Kwabena sat for her when the roll call opened; she came back:
    the grid and the list of who has not answered name her, not Kwabena."""
    meeting = in_session(tmp_path, item="article-7").run("remote gh-2", "leave gh-1", "move by zm-1 seconded bf-1")
    meeting.run("roll-call", "yes " + " ".join(seat for seat in ALL_SEATS if seat not in ("gh-1", "sl-1")))
    meeting.run("back gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        row = next(row for row in app.screen.query_one(RosterList).rows if row.member == "gh-1")
        assert row.cells[2] == ""  # not "Kwabena Owusu-Ansah (alternate)"
        assert "Not answered (2): Ama Serwaa Boatemaa, " in shown(app, "#poll-count")
        await pilot.press("y")
        poll = meeting.state.pending.poll
        assert poll is not None and poll.choices["gh-1"][0] == ev.Voter(seat="gh-1", voter="gh-1", via="titular")


async def test_a_roll_call_vote_in_about_one_key_per_seat(tmp_path):
    meeting = in_session(tmp_path, item="article-7").run("remote gh-2", "leave gh-1", "move by zm-1 seconded bf-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, PollScreen)
        poll = meeting.state.pending.poll
        assert poll is not None and len(poll.entitled) == 21
        assert "0 in favour, 0 against, 0 abstentions · 14 yes to carry if the rest vote" in shown(app, "#poll-count")
        assert "Kwabena Owusu-Ansah (alternate)" in str(app.screen.query_one(RosterList).rows[1].cells)
        await pilot.press(*"yyyyynyyyyayyynyyyy")  # 19 seats, each one key; the cursor moves on itself
        count = shown(app, "#poll-count")
        # 14 yes of all 21 seats carry it: the two left cannot change it (it said "14 yes to carry").
        assert "16 in favour, 2 against, 1 abstention · the rest cannot change it: carried when closed" in count
        assert (
            "Not answered (2): Rowena" not in count
            and "Not answered (2): Khamphone Sisavath-Vong, Kila Wamanga-Poro" in count
        )
        await pilot.press("space", "n")  # skip la-1; pg-1 no, and the cursor comes back round to la-1
        assert "Not answered (1): Khamphone Sisavath-Vong" in shown(app, "#poll-count")
        await pilot.press("y")
        assert "17 in favour, 3 against, 1 abstention · all have answered: carried when closed" in shown(
            app, "#poll-count"
        )
        await pilot.press("c")
        assert isinstance(app.screen, ResultScreen)
        assert "17 in favour, 3 against, 1 abstention" in all_text(
            app
        ) and "two-thirds of all 21 voting seats" in all_text(app)
        assert meeting.state.motions[1].status == "carried"


async def test_a_key_pressed_wrong_on_the_roll_call_is_mended_on_its_row(tmp_path):
    """Up to the row, and the right key: the member changes the answer (RONR §45:8). It was
    refused ("has already voted"), and only undoing every answer since mended it."""
    meeting = in_session(tmp_path, item="article-7").run("move by zm-1 seconded bf-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "y", "a", "y")
        assert "2 in favour, 0 against, 1 abstention" in shown(app, "#poll-count")
        await pilot.press("up", "up", "y")
        await pilot.pause()
        assert "3 in favour, 0 against, 0 abstentions" in shown(app, "#poll-count")
        assert "already voted" not in all_text(app)


async def test_a_roll_call_says_for_whom_a_member_is_still_to_answer(tmp_path):
    """An alternate (or a proxy holder) still to answer for a seat not their own is named with
    the seat's member: the chair calls on the right person for the right vote."""
    meeting = in_session(tmp_path, item="article-7").run("remote gh-2", "leave gh-1", "move by zm-1 seconded bf-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "space", *"y" * 20)  # every seat but the first, Kwabena's for Ama
        assert "Not answered (1): Kwabena Owusu-Ansah for Ama Serwaa Boatemaa" in shown(app, "#poll-count")


async def test_keys_typed_in_a_burst_each_reach_what_they_were_typed_for(tmp_path):
    """Keys that arrive together (typed fast, or over a slow link) are taken in turn: the vote
    key, the counts and the Enters sent as one burst open the form, fill Yes, No and Abstain
    and send the vote. Before, the counts typed after an Enter went into the field it left."""
    from textual import events

    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("v", "1", "4", "enter", "3", "enter", "2", "enter"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, ResultScreen):
                break
        assert isinstance(app.screen, ResultScreen)
        counted = meeting.session.recorded[-1].event
        outcome = counted.outcome  # type: ignore[union-attr]
        assert (outcome.yes, outcome.no, outcome.abstain) == (14, 3, 2)


async def test_a_count_not_in_order_is_refused_when_asked_for_not_after_the_figures(tmp_path):
    """Where the rules seek consensus first, 'v' says so at once instead of opening a form whose
    figures would then be refused."""
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, MainScreen)
        assert "seek consensus first" in shown(app, "#notice")
        await pilot.press("l")  # nor an empty roll call
        assert isinstance(app.screen, MainScreen) and meeting.state.pending.poll is None
        assert "seek consensus first" in shown(app, "#notice")
        meeting.run("consensus", "conclude not-reached")
        await pilot.press("v")
        assert isinstance(app.screen, VoteForm)


async def test_a_division_opens_the_roll_call_grid(tmp_path):
    """A member demands a division on a show of hands: the roll call the engine opens is on
    screen, ready for answers, without looking for its key."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "division bo-1")
        await pilot.press("enter")
        assert isinstance(app.screen, PollScreen)
        await pilot.press("y")
        assert len(meeting.state.motions[1].poll.choices) == 1  # type: ignore[union-attr]


async def test_closing_a_roll_call_with_seats_not_answered_asks_first(tmp_path):
    """A seat not answered is recorded as not voting: 'c' with some left names them and asks;
    'n' goes back to the roll call, 'y' closes it."""
    from meeting.tui.confirm import ConfirmScreen

    meeting = in_session(tmp_path, item="article-7").run("remote gh-2", "leave gh-1", "move by zm-1 seconded bf-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", *"y" * 19, "c")
        assert isinstance(app.screen, ConfirmScreen)
        question = all_text(app)
        assert "2 seats have not answered; they are recorded as not voting" in question
        assert "Khamphone Sisavath-Vong, Kila Wamanga-Poro" in question
        await pilot.press("n")
        assert isinstance(app.screen, PollScreen) and meeting.state.motions[1].status == "pending"
        await pilot.press("c", "y")  # the grid's Yes: not an answer to "close?"
        assert isinstance(app.screen, ConfirmScreen) and meeting.state.motions[1].status == "pending"
        assert "c again or Enter: close" in all_text(app)
        await pilot.press("c")
        assert isinstance(app.screen, ResultScreen)
        assert meeting.state.motions[1].status == "carried"
        closed = meeting.session.recorded[-1].event
        assert [voter.seat for voter in closed.silent] == ["la-1", "pg-1"]  # type: ignore[union-attr]


async def test_a_ballots_form_holds_totals_only(tmp_path):
    meeting = in_session(tmp_path, item="rapporteur").run(
        'move "That Mutale Chibwe-Nkonde be elected rapporteur." by ke-1 seconded pg-1', "ballot"
    )
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        form = app.screen
        assert isinstance(form, VoteForm) and form.ballot
        fields = [w.id for w in form.query("Input, TextArea, OptionList")]
        assert fields == ["field-yes", "field-no", "field-abstain", "field-blank"]  # no member anywhere
        await pilot.press("1", "2", "enter", "3", "enter", "2", "enter", "1", "enter")
        assert isinstance(app.screen, ResultScreen)
        assert "12 in favour, 3 against, 2 abstentions, 1 blank ballot" in all_text(app)


async def test_consensus_with_no_motion_pending_is_refused_on_the_main_screen(tmp_path):
    """'c' with no motion pending opened an empty consensus screen whose keys still worked (a
    block's form was refused only when sent): it is refused at once, as 'v' and 'l' are."""
    meeting = in_session(tmp_path, item="focal-points")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, MainScreen)
        assert "✗ no motion is pending" in shown(app, "#notice")
        meeting.run("move by ke-1 seconded cm-1")
        await pilot.press("c")
        assert isinstance(app.screen, ConsensusScreen) and meeting.state.pending.consensus is not None


async def test_consensus_from_one_screen_then_what_happens_next(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ConsensusScreen)
        assert meeting.state.pending.consensus is not None  # called when the screen opened
        await pilot.press("b")
        await type_text(pilot, "bo-1")
        await pilot.press("enter")
        app.screen.query_one(FoldedText).insert("Regions must choose freely")
        await pilot.press("enter")
        assert isinstance(app.screen, ConsensusScreen)
        blocks = plain(app.screen.query_one("#consensus-round", Static).content, width=76)
        assert "  Rubén Mamani-Choque: “Regions must choose freely”" in blocks  # under its heading
        await pilot.press("s")
        await type_text(pilot, "pe-1")
        await pilot.press("enter")
        # A block heard from the wrong member is taken back here ('u' did nothing: a chair).
        await pilot.press("s")
        await type_text(pilot, "co-1")
        await pilot.press("enter")
        assert meeting.state.pending.consensus.asides == ["pe-1", "co-1"]
        await pilot.press("u", "u")  # 'u' again: the consensus's own keys never answer the question
        await pilot.pause()
        assert isinstance(app.screen, ConsensusScreen)
        assert meeting.state.pending.consensus.asides == ["pe-1"]
        assert "Wilmer Restrepo-Quiñones" not in plain(app.screen.query_one("#consensus-round", Static).content)
        await pilot.press("c")
        assert isinstance(app.screen, ResultScreen)
        text = all_text(app)
        assert "NO CONSENSUS: THE QUESTION GOES TO A VOTE" in text
        assert "Blocked by Rubén Mamani-Choque: “Regions must choose freely”" in text
        assert "Stood aside: Yolanda Huamaní-Ccori" in text
        assert "Next: a vote — two-thirds of votes cast" in text


def _agenda_moved_under(tmp_path, old: str, new: str):
    """The demo meeting with its council's rules changed (`old` to `new`), everyone present and
    the agenda's adoption moved."""
    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace(old, new)
    meeting = start(tmp_path, files={"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")})
    return meeting.run("present " + " ".join(ALL_SEATS), "begin", "open agenda", "move by ke-1 seconded gh-1")


async def test_a_tie_asks_for_the_chairs_casting_vote_when_the_rules_give_one(tmp_path):
    procedural = 'more_than = "1/2"\nof = "votes_cast"\ntie = '
    meeting = _agenda_moved_under(tmp_path, procedural + '"fails"', procedural + '"casting_vote"')
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "1", "0", "enter", "1", "0", "enter", "enter")
        assert isinstance(app.screen, ResultScreen)
        assert "TIED" in all_text(app) and "the chair's casting vote — y: yes · n: no" in all_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert meeting.state.motions[1].outcome.tie_broken_by == "casting_vote"
        assert isinstance(app.screen, ResultScreen) and "CARRIED" in all_text(app)


async def test_a_chair_who_votes_only_to_decide_is_asked_for_that_vote(tmp_path):
    """10 to 9 under `chair_votes = "when_decisive"`: the chair's no would tie and lose it. The
    result screen said "TIED" and "Enter: continue", and the chair had to know to type 'cast'."""
    meeting = _agenda_moved_under(tmp_path, 'chair_votes = "always"', 'chair_votes = "when_decisive"')
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "1", "0", "enter", "9", "enter", "1", "enter")
        assert isinstance(app.screen, ResultScreen)
        text = all_text(app)
        assert "UNDECIDED" in text and "TIED" not in text
        assert "The chair's vote would decide it — y: yes · n: no · x: none" in text
        await pilot.press("n")
        await pilot.pause()
        outcome = meeting.state.motions[1].outcome
        assert (outcome.result, outcome.tie_broken_by, outcome.no) == ("lost", "chair", 10)
        assert isinstance(app.screen, ResultScreen) and "LOST" in all_text(app)


async def test_a_tie_the_rules_break_by_lots_offers_the_draw(tmp_path):
    procedural = 'more_than = "1/2"\nof = "votes_cast"\ntie = '
    meeting = _agenda_moved_under(tmp_path, procedural + '"fails"', procedural + '"lots"')
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "9", "enter", "9", "enter", "3", "enter")
        assert "the rules decide it by lots — l: draw lots" in all_text(app)
        await pilot.press("y")  # no casting vote under these rules: nothing happens
        assert meeting.state.motions[1].outcome.awaiting == "lots"
        await pilot.press("l")
        await pilot.pause()
        outcome = meeting.state.motions[1].outcome
        assert outcome.tie_broken_by == "lots"
        assert isinstance(app.screen, ResultScreen) and outcome.result.upper() in all_text(app)


class Watch:
    """The app's clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.time = now

    def now(self) -> datetime:
        return self.time


async def test_the_speakers_countdown_and_the_recess_tick_every_second(tmp_path):
    meeting = in_session(tmp_path).run("queue ke-1", "floor")
    watch = Watch(meeting.state.clock + timedelta(seconds=10))
    app = app_for(meeting, watch)
    async with app.run_test(size=SIZE) as pilot:
        assert "Otieno Wafula-Achieng has the floor: 2:50 left" in shown(app, "#timers")
        watch.time += timedelta(seconds=1)
        await pilot.pause(1.2)
        assert "2:49 left" in shown(app, "#timers")
        watch.time += timedelta(seconds=200)
        await pilot.pause(1.2)
        assert "0:31 over time" in shown(app, "#timers")
        await pilot.press("e", "1", "5", "enter")
        assert meeting.state.phase == "in_recess"
        watch.time = meeting.state.clock + timedelta(minutes=3)
        await pilot.pause(1.2)
        assert "In recess: back at 12:15, in 12 minutes" in shown(app, "#timers")


async def test_y_ends_the_speech_and_its_countdown(tmp_path):
    meeting = in_session(tmp_path).run("queue ke-1")
    app = app_for(meeting, Watch(meeting.state.clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert "Otieno Wafula-Achieng has the floor: 3:00 left" in shown(app, "#timers")
        await pilot.press("y")
        assert type(meeting.session.recorded[-1].event) is ev.FloorYielded
        assert "has the floor" not in shown(app, "#timers")
        await pilot.press("y")  # nobody has it now: refused, and said so
        await pilot.pause()
        assert "nobody has the floor" in shown(app, "#notice")


async def test_the_footer_follows_the_phase(tmp_path):
    meeting = start(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=(120, 24)) as pilot:

        def offered() -> set[str]:
            return {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}

        assert "run('begin')" in offered() and "run('next')" not in offered()
        meeting.run("present " + " ".join(ALL_SEATS), "begin")
        app.main.redraw()
        await pilot.pause()
        assert "run('begin')" not in offered() and "run('next')" in offered()
        assert "undo" in offered()
        meeting.run("adjourn")
        app.main.redraw()
        await pilot.pause()
        # Nothing is undone once adjourned: no Undo offered, rather than a question and then "no".
        assert not {"run('begin')", "run('next')", "move", "vote", "undo"} & offered()
        assert not any(b.binding.show and "undo" in b.binding.action for b in app.screen.active_bindings.values())
        await pilot.press("u")  # yet the key says why, as the palette's Undo does (it said nothing)
        assert isinstance(app.screen, MainScreen)
        assert "✗ the meeting is adjourned: nothing is taken back after it" in shown(app, "#notice")


async def test_the_item_pane_shows_what_the_agenda_prepared(tmp_path):
    meeting = in_session(tmp_path, item="article-7")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)):
        current = shown(app, "#current")
        assert "7. Constitutional amendment: Article 7, membership of associations of women miners" in current
        assert "0 of 35 min used · roll call" in current
        assert "Drafted motion: “That Article 7 be amended" in current
        assert "(notice given Wednesday, 4 November 2026)" in current
        assert "Presented by Mutale Chibwe-Nkonde" in current
        assert "Document: Notice of amendment to Article 7, circulated 4 November 2026" in current
        # Titles are never cut: two items can't read alike.
        lines = [
            "".join(s.text for s in line)
            for item in app.screen.query("#agenda .item")
            for line in item.render_lines(item.region.reset_offset)
        ]
        assert "amendment: Article 7, membership of associations of women miners" in " ".join(" ".join(lines).split())


async def test_the_attendance_of_a_thousand_delegates_is_filtered_by_name(tmp_path):
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
        await pilot.press("enter", "p")
        matching = [m for m in meeting.state.meeting.council.members if meeting.state.status(m.id) == "present"]
        assert len(matching) == 1 and target.name.split()[-1] in matching[0].name


def test_roster_columns_are_counted_in_terminal_cells():
    """A name's combining accents take no cell and a wide letter two: the columns after it stay
    in line. A cell too long for its column, or the last one for the line, ends in "…"."""
    from rich.cells import cell_len

    from meeting.tui.roster import Row, row_text

    names = ["Chiara Ngozi Adébáyọ̀", "Kwabena Owusu-Ansah", "山田 花子"]
    lines = [row_text(Row("x", ("id", name, "absent", "seat")), (0, 25, 8)).plain for name in names]
    assert [cell_len(line[: line.index("absent")]) for line in lines] == [26, 26, 26]
    cut = row_text(Row("x", ("id", "Luz Dary Mosquera-Palacios", "connection dropped", "seat")), (0, 12, 8))
    assert cut.plain == " Luz Dary M… connec… seat"
    last = row_text(Row("x", ("id", "Kwabena", "present", "alternate for Ama Serwaa Boatemaa")), (0, 9, 9), room=30)
    assert last.plain == " Kwabena  present  alternate… " and cell_len(last.plain) == 30
    assert row_text(Row("x", ("id", "Kwabena", "present", "seat")), (0, 9, 9), room=30).plain.endswith(" seat")


async def test_the_attendance_list_cuts_nothing_at_80_columns(tmp_path):
    """At 80x24 each row is shown whole: the columns as wide as their words, the local times
    left to the line under the list when the seats' words need the room. A longer word later
    ("connection dropped") widens its column; the longest seat words may then be cut, ending in
    "…", and the line under the list says the row whole."""
    from meeting.tui.roster import row_text

    meeting = start(tmp_path).run("remote zm-1")
    app = app_for(meeting)

    def cut(roster: RosterList) -> list[str]:  # the columns before the seat's
        shown = [(row, row_text(row, roster.widths).plain) for row in roster.rows if row.member]
        return [
            cell
            for row, text in shown
            for cell, w in zip(row.cells, roster.widths, strict=False)
            if w and cell not in text
        ]

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        roster = app.screen.query_one(RosterList)
        assert any("alternate for Aminata Ouédraogo-Kaboré" in row.cells for row in roster.rows)
        assert (
            cut(roster) == []
            and max(len(row_text(row, roster.widths).plain.rstrip()) for row in roster.rows)
            <= roster.scrollable_content_region.width
        )
        assert "12:00–14:30" in shown(app, "#roll-detail")  # the local time, under the list
        await pilot.press("slash", *"zm-1", "enter", "d")
        await pilot.pause()
        assert meeting.state.status("zm-1") == "dropped"
        assert cut(roster) == []
        await pilot.press("slash", "ctrl+u", "enter")  # the whole list again
        await pilot.pause()
        room = roster.scrollable_content_region.width
        texts = [row_text(row, roster.widths, room).plain for row in roster.rows]
        assert any(text.endswith("alternate for Aminata Ouédraog…") for text in texts)
        assert cut(roster) == []  # the names as wide as the whole roster's, not the one filtered
        await pilot.resize_terminal(120, 40)  # a wider window: the id and local time come back
        await pilot.pause()
        assert roster.widths[0] > 0 and roster.widths[3] > 0
        await pilot.press("slash")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert roster.widths[0] == 0 and cut(roster) == []
        assert app.focused is app.screen.query_one("#roll-filter")  # a resize leaves the focus be


async def test_names_are_found_without_their_accents(tmp_path):
    """Typed on any keyboard: "oued" finds Ouédraogo in a form's picker, "soren" finds Søren
    in the roll call's filter, as the command language finds them."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert await picked_from(pilot, "declare", "member", "oued") == ["bf-1"]
        await pilot.press("escape", "r", "slash", *"soren")
        roster = app.screen.query_one(RosterList)
        assert [row.member for row in roster.rows if row.member] == ["obs-1"]


async def test_a_picker_lists_first_the_names_a_word_of_which_begins_as_typed(tmp_path):
    """ "res" is Wilmer Restrepo-Quiñones before Marisol Cáceres-Lagos, though she comes first
    in the council's order: Enter takes the member the chair began to type."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert await picked_from(pilot, "queue", "members", "res") == ["co-1", "hn-1"]


async def test_a_picker_ranks_by_id_name_and_country_not_the_words_beside_them(tmp_path):
    """ "pe" listed everyone attending in person (the label's "in person") before pe-1."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert (await picked_from(pilot, "queue", "members", "pe"))[0] == "pe-1"


async def picked_from(pilot, verb: str, field: str, typed: str) -> list[str]:
    """What the picker of a verb's form lists, in order, once `typed` is typed in it."""
    app = pilot.app
    app.open_form(verb)
    await pilot.pause()
    await type_text(pilot, typed)
    return offered(app.screen.query_one(f"#field-{field}", Picker))


async def test_names_with_accents_are_intact_on_screen(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by bf-1 seconded co-1")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)):
        assert "Aminata Ouédraogo-Kaboré / Wilmer Restrepo-Quiñones" in shown(app, "#current")


async def test_the_log_keeps_the_last_events_in_words(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1", "undo")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)):
        log = shown(app, "#log")
        assert "motion #1 (main motion) moved by Otieno Wafula-Achieng" in log
        assert "result of motion #1: 16 in favour, 1 against" in log and "undo" in log


async def test_the_newest_event_stays_in_sight_when_the_log_overflows(tmp_path):
    """The log pane keeps scrolled to its end: at 120x40 its four events take more lines than
    it has (a long note wraps), and the oldest lines give way, never the newest event."""
    note = "The working group will take the members' comments into version 4 of the draft constitution."
    meeting = in_session(tmp_path).run(f'note "{note}"', f'note "{note}"', "move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#log-box")
        assert box.max_scroll_y > 0 and box.scroll_y == box.max_scroll_y
        assert shown(app, "#log").endswith("motion #1 (main motion) moved by Otieno Wafula-Achieng")
        meeting.run("vote 16 1 1")
        app.screen.redraw()
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        assert shown(app, "#log").splitlines()[-1].startswith("12:00 result of motion #1: 16 in favour")


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
                await pilot.press("m", *"ke-1", "enter", *"gh-1", "enter")
                await pilot.press("v", "1", "5", "enter", "2", "enter", "1", "enter")
                print("acknowledged", meeting.state.motions[1].status, flush=True)
                os.kill(os.getpid(), signal.SIGKILL)

        asyncio.run(main())
        """
    )
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
        assert isinstance(app.screen, MainScreen)
        assert "#1 main motion — carried" in shown(app, "#current")  # decided: nothing pending
        assert session.state.motions[1].outcome.yes == 15
    session.close()


@pytest.mark.parametrize("asked", [True, False])
async def test_a_console_stopped_during_a_roll_call_comes_back_on_its_grid(tmp_path, asked):
    """Asked whether to resume (r), or started with --resume: the chair goes on taking answers."""
    meeting = in_session(tmp_path, item="article-7").run("move by bf-1 seconded zw-1", "roll-call", "yes gh-1")
    app = build_app(meeting.session, meeting.session.clock, journal_exists=asked)
    async with app.run_test(size=SIZE) as pilot:
        if asked:
            assert isinstance(app.screen, ResumeScreen)
            await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PollScreen)
        await pilot.press("y")  # the grid's keys work at once: the next seat answers
        assert len(meeting.state.pending.poll.choices) == 2


async def test_a_console_stopped_during_an_election_ballot_comes_back_on_the_election(tmp_path):
    """Resumed mid-ballot, the console opened on the main screen, where nothing said a ballot
    was out (found by a chair): it opens on the election's screen, the tellers' report awaited."""
    from meeting.tui.election import ElectionScreen

    meeting = in_session(tmp_path, item="rapporteur").run(
        "nominate zm-1 by ke-1 seconded gh-1", "nominate pe-1 by co-1 seconded bo-1", "close-nominations", "round"
    )
    app = build_app(meeting.session, meeting.session.clock, journal_exists=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ElectionScreen)


async def test_a_console_resumed_on_a_new_sitting_or_after_the_roll_call_opens_on_the_main_screen(tmp_path):
    meeting = in_session(tmp_path, item="article-7").run("move by bf-1 seconded zw-1", "roll-call")
    async with build_app(meeting.session, meeting.session.clock, journal_exists=True).run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
    closed = in_session(tmp_path / "closed", item="article-7")
    closed.run("move by bf-1 seconded zw-1", "roll-call", "yes " + " ".join(ALL_SEATS[:14]), "close")
    async with app_for(closed).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
    # Closed on a tie the chair breaks with a casting vote: `cast`, from the main screen.
    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace(
        'of = "votes_cast"\ntie = "fails"', 'of = "votes_cast"\ntie = "casting_vote"'
    )
    files = {"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")}
    (tmp_path / "tied").mkdir()
    tied = start(tmp_path / "tied", files=files).run("present " + " ".join(ALL_SEATS), "begin", "open agenda")
    voters = [seat for seat in ALL_SEATS if seat != "tz-1"]  # the chair votes only to break the tie
    tied.run("move by ke-1 seconded gh-1", "roll-call", "yes " + " ".join(voters[:10]), "no " + " ".join(voters[10:]))
    tied.run("close")
    assert tied.state.pending.outcome.awaiting == "casting_vote"
    async with app_for(tied).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)


async def test_the_palette_finds_a_verb_by_its_summary_in_the_chairs_language(tmp_path):
    """A French chair searching "suspendre" finds `recess` by its summary, translated."""
    from textual.command import CommandPalette

    from meeting.i18n import language

    with language("fr"):
        app = app_for(in_session(tmp_path))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await type_text(pilot, "suspendre la séance")
            await pilot.pause(0.4)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CommandForm) and app.screen.verb.name == "recess"
            assert "Suspendre la séance pour une pause" in all_text(app)


async def test_the_palette_finds_verbs_accents_aside_and_puts_their_names_first(tmp_path):
    """A French chair's searches (found in tmux): "déclar" did not find declare, "récuse" did not
    find recuse, and "secr" put "Présences (r)" above secretary; in session the list before
    anything is typed began with 'begin', refused once chosen."""
    from textual.command import CommandList, CommandPalette

    from meeting.i18n import language

    with language("fr"):
        app = app_for(in_session(tmp_path))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause(0.4)
            assert isinstance(app.screen, CommandPalette)
            listed = app.screen.query_one(CommandList)

            def found() -> list[str]:
                return [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]

            assert not [text for text in found() if text.startswith(("begin · ", "resume · "))]
            for typed, first in (("déclar", "declare · "), ("récuse", "recuse · "), ("secr", "secretary · ")):
                await type_text(pilot, typed)
                await pilot.pause(0.4)
                assert found()[0].startswith(first), (typed, found()[:3])
                await pilot.press(*["backspace"] * len(typed))


def test_the_header_names_the_council_once(tmp_path):
    """At 80 columns the header had room for "IC-ASM · IC-ASM …" and none of the meeting's name."""
    from meeting.tui.panels import header_text

    noon = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
    (tmp_path / "demo").mkdir()
    demo = start(tmp_path / "demo").state
    assert str(header_text(demo, noon)).endswith(" · IC-ASM Council Meeting, December 2026")
    assert "IC-ASM · IC-ASM" not in str(header_text(demo, noon))
    agenda = DEMO_AGENDA.read_text(encoding="utf-8").replace(
        'title = "IC-ASM Council Meeting, December 2026"', 'title = "Extraordinary session on the floods"', 1
    )
    files = {"council.toml": DEMO_COUNCIL.read_text(encoding="utf-8"), DEMO_AGENDA.name: agenda}
    other = start(tmp_path, files=files).state
    assert str(header_text(other, noon)).endswith(" · IC-ASM · Extraordinary session on the floods")


def footer_keys(app: MeetingApp) -> list[str]:
    """The keys the footer shows, as drawn: "c Funga kura"."""
    from textual.widgets._footer import FooterKey

    return [f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey) if key.region]


async def test_a_footer_too_narrow_for_its_keys_offers_the_help_with_every_key_of_the_screen(tmp_path):
    """The roll call in French at 80 columns: the footer leaves keys out whole, and its last
    key, "? More keys", opens the help with the keys of that screen first."""
    from meeting.i18n import language

    meeting = in_session(tmp_path, item="article-7").run("move by zm-1 seconded bf-1", "roll-call")
    with language("fr"):
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("l")
            assert isinstance(app.screen, PollScreen)
            footer = footer_keys(app)
            assert "c Clore le vote" in footer  # closing the vote before skipping one
            assert "space Passer" not in footer and footer[-1] == "? Autres touches"
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            keys = plain(app.screen.query_one("#screen-keys", Static).content)
            for key, words in (("y", "Oui"), ("c", "Clore le vote"), ("space", "Passer"), ("esc", "Retour")):
                assert f"{key}  {words}" in keys
            assert "Touches de cet écran" in all_text(app)
            await pilot.press("question_mark")
            assert isinstance(app.screen, PollScreen)


async def test_a_refusal_goes_once_the_counts_are_changed_and_an_appeal_says_what_yes_means(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", 'point cd-2 "Not germane"', 'rule not-well-taken "Germane"'
    )
    meeting.run("move to appeal by bf-1 seconded zw-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert "Shall the decision of the chair stand? Yes sustains it" in all_text(app)
        await type_text(pilot, "99")
        await pilot.press("enter")
        await type_text(pilot, "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one(".error")
        assert error.display and "99" in shown(app, ".error")  # more votes than voters
        await pilot.press("backspace")
        await pilot.pause()
        assert not error.display  # it spoke of 99 votes, no longer typed


async def test_the_main_footer_says_there_are_more_keys_and_a_date_keeps_what_was_typed(tmp_path):
    """A chair at 80 columns saw four keys and no sign of the others (a, c, l, s, f, t...); and
    "15/01/2027" typed as a due date lost its slashes, then was quoted back as "15012027"."""
    app = app_for(in_session(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_keys(app)[-1] == "? More keys"
        app.open_form("action")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-what", FoldedText).load_text("Send the report")
        form.query_one("#field-owner", Picker).pick("ke-1")
        form.query_one("#field-due", Input).focus()
        await type_text(pilot, "15/01/2027")
        assert form.query_one("#field-due", Input).value == "15/01/2027"
        await pilot.press("ctrl+s")
        assert "15/01/2027" in shown(app, ".error")  # said as typed, under a label with the form


async def test_keys_never_in_the_footer_are_in_the_help(tmp_path):
    """Attendance at 120 columns: every footer key fits, but "left", "dropped", "back" and
    "revoke proxy" are never shown there; the footer points to the help, which lists them."""
    app = app_for(in_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, AttendanceScreen)
        footer = footer_keys(app)
        assert "/ Filter" in footer and "esc Done" in footer and footer[-1] == "? More keys"
        await pilot.press("question_mark")
        keys = plain(app.screen.query_one("#screen-keys", Static).content)
        for key, words in (("l", "Left"), ("d", "Dropped"), ("b", "Came back"), ("v", "Revoke proxy")):
            assert f"{key}  {words}" in keys
        assert "tab" not in keys  # Textual's own focus keys are not the screen's


def drawn(app) -> str:
    """Every character on the screen, as a terminal would show it (from Textual's SVG
    screenshot), each run of spaces one space."""
    import html
    import re

    svg = app.export_screenshot().split("</style>")[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", svg)).split())


async def test_names_titles_and_texts_are_never_read_as_markup(tmp_path):
    """Square brackets in a name, a region, an item's title, a motion or a reason are shown as
    typed on every screen; "[/]" in a motion once closed the console with a markup error."""
    app = app_for(hostile_meeting(tmp_path))
    seen = {
        "main": ("member", "region", "item", "motion"),
        "attendance": ("member", "region"),
        "consensus": ("member", "motion", "reason"),
        "result": ("motion", "reason"),
        "vote form": ("motion",),
        "move form": ("member",),  # the mover's picker, narrowed to Rubén
        "roll call": ("member", "region", "motion"),
    }
    keys = {
        "main": [],
        "attendance": ["r"],
        "consensus": ["escape", "c"],
        "result": ["c"],
        "vote form": ["escape", "v"],
        "move form": ["escape", "m", "enter", "r", "u", "b"],
        "roll call": ["escape", "escape", "l"],
    }
    async with app.run_test(size=(120, 40)) as pilot:
        for screen, what in seen.items():
            await pilot.press(*keys[screen])
            await pilot.pause()
            text = drawn(app)
            for key in what:
                assert HOSTILE[key] in text, f"{screen}: {HOSTILE[key]!r} not shown as typed"


async def test_an_offices_name_is_never_read_as_markup(tmp_path):
    meeting = hostile_meeting(tmp_path).run(
        "conclude", "vote 15 2 1", "open rapporteur", "nominate zm-1 by ke-1 seconded gh-1",
        "nominate pe-1 by co-1 seconded bo-1", "close-nominations", "round",
    )  # fmt: skip
    app = app_for(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")  # the election screen
        await pilot.pause()
        assert HOSTILE["office"] in drawn(app)
        await pilot.press("t")  # the tellers' report, its heading naming the office
        await pilot.pause()
        assert f"Tellers' report: {HOSTILE['office']}, ballot 1" in drawn(app)


async def test_the_members_view_never_reads_names_or_texts_as_markup(tmp_path):
    from meeting.view.app import build_view
    from meeting.view.follow import Follower

    meeting = hostile_meeting(tmp_path).run("conclude", "roll-call", f"yes {' '.join(ALL_SEATS)}", "close")
    app = build_view(Follower(meeting.session.journal.path), clock=lambda: meeting.session.clock.now())
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        for key in ("item", "region"):
            assert HOSTILE[key] in drawn(app)
        await pilot.press("t")  # the tallies: the table (its item cut to 16 cells), then the roll call in full
        await pilot.pause()
        text = drawn(app)
        assert "6. [draft] Regi…" in text
        for key in ("motion", "member", "region"):
            assert HOSTILE[key] in text


@pytest.mark.parametrize("begun", [False, True])
async def test_the_palette_lists_every_key_action_offered_now_with_its_key(tmp_path, begun):
    """As the footer does: before the meeting begins 'Begin' and no 'Vote'; once in session,
    the other way round (the palette once offered every key in every phase)."""
    from meeting.tui.actions import ACTIONS

    meeting = in_session(tmp_path) if begun else start(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE):
        helps = {command.title: command.help for command in app.get_system_commands(app.screen)}
        for action in ACTIONS:
            title = f"{action.title}  ({action.shown_key})"
            if action.offered(meeting.state):
                assert helps[title] == " / ".join(action.verbs)  # under each, the commands it sends
            else:
                assert title not in helps
        assert ("Begin  (b)" in helps, "Vote  (v)" in helps) == (not begun, begun)


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
        assert shown(app, "#notice").startswith(f"⚠ {journal}:6:1: warning: this last line was cut off")
        assert "#1 main motion" in shown(app, "#current")
    session.close()


async def test_a_warning_is_shown_whole_on_its_own_line(tmp_path):
    """The answer's warnings each start a line and none is cut: opening a closed item with the
    observers still here, at 80x24."""
    from tests.unit.test_minutes_closed import AGENDA

    meeting = start(tmp_path, files={"council.toml": DEMO_COUNCIL.read_text(encoding="utf-8"), "agenda.toml": AGENDA})
    meeting.run(f"present {' '.join(ALL_SEATS)}", "remote obs-1 obs-2", "begin", "open opening")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        notice = app.screen.query_one("#notice", Static)
        lines = plain(notice.content, notice.size.width).splitlines()
        assert lines[0].startswith("✓ item A staff matter: opened")
        assert lines[1].startswith("⚠ this item is taken in closed session and observers are here (obs-1, obs-2)")
        assert lines[-1].endswith("before the council takes it up") and notice.size.height == len(lines)


async def test_a_approves_the_minutes_on_their_item_and_is_agreed_elsewhere(demos, tmp_path):
    """On an item approving earlier minutes the chair had no key for it, only ':' or the
    palette. There 'a' opens the approval's form (corrections optional) while the minutes may be
    approved, and the footer shows it; once they are, or on another item, 'a' is a motion agreed,
    as before."""
    from tests.unit.test_minutes_approval import later_meeting

    meeting = later_meeting(tmp_path, demos.draft)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "a Approve the minutes" in footer_keys(app)
        await pilot.press("a")
        assert isinstance(app.screen, CommandForm) and app.screen.verb.name == "approve-minutes"
        await type_text(pilot, "Item 6: 10 to 5.")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("a")  # approved: 'a' is 'agreed', refused with no question before the council
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and "no motion" in shown(app, "#notice").lower()
    event = meeting.session.recorded[-1].event
    assert event.type == "minutes.approved" and event.corrections == "Item 6: 10 to 5."


async def test_the_footer_shows_the_open_items_business_first_even_at_80_columns(demos, tmp_path):
    """On an item approving earlier minutes, its key comes before Move and Vote: in Spanish the
    footer had no room left for it at 80 columns."""
    from meeting.i18n import language
    from tests.unit.test_minutes_approval import later_meeting

    with language("es"):
        app = app_for(later_meeting(tmp_path, demos.draft))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert footer_keys(app)[:3] == ["r Asistencia", "n Punto siguiente", "a Aprobar el acta"]


def test_a_point_of_order_is_not_shown_waiting_for_a_seconder(tmp_path):
    """ "#6 point of order on #5 Furaha Bisimwa-Mirindi / not seconded", in yellow: a point of
    order never needs one. A motion that does still says so."""
    from datetime import UTC, datetime

    from meeting.tui.panels import current_text

    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1", 'point cd-2 "Not germane"')
    shown = current_text(meeting.state, datetime(2026, 12, 10, 12, 0, tzinfo=UTC)).plain
    point = next(line for line in shown.splitlines() if line.startswith("#2 point of order"))
    assert point.endswith("Furaha Bisimwa-Mirindi") and "not seconded" not in point
    main = next(line for line in shown.splitlines() if line.startswith("#1 main motion"))
    assert main.endswith("/ not seconded")


def test_the_item_pane_shows_a_pending_amendment_as_the_words_it_changes(tmp_path):
    """The word diff was in the move form only: putting the question, the chair saw the whole
    amended text in italics, with nothing to say what the amendment changes."""
    from datetime import UTC, datetime

    from meeting.tui.panels import current_text

    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        'move to amend "That each region designate two focal points." by bo-1 seconded br-1',
    )
    shown = current_text(meeting.state, datetime(2026, 12, 10, 12, 0, tzinfo=UTC))
    struck = {shown.plain[s.start : s.end] for s in shown.spans if "strike" in str(s.style)}
    added = {shown.plain[s.start : s.end] for s in shown.spans if "underline" in str(s.style)}
    assert {"one", "two", "points"} <= struck | added and "one" in struck and "two" in added


async def test_a_ruling_is_picked_by_the_words_of_the_language_spoken(tmp_path):
    """A Spanish chair typed "improc": only "improcedente" was listed, and Enter took nothing,
    the choices being found by their command words ("not-well-taken") alone (found in tmux)."""
    from meeting.i18n import language

    with language("es"):
        meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", 'point cd-2 "Not germane"')
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(CommandForm("rule"))
            await pilot.pause()
            picker = app.screen.query_one("#field-ruling", Picker)
            picker.focus()
            await type_text(pilot, "improc")
            await pilot.press("enter")
            assert picker.value == "not-well-taken"


async def test_take_from_the_table_is_offered_the_motions_on_the_table_as_reconsider_is_the_decided(tmp_path):
    """Take from the table names the motion it takes (RONR §34): the move form offers those on
    the table under the item open, by number, kind, words and fate, as it offers the decisions
    that may be reconsidered; the one under another item is not offered (it once took the last
    one tabled, whatever its item)."""
    meeting = two_items_tabled(tmp_path).run("open agenda")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        target = await move_form_of_kind(app, pilot, "take-from-table")
        assert offered(target) == ["1"]
        assert shown(app, "#label-target").startswith("Motion taken from the table")
        # The only one, which an empty field would name anyway, is filled in: the mover is next.
        assert target.value == "1"
        assert app.focused is app.screen.query_one("#field-mover", Picker).query_one(Input)
        await type_text(pilot, "ke-1")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    taking = meeting.state.motions[5]
    assert (taking.kind, taking.applies_to) == ("take_from_table", 1)


async def test_rescind_is_offered_the_main_motions_carried_at_this_meeting(tmp_path):
    """Rescind names the decision it undoes, so that one adopted under a constitution's class is
    rescinded only as it was adopted: the form offers the main motions carried, not the steps
    of procedure (an amendment carried is not offered)."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        'move to amend "That the agenda be adopted with item 9 taken before item 8." by sl-1 seconded zw-1',
        "vote 12 3",
        "vote 12 3",
    )
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert offered(await move_form_of_kind(app, pilot, "rescind")) == ["1"]
        assert shown(app, "#label-target").startswith("Decision of this meeting rescinded")


async def test_withdraw_offers_every_pending_motion_and_withdraws_the_one_chosen(tmp_path):
    """Leave to withdraw may be asked for any pending motion (RONR §33): the withdraw form
    offers the motions on the floor, the immediately pending first; it once withdrew only that one."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        'move to amend "That the agenda be adopted with item 9 taken before item 8." by sl-1 seconded zw-1',
    )
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("withdraw")
        await pilot.pause()
        picker = app.screen.query_one("#field-motion", Picker)
        assert offered(picker) == ["2", "1"]
        picker.query_one(Input).focus()
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
    request = meeting.state.pending
    assert (request.kind, request.applies_to) == ("withdraw", 1)


async def test_close_debate_is_offered_the_pending_questions_to_close_debate_down_to(tmp_path):
    """Close debate on all pending questions (RONR §16) names the lowest of them: the move form
    offers the pending questions, the immediately pending first, and has no text, whose scope
    in words was minuted but never applied (found by a parliamentarian's run)."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        'move to amend "That the agenda be adopted with item 9 taken before item 8." by sl-1 seconded zw-1',
    )
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        assert offered(await move_form_of_kind(app, pilot, "close-debate")) == ["2", "1"]
        assert shown(app, "#label-target").startswith("Close debate down to motion")
        assert not app.screen.query_one("#field-text").display
        await type_text(pilot, "1")
        await pilot.press("enter")
        await type_text(pilot, "cm-1")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    closing = meeting.state.motions[3]
    assert (closing.kind, closing.applies_to) == ("previous_question", 1)


async def test_a_refused_mark_keeps_the_cursor_on_its_member(tmp_path):
    """`d` on a member present in person is refused: the cursor stayed on the next member,
    and the next key acted on the wrong delegate. Refused, it stays; taken, it moves on."""
    meeting = start(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        roster = app.screen.query_one(RosterList)
        await pilot.press("p")
        assert (meeting.state.status("gh-1"), roster.member) == ("present", "sl-1")
        await pilot.press("up", "d")
        await pilot.pause()
        assert roster.member == "gh-1" and "✗" in shown(app, "#roll-error")
        await pilot.press("x")
        assert (meeting.state.status("gh-1"), roster.member) == ("absent", "sl-1")


async def test_a_member_typed_whole_is_taken_by_ctrl_s(tmp_path):
    """ctrl+s with a member's exact id ("gh-1") or whole name typed was refused "not chosen
    yet: Enter takes the name highlighted": an exact id or name is that member, in a picker
    of one member as in a list of several."""
    meeting = in_session(tmp_path, present=ALL_SEATS[:-1])
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        app.open_form("chair")
        await pilot.pause()
        await pilot.press(*"GH-1", "ctrl+s")
        await pilot.pause()
        assert meeting.state.chair == "gh-1"
        app.open_form("present")
        await pilot.pause()
        await pilot.press(*"kila wamanga-poro", "ctrl+s")
        await pilot.pause()
        assert meeting.state.status("pg-1") == "present"


async def test_a_typed_adjourn_answered_no_leaves_the_bar_empty_and_the_keys_working(tmp_path):
    """`adjourn` typed in the bar, then No: the bar kept its line and the focus, and the keys
    pressed next grew it to "adjournrdbk". It empties and lets the keys go, as for a line sent."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(":", *"adjourn", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        bar = app.screen.query_one(CommandBar)
        assert bar.value == "" and app.focused is not bar and meeting.state.phase == "in_session"
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen) and bar.value == ""


async def test_a_question_dropped_for_the_command_bar_is_said(tmp_path):
    """':' while the undo question was open dismissed it silently: it says it was not done."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(":")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and "Not done, left unanswered: Undo the last action" in shown(
            app, "#notice"
        )


async def test_the_roll_call_finds_a_member_and_letters_typed_there_never_answer(tmp_path):
    """`/` then "Tabora" recorded abstentions (its `a`s) on the wrong members: `/` finds the
    member by any part of the name or id, the cursor goes there, and nothing is recorded."""
    meeting = in_session(tmp_path, item="article-7").run("move by bf-1 seconded zw-1", "roll-call")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        roster = app.screen.query_one(RosterList)
        await pilot.press("slash", *"Tabora", "enter")
        await pilot.pause()
        assert meeting.state.pending.poll.choices == {} and roster.member == "ph-1"
        assert app.focused is roster
        await pilot.press("a")
        assert meeting.state.pending.poll.choices["ph-1"][1] == "abstain"
        await pilot.press("slash", *"zm-", "escape", "n")
        assert meeting.state.pending.poll.choices["zm-1"][1] == "no"


async def test_the_roll_call_takes_the_languages_own_yes_key(tmp_path):
    """In Spanish `s` (sí) did nothing in the grid while the questions took it: the grid's Yes
    is `y` and the letter the questions take, shown in its footer."""
    from meeting.i18n import language

    meeting = in_session(tmp_path, item="article-7").run("move by bf-1 seconded zw-1", "roll-call")
    with language("es"):
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("s", "y")
            assert [choice for _v, choice in meeting.state.pending.poll.choices.values()] == ["yes", "yes"]
            assert footer_keys(app)[0].startswith("s/y ")


async def test_a_terminal_below_80x24_is_asked_to_grow(tmp_path):
    """`run` at 20x5 started unusable and said nothing: a message asks for a larger terminal,
    and goes once it is 80x24, the screen beneath as it was."""
    from meeting.tui.small import TooSmallScreen

    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "at least 80×24; this one is 20×5" in shown(app, "#too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        # Grown while the palette is open over the message: the palette stays until closed,
        # then the message goes (the screen that grew was popped, whichever it was).
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert not isinstance(palette, TooSmallScreen | MainScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is palette
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_attendance_banner_says_a_short_region_whole_at_80x24(tmp_path):
    """The banner, two lines always, was cut after "too few seats present": the region and its
    figures were lost. It takes the lines it needs."""
    assembly = start(tmp_path, REPO / "agendas" / "ic-asm-ga" / "2027-06-general-assembly.toml")
    council = assembly.state.meeting.council
    seats = [s.id for s in council.seats if s.region != "sea-pacific"]
    pacific = [s.id for s in council.seats if s.region == "sea-pacific"]
    assembly.run(f"present {' '.join(seats + pacific[:3])}", "begin")
    app = app_for(assembly)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        banner = app.screen.query_one("#roll-quorum", Static)
        from meeting.tui.panels import quorum_text

        text = quorum_text(assembly.state)[0]
        assert "Southeast Asia & Pacific (3 of 20, 4 needed)" in text.plain
        lines = text.wrap(app.console, banner.content_region.width)
        assert banner.content_region.height >= len(lines) >= 3


async def test_the_regions_panel_keeps_a_line_a_region_cut_to_its_width(tmp_path):
    """The panel wrapped a long line (the observers', a region's with its proxies) onto the next,
    and the last region fell off its fixed height: each line is cut with "…" at the width."""
    assembly = start(tmp_path, REPO / "agendas" / "ic-asm-ga" / "2027-06-general-assembly.toml")
    council = assembly.state.meeting.council
    others = [m.id for m in council.members if not m.holds_seat]
    assembly.run(f"present {' '.join([s.id for s in council.seats] + others[:8])}")
    app = app_for(assembly)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#attendance", Static)
        assert panel.content_region.height == len(council.regions) + 1
        last = "".join(segment.text for segment in panel.render_line(panel.content_region.height - 1))
        assert last.rstrip().endswith("…")


def test_the_palettes_examples_name_this_meetings_members(tmp_path):
    """The palette's examples named the demo council's ids (`chair zw-1`, `present gh-1 zm-1`)
    in an assembly that has none of them: they take the meeting's own roster and agenda."""
    from meeting.domain.language import VERBS
    from meeting.i18n import language
    from meeting.tui.palette import example_of

    assembly = start(tmp_path, REPO / "agendas" / "ic-asm-ga" / "2027-06-general-assembly.toml")
    seats = [m.id for m in assembly.state.meeting.council.seats]
    assert example_of(assembly.state, VERBS["chair"]) == f"chair {seats[0]}"
    assert example_of(assembly.state, VERBS["present"]) == f"present {seats[0]} {seats[1]}"
    (tmp_path / "demo").mkdir()
    demo = start(tmp_path / "demo")
    assert example_of(demo.state, VERBS["chair"]) == "chair zw-1"  # the demo's own, kept
    with language("fr"):  # and the texts it quotes in the chair's language
        assert example_of(demo.state, VERBS["move"]).startswith('move "Que l\'ordre du jour soit adopté."')


async def test_the_help_gives_each_example_with_this_meetings_members_in_the_chairs_language(tmp_path):
    """The help (?) gave each verb's example as written for the demo council, in English: in an
    assembly `chair zw-1` named nobody (found by a Portuguese-speaking chair)."""
    from meeting.domain.language import VERBS
    from meeting.tui.help import HelpScreen
    from meeting.tui.palette import example_of

    assembly = start(tmp_path, REPO / "agendas" / "ic-asm-ga" / "2027-06-general-assembly.toml")
    app = app_for(assembly)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        said = " ".join(plain(w.content, width=200) for w in app.screen.query(Static))  # its grids, as drawn
        assert example_of(assembly.state, VERBS["chair"]) in said and "chair zw-1" not in said


async def test_a_forms_title_is_in_the_chairs_language_without_backticks(tmp_path):
    """Spanish forms were titled "aside · …" (the English command word) and "paper · … (`times`
    N …)" with the help's backticks: the title says what the verb does, in the chair's words."""
    from meeting.i18n import language

    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    with language("es"):
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            for verb in ("aside", "withdraw"):
                app.open_form(verb)
                await pilot.pause()
                title = str(app.screen.query_one(".title", Label).render())
                assert not title.startswith(verb) and "`" not in title and title
                await pilot.press("escape")
                await pilot.pause()


async def test_the_console_names_the_key_where_a_message_says_what_to_type(tmp_path):
    """In recess the console said "type 'resume' first" (in Spanish "escriba 'resume'") beside a
    footer offering `e`: it names the key. A script's reader still reads the command."""
    from meeting.messages import render

    meeting = in_session(tmp_path).run("recess 10")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(":", *"next", "enter")
        await pilot.pause()
        assert "resume it first (key e)" in shown(app, "#notice")
    refused = meeting.refuse("next")
    assert render(refused.code, refused.params) == "the meeting is in recess: type 'resume' first"


async def test_agreed_asks_whether_there_is_any_objection_first(tmp_path):
    """'a' adopted the motion pending at once: a chair typing `adjourn` on the main screen,
    without ':', gave the motion general consent with its first letter. It asks first, naming
    the motion (RONR 4:58); No leaves the motion pending; and the bar's placeholder says keys act
    at once."""
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded gh-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "keys act at once" in str(app.screen.query_one(CommandBar).placeholder)
        await type_text(pilot, "ad")  # the first letters of "adjourn": asked, then answered no
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Adopt motion #1 by general consent (no objection)?"
        assert meeting.state.pending is not None and meeting.state.pending.number == 1
        await pilot.press("escape", "a", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
    assert meeting.session.recorded[-1].event.type == "consent.given"


async def test_agreed_refused_is_said_at_once_without_a_question(tmp_path):
    """With no motion pending there is nothing to ask: the engine's refusal is said at once."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and "no motion" in shown(app, "#notice").lower()


async def test_the_refusals_caret_goes_once_the_bar_is_typed_over(tmp_path):
    """After a refused line, `c` replaced it with "cast" (completed), and the old caret and error
    stayed under the new text, pointing at a column it no longer had."""
    meeting = in_session(tmp_path)
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        await type_text(pilot, "queue ke-1 zz-9")
        await pilot.press("enter")
        await pilot.pause()
        assert "^ no member matches 'zz-9'" in shown(app, "#notice")
        await pilot.press("colon")  # ':' out of habit keeps the line and its caret
        await pilot.pause()
        assert "^ no member matches 'zz-9'" in shown(app, "#notice")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one(CommandBar).value == "c" and shown(app, "#notice") == ""


async def test_the_move_forms_text_is_optional_only_for_the_kinds_that_may_go_without(tmp_path):
    """The move form said "Text (optional)" for a postponement, which is refused without its
    text ("this motion (postpone) needs its text"): the label follows the kind chosen, and Enter
    on the kind goes on to the text."""
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = app_for(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await move_form_of_kind(app, pilot, "postpone")
        form = app.screen
        assert form.query_one("#field-kind", Picker).value == "postpone"
        assert str(form.query_one("#label-text", Label).render()) == "Text"
        assert app.focused is form.query_one("#field-text", FoldedText)
        await pilot.press("escape")
        await pilot.pause()
        await move_form_of_kind(app, pilot, "point-of-order")
        assert str(app.screen.query_one("#label-text", Label).render()) == "Text (optional)"


async def test_speakers_and_regions_not_heard_are_shown_whole_under_the_items_pane(tmp_path):
    """At 80×24 the item's pane, scrolled to the question, ended at "Speakers: Rubén
    Mamani-Choque, Siti", the rest of the list and the regions not yet heard below its edge:
    they stand under the pane, out of its scroll, wrapped whole."""
    from meeting.i18n import language
    from meeting.tui.panels import speakers_text

    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded gh-1", "queue gh-1 bo-1 id-1 mg-1 pg-1", "floor", "yield"
    )
    with language("pt"):
        app = app_for(meeting)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            speakers = app.screen.query_one("#speakers", Static)
            assert not list(app.screen.query("#current-box #speakers"))
            lines = speakers_text(meeting.state).wrap(app.console, speakers.content_size.width)
            assert speakers.content_size.height == len(lines) >= 4
            said = " ".join(line.plain.strip() for line in lines)
            assert "Oradores: Rubén Mamani-Choque, Siti Rahmawati-Lubis, Hery Rakotomalala-Andry, Kila" in said
            assert said.endswith("Sudeste Asiático e Pacífico")
            assert speakers.region.bottom <= app.screen.query_one("#log-box").region.y


async def test_long_names_and_regions_take_the_room_there_is(tmp_path):
    """At 120×40 "Andry Ravelojaona-Rakotond…" was cut in the roll call's grid, and "Sudeste
    Asiático e Pací…" in the attendance panel, with about 60 columns free: the names take the
    room the terminal gives (the region's width was reckoned from its English name)."""
    from meeting.i18n import language

    long_name = "Andry Ravelojaona-Rakotondrabe Razafindrakoto"
    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace('"Hery Rakotomalala-Andry"', f'"{long_name}"')
    meeting = start(tmp_path, files={"council.toml": council, DEMO_AGENDA.name: DEMO_AGENDA.read_text("utf-8")})
    meeting.run(f"present {' '.join(ALL_SEATS)}", "begin", "open article-7")
    with language("pt"):
        app = app_for(meeting)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert "Sudeste Asiático e Pacífico " in shown(app, "#attendance")
            meeting.run("move by zm-1 seconded bf-1")
            await pilot.press("l")
            await pilot.pause()
            roster = app.screen.query_one(RosterList)
            row = next(i for i, row in enumerate(roster.rows) if row.member == "mg-1")
            assert long_name in "".join(segment.text for segment in roster.render_line(row - roster.scroll_offset.y))
