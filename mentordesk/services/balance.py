"""How a relationship balances the four moves lately, in numbers and in one sentence.

The measure is what the mentor wrote: the characters in each of the four
sections over the last few sessions. A mentor who only encourages and never
challenges (or the reverse) sees it said in words, not only as a bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.services.errors import ValidationError
from mentordesk.services.sessions import list_sessions

MOVE_NAMES = ("Listening", "Questions", "Encouragement", "Challenge")
# How a move reads inside a sentence ("little challenge lately").
_IN_SENTENCE = ("listening", "open questions", "encouragement", "challenge")
RARE_BELOW = 10  # percent: a move with a smaller share is "little"
DOMINANT_FROM = 50  # percent: a move with at least this share is "mostly"


@dataclass(frozen=True)
class MovesBalance:
    sessions: int  # sessions looked at (those with any of the four sections written)
    percents: tuple[int, int, int, int]  # whole percents, summing to 100 (all 0 when nothing written)
    reading: str  # one sentence a mentor reads at a glance

    @property
    def written(self) -> bool:
        return any(self.percents)

    def labelled(self) -> str:
        """'Listening 40 % · Questions 30 % · Encouragement 25 % · Challenge 5 %'."""
        return " · ".join(f"{name} {pct} %" for name, pct in zip(MOVE_NAMES, self.percents, strict=True))


def whole_percents(amounts: tuple[int, ...]) -> tuple[int, ...]:
    """Shares in whole percents that add up to exactly 100 (largest remainders get the rest)."""
    total = sum(amounts)
    if total <= 0:
        return tuple(0 for _ in amounts)
    exact = [100 * a / total for a in amounts]
    floors = [int(x) for x in exact]
    order = sorted(range(len(amounts)), key=lambda i: (exact[i] - floors[i], amounts[i]), reverse=True)
    for i in order[:100 - sum(floors)]:
        floors[i] += 1
    return tuple(floors)


def read_balance(percents: tuple[int, int, int, int], sessions: int) -> str:
    """The sentence for a balance: which move dominates, which is missing or rare."""
    if not any(percents):
        return "Nothing written in the four sections yet."
    over = "the last session" if sessions == 1 else f"the last {sessions} sessions"
    dominant = [_IN_SENTENCE[i] for i, p in enumerate(percents) if p >= DOMINANT_FROM]
    missing = [_IN_SENTENCE[i] for i, p in enumerate(percents) if p == 0]
    rare = [_IN_SENTENCE[i] for i, p in enumerate(percents) if 0 < p < RARE_BELOW]
    parts = []
    if dominant:
        parts.append(f"mostly {dominant[0]}")
    if missing:
        parts.append(f"no {_joined(missing)}")
    if rare:
        parts.append(f"little {_joined(rare)}")
    if not parts:
        return f"All four moves have their place in {over}."
    sentence = ", ".join(parts)
    return f"{sentence[0].upper()}{sentence[1:]} in {over}."


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def moves_balance(mentee_id: str, last_n: int = 6) -> MovesBalance:
    """The balance of the four moves over the mentee's last ``last_n`` sessions with notes."""
    if last_n < 1:
        raise ValidationError("Look at one session or more.")
    # Sessions with nothing in the four sections (only an agenda, say) do not count.
    written = [s for s in list_sessions(mentee_id=mentee_id, limit=max(last_n * 4, 24)) if any(s.moves)]
    recent = written[:last_n]
    totals = tuple(sum(s.moves[i] for s in recent) for i in range(4))
    percents = whole_percents(totals)
    four = (percents[0], percents[1], percents[2], percents[3])
    return MovesBalance(sessions=len(recent), percents=four, reading=read_balance(four, len(recent)))
