"""The minutes files of the demo meetings: golden files for every format, the committed minutes
under minutes/, each format parsed back, byte-identical regeneration, and privacy.

Both demo meetings are built once for the session (tests/demos.py, as `make minutes` builds
them): December 2026 as circulated (a draft) and as approved by March 2027, and March 2027
with its closed session. To accept a deliberate change of wording, run `make minutes` and copy
the files into tests/golden/ (see tests/golden/README.md), then read the diff.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
import zipfile
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from meeting.cli.main import main
from meeting.cli.schema import json_schema
from meeting.minutes.model import Minutes
from tests.conftest import DEMO_AGENDA, REPO
from tests.demos import DECEMBER, MARCH

DEMO_SCRIPT = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.script"
GOLDEN = REPO / "tests" / "golden" / "minutes" / DECEMBER
GOLDEN_MARCH = REPO / "tests" / "golden" / "minutes" / MARCH
COMMITTED = REPO / "minutes" / DECEMBER
COMMITTED_MARCH = REPO / "minutes" / MARCH
FILES = ("minutes.toml", "minutes.json", "minutes.md", "minutes.html", "minutes.docx", "votes.csv", "manifest.toml")
TEXT_FILES = ("minutes.toml", "minutes.json", "minutes.md", "minutes.html", "votes.csv")
CLOSED_FILES = tuple(
    name.replace("minutes.", "minutes-closed.").replace("votes.", "votes-closed.") for name in FILES[:6]
)


def replay_into(folder: Path) -> Path:
    journal = folder / "journal.jsonl"
    assert main(["replay", str(DEMO_AGENDA), str(DEMO_SCRIPT), "--journal", str(journal)]) == 0
    return journal


@pytest.fixture
def demo(demos) -> Path:
    """The December meeting's folder as circulated: its journal and its draft minutes."""
    return demos.draft


@pytest.mark.parametrize("name", FILES)
def test_every_format_of_the_draft_minutes_equals_its_golden_file(demo, name):
    assert (demo / name).read_bytes() == (GOLDEN / name).read_bytes(), (
        f"{name} differs from tests/golden: if the change is meant, update the golden file (tests/golden/README.md)"
    )


TRANSLATED = ("fr", "es", "sw", "pt")


@pytest.fixture(scope="module")
def translated(demos, tmp_path_factory) -> Path:
    """The December draft written in each other language, every format, into one folder."""
    folder = tmp_path_factory.mktemp("translated")
    for code in TRANSLATED:
        assert main(["minutes", str(demos.draft / "journal.jsonl"), "-o", str(folder), "--lang", code]) == 0
    return folder


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("name", FILES[:6])
def test_the_draft_minutes_in_each_language_equal_their_golden_files(translated, code, name):
    """`meeting minutes --lang CODE`: minutes.CODE.EXT and votes.CODE.csv, in that language."""
    named = name.replace(".", f".{code}.")
    assert (translated / named).read_bytes() == (GOLDEN / named).read_bytes(), (
        f"{named} differs from tests/golden: if the change is meant, update it (tests/golden/README.md)"
    )


@pytest.mark.parametrize("name", [*FILES, *CLOSED_FILES])
def test_every_file_of_the_next_meeting_equals_its_golden_file(demos, name):
    assert (demos.march / name).read_bytes() == (GOLDEN_MARCH / name).read_bytes(), (
        f"{MARCH}/{name} differs from tests/golden: if the change is meant, update it (tests/golden/README.md)"
    )


@pytest.mark.parametrize(
    ("committed", "built"), [(COMMITTED, "december"), (COMMITTED_MARCH, "march")], ids=[DECEMBER, MARCH]
)
def test_the_committed_minutes_equal_a_fresh_regeneration(demos, committed, built):
    """The committed journals are the demo scripts', and their minutes what they regenerate
    now: December's approved by March, March's with its confidential record beside."""
    fresh = getattr(demos, built)
    names = sorted(p.name for p in fresh.iterdir())
    assert sorted(p.name for p in committed.iterdir()) == names, "run `make minutes`"
    for name in names:
        assert (committed / name).read_bytes() == (fresh / name).read_bytes(), f"{name}: run `make minutes`"


