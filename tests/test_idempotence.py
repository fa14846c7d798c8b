"""``repair`` is idempotent on text made of the real lexicons' phrases and their neighbours.

The general property test (``test_properties.py``) draws from a fixed word list; here
the text is drawn from the shipped lexicons themselves (``default_lexicon()``): spun
phrases, canonical phrases, phrases run together, one phrase's last word glued to
another that starts with it ("Overseas Secretary" + "Secretary-Common"), in any casing.
That is where one repair can leave, or create, a hit for the next call.

The run length is ``TEXTREPAIR_PROPERTY_EXAMPLES`` (default 300); a long run:
``TEXTREPAIR_PROPERTY_EXAMPLES=20000 python -m pytest tests/test_idempotence.py``.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textrepair import Repairer
from textrepair.lexicon import default_lexicon

REPAIRER = Repairer()
EXAMPLES = int(os.environ.get("TEXTREPAIR_PROPERTY_EXAMPLES", "300"))

_ENTRIES = default_lexicon()
SPUN = sorted({e.spun for e in _ENTRIES})
CANONICAL = sorted({e.canonical for e in _ENTRIES})
_FIRST_WORD = re.compile(r"[^ -]+")
# Phrases by their first word (lowercase), to glue a phrase onto one that ends with that word.
_STARTING_WITH: dict[str, list[str]] = {}
for _phrase in SPUN + CANONICAL:
    _STARTING_WITH.setdefault(_FIRST_WORD.match(_phrase).group().lower(), []).append(_phrase)

CASINGS = (lambda s: s, str.title, str.upper, str.lower, lambda s: s[:1].upper() + s[1:])
JOINERS = (" ", "-", " the ", ", ", ". ")


@st.composite
def lexicon_text(draw: st.DrawFn) -> str:
    """One to three lexicon phrases, glued on a shared word or joined, in one casing."""
    parts = [draw(st.sampled_from(SPUN))]
    for _ in range(draw(st.integers(0, 2))):
        following = _STARTING_WITH.get(parts[-1].rsplit(" ", 1)[-1].lower(), [])
        if following and draw(st.booleans()):
            glued = draw(st.sampled_from(following))
            parts[-1] += glued[_FIRST_WORD.match(glued).end() :]  # "Overseas Secretary" + "-Common"
        else:
            phrase = draw(st.sampled_from(SPUN) | st.sampled_from(CANONICAL))
            parts.append(draw(st.sampled_from(JOINERS)) + phrase)
    return draw(st.sampled_from(CASINGS))("".join(parts))


@pytest.mark.xfail(
    strict=False,
    reason="the engine is not idempotent where lexicon entries overlap (examples below); drop this mark once fixed",
)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lexicon_text())
def test_repair_is_idempotent_on_lexicon_phrases(text):
    once = REPAIRER.repair(text)
    assert REPAIRER.repair(once) == once


# Minimal examples the property finds on the shipped lexicons, by cause.
_LOST_OVERLAP = (
    "two entries overlap on a word both leave alone; the first round takes the leftmost, and later rounds skip "
    "every hit that overlaps a repair, so the other one waits for the next call"
)
_NEW_NEIGHBOUR = (
    "a repair's canonical wording and the word next to it form another entry's spun wording; later rounds skip "
    "hits that overlap a repair, so the next call makes that repair"
)
_CYCLE = (
    "a repair ends in a word that, with the next one, is another entry's spun wording, whose repair brings the "
    "first spun wording back: the text alternates between two forms"
)
KNOWN_FAILURES = [
    ("Overseas Secretary-Common", _LOST_OVERLAP),
    ("offering us with out", _LOST_OVERLAP),
    ("Inside Ministry of Protection", _LOST_OVERLAP),
    ("Normal election marketing campaign", _LOST_OVERLAP),
    ("White Dwelling Workplace", _NEW_NEIGHBOUR),
    ("Pew Analysis Heart East", _NEW_NEIGHBOUR),
    ("NATIONWIDE SCIENCE BASIS Factors", _NEW_NEIGHBOUR),
    ("Nationwide Hurricane Middle East", _CYCLE),
]


@pytest.mark.parametrize(
    "text", [pytest.param(text, marks=pytest.mark.xfail(strict=True, reason=why)) for text, why in KNOWN_FAILURES]
)
def test_known_overlaps_are_idempotent(text):
    once = REPAIRER.repair(text)
    assert once != text  # each holds a repair
    assert REPAIRER.repair(once) == once


def test_the_strategy_reaches_overlapping_entries():
    """The glue step does build the overlaps the examples above are made of."""
    assert "Secretary-Common" in _STARTING_WITH["secretary"]
    assert "Overseas Secretary" in SPUN and "Dwelling Workplace" in SPUN
