"""The members' view as a person uses it (Pilot), what it shows, and that it never writes."""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import io
import json
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, Static

from meeting.cli.main import main
from meeting.i18n import _, language
from meeting.minutes.model import minutes_of
from meeting.view.app import build_view
from meeting.view.follow import Follower
from meeting.view.panels import motions_text, results_text
from meeting.view.review import ReviewScreen
from meeting.vocabulary import MOTION_NAMES, upper_first, words
from tests.conftest import REPO
from tests.kit import ALL_SEATS, Chair, demo_lines, in_session, start

NOON = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)


def _text(app, selector: str) -> str:
    """What a panel shows, as plain text (a table laid out 200 columns wide)."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


async def _until(pilot, check, timeout: float = 15.0) -> None:
    """Wait for the screen to show something (a generous bound: this is not a timing test)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the view never showed it"
        await pilot.pause(0.05)


def _listing(folder: Path) -> list[tuple[str, int, int, int, str]]:
    """Every file's name, size, modification time, inode and bytes: what a write would change."""
    return sorted(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns, p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in folder.iterdir()
    )


@pytest.fixture
def demo(tmp_path):
    """The whole demo meeting's journal, its chair gone (nobody holds its lock)."""
    folder = tmp_path / "minutes"
    journal = folder / "journal.jsonl"
    chair = Chair(journal)
    for line in demo_lines():
        chair.say(line)
    chair.close()
    return folder


# ── following ─────────────────────────────────────────────────────────────────


async def test_following_a_meeting_from_before_it_starts_to_a_roll_call_and_an_undo(tmp_path):
    journal = tmp_path / "journal.jsonl"
    app = build_view(Follower(journal), follow=True, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: "Waiting for the journal" in _text(app, "#status"))
        assert not app.screen.query_one("#quorum").display  # no green bar for a quorum not yet taken
        chair = Chair(journal)
        try:
            for line in demo_lines()[: demo_lines().index("at 12:15")]:
                chair.say(line)
            await _until(pilot, lambda: "Adoption of the agenda" in _text(app, "#item"))
            chair.say("move by ke-1 seconded gh-2")
            await _until(pilot, lambda: "That the agenda be adopted" in _text(app, "#motions"))
            chair.say("vote 16 1 1")
            await _until(pilot, lambda: "16 in favour, 1 against" in _text(app, "#results"))
            chair.say("undo")
            await _until(pilot, lambda: "16 in favour" not in _text(app, "#results"))
            assert "That the agenda be adopted" in _text(app, "#motions")  # pending again
            chair.say("vote 17 0 1")
            await _until(pilot, lambda: "17 in favour, 0 against, 1 abstention" in _text(app, "#results"))
            assert "9 needed (a majority of the 17 votes cast) — carried" in _text(app, "#results")
            for line in ("next", "open article-7", "move by bf-1 seconded zw-1", "roll-call", "yes gh-2 sl-1"):
                chair.say(line)
            await _until(pilot, lambda: "Kwabena Owusu-Ansah for Ama Serwaa Boatemaa yes" in _text(app, "#vote"))
            vote = _text(app, "#vote")
            assert "2 of" in vote and "Foday Kamanda-Lewis yes" in vote and "Tendai Mashiri-Ncube" in vote
            assert "Mutale Chibwe-Nkonde (recused)" in vote  # no vote, and why: every seat of the base is named
            chair.say("no cm-1")
            await _until(pilot, lambda: "Jean-Paul Ekwalla no" in _text(app, "#vote"))
            # The running count against what carries, as the chair's roll call screen says it.
            vote = " ".join(_text(app, "#vote").split())
            assert "2 in favour, 1 against, 0 abstentions · 14 yes to carry if the rest vote" in vote
            assert "Needed: two-thirds of all 21 voting seats" in vote
        finally:
            chair.close()


