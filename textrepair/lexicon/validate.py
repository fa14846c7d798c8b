"""Lexicon validation: duplicates, conflicts, and chains that would repair a repair.

Within one file two lines with the same spun wording, class and context are an error;
across files the later one wins, so a user lexicon can override a built-in entry. A
canonical wording that another entry could fire inside ("assist => help" with "help =>
support") is a chain, refused unless both lines are a declared swap.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.fold import fold
from ..text.tokens import Neighbours
from .automaton import Hit, Scanner
from .context import context_holds, word_fits
from .entry import Context, Entry, LexiconError


def _line(entry: Entry) -> tuple[str, int]:
    source, _, line = entry.source.rpartition(":")
    return source, int(line)


def _error(entry: Entry, message: str) -> LexiconError:
    return LexiconError(*_line(entry), message)


def merge(entries: Sequence[Entry], within_file: bool) -> list[Entry]:
    """Drop exact repeats and resolve entries that share spun wording, class and context
    (the document condition included).

    Within one file two such entries are an error (a duplicate, or a conflict when
    their canonical wording differs). Across files the later file wins, so a user
    lexicon can override a built-in entry.
    """
    kept: dict[tuple[object, ...], Entry] = {}
    for entry in entries:
        # Alternatives of one line ("a / b") are kept side by side.
        alternative = fold(entry.canonical) if entry.alternatives else None
        key = (fold(entry.spun), entry.case_sensitive and entry.spun, entry.cls, entry.context, entry.doc, alternative)
        earlier = kept.get(key)
        if earlier is not None and within_file and _line(earlier) != _line(entry):
            where = f"line {_line(earlier)[1]}"
            if fold(earlier.canonical) == fold(entry.canonical):
                raise _error(entry, f"duplicate of {where} ({earlier.spun!r} => {earlier.canonical!r})")
            raise _error(
                entry,
                f"conflicts with {where}: {entry.spun!r} => {entry.canonical!r} here, "
                f"=> {earlier.canonical!r} there, with the same class and context",
            )
        if earlier is None or not within_file:
            kept[key] = entry
    return list(kept.values())


def validate(entries: Sequence[Entry]) -> None:
    """Reject a lexicon whose canonical wording is itself spun wording of another entry.

    Such a chain ("assist => help" and "help => support") would repair a repair. Real
    two-way swaps ("army => military" and "military => army", each in its own context)
    are allowed when both lines say ``swap=yes``.
    """
    scanner = Scanner(entries)
    file_order: dict[str, int] = {}
    for entry in entries:
        file_order.setdefault(_line(entry)[0], len(file_order))
    for entry in entries:
        for hit in scanner.find(entry.canonical):
            other = hit.entry
            if _line(other) == _line(entry) or (entry.swap and other.swap):
                continue
            if not could_fire_inside(entry, hit):
                continue
            if file_order[_line(other)[0]] > file_order[_line(entry)[0]]:
                # The later file (a user's, after the built-in lexicon) brought the clash: say so at its line.
                raise _error(
                    other,
                    f"{other.spun!r} => {other.canonical!r} would change the canonical wording of "
                    f"{entry.source} ({entry.spun!r} => {entry.canonical!r}), repairing a repair; if the two "
                    f"are a swap, mark both lines swap=yes, otherwise remove one",
                )
            raise _error(
                entry,
                f"canonical {entry.canonical!r} contains {other.spun!r}, spun wording of "
                f"{other.source} ({other.spun!r} => {other.canonical!r}); if the two are a swap, "
                f"mark both lines swap=yes, otherwise remove one",
            )


def _excludes(outer_needs: frozenset[str], outer_bars: frozenset[str], inner_needs: frozenset[str]) -> bool:
    """Whether an outer entry's constraint on a neighbour rules out the inner entry's:
    every word the outer entry allows there fails the inner constraint, or every word the
    inner entry needs is barred by the outer one."""
    if not inner_needs:
        return False
    only_words = bool(outer_needs) and not any(w.startswith("<") for w in outer_needs)
    if only_words and not any(word_fits(w, inner_needs) for w in outer_needs):
        return True
    return not any(w.startswith("<") for w in inner_needs) and inner_needs <= outer_bars


def could_fire_inside(entry: Entry, hit: Hit) -> bool:
    """Whether the entry of ``hit``, found inside ``entry.canonical``, could fire there:
    its context is checked against the words of the canonical wording around it
    ("National Assembly" cannot trigger "assembly => meeting | prev=our"). At an edge of
    the canonical wording the neighbour is the one ``entry`` itself was found next to,
    so ``entry``'s own constraint there applies ("in direction of => towards |
    not_prev=war" cannot feed "towards => against | prev=war")."""
    canonical = entry.canonical
    context = hit.entry.context
    if not context:
        return True
    near = Neighbours(canonical)
    prev, nxt = near.before(hit.start), near.after(hit.end)
    outer = entry.context
    if prev is None and _excludes(outer.prev, outer.not_prev, context.prev):
        return False
    if nxt is None and _excludes(outer.next, outer.not_next, context.next):
        return False
    inside = Context(
        prev=context.prev if prev else frozenset(),
        next=context.next if nxt else frozenset(),
        not_prev=context.not_prev if prev else frozenset(),
        not_next=context.not_next if nxt else frozenset(),
    )
    return context_holds(inside, canonical, hit.start, hit.end, prev, nxt)
