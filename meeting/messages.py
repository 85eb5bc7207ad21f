"""The text of every diagnostic code, rendered through `_()` in the reader's language.

The domain and the loader speak in codes with parameters; this is the one place they
become sentences. TOML keys and values the user wrote are quoted verbatim: they are the
file's syntax, not prose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from meeting.domain.text import visible
from meeting.i18n import N_, _
from meeting.vocabulary import (
    CAPACITIES,
    CHOICES,
    ITEM_STATUS,
    MOTION_NAMES,
    MOTION_STATUS,
    QUORUM_UNITS,
    STANDING,
    TIE_BREAKERS,
)

if TYPE_CHECKING:
    from meeting.domain.council import Council
    from meeting.domain.state import State

MESSAGES: dict[str, str] = {
    # Reading files
    "file.missing": N_("no such file"),
    "file.is-directory": N_("is a directory, not a file"),
    "file.unreadable": N_("cannot read the file: {reason}"),
    "file.too-large": N_("file is {size} bytes; files larger than {limit} bytes are refused"),
    "file.not-regular": N_("not a regular file (a pipe, a device or a socket is never read)"),
    "file.empty": N_("file is empty"),
    "file.not-utf8": N_("the file is not UTF-8 text: invalid byte 0x{byte} here"),
    "file.not-toml": N_("council file '{file}' must be a TOML file ending in .toml"),
    "file.unknown-kind": N_(
        "cannot tell what this file describes: a council file has [[members]], an agenda has [[items]]"
    ),
    # The command language
    "command.unclosed-quote": N_("the quoted text is not closed"),
    "command.unknown": N_("unknown command '{verb}'; press ? or type 'help' for the list"),
    "command.unknown-suggest": N_("unknown command '{verb}'; did you mean '{suggestion}'?"),
    "command.empty-text": N_("the quoted text is empty"),
    "command.text-too-long": N_("the quoted text has {length} characters; a text may have at most {limit}"),
    "command.number-too-large": N_("{value} is too large a number here"),
    "text.control-character": N_(
        "control character {char} is not allowed in text (terminal escapes, other control codes and bidi overrides are refused)"
    ),
    "command.unexpected": N_("unexpected '{token}' here"),
    "command.bad-time": N_("'{value}' is not a time: write HH:MM or HH:MM:SS"),
    "command.bad-date": N_("'{value}' is not a date: write YYYY-MM-DD"),
    "command.expected-keyword": N_("expected '{word}' here"),
    "command.expected-choice": N_("expected one of: {choices}"),
    "command.expected-member": N_("expected a member: an id, a name, or part of a name"),
    "command.expected-members": N_("expected one or more members"),
    "command.expected-item": N_("expected an agenda item: its number or id"),
    "command.expected-text": N_("expected a text in double quotes"),
    "command.expected-number": N_("expected a whole number"),
    "command.expected-motion": N_("expected a motion's number, such as #10"),
    "command.expected-time": N_("expected a time HH:MM"),
    "command.expected-date": N_("expected a date YYYY-MM-DD"),
    # Who and what
    "member.not-found": N_("no member matches '{text}'"),
    "member.ambiguous": N_("'{text}' matches several members ({candidates}): use the id"),
    "member.repeated": N_("'{id}' is named twice"),
    "member.observer": N_("'{id}' is an observer: observers speak when recognised but cannot {role}"),
    "member.no-seat": N_("'{id}' does not sit on the council now (no seat, or the titular is here), so cannot {role}"),
    "member.not-here": N_("'{id}' is not present, so cannot {role}"),
    "member.already-recused": N_("'{id}' is already recused from item '{item}'"),
    "member.recused": N_("'{id}' is recused from item '{item}', so cannot {role}"),
    "interest.not-ruled": N_(
        "'{id}' declared an interest in item '{item}': the chair rules first ('recuse' or 'clear'), then the member may {role}"
    ),
    "interest.own-case": N_(
        "'{id}' presides and cannot rule that their own interest in item '{item}' is no bar: hand the chair"
        " over ('chair MEMBER') for the ruling"
    ),
    "interest.none-to-clear": N_("'{id}' has no declared interest in item '{item}' waiting for a ruling"),
    "item.no-such-number": N_("there is no item {number}: the agenda has {count}"),
    "item.not-found": N_("no agenda item '{text}'"),
    "item.ambiguous": N_("'{text}' matches items {numbers}: be more precise"),
    "item.motion-pending": N_("motion #{motion} is still pending: decide, withdraw or table it first"),
    "motion.rescind-not-adopted": N_(
        "motion #{motion} was not adopted: only a main motion carried is rescinded (a step of procedure is reconsidered, if at all)"
    ),
    "item.point-pending": N_("a point of order (#{motion}) awaits the chair's ruling: rule on it first"),
    "item.draft-not-moved": N_(
        "item '{item}' is marked done, but its draft motion was never moved: nothing was decided on it "
        "('undo' to move it; the minutes list it as unfinished business)"
    ),
    "item.already-open": N_("item '{item}' is already open"),
    "item.no-next": N_("no pending item after this one"),
    "item.no-previous": N_("no pending item before this one"),
    "item.none-open": N_("no item is open"),
    "item.already-closed": N_("item '{item}' is already {item_status}"),
    "item.bad-minutes": N_("an item takes from 1 to {limit} minutes, not {minutes}"),
    "item.after-itself": N_("an item cannot be placed after itself"),
    # The sitting
    "sitting.not-begun": N_("the meeting has not begun: type 'begin' to call it to order"),
    "sitting.in-recess": N_("the meeting is in recess: type 'resume' first"),
    "sitting.adjourned": N_("the meeting is adjourned"),
    "sitting.already-begun": N_("the meeting has already begun"),
    "sitting.not-in-recess": N_("the meeting is not in recess"),
    "sitting.bad-recess": N_("a recess lasts from 1 to {limit} minutes, not {minutes}"),
    "sitting.not-begun-yet": N_("this sitting has not begun yet: there is nothing to close"),
    "quorum.lost": N_("no quorum ({words}): only adjournment, recess, attendance and points of order are in order"),
    "balance.waiver-needed": N_(
        "women are {share} of the voting members sitting, below the {target} the rules require: record a waiver with 'waive-balance' first"
    ),
    "balance.no-rule": N_("the rules set no gender balance to waive"),
    "balance.short": N_("women are {share} of the voting members sitting, below the {target} the rules ask"),
    "chair.already": N_("'{id}' is already in the chair"),
    "chair.absent": N_(
        "nobody presides: only attendance, 'chair', 'secretary', notes and undo until a chair is named with 'chair MEMBER' (vice-chair: {vice})"
    ),
    "chair.has-interest": N_("'{id}' declared an interest in item '{item}' and cannot preside over it"),
    "secretary.already": N_("'{id}' is already taking the minutes"),
    "attendance.not-here": N_("'{id}' is not present, so cannot leave"),
    "attendance.not-remote": N_("'{id}' is not attending remotely"),
    "attendance.unchanged": N_("nothing changes: already {status}"),
    "attendance.not-away": N_("'{id}' has not left or dropped out"),
    "proxy.not-allowed": N_("the rules do not allow proxies"),
    "proxy.principal-no-seat": N_("'{id}' holds no voting seat to give by proxy"),
    "proxy.exists": N_("'{id}' has already given a proxy to '{holder}': revoke it first"),
    "proxy.self": N_("a member cannot hold their own proxy"),
    "proxy.holder-no-seat": N_("'{id}' holds no voting seat, so cannot hold a proxy"),
    "proxy.other-region": N_("'{id}' is not from the same region as '{principal}': the rules require it"),
    "proxy.holder-full": N_("'{id}' already holds the most proxies the rules allow ({limit})"),
    "proxy.none": N_("'{id}' has given no proxy"),
    # Motions
    "motion.none-pending": N_("no motion is pending"),
    "motion.not-seconded": N_("motion #{motion} has not been seconded"),
    "motion.not-allowed": N_("the council's rules do not allow this motion ({kind})"),
    "motion.point-pending": N_("out of order: a point of order is pending; the chair rules first"),
    "motion.main-pending": N_("out of order: a main motion is pending"),
    "motion.outranked": N_("out of order: it does not outrank the pending motion ({pending})"),
    "motion.no-main": N_("out of order: no main motion is pending"),
    "motion.divide-not-pending": N_(
        "out of order: a question is divided while it is immediately pending (the main motion, an amendment to it, or the main motion under a motion to postpone it indefinitely), and the pending motion is another ({pending})"
    ),
    "motion.not-amendable": N_("out of order: the pending motion ({pending}) cannot be amended"),
    "motion.amend-too-deep": N_("out of order: an amendment to an amendment cannot be amended (two levels at most)"),
    "motion.objection-too-late": N_(
        "out of order: an objection to consideration must come before debate or any other motion"
    ),
    "motion.no-ruling": N_("out of order: there is no ruling of the chair to appeal"),
    "motion.appeal-too-late": N_(
        "too late to appeal the chair's ruling on motion #{motion}: debate or business has gone on since"
    ),
    "motion.debate-closed": N_(
        "out of order: debate is closed on the pending question (previous question ordered): put it to the vote"
    ),
    "motion.nothing-tabled": N_("out of order: nothing lies on the table"),
    "motion.nothing-tabled-here": N_(
        "out of order: no motion of the item open lies on the table; name one with its number ('#N') under its own item"
    ),
    "motion.not-tabled": N_("motion #{motion} does not lie on the table"),
    "motion.tabled-other-item": N_("motion #{motion} was laid on the table under item '{item}': open that item first"),
    "motion.nothing-to-reconsider": N_("out of order: no motion decided in this sitting to reconsider"),
    "motion.second-by-mover": N_("'{id}' moved the motion and cannot second it"),
    "motion.no-item": N_("open an agenda item before moving a motion"),
    "motion.text-needed": N_("this motion ({kind}) needs its text"),
    "motion.not-pending": N_("motion #{motion} is not pending: a point of order says a pending motion is out of order"),
    "motion.not-winning-side": N_("'{id}' did not vote '{side}' with the winning side, so cannot move to reconsider"),
    "motion.no-second-needed": N_("no second is needed for this motion ({kind})"),
    "motion.already-seconded": N_("motion #{motion} is already seconded by '{by}'"),
    "motion.voting-open": N_(
        "voting on motion #{motion} is open: only the answers, 'close', a point of order, attendance, notes and undo until it closes"
    ),
    "motion.no-target": N_(
        "this motion ({kind}) does not name another motion's number: only reconsider, take-from-table and close-debate do"
    ),
    "motion.no-such-motion": N_("there is no motion #{motion}"),
    "motion.not-reconsiderable": N_(
        "motion #{motion} cannot be reconsidered: it was not decided by a vote or by consent of its own"
    ),
    "motion.reconsider-pending": N_("motion #{motion} is still pending: only a decided motion is reconsidered"),
    "motion.reconsider-set-aside": N_(
        "motion #{motion} was not decided by a vote of its own: it left the floor when motion #{by} carried; reconsider motion #{by}"
    ),
    "motion.reconsider-kind": N_("motion #{motion} cannot be reconsidered: this kind of motion ({kind}) never is"),
    "motion.reconsider-earlier-sitting": N_(
        "motion #{motion} cannot be reconsidered: it was decided in an earlier sitting, and only a decision of this sitting is"
    ),
    "motion.reconsider-twice": N_("motion #{motion} cannot be reconsidered: it has been reconsidered once already"),
    "motion.reconsider-only-adopted": N_(
        "motion #{motion} cannot be reconsidered: a motion to postpone indefinitely is reconsidered only when adopted, and this one was lost"
    ),
    "motion.reconsider-not-sustained": N_(
        "motion #{motion} cannot be reconsidered: an objection to consideration is reconsidered only when sustained, and this one was not"
    ),
    "motion.reconsider-target-first": N_(
        "motion #{motion} cannot be reconsidered now: motion #{target}, which it acted on, has been decided since; reconsider motion #{target} first"
    ),
    "motion.reconsider-vote-taken": N_(
        "motion #{motion} cannot be reconsidered: debate was closed by it, and motion #{target} has been decided under it since"
    ),
    "motion.reconsider-outranked": N_(
        "motion #{motion} cannot be reconsidered now: it would come back above motion #{above} ({pending}), which is pending; decide that one first"
    ),
    "motion.reconsider-target-gone": N_(
        "motion #{motion} cannot be reconsidered now: motion #{target}, which it acted on, is no longer pending"
    ),
    "motion.reconsider-text-changed": N_(
        "motion #{motion} cannot be reconsidered: the text it gave motion #{target} has been amended since"
    ),
    "motion.no-business-since-tabled": N_(
        "out of order: no business has been done since the motion was laid on the table (a decision, or an item opened)"
    ),
    "motion.substitute-adopted": N_(
        "an amendment to motion #{motion} was adopted already, putting a new text in its place: the text adopted may "
        "only be added to now (keep every word of it), not replaced"
    ),
    "motion.withdraw-pending": N_("a request to withdraw is already pending: decide it first"),
    "motion.close-debate-not-pending": N_(
        "motion #{motion} is not pending: close debate names a pending question, and closes debate on it and on every question pending on it"
    ),
    "motion.close-debate-text": N_(
        "close debate takes no text: it closes debate on the immediately pending question, or with '#N' on every pending question down to motion N ('#1' for all of them when motion 1 is the main motion)"
    ),
    "motion.withdraw-not-pending": N_("motion #{motion} is not pending: only a motion on the floor is withdrawn"),
    "division.no-result": N_("no result declared by a show of hands or by consent to divide"),
    "division.too-late": N_("too late to demand a division of motion #{motion}: other business came after its result"),
    "consensus.first": N_(
        "the rules seek consensus first on this question ({cls}): call 'consensus'; a vote follows only if it fails, "
        "or once the rules are suspended"
    ),
    "rule.nothing-to-rule": N_("nothing pending for the chair to rule on"),
    # Votes
    "vote.tie-pending": N_("motion #{motion} waits for {awaiting}"),
    "consensus.open": N_("consensus is being sought on motion #{motion}: 'conclude' it first"),
    "vote.chair-rules": N_("motion #{motion} is decided by the chair's ruling, not by a vote: use 'rule'"),
    "vote.roll-call-open": N_("a roll call is open: record votes with yes/no/abstain, then 'close'"),
    "vote.secret-ballot-item": N_("this item is decided by secret ballot: type 'ballot' first"),
    "vote.secret-item-by-name": N_(
        "this item is decided by secret ballot, so no member's position is recorded by name: take a 'ballot', or record an 'objection' without a name"
    ),
    "vote.blank-not-ballot": N_("blank ballots exist only in a secret ballot"),
    "vote.too-many": N_("{votes} votes, but only {entitled} members may vote now"),
    "vote.no-casting-vote": N_("no tie waits for the chair's vote"),
    "vote.chair-has-interest": N_(
        "'{id}' presides but an interest bars their vote on this item: no casting or deciding vote; "
        "'cast none' leaves motion #{motion} to the members' votes"
    ),
    "vote.chair-not-decisive": N_(
        "the chair's '{choice}' would not change the result of motion #{motion}: the chair votes only to decide "
        "the question; 'cast none' leaves it to the members' votes"
    ),
    "vote.no-lots": N_("no tie waits for a drawing of lots"),
    "vote.no-roll-call": N_("no roll call is open: type 'roll-call' first"),
    "vote.secret-ballot-named": N_(
        "this is a secret ballot: no vote may be recorded by name; enter the totals with 'vote'"
    ),
    "vote.for-one-voter": N_("'for' names the principal of one voter only"),
    "vote.already-voted": N_("the seat of '{seat}' has already voted"),
    "vote.observer": N_("'{id}' is an observer and cannot vote"),
    "vote.absent": N_("'{id}' is not present and cannot vote"),
    "vote.principal-present": N_("'{seat}' is here and casts their own vote: '{id}' no longer votes for them by proxy"),
    "vote.not-entitled": N_("'{id}' does not cast the vote of '{seat}' now"),
    "vote.recused": N_("'{id}' is recused from this item"),
    "vote.interest-not-ruled": N_("'{id}' declared an interest in this item and waits for the chair's ruling"),
    "vote.seat-recused": N_("the seat of '{seat}' is recused from this item: '{id}' cannot cast its vote"),
    "vote.seat-interest-not-ruled": N_(
        "an interest declared for the seat of '{seat}' waits for the chair's ruling: '{id}' cannot cast its vote"
    ),
    "vote.not-in-good-standing": N_("the seat of '{seat}' is not in good standing and cannot vote"),
    "vote.chair-does-not-vote": N_("'{id}' is in the chair, and the rules say the chair does not vote here"),
    "vote.count-by-name": N_(
        "motion #{motion} is counted by weight or by chamber, which only names can tell: type 'roll-call'"
    ),
    "vote.outside-electorate": N_("the seat of '{seat}' does not vote on decisions of this class"),
    "quorum.cannot-open": N_("too few to open the meeting: {present} {unit} present, {needed} needed"),
    "restore.not-allowed": N_("the rules do not let the meeting restore a member's vote (restore_standing)"),
    "restore.no-seat": N_("'{id}' holds no voting seat"),
    "restore.may-vote": N_("'{id}' may already vote: in good standing, or restored"),
    "postal.not-open": N_("motion #{motion} stands on no request for a postal ballot: its class's quorum was met"),
    "postal.not-a-voter": N_("'{id}' does not vote on this decision, so cannot ask for a postal ballot"),
    "postal.already-asked": N_("'{id}' has already asked for a postal ballot on it"),
    "consent.has-objection": N_("an objection was raised ({by}): put the motion to a vote"),
    "consent.class-quorum": N_(
        "too few take part for the quorum of motion {motion}'s class: put it to a vote, whose result members may"
        " stop by asking for a postal ballot"
    ),
    "consent.falls-short": N_(
        "consent cannot carry motion {motion}: the votes of all {entitled} who may vote now would not carry it"
        " under the rules: put it to a vote"
    ),
    "consensus.falls-short": N_(
        "consensus cannot carry motion {motion}: the votes of all {entitled} who may vote now would not carry it"
        " under the rules: type 'conclude not-reached', then put it to a vote"
    ),
    "consent.already-objected": N_("'{id}' has already objected"),
    "consensus.not-called": N_("no call for consensus is open: type 'consensus' first"),
    "consensus.already-called": N_("consensus has already been called on this motion"),
    "consensus.already-blocked": N_("'{id}' has already blocked"),
    "consensus.already-aside": N_("'{id}' has already stood aside or blocked"),
    # Speakers and the record
    "speakers.already-queued": N_("'{id}' is already in the speakers' queue"),
    "speakers.not-queued": N_("'{id}' is not in the speakers' queue"),
    "speakers.empty": N_("the speakers' queue is empty"),
    "floor.nobody": N_("nobody has the floor"),
    "undo.nothing": N_("nothing to undo"),
    "undo.adjourned": N_(
        "the meeting is adjourned: nothing is taken back after it; record a correction with 'correct', "
        "or open a new sitting with 'sitting'"
    ),
    "clock.behind": N_(
        "the computer's clock is about {seconds} behind the last recorded event; the record keeps that event's time until the clock catches up"
    ),
    "secretary.away": N_("'{id}', who takes the minutes, is away: name an acting minute-taker with 'secretary MEMBER'"),
    "item.elections-unfinished": N_(
        "the item is closed with elections not completed ({elections}): the minutes list them as unfinished business"
    ),
    "nomination.not-seconded": N_(
        "'{candidate}' was nominated without a seconder and is not on the ballot of '{election}'"
    ),
    "closed.observers-here": N_(
        "this item is taken in closed session and observers are here ({ids}): they leave before the council takes it up"
    ),
    "clock.script-only": N_("'at' sets the clock of a replay script; the console uses the real time"),
    "clock.no-such-time": N_(
        "there is no {time} on {date} in {zone}: the clocks went forward past it; write the time the clocks then showed, {after}"
    ),
    "clock.backwards": N_("'at {time}' is earlier than the script's clock ({now}): time only moves forward"),
    "journal.source-changed": N_(
        "this file changed since the meeting began: the meeting goes on under the council and agenda its journal recorded then"
    ),
    "journal.name-not-utf8": N_(
        "this file's name is not UTF-8 text, and the journal records the name of each file the meeting is read from: rename it"
    ),
    "journal.bad-event": N_("this line's event is not one this program writes: the journal was edited"),
    "journal.would-not-read": N_(
        "nothing recorded: the program made a '{type}' event its journal could not read back (a defect:"
        " please report it, with the journal)"
    ),
    "journal.no-meeting": N_("the journal does not start with the meeting it records"),
    "journal.inconsistent": N_(
        "this line's event does not follow from the lines before it (it names a member, an item, a motion or an election the meeting does not have, or undoes what was not the last action): the journal was edited"
    ),
    "journal.misdecided": N_(
        "this line records motion #{motion} as {decided}, but the votes it records give {counted} under the rules: the journal was edited"
    ),
    "journal.misdeclared": N_(
        "this line declares round {round} of election '{election}' otherwise than its tellers' report or ballot papers give under the rules: the journal was edited"
    ),
    "journal.miscounted": N_(
        "this line's count of motion #{motion} is not what the votes it records give (a roll call's figures that are not its answers', or a tie-break that was not awaited): the journal was edited"
    ),
    "replay.journal-exists": N_("the journal already exists: give --append to continue it, or another --journal"),
    "replay.other-meeting": N_("the journal records another meeting ('{id}')"),
    # The journal
    "journal.not-utf8": N_(
        "this line is not UTF-8 text (invalid byte 0x{byte}): the file was changed after it was written"
    ),
    "journal.bad-json": N_("this line is not valid JSON: the file was damaged or edited"),
    "journal.bad-entry": N_(
        "this line is not a journal entry: it needs exactly the keys seq, ts, prev and event, in that order"
    ),
    "journal.bad-field": N_(
        "'{key}' has the wrong form ('seq' is a whole number, 'prev' 64 hexadecimal digits, 'event' an object with a 'type')"
    ),
    "journal.seq-gap": N_("'seq' is {found} but {expected} was expected: a line is missing, repeated or out of order"),
    "journal.bad-start": N_("the first line's 'prev' must be 64 zeros: the line was changed after it was written"),
    "journal.chain-broken": N_(
        "line {previous} was changed after it was written (or this line's 'prev' was): its hash no longer matches this line's 'prev'"
    ),
    "journal.bad-ts": N_("'ts' is {value}, not a UTC time with milliseconds such as 2026-12-10T12:00:00.000Z"),
    "journal.time-backwards": N_(
        "this line's time {ts} is earlier than the line before it ({previous}); the program never records a time earlier than the last one: the journal was edited"
    ),
    "journal.not-canonical": N_(
        "this line is not written the way the program writes entries (spacing, escapes or number form differ): it was edited"
    ),
    "journal.torn": N_(
        "this last line was cut off while being written and never confirmed, so it is not part of the journal; opening the journal to write moves it to '{torn}'"
    ),
    "journal.torn-not-file": N_(
        "a torn last line is kept in this file, but it is not a plain file (a folder, a symbolic link, a pipe or a device): nothing was changed; move it out of the way and try again"
    ),
    "journal.empty": N_("the journal has no complete line: it was never properly started"),
    "journal.exists": N_("the file already exists; a new journal is never written over an existing file"),
    "journal.locked": N_("another program is writing to this journal (it is locked); close it there first"),
    "journal.unwritable": N_("cannot write the journal: {reason}"),
    "journal.closed": N_("the journal is closed after an earlier write error; open it again to continue"),
    "journal.mirror-diverged": N_(
        "the mirror differs from the journal '{journal}' from this line on; it is left unchanged: check which copy is right"
    ),
    "journal.mirror-ahead": N_(
        "the mirror goes on from this line beyond the journal '{journal}', which it holds whole: the mirror is the fuller copy; both are left unchanged: keep the journal aside, copy the mirror in its place, and run again"
    ),
    "journal.mirror-failed": N_(
        "cannot write the mirror: {reason}; the journal itself is up to date, and the mirror is brought level when it can be written again"
    ),
    "journal.moved": N_(
        "the journal file '{file}' was moved or deleted while the meeting had it open: nothing was recorded; put it back at that path to go on"
    ),
    "journal.replaced": N_(
        "another meeting's journal was written in this file's place: the meeting is shown as last read "
        "and no longer followed; open the view again to follow the other"
    ),
    "journal.mirror-unopened": N_(
        "cannot write the mirror: {reason}; the journal was not opened: give a mirror that can be written, or none, and run again"
    ),
    "journal.mirror-moved": N_("the mirror's file was moved or deleted while it was open"),
    "journal.mirror-is-journal": N_("the mirror is the journal itself; give a path on another disk"),
    "journal.line-too-long": N_("this line is longer than the {limit} bytes a journal line may have"),
    "journal.parent-not-folder": N_("cannot create the journal's folder: '{parent}' is a file, not a folder"),
    # The minutes and their verification
    "minutes.unwritable": N_("cannot write the minutes: {reason}"),
    "minutes.would-replace-journal": N_(
        "the minutes' file '{file}' would replace this journal, the meeting's record: nothing was written; give the journal another name, or write the minutes elsewhere with -o"
    ),
    "minutes.other-journal": N_(
        "this folder holds the minutes of another journal ('{journal}'), which these would replace: nothing was written; give another folder with -o"
    ),
    "minutes.unknown-manifest": N_(
        "this manifest does not say which journal the minutes here were written from, so writing these could"
        " replace another meeting's: nothing was written; give another folder with -o, or remove it"
    ),
    "templates.not-a-folder": N_("--templates must name a folder: there is none here"),
    "templates.empty": N_("--templates names a folder with neither a minutes.html nor a minutes.css"),
    "templates.failed": N_("the minutes' template could not be filled: {reason}"),
    "templates.unescaped": N_(
        "this template lets text through unescaped ('|safe' or 'autoescape false'): the record's text must reach the page escaped"
    ),
    "minutes.approval-lapsed": N_(
        "these minutes were approved (by {approved_by}) as written from entry {seq} of the journal, which "
        "now ends at entry {last}: written again, they are a draft, for a later meeting to approve"
    ),
    "minutes.journal-damaged": N_("the journal is damaged (see above): no minutes are written from it"),
    "verify.minutes-differ": N_(
        "this file differs from what the journal regenerates, from here on: the file was changed, or the journal was"
    ),
    "verify.written-before-approval": N_(
        "this file was written before the approval, as the draft, and is unchanged since: it is not the "
        "approved minutes; write it again with 'meeting minutes'"
    ),
    "verify.minutes-unreadable": N_("cannot read this minutes file: {reason}"),
    "verify.minutes-missing": N_("the manifest lists this file, but it is missing"),
    "verify.minutes-changed": N_(
        "this file's SHA-256 is {found}, but the manifest lists {expected}: it changed since it was written"
    ),
    "verify.no-manifest": N_(
        "no manifest.toml in {folder}: the minutes here were not all written by 'meeting minutes', or it was deleted"
    ),
    "verify.no-minutes": N_("no minutes in {folder}: neither a manifest.toml nor any minutes file"),
    "verify.other-version": N_(
        "written by meeting {written}; this is {this}: the files are checked against the manifest, not regenerated"
    ),
    "verify.expect-earlier": N_(
        "the signed copy was made from this entry; the journal goes on after it (entries since: {later})"
    ),
    "verify.expect-differs": N_("the journal's final SHA-256 is {found}, not {expected} as on the signed copy"),
    "verify.source-not-embedded": N_(
        "the council and agenda the journal holds are not what these files give, although their SHA-256 match: the journal's copy was changed"
    ),
    "verify.source-unloadable": N_(
        "these files match the SHA-256 the journal records but no longer load (see `meeting check`): the journal's copy of them is not compared"
    ),
    "verify.no-sources": N_(
        "the journal records no files the meeting was loaded from: its council and agenda cannot be checked against this folder"
    ),
    "verify.source-outside": N_(
        "the journal records a source outside the agenda's folder ({source}): it is not read, nor vouched for"
    ),
    "verify.source-missing": N_("no such file: the journal records this source with SHA-256 {expected}"),
    "verify.source-changed": N_(
        "this file's SHA-256 is {found}, but the meeting was loaded from {expected}: it changed since"
    ),
    "verify.approval-unchecked": N_(
        "these minutes say the council approved them at its meeting '{meeting}': "
        "give that meeting's journal with --approved-by to check it"
    ),
    "verify.journal-grew": N_(
        "'{file}' was made from this journal up to entry {seq}, and it now ends at entry {last}: "
        "entries were added since (a correction, a later sitting); write the minutes again"
    ),
    "verify.journal-not-minuted": N_(
        "the journal's last entry has SHA-256 {found}, but '{file}' was made from one with {expected}: "
        "the journal or the minutes were changed afterwards"
    ),
    "approval.later-damaged": N_(
        "the journal of the meeting said to have approved these minutes cannot be read whole (see above)"
    ),
    "approval.none": N_("this journal records no approval of the minutes of '{meeting}'"),
    "approval.journal-moved": N_(
        "the council approved the minutes of this journal as it stood at this entry; what it recorded "
        "after (entries after this one: {later}) is not approved: its minutes are a new draft, for a later meeting"
    ),
    "approval.other-journal": N_(
        "the approval names a journal whose last entry has SHA-256 {expected}, not this one's {found}"
    ),
    "approval.before-meeting": N_(
        "the sitting that recorded this approval began at {began}, before the meeting whose minutes it "
        "approves was adjourned ({adjourned}): minutes are approved at a later meeting"
    ),
    "approval.draft-differs": N_(
        "the council approved a draft minutes.toml with SHA-256 {expected}; the journal's draft now has {found}"
    ),
    "approval.draft-other-version": N_(
        "the draft the council approved was written by meeting {written}; this is {this}: it is not regenerated"
    ),
    # The record after the meeting, and the minutes it approves
    "record.not-adjourned": N_(
        "a correction to the record is made after adjournment; during the meeting, use 'undo' or a 'note'"
    ),
    "minutes.nothing-to-approve": N_("item '{item}' names no earlier minutes to approve (its 'approves' key)"),
    "minutes.already-approved": N_("the minutes of '{meeting}' are already approved"),
    "minutes.before-meeting": N_(
        "this sitting began at {began}, before the meeting '{meeting}' was adjourned ({adjourned}): "
        "its minutes are approved at a later meeting"
    ),
    "minutes.approval-lost": N_("motion #{motion}, to approve the minutes, was lost: the council did not approve them"),
    "minutes.approval-set-aside": N_(
        "motion #{motion}, to approve the minutes, was {decided}: the council has not decided the question"
    ),
    "minutes.corrections-not-decided": N_(
        "motion #{motion}, on which the approval rests, does not state these corrections: record them as "
        "the carried motion states them, or none if it approved the minutes as circulated"
    ),
    "approves.not-minutes-approval": N_(
        "only a minutes-approval item approves earlier minutes: give item '{item}' kind = \"minutes_approval\""
    ),
    "approves.twice": N_("item '{other}' already approves these minutes"),
    "approves.journal-damaged": N_(
        "the minutes in '{folder}' cannot be approved: their journal is missing or damaged (see above)"
    ),
    "approves.no-minutes": N_(
        "no minutes.toml in '{folder}': the council approves the draft in that meeting's own language "
        "('{language}'), and a draft written with --lang in another is a translation of it; write it first "
        "with 'meeting minutes {journal}', without --lang"
    ),
    "approves.not-minutes": N_("'{folder}' does not hold minutes written by 'meeting minutes' from its journal"),
    "approves.same-meeting": N_("'{folder}' holds this meeting's own minutes: a meeting approves an earlier one's"),
    "approves.not-earlier": N_("the meeting in '{folder}' ({meeting}, {date}) is not earlier than this one"),
    "approves.not-adjourned": N_(
        "the meeting in '{folder}' ({meeting}) was never adjourned: its minutes are not complete"
    ),
    "approves.minutes-stale": N_(
        "the minutes in '{folder}' were written before the last entries of their journal (entries since: "
        "{later}): write them again with 'meeting minutes' and circulate them"
    ),
    "approves.other-journal": N_("the minutes in '{folder}' were not written from the journal beside them"),
    "approves.minutes-changed": N_(
        "minutes.toml in '{folder}' changed after 'meeting minutes' wrote it (its SHA-256 is not the manifest's)"
    ),
    "approves.already-approved": N_(
        "the minutes in '{folder}' are already approved, by the council's meeting '{meeting}' of {date}"
    ),
    "publish.no-motion": N_("there is no motion #{motion}"),
    "publish.not-closed": N_("motion #{motion} was not decided in closed session: it is public already"),
    "publish.undecided": N_("motion #{motion} is not decided yet"),
    "publish.already": N_("the decision on motion #{motion} is already public"),
    # TOML syntax
    "toml.syntax": N_("invalid TOML"),
    "toml.too-deep": N_("invalid TOML: arrays or tables nested too deeply"),
    "toml.number-too-long": N_("invalid TOML: a number of more than 4,300 digits"),
    "toml.expected-newline": N_("invalid TOML: expected a new line after this statement"),
    "toml.invalid-value": N_("invalid TOML: not a valid value (strings need quotes)"),
    "toml.overwrite": N_("invalid TOML: this key already has a value"),
    "toml.expected-equals": N_("invalid TOML: expected '=' after the key"),
    "toml.invalid-key": N_("invalid TOML: a key cannot start here"),
    "toml.bad-escape": N_("invalid TOML: unknown escape after '\\' in a string"),
    "toml.invalid-statement": N_("invalid TOML: expected a key, a [table] or a comment"),
    "toml.unclosed-table-header": N_("invalid TOML: expected ']' to close the table header"),
    "toml.unclosed-array-header": N_("invalid TOML: expected ']]' to close the array of tables header"),
    "toml.bad-hex": N_("invalid TOML: bad hexadecimal digits in an escape"),
    "toml.bad-codepoint": N_("invalid TOML: the escape is not a Unicode character"),
    "toml.illegal-character": N_("invalid TOML: character {char} is not allowed here"),
    "toml.unclosed-array": N_("invalid TOML: the array is not closed with ']'"),
    "toml.unclosed-inline-table": N_("invalid TOML: the inline table is not closed with '}}'"),
    "toml.unterminated-string": N_("invalid TOML: the string is not closed"),
    "toml.bad-datetime": N_("invalid TOML: not a valid date or time"),
    "toml.duplicate-table": N_("invalid TOML: table [{key}] is defined twice"),
    "toml.duplicate-key": N_("invalid TOML: key '{key}' appears twice in the inline table"),
    "toml.immutable": N_("invalid TOML: '{key}' is an inline table or array and cannot be extended"),
    "toml.redefine": N_("invalid TOML: '{key}' is already defined and cannot be redefined"),
    "toml.expected": N_("invalid TOML: expected {what}"),
    # Schema: the shape of the data
    "schema.missing-key": N_("missing required key '{key}'"),
    "schema.unknown-key": N_("unknown key '{key}'"),
    "schema.unknown-key-suggest": N_("unknown key '{key}'; did you mean '{suggestion}'?"),
    "schema.expected-string": N_("'{key}' must be a string"),
    "schema.expected-integer": N_("'{key}' must be an integer"),
    "schema.expected-boolean": N_("'{key}' must be true or false"),
    "schema.expected-number": N_("'{key}' must be a number"),
    "schema.expected-table": N_("'{key}' must be a table"),
    "schema.expected-array": N_("'{key}' must be an array"),
    "schema.expected-datetime": N_("'{key}' must be a local date and time such as 2026-12-10T12:00:00"),
    "schema.expected-date": N_("'{key}' must be a date such as 2026-11-04"),
    "schema.not-allowed": N_("'{key}' cannot be '{value}'; use one of: {allowed}"),
    "schema.too-small": N_("'{key}' must be at least {limit}"),
    "schema.too-large": N_("'{key}' must be at most {limit}"),
    "schema.key-not-allowed": N_("'{value}' is not allowed here; use one of: {allowed}"),
    "schema.too-few": N_("'{key}' has too few entries: at least {limit} needed"),
    "schema.invalid": N_("'{key}' has an invalid value"),
    "id.invalid": N_("'{value}' is not a valid id: use letters, digits, '-', '_' or '.', without spaces"),
    "text.empty": N_("must not be empty"),
    "language.invalid": N_("'{value}' is not a language code such as 'en', 'fr', 'sw' or 'pt-BR'"),
    "zone.unknown": N_("unknown time zone '{value}': use an IANA name such as 'Africa/Nairobi' or 'UTC'"),
    "share.not-a-fraction": N_(
        '\'{value}\' is not a fraction: write it as a string with a slash, such as "2/3" or "1/1"'
    ),
    "share.zero-denominator": N_("'{value}' divides by zero"),
    "share.out-of-range": N_("{value} is more than 1: a share must be between 0 and 1"),
    "count.negative": N_("{value} is negative: a count must be 0 or more"),
    "amount.wrong-type": N_('must be a count (an integer such as 11) or a fraction in quotes such as "1/2"'),
    "threshold.one-bound": N_("give exactly one of 'at_least' and 'more_than'"),
    "hours.order": N_("'earliest' must be before 'latest'"),
    "council.wrong-type": N_("'council' must be the path of the council file or an inline [council] table"),
    "agenda.start-out-of-range": N_("a meeting starts between the years {first} and {last}, not in {year}"),
    "agenda.start-has-offset": N_(
        "write 'start' as local time without an offset (2026-12-09T12:00:00) and give 'time_zone'"
    ),
    # Cross-references
    "id.duplicate": N_("id '{id}' is already used by {first}; ids must differ, ignoring case"),
    "member.same-name": N_(
        "'{id}' has the same name as '{other}', but for case, accents or invisible characters: give each a distinct name"
    ),
    "name.invisible-character": N_(
        "the name of '{id}' holds an invisible character ({char}) that makes it look like another name: remove it"
    ),
    "region.unknown": N_("unknown region '{id}'"),
    "member.unknown": N_("unknown member '{id}'"),
    "member.seat-without-region": N_("member '{id}' holds a seat and needs a 'region'"),
    "member.observer-votes": N_("observer '{id}' cannot hold a voting seat"),
    "alternate.self": N_("member '{id}' cannot be their own alternate"),
    "alternate.holds-seat": N_("alternate '{id}' ({name}) holds a seat of their own"),
    "alternate.no-seat": N_("member '{id}' holds no seat, so cannot have an alternate"),
    "alternate.shared": N_("'{id}' is already the alternate of '{other}'"),
    "alternate.other-region": N_("alternate '{id}' ({name}) is from another region"),
    "region.no-seats": N_("region '{id}' has no voting seats"),
    "council.no-seats": N_("the council has no voting seats"),
    "quorum.unknown-group": N_("no group of regions is named '{group}': the groups are {groups}"),
    "quorum.group-unreachable": N_("the quorum asks for {needed} seats from {group}, which has only {seats}"),
    "quorum.groups-unreachable": N_("the quorum asks for {needed} seats from each group, more than {groups} have"),
    "item.secret-consensus": N_(
        "item '{item}' is decided by secret ballot, but its class '{cls}' seeks consensus first, where a block names who blocks"
    ),
    "quorum.zero": N_("this quorum is met with nobody present: a quorum needs at least one voting seat"),
    "quorum.unreachable": N_("quorum needs {needed} voting seats but the council has only {seats}"),
    "quorum.regions-unreachable": N_("quorum needs {needed} regions but only {regions} have seats"),
    "class.zero": N_(
        "decision class '{id}' has a threshold of nothing, so any vote in favour would carry against every vote against"
    ),
    "class.unreachable": N_("decision class '{id}' needs {needed} yes votes but the council has only {seats} seats"),
    "class.unknown": N_("unknown decision class '{id}'"),
    "class.tie-carries": N_(
        "decision class '{id}': a tie meets at least half of the votes cast, so it carries the question put, and tie = \"{tie}\" never applies"
    ),
    "chair.unknown": N_("the chair '{id}' is not on the council's roster"),
    "chair.not-a-member": N_("'{id}' cannot chair the meeting: listed with role '{role}'"),
    "agenda.empty": N_("the agenda has no items"),
    "item.id-number": N_(
        "item id '{id}' is only digits, but an item is also named by its number ('open 2'): give it an id with a letter"
    ),
    "notice.missing": N_("item '{item}' needs {days} days' notice, but no 'notice_given' date is recorded"),
    "sitting.other-day": N_(
        "the meeting began on {sitting}, not on the agenda's date {scheduled}: notice is counted to the day it sits"
    ),
    "notice.short": N_("item '{item}': notice given {days} days before the meeting; the rules require {required}"),
    "notice.after-meeting": N_(
        "item '{item}': notice dated {given}, not before the meeting (on {meeting}): "
        "no notice was given in time; the rules require {required} days"
    ),
    "notice.untranslated": N_("item '{item}': the notice has no translation into {languages}"),
    "agenda.untranslated": N_("the agenda gives no translation into '{language}' of: {keys}"),
    "country.untranslated": N_(
        "members whose country has no translation into '{language}' ('country_translations'): {missing}, the first '{id}'"
    ),
    "agenda.over-time": N_("the items take {planned} minutes, more than the meeting's {duration}"),
    "agenda.language-not-working": N_("'{language}' is not one of the council's working languages ({languages})"),
    # Rules part 2: member types and weights, chambers, electorates, quorums per class
    "number.too-large": N_("'{key}' is {value}: a count, a weight or either side of a fraction is at most {limit}"),
    "weight.zero": N_("a weight is a number of votes, more than 0, not {value}"),
    "weight.without-seat": N_("'{id}' holds no voting seat, so carries no votes"),
    "type.unknown": N_("unknown member type '{id}'"),
    "chamber.unknown": N_("unknown chamber '{id}'"),
    "chamber.regions-or-types": N_("chamber '{id}' names either 'regions' or 'types', not both and not neither"),
    "chamber.overlap": N_("'{id}' is already in the chamber '{other}'"),
    "chamber.seat-outside": N_("'{id}' holds a voting seat but sits in no chamber"),
    "chamber.seat-in-two": N_("'{id}' sits in two chambers ({chambers}): by its region and by its type"),
    "chamber.no-seats": N_("chamber '{id}' holds no voting seat"),
    "chamber.weight-missing": N_("chamber '{id}' has no 'weight', though other chambers have one"),
    "chamber.weights-sum": N_("the chambers' weights add up to {total}, not to 1"),
    "class.no-chambers": N_("decision class '{id}' is decided in each chamber, but the rules define no chambers"),
    "class.count-in-chambers": N_(
        "decision class '{id}' is counted by chamber: write its bound as a fraction, since a count cannot be shared"
    ),
    "class.tie-weighted": N_(
        "decision class '{id}' counts weighted votes or chambers: a tie fails, as no casting vote or lots can be weighed"
    ),
    "rules.chair-decisive-weighted": N_(
        "the chair cannot vote only when decisive where votes are weighted or counted by chamber"
    ),
    "electorate.empty": N_("the electorate of decision class '{id}' names no regions, chambers or types"),
    "electorate.no-seats": N_("the electorate of decision class '{id}' holds no voting seat"),
    "class.quorum-requests-missing": N_(
        "decision class '{id}' lets a decision short of its quorum stand unless a postal ballot is asked for: "
        "give 'postal_ballot_requests'"
    ),
    "class.quorum-requests-unused": N_("'postal_ballot_requests' is read only with on_failure = \"postal_ballot\""),
    "class.quorum-unreachable": N_(
        "the quorum needs {needed} voting seats but the class's electorate has only {seats}"
    ),
    "class.postal-ballot-main-only": N_(
        "decision class '{id}' may go to a postal ballot, which only a main motion can: it cannot decide this motion"
    ),
    "class.weighted-ballot": N_(
        "item '{item}' is counted by weight or by chamber, which a secret ballot's totals cannot tell: vote by roll call"
    ),
    "rules.open-above-quorum": N_("the quorum to open asks for {open} voting seats, more than the {needed} to decide"),
    "rules.restore-unused": N_("restore_standing has no effect without good_standing_required"),
    "country.seats-over-cap": N_("{country} holds more than {cap} voting seats"),
    "country.votes-over-cap": N_("{country} holds more than {cap} votes"),
    "notice.unknown-proposer": N_("unknown proposer '{id}': the class gives notice for {known}"),
    # The members' view and its server (`meeting view`, `meeting serve`)
    "serve.cannot-listen": N_("cannot serve on {host} port {port}: {reason}"),
    "tally.no-match": N_("no member or region matches '{text}'"),
    # Elections: the rules' methods and the agenda's elections
    "method.unknown": N_("unknown election method '{id}': define it under [rules.elections] or use 'majority'"),
    "method.option-not-for-method": N_("'{key}' is for majority rounds only, not for the method '{method}'"),
    "method.ties-fixed": N_(
        "Scottish STV breaks ties as its own rules say (earlier stages, then lots): leave out 'ties'"
    ),
    "method.drop-below-missing": N_(
        "drop = \"below_share\" needs 'drop_below', the share of votes cast to stay on the ballot"
    ),
    "method.drop-below-unused": N_("'drop_below' is read only with drop = \"below_share\""),
    "election.not-election-item": N_("item '{item}' holds elections, so its kind must be \"election\""),
    "election.one-seat-method": N_(
        "instant-runoff elects one person, but this election has {seats} seats: use Scottish STV"
    ),
    "election.ranked-needs-ballot": N_(
        "the method '{method}' counts ranked ballot papers: the item's vote must be \"secret_ballot\""
    ),
    "election.region-and-per-region": N_(
        "give either 'region' (one region's election) or per_region = true (one election per region), not both"
    ),
    "election.no-candidates": N_(
        "election '{election}' takes its candidates from a list closed before the meeting, but 'candidates' is empty"
    ),
    "election.few-candidates": N_("election '{election}' has {candidates} candidates for {seats} seats"),
    "election.composition-short": N_(
        "election '{election}' needs at least {needed} candidates of gender {gender} elected, but only {standing} stand"
    ),
    "election.composition-exceeds-seats": N_("the gender rule needs {needed} seats, but the election has {seats}"),
    "election.takes-chair-one-seat": N_(
        "the member elected in '{election}' takes the chair, so it elects one person: one seat, not held per region"
    ),
    "candidate.unknown": N_("'{id}' is not on the council's roster"),
    "candidate.repeated": N_("'{id}' is named twice"),
    "candidate.not-in-good-standing": N_("'{id}' is not in good standing, and only members in good standing may stand"),
    "candidate.other-region": N_("'{id}' is not from the region '{region}', whose members alone may stand"),
    # The tellers' report of a ballot
    "tellers.not-a-candidate": N_(
        "'{candidate}' is not a candidate on this ballot: a vote for anyone else is an invalid ballot"
    ),
    "tellers.too-many-ballots": N_(
        "{papers} ballot papers, but only {possible} can be cast (members present who may vote, plus proxies held)"
    ),
    "tellers.ballots-not-votes": N_(
        "{ballots} ballot papers with a vote but {votes} votes: with one seat they are equal"
    ),
    "tellers.ballots-needed": N_(
        "with {seats} seats on this ballot a paper may name several candidates: give the ballot papers with a "
        "vote ('ballots N')"
    ),
    "tellers.more-votes-than-ballots": N_(
        "'{candidate}' has {votes} votes, more than the {ballots} ballot papers with a vote"
    ),
    "tellers.marks-do-not-fit": N_(
        "{votes} votes on {ballots} ballot papers cannot be: each paper names one to {seats} candidates"
    ),
    # Holding an election in the meeting (the command language)
    "command.expected-election": N_("expected an election's id"),
    "command.expected-tally": N_("expected a candidate and their votes, such as 'zm-1 9'"),
    "election.not-found": N_("no election '{text}' on the agenda"),
    "election.not-current": N_("election '{election}' is held under item '{item}': open that item first"),
    "election.none": N_("no election is left to hold under the item open now"),
    "election.complete": N_("election '{election}' is over: every seat is filled"),
    "election.nobody-left": N_(
        "nobody is left to stand in '{election}' and a seat is unfilled: reopen nominations ('reopen-nominations')"
    ),
    "nomination.not-closed": N_("nominations for '{election}' are open: there is nothing to reopen"),
    "election.round-open": N_("the ballot of election '{election}' is open: declare its result first"),
    "nomination.closed": N_("nominations for '{election}' are closed"),
    "nomination.list": N_(
        "election '{election}' takes its candidates from a list closed before the meeting: nobody is nominated "
        "from the floor"
    ),
    "nomination.already": N_("'{id}' already stands in '{election}'"),
    "nomination.none": N_("'{id}' does not stand in '{election}'"),
    "nomination.own-second": N_("'{id}' nominated this candidate, and cannot also second the nomination"),
    "nomination.not-from-floor": N_("'{id}' was not nominated from the floor: there is no nomination to second"),
    "nomination.already-seconded": N_("the nomination of '{id}' is already seconded, by '{by}'"),
    "nomination.already-answered": N_("'{id}' has already answered the nomination"),
    "nomination.nobody-standing": N_("nobody stands in '{election}': nominate a candidate first"),
    "nomination.open": N_("nominations for '{election}' are still open: close them first ('close-nominations')"),
    "candidacy.ballot-open": N_("a candidate withdraws before a ballot, not while round {round} is being voted on"),
    "round.already-open": N_("round {round} of '{election}' is open: declare its result first"),
    "round.none-open": N_("no ballot is open: open one with 'round'"),
    "round.not-ranked": N_("round {round} is counted from the tellers' totals: enter them with 'tellers'"),
    "round.no-report": N_("the tellers have not reported on round {round}: enter their report with 'tellers'"),
    "round.no-papers": N_("no ballot papers are entered for round {round}: enter them with 'paper' or 'papers'"),
    "round.zero-papers": N_("a number of identical ballot papers is 1 or more"),
    "round.file-unread": N_("the ballot file '{path}' was not read"),
    "round.file-seats": N_("the ballot file is for {seats} seats, but this round fills {needed}"),
    "round.file-candidate": N_("the ballot file names '{name}', who is not one candidate on this ballot"),
    "round.file-withdrawn": N_(
        "the ballot file marks '{name}' withdrawn, but no such candidate withdrew in the meeting ('withdraw-candidacy')"
    ),
    "round.file-problem": N_("{path}:{line}:{col}: {problem}"),
    "tellers.ranked-round": N_(
        "round {round} is counted from ranked ballot papers: enter them with 'paper' or 'papers'; 'tellers' gives "
        "only the blank and invalid ones"
    ),
    # Ballot files (BLT)
    "blt.empty": N_("the ballot file is empty"),
    "blt.bad-header": N_("the first line must give the number of candidates and of seats, such as '4 2'"),
    "blt.bad-counts": N_(
        "{candidates} candidates and {seats} seats: there must be a seat, and no more seats than candidates"
    ),
    "blt.expected-number": N_("'{text}' is not a whole number"),
    "blt.equal-ranking": N_("'{text}' ranks candidates equally, which this count does not accept"),
    "blt.bad-weight": N_("'{text}' is not a number of ballot papers: it must be 1 or more"),
    "blt.no-end-of-ballot": N_("a ballot line must end with 0"),
    "blt.unknown-candidate": N_("there is no candidate {number}: the file has {candidates}"),
    "blt.repeated-candidate": N_("candidate {number} is ranked twice on this ballot paper"),
    "blt.no-end-of-ballots": N_("the ballots must end with a line holding a single 0"),
    "blt.missing-names": N_("the file names {names} candidates, but has {candidates}"),
    "blt.unclosed-quote": N_("the quoted name is not closed"),
    "blt.text-after-name": N_("unexpected text after the quoted name: {text}"),
    "blt.control-character": N_("control character {char} is not allowed in a ballot file"),
    "blt.extra-line": N_("unexpected line after the title: {text}"),
}


# Parameters whose values are words of the program, shown in the reader's language.
_PARAM_WORDS: dict[str, Mapping[str, str]] = {
    "kind": MOTION_NAMES,
    "pending": MOTION_NAMES,
    "role": CAPACITIES,
    "status": STANDING,
    "item_status": ITEM_STATUS,
    "awaiting": TIE_BREAKERS,
    "unit": QUORUM_UNITS,
    "side": CHOICES,
    "decided": MOTION_STATUS,
    "counted": MOTION_STATUS,
}


# What the system's error codes mean, for a `reason` the operating system gave: the code stays
# beside the words, for whoever looks it up.
_SYSTEM_REASONS: dict[str, str] = {
    "EACCES": N_("permission denied"),
    "EPERM": N_("permission denied"),
    "ENOSPC": N_("the disk is full"),
    "EDQUOT": N_("the disk quota is used up"),
    "EROFS": N_("the disk is read-only"),
    "EEXIST": N_("a file of that name is in the way"),
    "ENOTDIR": N_("part of the path is a file, not a folder"),
    "EISDIR": N_("it is a folder"),
    "ENOENT": N_("no such file or folder"),
    "ENAMETOOLONG": N_("the name is too long"),
    "EINVAL": N_("not a regular file, or a name the disk does not take"),
    "ELOOP": N_("its symbolic links lead round in a loop"),
    "EIO": N_("the disk could not be read or written"),
    "EADDRINUSE": N_("the port is already in use"),
    "EADDRNOTAVAIL": N_("this computer has no such address"),
}

# Parameters that are shares of people, shown as percentages.
_PERCENTS = frozenset({"share", "target"})
# Parameters that are a number of seconds, shown as a duration in words ("1 week", "dakika 2").
_DURATIONS = frozenset({"seconds"})
# Parameters that list things, closed as the language closes a list: "items 5 and 7".
_LISTS = frozenset({"numbers"})


def _param_text(value: Any) -> str:
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, list | tuple):
        return _(", ").join(_param_text(v) for v in value)
    return str(value)


def _shown(name: str, value: Any) -> str:
    if name in _PERCENTS and isinstance(value, Fraction):
        from meeting.formats import percent

        return percent(value)
    if name in _DURATIONS and isinstance(value, int):
        from meeting.formats import duration

        return duration(value)
    if name in _LISTS and isinstance(value, list | tuple):
        from meeting.formats import and_list

        return and_list([_param_text(v) for v in value])
    if name == "reason" and value in _SYSTEM_REASONS:
        return _("{words} ({code})").format(words=_(_SYSTEM_REASONS[value]), code=value)
    words = _PARAM_WORDS.get(name)
    if words is not None and isinstance(value, str) and value in words:
        return _(words[value])
    return _param_text(value)


# In the chair's console, a key does what these tell a script's writer to type: said with the
# key the console's footer shows ("escriba 'resume'" beside a footer offering e).
CONSOLE_MESSAGES: dict[str, str] = {
    "sitting.in-recess": N_("the meeting is in recess: resume it first (key e)"),
    "vote.roll-call-open": N_(
        "a roll call is open: record the votes in its grid (key l; there y yes, n no, a abstain), then close it (c)"
    ),
    "motion.voting-open": N_(
        "voting on motion #{motion} is open: only the answers (y, n, a in the roll call's grid), closing it (c), "
        "a point of order, attendance, notes and undo (u) until it closes"
    ),
    "record.not-adjourned": N_(
        "a correction to the record is made after adjournment; during the meeting, undo (key u) or add a note (key t)"
    ),
}


def render(code: str, params: Mapping[str, Any], console: bool = False, council: Council | None = None) -> str:
    """A code's message in the language spoken; `console`: in the chair's console's words,
    where it names a key in place of a command to type; `council`: the regions it names are
    said by name in the language spoken (else by id, as the files write them)."""
    template = CONSOLE_MESSAGES.get(code) if console else None
    template = template or MESSAGES.get(code)
    if template is None:
        # A code without text is a bug; still tell the reader something they can report.
        return code
    # A parameter may quote what the user typed or a file held: never a control character raw.
    shown = {k: visible(_shown(k, v)) for k, v in params.items()}
    if code == "consensus.first" and "of" in params:
        # The class in words, as `meeting check` says its rule: its id is the rules file's.
        from meeting.domain.rules import Threshold
        from meeting.words import base_words, threshold_words

        rule = Threshold(at_least=params["at_least"], more_than=params["more_than"])
        shown["cls"] = threshold_words(rule, base_words(params["of"], params["seats"]))
    if code == "quorum.lost":
        # The same counts as the quorum panel, from the same numbers.
        from meeting.words import quorum_count_words, votes_present

        shown["words"] = quorum_count_words(
            params["present"],
            params["needed"],
            params["seats"],
            params["regions_present"],
            params["regions_needed"],
            params["regions_total"],
            params.get("short", ()),
            " · ",
            votes_present(
                params.get("votes_present"),
                params.get("votes_total"),
                params.get("votes_required"),
                params.get("votes_strictly", False),
                params.get("votes_needed"),
            ),
            council,
        )
    return _(template).format_map(shown)


# An id a message quotes, as every template writes one: 'zm-1'.
_QUOTED_ID = re.compile(r"'([A-Za-z0-9][\w.-]*)'")


def render_named(code: str, params: Mapping[str, Any], state: State) -> str:
    """`render` for the chair's screens: a member the message quotes by id ('zm-1') named as
    the roster names them, "Mutale Chibwe-Nkonde (zm-1)" (the chair knows names, not ids);
    files and the command line keep the ids, read beside the file that holds them."""
    council = state.meeting.council

    def named(found: re.Match[str]) -> str:
        member = council.member(found.group(1))
        return f"{member.name} ({member.id})" if member is not None else found.group(0)

    return _QUOTED_ID.sub(named, render(code, params, console=True, council=council))
