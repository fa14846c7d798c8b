"""Applying edits, and composing the edits of successive pipeline stages.

Each stage of the pipeline sees the output of the stage before it, so its edits carry
offsets into that intermediate text. The user wants offsets into the text they passed
in. :func:`compose` maps a later stage's edits back through an earlier stage's edits;
where the two touch the same characters it merges them into one edit, so the result is
always a sorted, non-overlapping list that turns the original into the final text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from ..model import Edit
from .tokens import is_word_char


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Return ``text`` with ``edits`` applied.

    The edits must be sorted and must not overlap (two insertions at one position are
    applied in list order). A ``ValueError`` says which edit breaks that rule.

    >>> e = Edit(2, 5, "ppo", "in", "lexicon", "demo", 1.0)
    >>> apply_edits("suppose", [e])
    'suinse'
    """
    parts: list[str] = []
    pos = 0
    for edit in edits:
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edit {edit!r} overlaps the one before it or lies outside the text")
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def _merge_rules(rules: Sequence[str]) -> str:
    if len(rules) == 1 and "+" not in rules[0]:
        return rules[0]  # the usual case: one edit, one rule
    seen: list[str] = []
    for rule in rules:
        for part in rule.split("+"):
            if part not in seen:
                seen.append(part)
    return "+".join(seen)


class OffsetMap:
    """Maps positions and spans of an intermediate text back to the original.

    ``base`` are the edits that turned ``original`` into the intermediate text.
    """

    def __init__(self, original: str, base: Sequence[Edit]) -> None:
        self.original = original
        self.base = list(base)
        self._starts: list[int] = []  # where each base edit's replacement starts, intermediate coords
        self._ends: list[int] = []
        self._shift: list[int] = [0]  # net length change of base[:k]
        shift = 0
        for edit in self.base:
            start = edit.start + shift
            self._starts.append(start)
            self._ends.append(start + len(edit.replacement))
            shift += len(edit.replacement) - (edit.end - edit.start)
            self._shift.append(shift)

    def _map_start(self, pos: int) -> int:
        # Base edits ending at or before ``pos`` (including deletions exactly at it) lie to its left.
        k = bisect_right(self._ends, pos)
        return pos - self._shift[k]

    def _map_end(self, pos: int) -> int:
        k = bisect_right(self._ends, pos)
        # A deletion sitting exactly at ``pos`` belongs after a span that ends there.
        while k > 0 and self._starts[k - 1] == self._ends[k - 1] == pos:
            k -= 1
        return pos - self._shift[k]

    def span(self, start: int, end: int) -> tuple[int, int, int, int, list[int]]:
        """Widen the intermediate span ``[start, end)`` until no base edit is cut in two.

        Returns the widened intermediate span, the matching original span, and the indices
        of the base edits the span swallows.
        """
        absorbed: list[int] = []
        k = max(0, bisect_right(self._ends, start) - 1)
        while k < len(self.base) and self._starts[k] <= end:
            bs, be = self._starts[k], self._ends[k]
            if start == end:  # an insertion: only conflicts strictly inside a replacement
                hit = bs < start < be
            elif bs == be:  # a deletion: conflicts strictly inside the span
                hit = start < bs < end
            else:
                hit = bs < end and start < be
            if hit:
                absorbed.append(k)
                start, end = min(start, bs), max(end, be)
            k += 1
        if start == end:
            ostart = oend = self._map_start(start)
        else:
            ostart, oend = self._map_start(start), self._map_end(end)
        return start, end, ostart, oend, absorbed


