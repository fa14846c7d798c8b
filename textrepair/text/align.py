"""Align a text with a lightly changed copy of it, in time linear in their length.

The Unicode step needs to know which characters ftfy changed on a line. A full edit
distance alignment (``Levenshtein.opcodes``) gives the minimal changes, but its cost
grows with the product of the two lengths: on a one-megabyte line with a change every
few words it takes a minute. The changes ftfy makes are local (a mojibake sequence, an
entity, a control character), with untouched text between them, so the two strings can
be aligned a bounded window at a time, each window's alignment kept up to a place near
its middle where the two are in step (inside a stretch of identical characters), where
the next window starts. The windows are bounded in size, so the total cost is linear. The result is
a minimal alignment wherever the changes are local, though where two alignments are
equally good it may choose another one than a whole-line alignment would.

A line short enough to align at once (:data:`WHOLE_LIMIT`) is aligned at once, so the
usual news paragraph gets exactly the alignment it always got.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

#: Strings this long or shorter (both together) are aligned in one call.
WHOLE_LIMIT = 8192
#: Cut points are found by aligning a window of ``_WINDOW`` characters of ``before``
#: with the matching stretch of ``after`` (its length in proportion to what is left of
#: both, plus ``_MARGIN``). The alignment near the window's end is unreliable, since the
#: two windows need not end at corresponding places, so the cut is taken near its middle:
#: in the middle of the identical stretch of at least ``_MIN_RUN`` characters closest to it.
_WINDOW = 4096
_MARGIN = 64
_MIN_RUN = 8

Span = tuple[int, int, int, int]
"""``(start, end, new_start, new_end)``: ``before[start:end]`` became ``after[new_start:new_end]``."""


def _opcode_spans(a: str, b: str, i: int = 0, j: int = 0) -> list[Span]:
    """The non-equal operations of ``Levenshtein.opcodes(a, b)``, shifted by ``(i, j)``."""
    return [
        (op.src_start + i, op.src_end + i, op.dest_start + j, op.dest_end + j)
        for op in Levenshtein.opcodes(a, b)
        if op.tag != "equal"
    ]


def _window_step(a: str, b: str) -> tuple[int, int, list[Span] | None]:
    """A place ``(i, j)`` near the middle of ``a`` where an alignment of ``a`` with ``b``
    (two windows that start at corresponding places) passes through identical text, and
    the changes of that alignment before it; None for those where the two have nothing
    in common, and the place is a guess in proportion to their lengths."""
    middle = len(a) // 2
    # The windows are aligned back to front: where several alignments are equally good,
    # Levenshtein.opcodes puts unmatched characters at the start of its strings, which
    # is then the window's end, where the two windows need not correspond. (Aligned front
    # to back, a text that repeats itself could come out shifted by one repetition.)
    equal: list[Span] = []
    changed: list[Span] = []
    for op in Levenshtein.opcodes(a[::-1], b[::-1]):
        span = (len(a) - op.src_end, len(a) - op.src_start, len(b) - op.dest_end, len(b) - op.dest_start)
        if op.tag != "equal":
            changed.append(span)
        elif span[0] < 3 * len(a) // 4 and span[1] > len(a) // 4:
            equal.append(span)
    candidates = [run for run in equal if run[1] - run[0] >= _MIN_RUN] or equal
    if not candidates:  # nothing in common: cut both in proportion
        return middle, middle * len(b) // max(1, len(a)), None
    start, end, new_start, _ = min(candidates, key=lambda run: abs((run[0] + run[1]) // 2 - middle))
    cut = start + (end - start) // 2
    # The cut lies inside identical text, so every change is wholly before or after it.
    return cut, new_start + (end - start) // 2, [span for span in reversed(changed) if span[1] <= cut]


def changed_spans(before: str, after: str) -> list[Span]:
    """The non-equal operations of a minimal edit-distance alignment of ``before`` with
    ``after``, in order; exactly ``Levenshtein.opcodes``' for strings up to :data:`WHOLE_LIMIT`.

    A longer pair is aligned a window at a time: each window's alignment is kept up to a
    place near its middle where the two agree, and the next window starts there. A
    window is at most ``_WINDOW`` characters of ``before`` (and as much of ``after`` in
    proportion), so the time grows with the length, not with its square.

    >>> changed_spans("AT&amp;T", "AT&T")
    [(3, 7, 3, 3)]
    """
    spans: list[Span] = []
    i = j = 0
    while len(before) - i + len(after) - j > WHOLE_LIMIT:
        left_a, left_b = len(before) - i, len(after) - j
        if not left_a or not left_b:  # the rest is one insertion or deletion
            break
        width_a = min(left_a, _WINDOW)
        width_b = min(left_b, width_a * left_b // max(1, left_a) + _MARGIN)
        di, dj, inside = _window_step(before[i : i + width_a], after[j : j + width_b])
        if di == 0 and dj == 0:  # no progress: step over the first character of each
            di, dj, inside = min(1, left_a), min(1, left_b), None
        if inside is None:
            inside = _opcode_spans(before[i : i + di], after[j : j + dj])
        spans.extend((start + i, end + i, new_start + j, new_end + j) for start, end, new_start, new_end in inside)
        i, j = i + di, j + dj
    spans.extend(_opcode_spans(before[i:], after[j:], i, j))
    return spans