def test_the_committed_folders_hold_the_journal_and_every_format_and_nothing_else():
    assert sorted(p.name for p in COMMITTED.iterdir()) == sorted(["journal.jsonl", *FILES])
    assert sorted(p.name for p in COMMITTED_MARCH.iterdir()) == sorted(["journal.jsonl", *FILES, *CLOSED_FILES])


def test_the_same_journal_gives_byte_identical_files_and_so_does_a_second_replay(demo, tmp_path, capsys):
    again = tmp_path / "again"
    assert main(["minutes", str(demo / "journal.jsonl"), "-o", str(again)]) == 0
    other = replay_into(tmp_path / "replayed")
    assert main(["minutes", str(other)]) == 0
    for name in [*TEXT_FILES, "minutes.docx"]:
        assert (again / name).read_bytes() == (demo / name).read_bytes() == (other.parent / name).read_bytes()
    assert (demo / "manifest.toml").read_bytes() == (other.parent / "manifest.toml").read_bytes()


# ── each format read back ─────────────────────────────────────────────────────


def test_toml_and_json_hold_the_same_record_and_both_satisfy_the_json_schema(demo):
    toml_data = tomllib.loads((demo / "minutes.toml").read_text(encoding="utf-8"))
    json_data = json.loads((demo / "minutes.json").read_text(encoding="utf-8"))
    assert toml_data == json_data
    schema = json_schema("minutes")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json_data, schema, cls=jsonschema.Draft202012Validator)
    jsonschema.validate(toml_data, schema, cls=jsonschema.Draft202012Validator)
    # Loaded back, it is the same model the other formats were rendered from.
    minutes = Minutes.model_validate(json_data)
    assert minutes.data() == json_data
    assert minutes.header.adjourned == "14:27" and minutes.header.called_to_order == "12:04"


def test_the_schema_catches_a_record_of_the_wrong_shape(demo):
    data = json.loads((demo / "minutes.json").read_text(encoding="utf-8"))
    data["motions"][0]["vote"]["yes"] = "seventeen"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema("minutes"), cls=jsonschema.Draft202012Validator)


