"""The election screen, driven from the keyboard on a real session: nominations from forms, a
ballot opened, the tellers' report entered in its form (checked live against the ballots that
could be cast), the result declared and explained; every line sent through the printer."""

from __future__ import annotations

from meeting.domain.elections.rounds import BallotRound
from meeting.domain.language import Command, parse
from meeting.tui.app import MeetingApp, build_app
from meeting.tui.election import ElectionScreen
from meeting.tui.form import CommandForm
from meeting.tui.messages import RunCommand
from meeting.tui.tellers import TellersForm
from tests.kit import in_session

SIZE = (100, 40)


def all_text(app: MeetingApp) -> str:
    """The screen's text as drawn at its width, each run of spaces and line breaks one space."""
    import io

    from rich.console import Console
    from textual.widgets import Static

    console = Console(width=SIZE[0], file=io.StringIO(), record=True)
    for widget in app.screen.query(Static):
        console.print(widget.content, markup=False)
    return " ".join(console.export_text().split())


async def test_the_election_key_is_offered_on_an_item_that_holds_an_election(tmp_path):
    """'x Election' is in the footer on the election's item, where the chair needs it, and
    neither shown nor working on another (where its screen would have nothing to show)."""
    meeting = in_session(tmp_path, item="agenda")
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "Election" not in footer_text(app)
        await pilot.press("x")
        assert not isinstance(app.screen, ElectionScreen)
        meeting.run("open rapporteur")
        app.screen.redraw()
        await pilot.pause()
        assert "x Election" in footer_text(app)
        await pilot.press("x")
        assert isinstance(app.screen, ElectionScreen)


async def test_a_form_on_a_nomination_lists_the_nominees(tmp_path):
    """Seconding, accepting, declining or withdrawing: the candidate picker lists those
    nominated, in order, and nobody else; nominating starts with the members here, as everywhere."""
    from textual.widgets import OptionList

    from meeting.tui.fields import Picker

    meeting = in_session(tmp_path, item="rapporteur").run(
        "nominate pe-1 by co-1", "nominate zm-1 by ke-1 seconded gh-1"
    )
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        for key, first in (("s", ["pe-1", "zm-1"]), ("d", ["pe-1", "zm-1"]), ("n", ["gh-1", "sl-1"])):
            await pilot.press(key)
            options = app.screen.query_one("#field-candidate", Picker).query_one(OptionList)
            assert [options.get_option_at_index(n).id for n in range(2)] == first
            assert (options.option_count == 2) == (key != "n")
            await pilot.press("escape")


def footer_text(app: MeetingApp) -> str:
    from textual.widgets._footer import FooterKey

    return " ".join(str(key.render()).strip() for key in app.screen.query(FooterKey))


async def test_an_election_from_its_screen(tmp_path):
    meeting = in_session(tmp_path, item="rapporteur")
    app = build_app(meeting.session, meeting.session.clock)
    sent: list[str] = []

    def hook(message) -> None:
        if isinstance(message, RunCommand):
            sent.append(message.line)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ElectionScreen)
        assert "No election" not in all_text(app)
        for candidate, by, seconder in (("zm-1", "ke-1", "gh-1"), ("pe-1", "co-1", "bo-1")):
            await pilot.press("n")
            form = app.screen
            assert isinstance(form, CommandForm) and form.verb.name == "nominate"
            assert not form.query_one("#field-election").display  # the item's one election
            for member in (candidate, by, seconder):
                await pilot.press(*member, "enter")
            await pilot.pause()
        assert isinstance(app.screen, ElectionScreen)
        assert meeting.state.elections["rapporteur"].standing == ("zm-1", "pe-1")
        # The keys follow the election's stage: no ballot while nominations are open.
        assert "r Ballot" not in footer_text(app) and "t Tellers" not in footer_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert meeting.state.elections["rapporteur"].rounds == ()
        assert "c Close nominations" in all_text(app) and "r Ballot" not in all_text(app)  # the hint line
        await pilot.press("c", "r", "t")  # pressed at once: none lost while the stage changes
        tellers = app.screen
        assert isinstance(tellers, TellersForm)
        fields = [w.id for w in tellers.query("Input")]
        assert fields == ["field-votes-0", "field-votes-1", "field-blank", "field-invalid"]  # no voter anywhere
        await pilot.press("1", "5", "enter", "9", "enter")
        await pilot.pause()
        assert "24 ballot papers of 21" in all_text(app)  # flagged before it is sent
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TellersForm)  # refused: the form stays, with the reason
        assert "only 21 can be cast" in all_text(app)
        field = tellers.query_one("#field-votes-0")
        field.value = "11"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ElectionScreen)
        assert "⏎ Result" in footer_text(app) and "Nominate" not in footer_text(app)
        await pilot.press("enter")  # the result
        await pilot.pause()
        assert "Mutale Chibwe-Nkonde: 11 of 20 votes cast, 11 necessary — elected" in all_text(app)
        assert footer_text(app) == "esc Back"  # the election is complete
    result = meeting.state.elections["rapporteur"].rounds[0].result
    assert isinstance(result, BallotRound) and result.elected == ("zm-1",)
    assert "tellers zm-1 11 pe-1 9" in sent and "result" in sent
    assert all(isinstance(parse(line), Command) for line in sent)


