"""Long single lines: the normaliser's cost must not grow with the square of a line.

Timing is left to ``benchmarks/robustness.py``. These tests check what makes the time
linear, and that it costs nothing in quality: the alignment of ftfy's output with a long
line is done in bounded pieces and stays minimal (a line up to ``WHOLE_LIMIT`` is
aligned whole, as before); the spintax pattern matches what its backtracking form matched.
"""

from __future__ import annotations

import random

import ftfy
import pytest
import regex
from rapidfuzz.distance import Levenshtein

from textrepair.stages.normalize import _FTFY_CONFIG, SPINTAX_RE, _diff_edits, fix_unicode, remove_spintax
from textrepair.text import align
from textrepair.text.edits import apply_edits

WORDS = ["the", "plan", "Zelensky", "minister", "said", "on", "Tuesday", "a", "350", "billion", ",", "."]
DAMAGE = [
    "â€™", "â€œ", "â€\x9d", "Ã©", "Ã¨", "Ã¶", "Ã\xa0", "Â£", "Ð¿Ñ€Ð¸", "æ—¥æœ¬",  # mojibake
    "&amp;", "&eacute;", "&#8217;", "&lt;", "&nbsp;", "&", "&amp",  # HTML entities, and near misses
    "\x00", "\x01", "\x7f", "\x85", "\x92", "\x9d", "\ud800", "\udfff",  # controls, C1 controls, surrogates
    "e\u0301", "\u0301", "A\u030a", "ﬁ", "ﬃ", "Ｗｏｒｌｄ", "\x1b[31m", "£", "é", "’", "“", "—",
]  # fmt: skip


def damaged_line(seed: int, length: int) -> str:
    """One line of words with damage every few words (how often varies with the seed)."""
    rng = random.Random(seed)
    every = rng.choice([1, 2, 3, 5, 8, 20, 60])
    damage = rng.sample(DAMAGE, rng.randint(1, 8))
    parts: list[str] = []
    size = 0
    while size < length:
        part = rng.choice(damage) if rng.randrange(every) == 0 else rng.choice(WORDS)
        part += rng.choice([" ", " ", " ", "", "  "])
        parts.append(part)
        size += len(part)
    return "".join(parts)


def _cost(spans: list[align.Span]) -> int:
    """The edit distance an alignment amounts to (a replaced block has equal lengths)."""
    return sum(max(end - start, new_end - new_start) for start, end, new_start, new_end in spans)


@pytest.mark.parametrize("seed", range(40))
def test_long_line_alignment_is_minimal(seed):
    """Aligned in pieces, a long damaged line still gets a minimal alignment: as many
    changed characters as the edit distance of the whole line."""
    before = damaged_line(seed, 12_000 + 400 * seed)
    after = ftfy.fix_text(before, _FTFY_CONFIG)
    assert len(before) + len(after) > align.WHOLE_LIMIT  # the piecewise path
    edits = _diff_edits(before, after, 0, "unicode", "r", 0.99)
    assert apply_edits(before, edits) == after
    assert _cost(align.changed_spans(before, after)) == Levenshtein.distance(before, after)


@pytest.mark.parametrize("seed", range(5))
def test_short_line_alignment_is_the_whole_line_one(seed):
    before = damaged_line(seed, 3_000)
    after = ftfy.fix_text(before, _FTFY_CONFIG)
    expected = [op for op in Levenshtein.opcodes(before, after) if op.tag != "equal"]
    assert align.changed_spans(before, after) == [(o.src_start, o.src_end, o.dest_start, o.dest_end) for o in expected]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ab" * 20_000, "ba" * 20_000),  # a shifted copy
        ("x" * 30_000, "y" * 10_000),  # nothing in common
        ("æ—¥æœ¬èªž" * 5_000, "日本語" * 5_000),  # Japanese mojibake with no space: nothing in common
        ("a " * 10_000, "a " * 10_000 + "tail"),
        ("head" + "a " * 10_000, "a " * 10_000),
        ("", "z" * 10_000),
        ("z" * 10_000, ""),
    ],
)
def test_pieces_reproduce_any_pair(before, after):
    """Whatever the two strings, the spans turn one into the other."""
    spans = align.changed_spans(before, after)
    parts, pos = [], 0
    for start, end, new_start, new_end in spans:
        assert pos <= start <= end
        parts += [before[pos:start], after[new_start:new_end]]
        pos = end
    assert "".join([*parts, before[pos:]]) == after


def test_a_long_line_is_aligned_in_bounded_pieces(monkeypatch):
    """A megabyte line with damage every few words was aligned in one call, whose cost
    grows with the square of the line. Every call is now bounded."""
    sizes: list[int] = []
    opcodes = Levenshtein.opcodes

    def recording(a: str, b: str):
        sizes.append(len(a) + len(b))
        return opcodes(a, b)

    monkeypatch.setattr(Levenshtein, "opcodes", recording)
    text = "Zelenskyâ€™s plan, AT&amp;T\x00 and cafe\u0301 said\x85 " * 4_000
    edits = fix_unicode(text)
    assert apply_edits(text, edits) == ftfy.fix_text(text, _FTFY_CONFIG)
    assert len(edits) == 4 * 4_000
    assert sizes and max(sizes) <= 4 * align.WHOLE_LIMIT


# The spintax pattern as it was, with backtracking quantifiers.
_OLD_OPTION = r"[\p{L}\p{N}][\p{L}\p{M}\p{N} '’.\-]{0,60}"
_OLD_SPINTAX_RE = regex.compile(rf"(?<![\p{{L}}\p{{N}}\\${{}}])\{{({_OLD_OPTION}(?:\|{_OLD_OPTION})*)\}}(?!\}})")
_SPINTAX_PARTS = ["{", "}", "|", "a", "alpha beta", "x" * 59, "y" * 61, " ", "-", ".", "'", "0", "$", "\\", "é", "\n"]


@pytest.mark.parametrize("seed", range(200))
def test_spintax_pattern_matches_as_before(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_SPINTAX_PARTS) for _ in range(rng.randint(1, 400)))
    new = [(m.span(), m.group(1)) for m in SPINTAX_RE.finditer(text)]
    assert new == [(m.span(), m.group(1)) for m in _OLD_SPINTAX_RE.finditer(text)]


def test_long_unclosed_spintax_list():
    options = "alpha beta|" * 100_000
    assert remove_spintax("{" + options) == []
    (edit,) = remove_spintax("{" + options[:-1] + "}")
    assert (edit.start, edit.end, edit.replacement) == (0, len(options) + 1, "alpha beta")