def test_meeting_schema_minutes_prints_the_schema(capsys):
    assert main(["schema", "minutes"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema("minutes")


def test_the_toml_file_is_readable_text_with_a_header_comment(demo):
    text = (demo / "minutes.toml").read_text(encoding="utf-8")
    assert text.startswith("# Minutes of the ordinary meeting of the International Council for Artisanal")
    assert "(DRAFT)" in text.splitlines()[0]
    assert 'name = "Chiara Ngozi Adébáyọ̀"' in text  # UTF-8 as written, not \u escapes
    assert "[[motions]]" in text and "[motions.vote]" in text


class Page(HTMLParser):
    """The parts of an HTML page the tests look at, and a check that tags are balanced."""

    VOID = {"meta", "br", "link", "img", "input", "hr", "col", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.tables = 0
        self.captions = 0
        self.css = ""
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
        else:
            self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1] == "style":
            self.css += data
        self.text.append(data)


def test_the_html_is_self_contained_balanced_and_ready_for_print_and_phones(demo):
    page = Page()
    page.feed((demo / "minutes.html").read_text(encoding="utf-8"))
    page.close()
    assert page.problems == [] and page.open == []
    html_attrs = dict(next(attrs for tag, attrs in page.tags if tag == "html"))
    assert html_attrs["lang"] == "en"
    # Nothing is loaded from elsewhere: no script, stylesheet, image or frame.
    tags = [tag for tag, _attrs in page.tags]
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(tags)
    assert not any("src" in attrs for _tag, attrs in page.tags)
    assert "url(" not in page.css and "@import" not in page.css
    assert "@page { size: A4;" in page.css and "@media print" in page.css and "@media (max-width" in page.css
    assert any(tag == "meta" and attrs.get("name") == "viewport" for tag, attrs in page.tags)
    # Every table says what it holds.
    assert page.tables >= 10 and page.captions == page.tables
    text = " ".join(" ".join(page.text).split())
    assert (
        "Motion 1, moved by Otieno Wafula-Achieng (Kenya), seconded by Kwabena Owusu-Ansah (alternate for Ama Serwaa Boatemaa): That the agenda be adopted as circulated."
        in text
    )
    assert "17 in favour, 0 against, 1 abstention; 9 needed (a majority of the 17 votes cast) — carried" in text
    # Print: the running mark and page numbers in CSS paged media; region tables at fixed widths.
    assert '@top-right { content: "DRAFT"' in page.css and "counter(page)" in page.css
    assert "table.attendance { table-layout: fixed; }" in page.css


def test_every_html_table_has_a_caption(demo):
    html = (demo / "minutes.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table[^>]*>\s*<caption[^>]*>([^<]+)</caption>", html)
    assert len(tables) == html.count("<table")
    # One that repeats the heading above it is for screen readers only, not printed twice.
    assert '<h2>Action items</h2>\n<div class="table-wrap keep">' in html
    assert '<caption class="heading">Action items</caption>' in html


def read_votes(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "votes.csv starts with a UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_has_a_bom_one_row_per_vote_and_one_per_seat_in_a_roll_call(demo):
    rows = read_votes(demo / "votes.csv")
    assert list(rows[0])[:20] == [
        "item",
        "motion",
        "motion kind",
        "text",
        "method",
        "result",
        "tie broken by",
        "in favour",
        "against",
        "abstentions",
        "blank",
        "invalid",
        "votes in favour",
        "votes against",
        "votes abstaining",
        "rule",
        "base",
        "bound",
        "bound in votes",
        "votes in favour needed",
    ]
    # Seats carry one vote each in the demo council: nothing is counted in votes.
    assert not any(r["votes in favour"] or r["votes against"] or r["votes abstaining"] for r in rows)
    totals = [r for r in rows if r["in favour"]]
    # Every counted vote of the demo, by its number in the minutes (the point of order has none):
    # 1 (the corrected count only), 3, 4, 5, 6 (the appeal), 7, 8 (the recess), 9, 10.
    # The chair's numbers: #6 was the point of order, ruled without a vote.
    assert [r["motion"] for r in totals if r["motion"]] == ["1", "3", "4", "5", "7", "8", "9", "10", "11"]
    first = totals[0]
    assert (first["in favour"], first["against"], first["abstentions"], first["result"]) == ("17", "0", "1", "Carried")
    # Each column one meaning, the same in every language: the rule in words, its base, the bound as
    # the rules write it (more than half of 17: "more than" 17/2) and the whole votes in favour it
    # asks for. The bound was a bare "17/2" or "8" under "required" (a majority of 16 is more than
    # 8), beside "needed": two synonyms in Spanish, Portuguese and Swahili.
    arithmetic = ("rule", "base", "bound", "bound in votes", "votes in favour needed")
    assert [tuple(r[c] for c in arithmetic) for r in totals if r["motion"] in ("1", "3", "4")] == [
        ("a majority of the 17 votes cast", "17", "more than", "'17/2", "9"),
        ("two-thirds of the 15 votes cast", "15", "at least", "10", "10"),
        ("a majority of the 16 votes cast", "16", "more than", "8", "9"),
    ]
    seats = [r for r in rows if r["motion"] == "11" and r["member id"]]
    assert len(seats) == 21 and sum(r["choice"] == "yes" for r in seats) == 14
    assert [(r["member id"], r["choice"]) for r in seats if r["choice"] in ("recused", "apologies")] == [
        ("zm-1", "recused"),
        ("mg-1", "apologies"),
        ("hn-1", "apologies"),
    ]
    second = [r for r in rows if r["motion kind"] == "election" and r["text"].endswith("ballot 2")]
    # Its rule in words as a motion's, not "necessary for election": more than half the votes cast.
    assert {tuple(r[c] for c in arithmetic) for r in second} == {
        ("a majority of the 19 votes cast", "19", "more than", "'19/2", "10")
    }
    appeal = next(r for r in totals if r["motion"] == "7")
    assert appeal["result"] == "The decision of the chair was sustained"
    alternate = next(r for r in seats if r["member id"] == "gh-2")
    assert (alternate["name"], alternate["for seat"], alternate["as"]) == (
        "Kwabena Owusu-Ansah",
        "gh-1",
        "as alternate",
    )
    assert any(r["name"] == "Wilmer Restrepo-Quiñones" for r in seats)  # accents intact


def test_an_election_rounds_rows_add_up_to_its_papers_blank_and_invalid_once(demo):
    """votes.csv repeated a round's blank and invalid ballots on every candidate's row: the first
    ballot of item 8 summed to 21 papers for 19. They are on the round's first row only."""
    rows = [r for r in read_votes(demo / "votes.csv") if r["motion kind"] == "election"]
    rounds: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        rounds.setdefault(r["text"], []).append(r)
    assert len(rounds) == 2
    for ballot in rounds.values():
        first, *others = ballot
        assert all(r["blank"] == "" and r["invalid"] == "" for r in others)
        papers = sum(int(r["in favour"] or 0) + int(r["blank"] or 0) + int(r["invalid"] or 0) for r in ballot)
        assert papers == int(first["entitled"]) == 19
    first_ballot, second_ballot = rounds.values()
    assert (first_ballot[0]["blank"], first_ballot[0]["invalid"]) == ("1", "0")
    assert (second_ballot[0]["blank"], second_ballot[0]["invalid"]) == ("0", "1")


def test_a_counts_decimals_are_the_languages_where_people_read_them_and_the_counts_for_programs(tmp_path):
    """The general assembly's STV count in French minutes: "21,33712 voix", "(1,33712)" in the
    sentences and the count sheet of the Markdown, the HTML and the Word file, as French writes
    a decimal; the JSON keeps the count's own "21.33712" for programs. The documents once wrote
    "21.33712" in every language."""
    journal = REPO / "minutes" / "2027-06-general-assembly-election" / "journal.jsonl"
    assert main(["minutes", str(journal), "-o", str(tmp_path), "--lang", "fr", "--format", "md,html,docx,json"]) == 0
    markdown = (tmp_path / "minutes.fr.md").read_text("utf-8")
    assert "Dalisay-Bautista\u00a0: 21,33712 voix" in markdown and "Dalisay-Bautista (1,33712)" in markdown
    assert "| 19,33712 (+0,07626) | 21,33712 (+2) | 20 (-1,33712) |" in markdown
    with zipfile.ZipFile(tmp_path / "minutes.fr.docx") as docx:
        word = docx.read("word/document.xml").decode("utf-8")
    for document in (markdown, (tmp_path / "minutes.fr.html").read_text("utf-8"), word):
        assert "21,33712" in document and not re.search(r"\d\.\d{5}", document)
    assert '"21.33712"' in (tmp_path / "minutes.fr.json").read_text("utf-8")


def test_a_count_sheet_adds_up_at_every_stage_and_each_candidate_keeps_the_votes_their_fate_was_decided_on(tmp_path):
    """Every column of the STV count sheet adds up to the valid papers (the candidates, the
    non-transferable papers and the fractions dropped, each a running total), and each change
    is the difference between two columns, its sign the change's own. The sheet once wrote
    -0.65215 as "-1.34785" (the floor and its complement) and the non-transferable papers stage
    by stage; the tellers' report gave an excluded candidate the 0 of the last stage."""
    journal = REPO / "minutes" / "2027-06-general-assembly-election" / "journal.jsonl"
    assert main(["minutes", str(journal), "-o", str(tmp_path), "--format", "json,md"]) == 0
    [ballot] = json.loads((tmp_path / "minutes.json").read_text("utf-8"))["elections"][0]["rounds"]
    sheet = ballot["count"]
    before = None
    for stage in sheet["stages"]:
        column = [Fraction(v) for v in stage["votes"]]
        assert sum(column) + Fraction(stage["non_transferable"]) + Fraction(stage["lost"]) == sheet["valid"]
        if before is not None:
            moved = [Fraction(t or 0) for t in stage["transfers"]]
            assert [b + m for b, m in zip(before, moved, strict=True)] == column
        before = column
    assert (sheet["non_transferable"], sheet["lost"]) == (
        sheet["stages"][-1]["non_transferable"],
        sheet["stages"][-1]["lost"],
    )
    # The tellers' report gives the first preferences (a total from another stage misled, found
    # by a parliamentarian's run), and with each fate the stage and the votes it was decided on.
    votes = {row["candidate"]["name"]: (row["votes"], row["outcome_words"]) for row in ballot["votes"]}
    assert votes["Fúnmiláyọ Ògúnbíyì-Ọlátúnjí"] == ("2", "excluded at stage 2, with 2 votes")
    assert votes["Niña Dalisay-Bautista"] == ("15", "elected at stage 10, with 21.33712 votes")
    assert votes["Danilo Ibañez-Magbanua"] == ("8", "excluded at stage 12, with 11.93638 votes")
    markdown = (tmp_path / "minutes.md").read_text("utf-8")
    assert "| Zawadi Mushi-Massawe | 9 | 9 | 9.13043 (+0.13043) | 0 (-9.13043) |" in markdown


@pytest.mark.parametrize("name", TEXT_FILES)
def test_names_with_non_ascii_letters_are_kept_intact(demo, name):
    text = (demo / name).read_bytes().decode("utf-8-sig")
    names = (
        ["Béatrice Mwamba-Kasongo", "Rubén Mamani-Choque"]
        if name == "votes.csv"
        else [
            "Chiara Ngozi Adébáyọ̀",
            "Søren Ødegård-Nkosi",
            "Mónica Ñahui-Paredes",
            "Aminata Ouédraogo-Kaboré",
            "Wilmer Restrepo-Quiñones",
        ]
    )
    for person in names:
        assert person in text


# ── privacy: a secret ballot leaves no trace of who voted how ─────────────────

# Item 8, the election of the rapporteur, is held by secret ballot: two ballots, reported by the
# tellers as totals. Only the candidates are ever named beside a number of votes.
CANDIDATES = {"zm-1", "pe-1", "ph-1"}
ELECTION_EVENTS = ("round.opened", "round.tellers", "round.papers", "round.declared")


def _roster(demo: Path) -> list[str]:
    data = json.loads((demo / "minutes.json").read_text(encoding="utf-8"))
    people = {
        (row["member"]["id"], row["member"]["name"])
        for sitting in data["sittings"]
        for group in [*(r["rows"] for r in sitting["attendance"]["regions"]), sitting["attendance"]["others"]]
        for row in group
    }
    return sorted({x for pair in people for x in pair}, key=len, reverse=True)


def _names_in(text: str, roster: list[str]) -> list[str]:
    return [who for who in roster if re.search(rf"(?<![\w-]){re.escape(who)}(?![\w-])", text)]


def test_no_file_written_names_a_voter_beside_a_vote_in_the_election(demo):
    roster = _roster(demo)
    minutes = Minutes.model_validate_json((demo / "minutes.json").read_text(encoding="utf-8"))
    names = {p.name for e in minutes.elections for p in e.candidates}
    candidates = CANDIDATES | names
    # The journal: the ballots' events hold totals per candidate, never a voter.
    seen = 0
    for line in (demo / "journal.jsonl").read_text(encoding="utf-8").splitlines():
        event = json.loads(line)["event"]
        if event["type"] in ELECTION_EVENTS:
            seen += 1
            assert "choice" not in json.dumps(event) and '"voter"' not in json.dumps(event)
            named = set(_names_in(json.dumps(event, ensure_ascii=False), roster))
            assert named <= candidates, f"{event['type']} names {named - candidates}"
    assert seen == 6
    # votes.csv: a row per candidate per ballot; the member columns name the candidate, nobody else.
    rows = [r for r in read_votes(demo / "votes.csv") if r["motion kind"] == "election"]
    assert [(r["member id"], r["in favour"]) for r in rows] == [
        ("zm-1", "8"), ("pe-1", "6"), ("ph-1", "4"), ("zm-1", "11"), ("pe-1", "7")
    ]  # fmt: skip
    assert all(r["choice"] == "" and r["for seat"] == "" for r in rows)
    # Markdown and HTML: every line of the election's report with a number names a candidate only.
    md = (demo / "minutes.md").read_text(encoding="utf-8")
    section = md[md.index("#### Election: Rapporteur") : md.index("### 9.")]
    html = (demo / "minutes.html").read_text(encoding="utf-8")
    report = html[html.index('<section class="election" id="election-rapporteur">') :]
    report = report[: report.index("</section>")]
    for line in [*section.splitlines(), *report.split("<")]:
        if re.search(r"\d", line):
            assert set(_names_in(line, roster)) <= candidates, line


def test_the_model_itself_holds_the_tellers_reports_and_no_voter(demo):
    minutes = Minutes.model_validate_json((demo / "minutes.json").read_text(encoding="utf-8"))
    (election,) = minutes.elections
    first, second = election.rounds
    assert (first.votes_cast, first.necessary, first.blank, first.invalid) == (18, 10, 1, 0)
    assert (second.votes_cast, second.necessary, second.blank, second.invalid) == (19, 10, 0, 1)
    assert [(v.candidate.id, v.votes, v.outcome) for v in second.votes] == [
        ("zm-1", "11", "elected"), ("pe-1", "7", None)
    ]  # fmt: skip
    assert [p.id for p in election.elected] == ["zm-1"]
    assert "choice" not in json.dumps(election.model_dump(mode="json"))
    # The one roll call of the demo does name each seat's vote, and says why a seat had none.
    roll_call = minutes.motion(11).vote.roll_call
    assert {v.choice for v in roll_call if v.voter} == {"yes", "no", "abstain"}
    assert {v.seat.id: v.choice_words for v in roll_call if v.not_called} == {
        "zm-1": "recused",
        "mg-1": "apologies",
        "hn-1": "apologies",
    }


def test_markdown_folds_runs_of_spaces_but_keeps_the_no_break_spaces_french_sets():
    """Markdown once folded every space with str.split(), the no-break ones before ":" and ";"
    included, so a French line could wrap to begin with a colon; the HTML and Word kept them."""
    from meeting.minutes.markdown import md

    assert (
        md(" Présidence\u00a0: Neema   Mwakasege-Lyimo\u00a0; fin ")
        == "Présidence\u00a0: Neema Mwakasege-Lyimo\u00a0; fin"
    )
    assert md("40\u202f%") == "40\u202f%"


def test_markdown_shows_entities_and_tildes_as_typed():
    """ "&amp;" and "&lt;script&gt;" rendered as "&" and "<script>", and "~~strike~~" struck through.
    A bare "&" starts no reference, so it stays bare: the backslash of "Asia \\& Pacific" showed
    to whoever reads the file as text."""
    from meeting.minutes.markdown import md

    assert md("Tom &amp; Jerry &lt;script&gt;") == "Tom \\&amp; Jerry \\&lt;script\\&gt;"
    assert md("&#123; &#x1F; &#X41;") == "\\&#123; \\&#x1F; \\&#X41;"
    assert md("~~strike~~") == "\\~\\~strike\\~\\~"
    assert md("Southeast Asia & Pacific; R&D & AT&T, & ; &;") == "Southeast Asia & Pacific; R&D & AT&T, & ; &;"
    from html import escape

    from markdown_it import MarkdownIt

    typed = "Tom &amp; Jerry &lt;script&gt; ~~strike~~ &#123; &#x1F; &copy; Asia & Pacific, R&D"
    shown = MarkdownIt("gfm-like").render(md(typed))
    assert shown == f"<p>{escape(typed)}</p>\n"


def test_a_ranked_counts_csv_rows_give_the_valid_papers_and_the_quota(tmp_path):
    """docs/minutes.md promised the base and what is needed on every election row; an STV
    count's rows left both empty."""
    journal = REPO / "minutes" / "2027-06-general-assembly-election" / "journal.jsonl"
    assert main(["minutes", str(journal), "--format", "csv", "-o", str(tmp_path)]) == 0
    text = (tmp_path / "votes.csv").read_text("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["motion kind"] == "election"]
    arithmetic = ("rule", "base", "bound", "bound in votes", "votes in favour needed")
    assert rows and {tuple(r[c] for c in arithmetic) for r in rows} == {
        ("the Droop quota of the 154 valid ballot papers", "154", "at least", "20", "20")
    }