async def test_an_amendment_is_shown_as_the_words_it_changes(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        'move to amend "That each region designate one focal point, chosen by its member associations." by bo-1 seconded ug-1',
    )
    follower = Follower(meeting.session.journal.path)
    follower.poll()
    assert follower.state is not None
    motions = motions_text(follower.state)
    changed = {motions.plain[s.start : s.end]: str(s.style) for s in motions.spans if str(s.style) != "dim"}
    # The draft: "That each region designate one focal point, a woman and a man in alternate
    # years, to relay council business to its member associations."
    assert {text: style for text, style in changed.items() if "strike" in style or "underline" in style} == {
        "a woman and a man in alternate years, to relay council business to": "strike red",
        "chosen by": "underline bold green",
    }
    # The main motion's own text first, then the amendment as the change it makes to it.
    draft = follower.state.motions[1].text
    assert motions.plain.index(f"“{draft}”") < motions.plain.index("#2 amendment (to #1)")
    app = build_view(follower, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)):
        assert "one focal point, a woman and a man in alternate years, to relay council business to" in _text(
            app, "#motions"
        )


async def test_a_ballot_shows_only_that_it_is_open_then_its_totals(tmp_path):
    meeting = in_session(tmp_path, item="rapporteur").run(
        'move "That Mutale Chibwe-Nkonde be elected rapporteur." by ke-1 seconded pg-1', "ballot"
    )
    follower = Follower(meeting.session.journal.path)
    app = build_view(follower, follow=True, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Ballot open" in _text(app, "#vote")
        meeting.run("vote 12 3 2 blank 1")
        await _until(pilot, lambda: "12 in favour, 3 against, 2 abstentions, 1 blank ballot" in _text(app, "#results"))
        assert _text(app, "#vote").strip() == ""


async def test_a_closed_session_item_shows_its_title_only(tmp_path, write):
    from tests.conftest import MINI_AGENDA, MINI_COUNCIL

    agenda = MINI_AGENDA.replace('class = "ordinary"\n', 'class = "ordinary"\nclosed = true\n')
    meeting = start(tmp_path, files={"council.toml": MINI_COUNCIL, "mini-meeting.toml": agenda})
    meeting.run("present n-1 n-3 s-1 s-2", "begin", "open budget")
    meeting.run('move "That the secret budget line be 5,000." by s-1 seconded n-3', "floor s-2", "vote 3 1 0")
    app = build_view(Follower(meeting.session.journal.path), clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Budget" in _text(app, "#item") and "closed session" in _text(app, "#item")
        shown = " ".join(_text(app, s) for s in ("#motions", "#floor", "#vote", "#results"))
        assert "secret budget" not in shown and "Samuel Ortiz" not in shown and "3 in favour" not in shown
        assert "decided in closed session" in _text(app, "#results")
        await pilot.press("t")
        await pilot.pause()
        # The public record leaves out what the closed session decided; its title is all.
        assert "secret budget" not in _text(app, "#detail") and app.screen.shown == []
        assert "Closed session (title only): 2. Budget." in _text(app, "#review-note")


async def test_a_closed_sessions_decisions_are_one_line_until_one_is_made_public(tmp_path):
    """An amendment lost and the motion carried in closed session read "decided in closed
    session" twice, and still twice once the council had made the decision public."""
    from tests.conftest import MINI_AGENDA, MINI_COUNCIL

    agenda = MINI_AGENDA.replace('class = "ordinary"\n', 'class = "ordinary"\nclosed = true\n')
    meeting = start(tmp_path, files={"council.toml": MINI_COUNCIL, "mini-meeting.toml": agenda})
    meeting.run("present n-1 n-3 s-1 s-2", "begin", "open budget")
    meeting.run('move "That the secret budget line be 5,000." by s-1 seconded n-3')
    meeting.run('move to amend "That the secret budget line be 9,000." by s-2 seconded n-1', "vote 1 3 0")
    meeting.run("vote 3 1 0")
    app = build_view(Follower(meeting.session.journal.path), follow=True, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        results = _text(app, "#results")
        assert results.count("decided in closed session") == 1 and "5,000" not in results
        meeting.run("publish 1")
        await _until(pilot, lambda: "3 in favour, 1 against" in _text(app, "#results"))
        results = _text(app, "#results")
        assert "carried" in results and "9,000" not in results and "1 in favour, 3 against" not in results
        assert "decided in closed session" in results  # the amendment stays the closed session's


async def test_the_projector_shows_no_count_of_a_closed_sessions_roll_call(tmp_path):
    """The shared screen once showed "Roll call so far: yes · no · abstain 3 2 0" in large digits
    while a closed session voted by name; the members' own view hid it."""
    from tests.conftest import MINI_AGENDA, MINI_COUNCIL

    agenda = MINI_AGENDA.replace('class = "ordinary"\n', 'class = "ordinary"\nclosed = true\n')
    meeting = start(tmp_path, files={"council.toml": MINI_COUNCIL, "mini-meeting.toml": agenda})
    meeting.run("present n-1 n-3 s-1 s-2", "begin", "open budget")
    meeting.run(
        'move "That the secret budget line be 5,000." by s-1 seconded n-3', "roll-call", "yes n-1 s-1", "no s-2"
    )
    app = build_view(Follower(meeting.session.journal.path), follow=True, projector=True, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#count-box").display
        meeting.run("close")
        await pilot.pause(0.5)
        assert not app.screen.query_one("#count-box").display


async def test_a_journal_gone_for_a_moment_is_said_as_such_and_a_problem_whole(tmp_path):
    """Moved away for a second mid-meeting, the journal was "Waiting for the journal …: the
    meeting has not started" under a meeting in session; and a problem was cut to one line."""
    meeting = in_session(tmp_path)
    journal = meeting.session.journal.path
    meeting.session.close()
    app = build_view(Follower(journal), follow=True, clock=lambda: NOON)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        journal.rename(tmp_path / "away.jsonl")
        await _until(pilot, lambda: "is not there now" in _text(app, "#status"))
        assert "the meeting is shown as last read" in _text(app, "#status")
        assert "has not started" not in _text(app, "#status")
        (tmp_path / "away.jsonl").rename(journal)
        await _until(pilot, lambda: "Following" in _text(app, "#status"))
        with journal.open("ab") as file:
            file.write(b"not json\n")
        await _until(pilot, lambda: "error" in _text(app, "#status"))
        await pilot.pause()
        assert app.screen.query_one("#status").size.height > 1  # the whole message, wrapped


# ── the review ────────────────────────────────────────────────────────────────


def _tally_json(capsys, *args: str) -> list[dict]:
    """What `meeting tally --json` prints, as the review lists it: in agenda order, and under an
    item the votes and the decisions taken without a count in the order of the motions, then
    earlier minutes approved without objection, then the elections' ballots."""
    assert main(["tally", "--json", *args]) == 0
    printed = json.loads(capsys.readouterr().out)
    on_motions = [found for found in printed["votes"] + printed["uncounted"] if "motion" in found]
    decisions = sorted(on_motions, key=lambda found: found["motion"])
    decisions += [found for found in printed["uncounted"] if "motion" not in found]  # earlier minutes approved
    path = Path(args[0])
    follower = Follower(path / "journal.jsonl" if path.is_dir() else path)
    follower.poll()
    assert follower.state is not None
    agenda = [item.id for item in minutes_of(follower.state, follower.recorded, "").items]  # items added too
    return sorted(decisions + printed["ballots"], key=lambda found: agenda.index(found["item"]))


async def test_after_the_meeting_the_review_answers_who_voted_how(demo, capsys):
    everything = _tally_json(capsys, str(demo))
    asked = _tally_json(capsys, str(demo), "--item", "Article 7", "--member", "Latin America")
    hers = _tally_json(capsys, str(demo), "--member", "Huamaní")
    app = build_view(Follower(demo / "journal.jsonl"))
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReviewScreen)  # an adjourned meeting opens on its tallies
        table = app.screen.query_one("#votes", DataTable)
        # Row for row what `meeting tally --json` prints.
        assert [t.data() for t in app.screen.shown] == everything
        assert table.row_count == len(everything) > 5
        # The rapporteur's ballots under item 8, before any business of items 9 and 10.
        items = [found["item"] for found in everything]
        assert "rapporteur" in items and items.index("aob") > max(i for i, x in enumerate(items) if x == "rapporteur")
        # The agenda adopted and the solidarity motion, by general consent, among the votes.
        consent = [found["label"] for found in everything if found.get("method") == "unanimous_consent"]
        assert consent == ["Motion 2", "Motion 12 (change to the agenda)", "Motion 13"]
        app.screen.query_one("#item-filter", Input).value = "Article 7"
        app.screen.query_one("#who-filter", Input).value = "Latin America"
        app.screen.refresh_data()
        await pilot.pause()
        assert table.row_count == 1
        detail = _text(app, "#detail")
        for name in ("Wilmer Restrepo-Quiñones", "Yolanda Huamaní-Ccori", "Rubén Mamani-Choque"):
            assert name in detail
        assert "Ama Serwaa Boatemaa" not in detail and "Latin America" in detail
        assert [t.data() for t in app.screen.shown] == asked
        # Marisol Cáceres-Lagos sent apologies: her seat was not called, and the review says why.
        assert {row["seat"]["name"] for row in asked[0]["roll_call"]} == {
            "Marisol Cáceres-Lagos",
            "Wilmer Restrepo-Quiñones",
            "Yolanda Huamaní-Ccori",
            "Rubén Mamani-Choque",
            "Josefa dos Santos-Arruda",
        }
        assert [r["name"] for r in asked[0]["by_region"]] == ["Latin America"]
        assert "apologies" in detail
        app.screen.query_one("#item-filter", Input).value = ""
        app.screen.query_one("#who-filter", Input).value = "Yolanda Huamaní-Ccori"
        app.screen.refresh_data()
        await pilot.pause()
        assert table.row_count == 1  # the only roll call: shows of hands name nobody
        assert [t.data() for t in app.screen.shown] == hers
        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)


async def test_the_review_says_when_nothing_matches(demo):
    app = build_view(Follower(demo / "journal.jsonl"))
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#who-filter", Input).value = "Nobody-at-all"
        app.screen.refresh_data()
        await pilot.pause()
        assert "no member or region matches 'Nobody-at-all'" in _text(app, "#review-note")
        assert app.screen.query_one("#votes", DataTable).row_count == 0


# ── it never writes ───────────────────────────────────────────────────────────


async def test_viewing_a_finished_meeting_changes_no_file_and_creates_none(demo):
    before = _listing(demo)
    for follow, projector in ((False, False), (True, False), (True, True)):
        app = build_view(Follower(demo / "journal.jsonl"), follow=follow, projector=projector)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("t")
            await pilot.pause(0.5)  # a few polls of the journal
            await pilot.press("escape")
            with (demo / "journal.jsonl").open("rb") as journal:
                # A writer could take the journal's lock right now: the view holds none.
                fcntl.flock(journal, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(journal, fcntl.LOCK_UN)
    assert _listing(demo) == before


async def test_following_a_live_meeting_takes_no_lock_and_leaves_the_chairs_bytes(tmp_path):
    journal = tmp_path / "journal.jsonl"
    chair = Chair(journal)
    try:
        chair.say("present " + " ".join(ALL_SEATS))
        names = sorted(p.name for p in tmp_path.iterdir())
        app = build_view(Follower(journal), follow=True, clock=lambda: NOON)
        async with app.run_test(size=(80, 24)) as pilot:
            for line in ("begin", "open agenda", "move by ke-1 seconded sl-1", "vote 17 0 1"):
                chair.say(line)
                written = journal.read_bytes()
                await pilot.pause(0.3)
                assert journal.read_bytes() == written  # the view added nothing
            await _until(pilot, lambda: "17 in favour" in _text(app, "#results"))
        chair.say("next")  # the chair still writes: the view never held the lock
        assert sorted(p.name for p in tmp_path.iterdir()) == names
    finally:
        chair.close()


# ── the command line ──────────────────────────────────────────────────────────


def test_view_of_a_missing_journal_is_an_error_without_follow(tmp_path, capsys):
    assert main(["view", str(tmp_path / "none.jsonl")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'none.jsonl'}:1:1: error: no such file\n"


def test_view_and_serve_usage(capsys):
    for command in ("view", "serve"):
        with pytest.raises(SystemExit) as exit_help:
            main([command, "--help"])
        assert exit_help.value.code == 0
        assert "--lang" in capsys.readouterr().out
        with pytest.raises(SystemExit) as exit_usage:
            main([command, "--no-such-option", "x"])
        assert exit_usage.value.code == 2


def test_serve_on_a_port_in_use_is_an_error(tmp_path, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(tmp_path), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"meeting serve: error: cannot serve on 127.0.0.1 port {port}: ")
    assert "Traceback" not in err


def test_asyncio_is_left_usable(tmp_path):
    # `meeting serve` runs its own loop; the tests around it must still have theirs.
    asyncio.new_event_loop().close()


# Three candidates for rapporteur, and the first ballot open.
RAPPORTEUR_BALLOT = (
    "nominate zm-1 by ke-1 seconded gh-1",
    "nominate pe-1 by co-1 seconded bo-1",
    "nominate ph-1 by id-1 seconded la-1",
    "close-nominations",
    "round",
)


def test_an_elections_ballots_and_results_in_the_members_view(tmp_path):
    from meeting.view.panels import vote_text

    meeting = in_session(tmp_path, item="rapporteur").run(*RAPPORTEUR_BALLOT)
    shown = str(vote_text(meeting.state))
    assert "Ballot 1 open: Rapporteur" in shown and "Yolanda Huamaní-Ccori" in shown
    meeting.run("tellers zm-1 9 pe-1 7 ph-1 4 blank 1")
    assert "9" not in str(vote_text(meeting.state))  # the totals come with the result, not before
    meeting.run("result", "round", "tellers zm-1 12 pe-1 9", "result")
    assert str(vote_text(meeting.state)) == ""
    lines = str(results_text(meeting.state)).splitlines()
    assert lines[0].endswith("Round 2: Mutale Chibwe-Nkonde elected.")
    assert (
        "Mutale Chibwe-Nkonde 12 · Yolanda Huamaní-Ccori 9 · blank 0, invalid 0 · 21 votes cast, 11 necessary"
        in lines[1]
    )
    assert "Round 1: nobody elected; Rowena Dimaculangan-Tabora leaves the ballot." in lines[2]


async def test_the_review_lists_each_ballot_of_an_election_with_its_count(tmp_path, capsys):
    """An election's ballots are tallies too: a meeting that only elected its officers used to
    review as "No counted votes." Each declared ballot is a row (the office, who was elected),
    its detail the candidates' votes and fates; none when a member is asked about (secret)."""
    meeting = in_session(tmp_path, item="rapporteur").run(
        *RAPPORTEUR_BALLOT,
        "tellers zm-1 9 pe-1 7 ph-1 4 blank 1",
        "result",
        "round",
        "tellers zm-1 12 pe-1 9",
        "result",
    )
    meeting.session.close()
    printed = _tally_json(capsys, str(tmp_path / "journal.jsonl"))
    assert [(b["election"], b["number"], b["words"]) for b in printed] == [
        ("rapporteur", 1, "Round 1: nobody elected; Rowena Dimaculangan-Tabora leaves the ballot."),
        ("rapporteur", 2, "Round 2: Mutale Chibwe-Nkonde elected."),
    ]
    app = build_view(Follower(tmp_path / "journal.jsonl"), clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert [t.data() for t in app.screen.shown] == printed
        rows = app.screen.query_one("#votes", DataTable)
        assert [str(rows.get_row_at(n)[2]) for n in range(rows.row_count)] == ["nobody elected", "1 elected"]
        # The ballot's number first: cut to fit, two ballots still read apart.
        assert [str(rows.get_row_at(n)[1])[:9] for n in range(rows.row_count)] == ["Ballot 1:", "Ballot 2:"]
        await pilot.press("down")
        detail = _text(app, "#detail")
        assert "Round 2: Mutale Chibwe-Nkonde elected." in detail
        assert "Mutale Chibwe-Nkonde" in detail and "12" in detail and "elected" in detail
        app.screen.query_one("#who-filter", Input).value = "Mutale"
        app.screen.refresh_data()
        await pilot.pause()
        assert rows.row_count == 0  # a ballot names nobody's vote


async def test_on_a_phone_the_agenda_column_gives_way_to_the_item_and_the_vote(tmp_path):
    """At 375 pixels (about 44 columns) the agenda took four fifths of the width and the motion
    wrapped at seven letters a line."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded cm-1")
    meeting.session.close()
    app = build_view(Follower(meeting.session.journal.path), clock=lambda: NOON)
    async with app.run_test(size=(44, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#side").display
        assert app.screen.query_one("#main").size.width >= 40
    wide = build_view(Follower(meeting.session.journal.path), clock=lambda: NOON)
    async with wide.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert wide.screen.query_one("#side").display


async def test_the_projectors_large_figures_are_those_of_the_decision_under_them(tmp_path):
    """After a tabling carried by a vote, then the main motion ruled out on a point of order, the
    shared screen showed the tabling's figures over the point's line (a member's run); and an
    appeal named #6, a point of order that no list showed."""
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", "move to table by bo-1 seconded pe-1", "vote 15 2 1"
    )
    app = build_view(Follower(meeting.session.journal.path), follow=True, projector=True, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Last result, #2" in _text(app, "#count-label")
        assert _text(app, "#results").startswith("#2 lay on the table (to #1) 15 in favour, 2 against")
        meeting.run(
            'move "That the council meets in March" by ke-1 seconded cm-1', 'point cd-2 "Not germane" against #3'
        )
        meeting.run('rule well-taken "A new subject"')
        await _until(pilot, lambda: "ruled well taken" in _text(app, "#results"))
        assert not app.screen.query_one("#count-box").display  # a ruling has no figures
        # Not numbered, as in the minutes: a point of order is not a motion there.
        assert _text(app, "#results").startswith("Point of order (to #3) — ruled well taken: “A new subject”")


async def test_on_a_phone_the_review_keeps_each_result_and_its_counts_in_sight(demo, capsys):
    """At a phone's 40 columns a member saw "Ad" for the result and no counts at all: the item
    and the method give way, and the counts share one column."""
    everything = _tally_json(capsys, str(demo))
    app = build_view(Follower(demo / "journal.jsonl"))
    async with app.run_test(size=(40, 30)) as pilot:
        table = app.screen.query_one("#votes", DataTable)
        assert len(table.columns) == 2
        first = next(n for n, found in enumerate(everything) if "yes" in found)
        counted = everything[first]
        motion, result = (str(cell) for cell in table.get_row_at(first))
        assert motion.startswith(f"#{counted['motion']} ")
        counts = f"{counted['yes']}–{counted['no']}–{counted['abstain']}"
        assert result == f"{counted['result_words']}\n{counts}"
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= 40
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert len(table.columns) == 7 and table.row_count == len(everything)


# ── a member's run: the question in sight, decisions only, the minutes' numbers and approvals ──


def _demo_until(tmp_path, line: str, last: bool = False):
    """The demo meeting in this process, up to the script's `line` (and through it with `last`)."""
    lines = demo_lines()
    end = lines.index(line) + (1 if last else 0)
    return start(tmp_path).run(*lines[:end])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_roll_call_opens_on_the_question_and_the_answers_leave_the_member_where_they_read(tmp_path, size):
    """The roll call on Article 7 opened with the item and the motion's text scrolled off the top
    ("Roll call on #11 main motion: 0 of 18 have answered" first), and each answer scrolled a
    member who had gone up to read the question back down to the vote."""
    meeting = _demo_until(tmp_path, "roll-call")
    app = build_view(Follower(meeting.session.journal.path), follow=True, clock=lambda: NOON)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        meeting.run("roll-call")
        await _until(pilot, lambda: "Roll call on #11 main motion: 0 of" in _text(app, "#vote"))
        await pilot.pause(0.3)
        main = app.screen.query_one("#main")
        item, motions, vote = (app.screen.query_one(s) for s in ("#item", "#motions", "#vote"))
        window = main.scrollable_content_region
        assert window.y <= motions.region.y and window.contains(window.x, vote.region.y)  # the text, the vote under it
        if item.virtual_region.union(vote.virtual_region).height <= window.height:
            assert main.scroll_y == 0  # all of it fits: the item's title too
        else:
            assert main.scroll_y == motions.virtual_region.y  # the motion's text at the top
        main.scroll_home(animate=False, immediate=True)  # the member reads the item's title again
        await pilot.pause()
        meeting.run("yes gh-2 sl-1 zw-1")
        await _until(pilot, lambda: "Kwabena Owusu-Ansah for Ama Serwaa Boatemaa yes" in _text(app, "#vote"))
        meeting.run("no cm-1")
        await _until(pilot, lambda: "Jean-Paul Ekwalla no" in _text(app, "#vote"))
        await pilot.pause(0.3)
        assert main.scroll_y == 0


def test_a_motion_taken_from_the_table_is_no_decision_until_the_council_decides_it(tmp_path):
    """After take-from-table, "#3 main motion — pending" stood among the decisions until the vote."""
    meeting = _demo_until(tmp_path, "vote 14 1 1", last=True)  # the motion to take it from the table carries
    meeting.session.close()
    follower = Follower(meeting.session.journal.path)
    follower.poll()
    assert follower.state is not None and follower.state.motions[3].status == "pending"
    results = results_text(follower.state).plain
    assert "#10 take from the table (to #3)" in results and "pending" not in results
    assert not any(line.startswith("#3 ") for line in results.splitlines())
    assert "#3 main motion" in motions_text(follower.state).plain  # it is on the floor again
    (tmp_path / "decided").mkdir()
    decided = _demo_until(tmp_path / "decided", "vote 10 5 2", last=True)  # and then decided
    decided.session.close()
    follower = Follower(decided.session.journal.path)
    follower.poll()
    assert follower.state is not None
    told = [line for line in results_text(follower.state).plain.splitlines() if line.startswith("#3 ")]
    assert told == [
        "#3 main motion 10 in favour, 5 against, 2 abstentions; 10 needed (two-thirds of the 15 votes cast) — carried"
    ]


@pytest.mark.parametrize("code", ["en", "fr", "es", "sw", "pt"])
def test_the_view_numbers_the_motions_as_the_minutes_do_in_every_language(demo, code):
    """The view called the point of order "#6" and the appeal "(to #6)"; the minutes leave 6 as
    a gap and say "the point of order". Every number the view gives is a motion of the minutes."""
    follower = Follower(demo / "journal.jsonl")
    follower.poll()
    state = follower.state
    assert state is not None
    with language(code):
        minutes = minutes_of(state, follower.recorded)
        results = results_text(state).plain
        point = words(MOTION_NAMES, "point_of_order")
        the_point = _("the {kind}").format(kind=point)
    numbered = {record.minutes_number for record in minutes.motions if record.minutes_number is not None}
    assert 6 not in numbered
    shown = {int(number) for number in re.findall(r"(?m)^#(\d+) ", results)}
    assert shown and shown <= numbered
    assert "#6" not in results
    assert any(line.startswith(upper_first(point) + " ") for line in results.splitlines())  # the point itself
    appeal = next(line for line in results.splitlines() if line.startswith("#7 "))
    assert the_point in appeal


def _march(tmp_path) -> Path:
    """The March 2027 meeting's journal as `make minutes` wrote it: the December minutes
    approved with a correction, a closed session, and a correction after adjournment."""
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes((REPO / "minutes" / "2027-03-council-meeting" / "journal.jsonl").read_bytes())
    return journal


async def test_earlier_minutes_approved_and_a_later_correction_are_in_the_view_as_in_the_minutes(tmp_path):
    """Serving the March meeting, the decisions were #1 and the closed session's line: nothing
    said the December minutes were approved, with their correction, nor showed the correction
    recorded after adjournment; the minutes list both."""
    journal = _march(tmp_path)
    follower = Follower(journal)
    follower.poll()
    assert follower.state is not None
    minutes = minutes_of(follower.state, follower.recorded)
    approval = next(d for d in minutes.other_decisions if d.item == "minutes")
    app = build_view(Follower(journal), follow=True, clock=lambda: NOON)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: "Approval of the minutes" in _text(app, "#results"))
        results = " ".join(_text(app, "#results").split())
        assert f"{approval.what} — {approval.decision}" in results
        assert "“Item 10: the statement of solidarity was proposed jointly" in results  # the correction approved
        assert results.index("#1 main motion") < results.index("Approval of the minutes")  # the latest first
        corrections = " ".join(_text(app, "#corrections").split())
        assert app.screen.query_one("#corrections-heading").display
        assert corrections == f"{minutes.corrections[0].at} {minutes.corrections[0].words}"


def test_the_minutes_are_made_for_the_view_only_when_an_approval_or_a_correction_comes_or_goes(tmp_path, monkeypatch):
    """Each answer of a roll call is an event: making the minutes again at each would slow the view."""
    from meeting.view import panels

    made: list[int] = []
    real = panels.minutes_of
    monkeypatch.setattr(panels, "minutes_of", lambda *args: made.append(1) or real(*args))
    agenda = REPO / "agendas" / "ic-asm" / "2027-03-council-meeting.toml"
    script = agenda.with_suffix(".script").read_text(encoding="utf-8").splitlines()
    lines = [line.split("  #", 1)[0].strip() for line in script if line.strip() and not line.startswith("#")]
    approve = next(n for n, line in enumerate(lines) if line.startswith("approve-minutes"))
    meeting = start(tmp_path, agenda=agenda).run(*lines[:approve])
    app = build_view(Follower(meeting.session.journal.path), follow=True, clock=lambda: NOON)

    def look() -> list[str]:
        app.follower.poll()
        record = app.on_the_record()
        return [line.plain.split(" — ")[0] for _at, line in record.approvals]

    assert look() == [] and made == []
    meeting.run(lines[approve])
    assert look() == [
        "Approval of the minutes of the meeting of Thursday, 10 December 2026 (IC-ASM Council Meeting, December 2026)"
    ]
    meeting.run("undo")
    assert look() == [] and len(made) == 1  # taken back: no minutes needed to say nothing
    meeting.run(lines[approve])
    assert len(look()) == 1 and len(made) == 2
    for line in lines[approve + 1 : lines.index("adjourn") + 1]:
        meeting.run(line)
        assert len(look()) == 1
    assert len(made) == 2  # the closed session's moves and votes, the adjournment: not made again
    meeting.run(lines[-1])  # the correction after adjournment
    look()
    assert "Responsible Minerals Research Network" in app.on_the_record().corrections.plain and len(made) == 3


async def test_the_review_lists_earlier_minutes_approved_as_meeting_tally_does(tmp_path, capsys):
    """The tallies screen lists what `meeting tally` lists: March's approval of the December
    minutes, taken without a count, was missing from it."""
    journal = _march(tmp_path)
    everything = _tally_json(capsys, str(journal))
    approvals = [found for found in everything if "motion" not in found and "election" not in found]
    assert [found["item"] for found in approvals] == ["minutes"]
    app = build_view(Follower(journal))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert [t.data() for t in app.screen.shown] == everything
        table = app.screen.query_one("#votes", DataTable)
        row = [str(cell) for cell in table.get_row_at(everything.index(approvals[0]))]
        assert approvals[0]["label"][:15] in row[1] and approvals[0]["result_words"][:10] in row[2]


async def test_served_the_view_names_the_meeting_says_it_is_adjourned_and_offers_no_quit(demo):
    """A member's phone read "Suivi de live/journal.jsonl" (the server's file) at the foot, a
    green "QUORUM ATTEINT ✓" after the adjournment, and "q Quitter", which ended their session."""
    app = build_view(Follower(demo / "journal.jsonl", "minutes/journal.jsonl"), follow=True, served=True)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert app.follower.state is not None and app.follower.state.phase == "adjourned"
        status = _text(app, "#status")
        assert "IC-ASM Council Meeting, December 2026" in status and "journal.jsonl" not in status
        quorum = _text(app, "#quorum")
        assert "The meeting is adjourned." in quorum and "QUORUM" not in quorum
        assert app.screen.query_one("#quorum").has_class("-adjourned")
        assert all(active.binding.action != "app.quit" for active in app.screen.active_bindings.values())
        await pilot.press("q")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert all(active.binding.action != "app.quit" for active in app.screen.active_bindings.values())
    # At the chair's own terminal the file is named, and q quits.
    mine = build_view(Follower(demo / "journal.jsonl", "minutes/journal.jsonl"), follow=True)
    async with mine.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert "minutes/journal.jsonl" in _text(mine, "#status")
        await pilot.press("q")
        await pilot.pause()
        assert not mine.is_running


async def test_on_a_phone_the_tallies_give_the_motion_the_width_and_a_ruling_its_minutes_words(demo, capsys):
    """At 39 columns the motions read "#1 motion…", "#11 motio…", "Tour 1 :…" while the votes
    had a column of their own; and a point of order ruled not well taken read "Rejected"."""
    everything = _tally_json(capsys, str(demo))
    ruled = next(found for found in everything if found.get("result_words", "").startswith("Ruled "))
    assert ruled["result_words"] == "Ruled not well taken"
    app = build_view(Follower(demo / "journal.jsonl"))
    async with app.run_test(size=(39, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#votes", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        motions = [row[0] for row in rows]
        assert "#1 main motion" in motions and "#11 main motion" in motions
        assert not any(motion.endswith("…") and len(motion) <= 10 for motion in motions)
        assert any(motion.startswith("Ballot 1:\nRapporteur of the\n") for motion in motions)
        # The point of order unnumbered, as the minutes and `meeting tally` have it (it read "#6").
        assert not any(motion.startswith(f"#{ruled['motion']} ") for motion in motions)
        assert [row[1] for row in rows if row[0].startswith("Point of")] == ["Ruled not well\ntaken"]
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= 39
    with language("fr"):
        french = build_view(Follower(demo / "journal.jsonl"))
        async with french.run_test(size=(39, 40)) as pilot:
            await pilot.pause()
            table = french.screen.query_one("#votes", DataTable)
            said = [str(table.get_row_at(n)[1]) for n in range(table.row_count)]
            assert "Jugé non fondé" in said and "Rejetée" not in said
