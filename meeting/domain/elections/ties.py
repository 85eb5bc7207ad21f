"""Breaking ties: by earlier rounds where the method's rules say so, then by lots.

Lots are drawn from entropy bytes the caller passes in (the journal's last hash in a replay,
fresh randomness live): each candidate's lot is SHA-256 of the entropy, the stage, the purpose
and the candidate's id, and the lots are drawn smallest first. The draw does not depend on the
order the candidates are listed in, and two draws of one count differ by stage or purpose.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from typing import Literal

from meeting.domain.elections.records import Lot, Purpose, Tie

TieRule = Literal["earlier_rounds", "lots"]
# The votes of each candidate at the end of each earlier round or stage, oldest first.
History = Sequence[Mapping[str, Fraction | int]]


def draw_lots(entropy: bytes, stage: int, purpose: Purpose, among: Sequence[str]) -> Lot:
    def lot(candidate: str) -> bytes:
        return hashlib.sha256(entropy + f"\0{stage}\0{purpose}\0{candidate}".encode()).digest()

    return Lot(stage=stage, purpose=purpose, among=tuple(among), order=tuple(sorted(among, key=lot)))


def pick_tied(
    tied: Sequence[str],
    history: History,
    highest: bool,
    rule: TieRule,
    entropy: bytes,
    stage: int,
    purpose: Purpose,
) -> tuple[str, Tie]:
    """One of `tied`: the one with the most (`highest`) or fewest votes at the most recent
    earlier round where they differed, narrowing to those still level and going further back;
    by lots when no round separates them or the rules say lots."""
    level = tuple(tied)
    if rule == "earlier_rounds":
        for number in range(len(history), 0, -1):
            votes = history[number - 1]
            best = (max if highest else min)(votes.get(c, 0) for c in level)
            narrowed = tuple(c for c in level if votes.get(c, 0) == best)
            if len(narrowed) == 1:
                return narrowed[0], Tie(among=tuple(tied), by="earlier_round", round=number)
            level = narrowed
    lot = draw_lots(entropy, stage, purpose, level)
    return lot.order[0], Tie(among=tuple(tied), by="lots", lot=lot)


def ranked(
    candidates: Sequence[str],
    votes: Mapping[str, Fraction | int],
    history: History,
    highest: bool,
    rule: TieRule,
    entropy: bytes,
    stage: int,
    purpose: Purpose,
) -> list[tuple[str, Tie | None]]:
    """`candidates` from the most votes down (or the fewest up), each with the tie that placed
    it where candidates had equal votes."""
    remaining = list(candidates)
    order: list[tuple[str, Tie | None]] = []
    while remaining:
        best = (max if highest else min)(votes[c] for c in remaining)
        level = [c for c in remaining if votes[c] == best]
        if len(level) == 1:
            order.append((level[0], None))
        else:
            chosen, tie = pick_tied(level, history, highest, rule, entropy, stage, purpose)
            order.append((chosen, tie))
            level = [chosen]
        remaining.remove(level[0])
    return order


def deciding(tie: Tie | None, chosen: Collection[str]) -> Tie | None:
    """The tie if it decided something: some of the tied candidates were chosen and some not.
    A tie among candidates who all fared alike only ordered them, and is left out."""
    if tie is None:
        return None
    inside = sum(1 for c in tie.among if c in chosen)
    return tie if 0 < inside < len(tie.among) else None
