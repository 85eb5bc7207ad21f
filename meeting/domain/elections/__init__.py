"""Counting officer elections: pure functions from ballots to results, every step explained.

Design note (for phase 2: commands, events, state, minutes, console).

- One function per method, named after what it decides: `majority_round` (RONR §46, one
  ballot of an absolute-majority election, rounds chained by the caller), `plurality_result`,
  `instant_runoff` and `scottish_stv`. Each takes the candidates as ids, the method's rules
  (`ElectionMethod` from the rules in force), the tellers' figures or the ranked ballot papers,
  the composition conditions, and the `entropy` lots are drawn from.
- Results are frozen pydantic models (`BallotRound`, `RankedCount`) holding every number and the
  reason for every decision as a code (`Decision.reason`, `Tie`, `Lot`, `CompositionActed`),
  never a sentence. An event can embed a result as it is (it serialises to JSON, fractions as
  "n/d"), and the minutes word it from the record without counting again: a tellers' report
  from a `BallotRound`, a count sheet from the `Stage`s of a `RankedCount`.
- Lots: the engine passes the journal's last hash in a replay and fresh random bytes live, as it
  does for a tied motion; each draw is in the result (`Lot`: who was tied, the order drawn), so a
  journal replays the same result from the same bytes, and the minutes can say a lot was drawn.
- Before a round is counted the engine calls `tellers_report_problems` with the ballots
  possible (`ballots_possible`: members present plus proxies held) and refuses the report with
  the first problem's code.
- An election "one seat per region" is held as one election per region (`elections_held`);
  `ineligibility` gives the rule that refuses a nomination; `composition_conditions` turns an
  election's gender rule into the count's conditions.
- Ranked ballot papers come typed in or from a BLT file: `parse_blt` here (pure), read through
  the project's file reader by `meeting.loader.blt.read_blt`.
"""