async def test_a_ranked_paper_picks_among_the_ballots_candidates_alone(tmp_path):
    """On a ranked ballot the paper form offers its candidates, in the ballot's order, and no
    other member: a chair typing papers at a general assembly does not page through delegates."""
    from textual.widgets import OptionList

    from meeting.tui.fields import Picker
    from tests.unit.test_elections_commands import officers

    meeting = officers(tmp_path).run("close-nominations for bureau", "round for bureau")
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "p")
        assert isinstance(app.screen, CommandForm) and app.screen.verb.name == "paper"
        options = app.screen.query_one("#field-ranking", Picker).query_one(OptionList)
        assert [options.get_option_at_index(n).id for n in range(options.option_count)] == [
            "gh-1",
            "sl-1",
            "zw-1",
            "cm-1",
            "ke-1",
        ]


async def test_a_ranked_paper_takes_each_candidate_once_and_backspace_takes_the_last_back(tmp_path):
    """Typing a paper: a candidate ranked leaves the list (Enter on a name already ranked used
    to do nothing, the chair stuck with the letters typed), and Backspace in the empty box
    takes the last one back for a slip of the keys. The paper goes to the ballot open, the
    bureau's, not to the item's first election (the chair's, still taking nominations)."""
    from textual.widgets import Input, OptionList

    from meeting.tui.fields import Picker
    from tests.unit.test_elections_commands import officers

    meeting = officers(tmp_path).run("close-nominations for bureau", "round for bureau")
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "p")
        ranking = app.screen.query_one("#field-ranking", Picker)
        listed = ranking.query_one(OptionList)

        def left() -> list[str]:
            return [str(listed.get_option_at_index(n).id) for n in range(listed.option_count)]

        await pilot.press(*"ot", "enter", *"tendai", "enter")
        assert ranking.values == ["ke-1", "zw-1"] and ranking.query_one(Input).value == ""
        assert left() == ["gh-1", "sl-1", "cm-1"]
        await pilot.press(*"ot")  # Otieno again: not offered
        assert "ke-1" not in left()
        await pilot.press("backspace", "backspace", "backspace")  # two letters, then Tendai
        assert ranking.values == ["ke-1"] and left() == ["gh-1", "sl-1", "zw-1", "cm-1"]
        await pilot.press(*"foday", "enter", "enter", "enter")  # Foday, the list done, one paper
        assert app.screen.query_one("#field-election", Picker).value == "bureau"
        await pilot.press("enter")  # sent
        await pilot.pause()
    ballot = meeting.state.elections["bureau"].open_round
    assert ballot is not None and [p.ranking for p in ballot.papers] == [("ke-1", "sl-1")]


async def test_a_nomination_sent_from_its_form_is_said_whole_under_the_election(tmp_path):
    """At 80x24 the line saying what was done, two lines long, showed its first only ("...,
    seconded by Furaha"): sent from a form above the election screen, the main screen beneath
    kept the notice's old height. It is laid out again: the name is whole."""
    from textual.widgets import Static

    meeting = in_session(tmp_path, item="rapporteur").run("nominate pe-1 by co-1")
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x", "n")
        form = app.screen
        assert isinstance(form, CommandForm)
        form.post_message(RunCommand("nominate ug-1 by ke-1 seconded cd-2", origin=form, closes=True))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ElectionScreen)
        notice = app.main.query_one("#notice", Static)
        assert "seconded by Furaha Bisimwa-Mirindi" in str(notice.render())
        assert notice.size.height == 2


async def test_the_method_line_begins_with_a_capital_and_no_parentheses_nest(tmp_path):
    """The election's method, a line of its own, began in lower case; the tellers' heading put
    the count's name in parentheses, and "(escrutinio … (VUT escocés))" nested them."""
    meeting = in_session(tmp_path, item="rapporteur").run(
        "nominate zm-1 by ke-1 seconded gh-1", "nominate pe-1 by co-1 seconded bo-1", "close-nominations", "round"
    )
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert "An absolute majority of the votes cast, in successive ballots · 1 seat" in all_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TellersForm)
        assert "ballot 1 · ballot for an absolute majority" in app.screen.heading


async def test_a_nomination_nobody_seconded_says_in_words_that_it_will_not_go_to_the_ballot(tmp_path):
    """The rapporteur's election asks a seconder: a nomination without one was listed dim and
    struck through, and closing said only "✓ nominations closed" while the journal recorded one
    candidate fewer. The line says why in words, and closing names who falls off the ballot."""
    from textual.widgets import Static

    meeting = in_session(tmp_path, item="rapporteur").run(
        "nominate pe-1 by co-1", "nominate zm-1 by ke-1 seconded gh-1"
    )
    app = build_app(meeting.session, meeting.session.clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert "by Wilmer Restrepo-Quiñones · not seconded — will not go to the ballot" in all_text(app)
        assert "seconded by Ama Serwaa Boatemaa · not seconded" not in all_text(app)
        await pilot.press("c")
        await pilot.pause()
        notice = str(app.screen_stack[0].query_one("#notice", Static).render())
        assert (
            "⚠ Yolanda Huamaní-Ccori (pe-1) was nominated without a seconder and is not on the ballot of 'rapporteur'"
            in notice
        ), notice
    assert meeting.state.elections["rapporteur"].candidates == ("zm-1",)