def compose(original: str, base: Sequence[Edit], later: Sequence[Edit], intermediate: str | None = None) -> list[Edit]:
    """Express ``later`` (edits on the result of ``base``) as edits on ``original``.

    ``apply_edits(original, compose(original, base, later))`` equals
    ``apply_edits(apply_edits(original, base), later)``. Where a later edit touches
    characters an earlier edit produced, the two become one edit whose ``rule`` names
    both and whose confidence is the lower of the two.

    >>> base = [Edit(4, 13, "{dollars}", "dollars", "spintax", "spintax.braces", 0.9)]
    >>> later = [Edit(4, 11, "dollars", "euros", "lexicon", "demo", 0.8)]
    >>> [(e.start, e.end, e.original, e.replacement, e.rule) for e in compose("350 {dollars}", base, later)]
    [(4, 13, '{dollars}', 'euros', 'spintax.braces+demo')]
    """
    if not later:
        return list(base)
    if not base:
        return list(later)
    if intermediate is None:
        intermediate = apply_edits(original, base)
    offsets = OffsetMap(original, base)

    # 1. Widen each later edit so it does not cut a base edit in two, and merge later
    #    edits whose widened spans now overlap (they touched the same base edit).
    clusters: list[tuple[int, int, list[Edit], set[int]]] = []
    alone: dict[int, tuple[int, int]] = {}  # cluster index -> original span, for a lone edit touching no base edit
    for edit in later:
        istart, iend, ostart, oend, swallowed = offsets.span(edit.start, edit.end)
        if clusters and (istart < clusters[-1][1] or set(swallowed) & clusters[-1][3]):
            cstart, cend, members, cswallowed = clusters[-1]
            clusters[-1] = (min(cstart, istart), max(cend, iend), [*members, edit], cswallowed | set(swallowed))
            alone.pop(len(clusters) - 1, None)
        else:
            if not swallowed:
                alone[len(clusters)] = (ostart, oend)
            clusters.append((istart, iend, [edit], set(swallowed)))

    # 2. Turn each cluster into one edit on the original text.
    absorbed: set[int] = set()
    # (start, whether it replaces something, intermediate start, order made, edit): sorted
    # as plain tuples, the order they were made in breaking ties (as a stable sort would)
    mapped: list[tuple[int, bool, int, int, Edit]] = []
    for index, (cstart, cend, members, cswallowed) in enumerate(clusters):
        if index in alone:  # the usual case: at most the offsets change
            ostart, oend = alone[index]
            (edit,) = members
            rule = _merge_rules([edit.rule])
            if (ostart, oend, rule) != (edit.start, edit.end, edit.rule) or original[ostart:oend] != edit.original:
                edit = Edit(ostart, oend, original[ostart:oend], edit.replacement, edit.kind, rule, edit.confidence)
            mapped.append((ostart, oend > ostart, cstart, len(mapped), edit))
            continue
        istart, iend, ostart, oend, more = offsets.span(cstart, cend)
        taken = cswallowed | set(more)
        absorbed |= taken
        pieces: list[str] = []
        pos = istart
        for member in members:
            pieces.append(intermediate[pos : member.start])
            pieces.append(member.replacement)
            pos = member.end
        pieces.append(intermediate[pos:iend])
        rules = [base[i].rule for i in sorted(taken)] + [m.rule for m in members]
        confidences = [base[i].confidence for i in taken] + [m.confidence for m in members]
        last = members[-1]
        edit = Edit(
            ostart, oend, original[ostart:oend], "".join(pieces), last.kind, _merge_rules(rules), min(confidences)
        )
        mapped.append((ostart, oend > ostart, istart, len(mapped), edit))
    starts = offsets._starts
    for index, edit in enumerate(base):
        if index not in absorbed:
            mapped.append((edit.start, edit.end > edit.start, starts[index], len(mapped), edit))

    # 3. Sort by position in the original, an insertion before an edit that replaces
    #    something there; insertions at one point keep the order in which their text
    #    appears in the output.
    mapped.sort()
    return [item[4] for item in mapped]


@lru_cache(maxsize=4096)
def changed_part(old: str, new: str) -> tuple[int, int, int, int]:
    """Where ``new`` differs from ``old``, widened to whole words: ``(old_start, old_end,
    new_start, new_end)``. What the two share at either end, word for word, is not part
    of it. The same few repairs come up again and again (every edit and every hit near a
    name asks), so the answers are remembered.

    >>> changed_part("Overseas Secretary", "Foreign Secretary")
    (0, 8, 0, 7)
    >>> changed_part("Secretary-Common", "Secretary-General")
    (10, 16, 10, 17)
    >>> changed_part("White Home", "White House")
    (6, 10, 6, 11)
    """
    limit = min(len(old), len(new))
    lead = 0
    while lead < limit and old[lead] == new[lead]:
        lead += 1
    trail = 0
    while trail < limit - lead and old[-1 - trail] == new[-1 - trail]:
        trail += 1
    while lead and is_word_char(old[lead - 1]):  # back to the start of the word
        lead -= 1
    while trail and is_word_char(old[len(old) - trail]):  # forward to the end of the word
        trail -= 1
    return lead, len(old) - trail, lead, len(new) - trail
