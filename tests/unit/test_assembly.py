"""The generated general assembly (bench/generate_assembly.py) and its committed files."""

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from meeting.domain.council import Council
from meeting.loader.load import Loaded, load

REPO = Path(__file__).resolve().parents[2]
ASSEMBLY = REPO / "agendas" / "ic-asm-ga"
REGION_IDS = [r["id"] for r in tomllib.loads((REPO / "agendas/ic-asm/council.toml").read_text("utf-8"))["regions"]]


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_assembly", REPO / "bench" / "generate_assembly.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def assembly_160(generator: ModuleType) -> dict[str, str]:
    files: dict[str, str] = generator.generate(160)
    return files


@pytest.fixture(scope="module")
def assembly_1000(generator: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ga-1000")
    for name, text in generator.generate(1000).items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    return out


def _council(loaded: Loaded) -> Council:
    assert loaded.council is not None
    return loaded.council


def test_committed_files_are_what_the_script_generates(assembly_160: dict[str, str]) -> None:
    assert sorted(assembly_160) == [
        "2027-06-general-assembly-election.script",
        "2027-06-general-assembly.toml",
        "council.toml",
    ]
    for name, text in assembly_160.items():
        assert (ASSEMBLY / name).read_bytes() == text.encode("utf-8"), f"regenerate {name}"


@pytest.mark.parametrize("name", ["council.toml", "2027-06-general-assembly.toml"])
def test_committed_files_load_without_any_diagnostic(name: str) -> None:
    loaded = load(ASSEMBLY / name)
    assert loaded.diagnostics == []
    council = _council(loaded)
    if name != "council.toml":
        assert loaded.meeting is not None
        assert loaded.meeting.council == council
    assert len(council.seats) >= 150
    assert [r.id for r in council.regions] == REGION_IDS
    assert all(council.seats_in(region_id) for region_id in REGION_IDS)


def test_committed_agenda_fits_its_day() -> None:
    meeting = load(ASSEMBLY / "2027-06-general-assembly.toml").meeting
    assert meeting is not None
    assert meeting.agenda.kind == "general_assembly"
    assert meeting.agenda.planned_minutes <= meeting.agenda.duration_minutes == 420
    roles = {m.id: m.role for m in meeting.council.members}
    assert roles[meeting.agenda.chair] == "chair"
    assert roles[meeting.agenda.secretary] == "secretary"


def test_a_thousand_delegates_load_and_each_holds_a_seat(assembly_1000: Path) -> None:
    loaded = load(assembly_1000 / "2027-06-general-assembly.toml")
    assert loaded.ok, loaded.diagnostics
    council = _council(loaded)
    # Every delegate holds a seat, the chair and vice-chair included; nobody else does.
    assert len(council.seats) == 1000
    assert {m.role for m in council.seats} == {"member", "chair", "vice-chair"}
    assert all(council.seats_in(region_id) for region_id in REGION_IDS)
    names = [m.name for m in council.members]
    assert len(names) == len(set(names))
    assert sum(not name.isascii() for name in names) >= 100


def test_a_thousand_delegates_have_alternates_and_officers(assembly_1000: Path) -> None:
    council = _council(load(assembly_1000 / "council.toml"))
    roles = [m.role for m in council.members]
    assert roles.count("alternate") == 100
    assert roles.count("chair") == roles.count("vice-chair") == roles.count("secretary") == 1
    assert roles.count("observer") == 6
    assert sum(not m.good_standing for m in council.seats) == 30
    # One association a delegate: the organisations of the seats are all different.
    organisations = [m.organisation for m in council.seats]
    assert len(organisations) == len(set(organisations))


def test_same_seed_same_files_other_seed_other_files(generator: ModuleType, assembly_160: dict[str, str]) -> None:
    assert generator.generate(160, seed=2027) == assembly_160
    other = generator.generate(160, seed=2028)
    assert other.keys() == assembly_160.keys()
    assert all(other[name] != assembly_160[name] for name in other)


@pytest.mark.parametrize("delegates", [5, 7, 12])
def test_the_smallest_assemblies_still_load(generator: ModuleType, tmp_path: Path, delegates: int) -> None:
    for name, text in generator.generate(delegates).items():
        (tmp_path / name).write_text(text, encoding="utf-8", newline="\n")
    loaded = load(tmp_path / "2027-06-general-assembly.toml")
    assert loaded.ok, loaded.diagnostics
    assert len(_council(loaded).seats) == delegates


def test_fewer_delegates_than_regions_is_refused(generator: ModuleType) -> None:
    with pytest.raises(ValueError, match="at least 5 delegates"):
        generator.generate(4)


def test_the_election_of_the_council_replays_and_elects_by_stv(tmp_path: Path) -> None:
    """The assembly's STV election from its script: seven seats, at least three women, every
    paper within the ballots that could be cast."""
    from meeting.domain.elections.ranked import RankedCount
    from tests.kit import start

    meeting = start(tmp_path, ASSEMBLY / "2027-06-general-assembly.toml")
    meeting.run(*(ASSEMBLY / "2027-06-general-assembly-election.script").read_text("utf-8").splitlines())
    election = meeting.state.elections["council"]
    (ballot,) = election.rounds
    count = ballot.result
    assert isinstance(count, RankedCount) and count.method == "scottish_stv"
    assert len(count.elected) == 7 and election.complete
    council = meeting.state.meeting.council
    women = [c for c in count.elected if (m := council.member(c)) is not None and m.gender == "F"]
    assert len(women) >= 3
    assert count.valid == ballot.paper_count <= ballot.possible
    assert count.quota == count.valid // 8 + 1
    from meeting.report import summary_lines

    # One ballot is "1 ballot", not "1 ballots".
    assert any(line.endswith("(1 ballot)") for line in summary_lines(meeting.state))


def test_the_generated_assembly_is_given_in_every_working_language(
    assembly_160: dict[str, str], tmp_path: Path
) -> None:
    """The generated agenda's place was English only ("in Nairobi, Kenya, in person…"), and its
    title, items, regions and countries too, though the council works in French, Spanish and
    Swahili: its minutes in those languages were half English."""
    from meeting.i18n import language
    from meeting.vocabulary import meeting_place, meeting_title

    for name, text in assembly_160.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    meeting = load(tmp_path / "2027-06-general-assembly.toml").meeting
    assert meeting is not None
    agenda, council = meeting.agenda, meeting.council
    for lang in [lang for lang in council.languages if lang != agenda.language] + ["pt"]:
        words = (agenda.translations or {})[lang]
        assert words.title and words.place, lang
        assert all(lang in (item.translations or {}) for item in agenda.items), lang
        assert all(lang in (e.translations or {}) for item in agenda.items for e in item.elections or ()), lang
        assert all(lang in (r.translations or {}) for r in council.regions), lang
        assert all(lang in (m.country_translations or {}) for m in council.members if m.country), lang
        assert lang in (council.translations or {}), lang
    with language("es"):
        assert meeting_title(agenda) == "Asamblea General del IC-ASM, junio de 2027"
        assert meeting_place(agenda) == "en Nairobi (Kenia), de forma presencial y con participación a distancia"
