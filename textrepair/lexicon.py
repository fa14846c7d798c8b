"""The spinner lexicon: what a spinner writes, and what the author wrote.

A lexicon file is plain UTF-8 text, one mapping per line::

    # comment
    suppose tank => think tank | pos=NOUN
    Overseas Minister => Foreign Minister
    mention => say | class=ambiguous pos=VERB next=<punct>,in,after
    final => last | class=ambiguous next=week,year,month,monday

Left of ``=>`` is the spun wording, right of it the canonical wording. A spun word that
may stand for several originals lists them separated by `` / ``
(``despatched => sent / dispatched``): the engine picks the most frequent one (wordfreq)
whose line's context holds, and the edit's confidence carries its share of the
frequency of all of them. After an optional
``|`` come ``key=value`` attributes separated by spaces; list values are separated by
commas:

``class``
    ``fingerprint`` (default): text almost nobody writes unless a spinner did; always
    repaired. ``ambiguous``: real English that a spinner also produces ("mentioned",
    "army"); repaired only in a document already judged spun, and only where the
    context constraints below hold.
``pos``
    ``VERB``, ``NOUN`` or ``ADJ``: both sides are lemmas, and the entry stands for all
    their inflections (the first word of a verb phrase, the last word of a noun phrase
    is inflected): ``instruct => tell | pos=VERB`` covers "instructed" -> "told".
``case``
    ``exact``: match only as written (or in capitals). Entries whose spun side has
    capitals ("White Home") are matched that way anyway; lowercase entries match any
    casing.
``prev``, ``next``, ``not_prev``, ``not_next``
    The token just before / after the match must (not) be one of these words
    (case-insensitive) or classes: ``<punct>``, ``<cap>`` (capitalised word),
    ``<lower>`` (lowercase word), ``<num>``, ``<start>`` (start of a sentence or
    line), ``<end>`` (end of line). Several lines with the same mapping are
    alternatives: the entry fires when any of them holds.
``conf``
    Confidence of a fingerprint repair, default 0.95.
``evidence``
    ``no``: a hit never counts as a sign that the document is spun, though it is
    repaired like any other in a spun document. For differences of house style, such
    as digits for small numbers ("2 children"), which clean text of other styles (and
    tables, listings, code) is full of. Default ``yes``.
``swap``
    ``yes`` on both lines of a pair where one entry's canonical wording is the other's
    spun wording ("army => military", "military => army"). Without it such a chain is
    an error; with it, the engine still never repairs a repair.

Each side of ``=>`` may be at most ``MAX_WORDING`` (1,000) characters long: far more
than any phrase a spinner swaps, and short enough for the matcher. A file may start with
a UTF-8 byte order mark, which is ignored. Malformed lines (and bytes that are not UTF-8)
raise :class:`LexiconError` naming the file and line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .resources import data_lines, wordlist_text

if TYPE_CHECKING:
    from .scan import Hit

FINGERPRINT = "fingerprint"
AMBIGUOUS = "ambiguous"
_CLASSES = (FINGERPRINT, AMBIGUOUS)
_CONTEXT_KEYS = ("prev", "next", "not_prev", "not_next")
_TOKEN_CLASSES = {"<punct>", "<cap>", "<lower>", "<num>", "<start>", "<end>"}
_POS_TAGS = {
    "VERB": ("VBD", "VBN", "VBZ", "VBG", "VBP", "VB"),
    "NOUN": ("NN", "NNS"),
    "ADJ": ("JJ", "JJR", "JJS"),
}
#: The longest wording either side of ``=>`` may have, in characters.
MAX_WORDING = 1000
#: The lexicons that ship with textrepair: the curated spinner lexicon, then the spun
#: name variants generated from the gazetteer (``scripts/build_name_variants.py``).
DEFAULT_LEXICONS = ("spinner.lex", "names.lex")


class LexiconError(ValueError):
    """A lexicon line that cannot be understood; the message names file and line."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line


@dataclass(frozen=True, slots=True)
class Context:
    """Constraints on the tokens next to a match; empty sets mean "anything"."""

    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    not_prev: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.prev or self.next or self.not_prev or self.not_next)


@dataclass(frozen=True, slots=True)
class Entry:
    """One concrete mapping, inflections already expanded."""

    spun: str
    canonical: str
    cls: str
    case_sensitive: bool
    context: Context
    confidence: float
    rule: str
    source: str
    swap: bool = False
    #: Whether a hit counts as evidence of spin (``evidence=no`` says it does not).
    evidence: bool = True
    #: Every canonical wording its line lists (``a / b``), when there is more than one.
    alternatives: tuple[str, ...] = ()


def fold(text: str) -> str:
    """The key lexicon entries are looked up by: lowercase, straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").lower().split())


@lru_cache(maxsize=4096)
def _all_inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    import lemminflect  # imported lazily: only lemma entries need it

    return dict(lemminflect.getAllInflections(word, upos=upos))


def _inflect(word: str, tag: str) -> tuple[str, ...]:
    """Inflections of ``word`` for one Penn tag. All tags of a word are looked up at once
    (lemminflect recomputes them all for every single-tag call); a tag missing there is
    asked for directly, which lets lemminflect fall back to its rules."""
    upos = next(pos for pos, tags in _POS_TAGS.items() if tag in tags)
    forms = _all_inflections(word, upos).get(tag)
    if not forms:
        import lemminflect

        forms = lemminflect.getInflection(word, tag=tag)
    return tuple(forms) if forms else ()


def _expand(spun: str, canonical: str, pos: str) -> list[tuple[str, str]]:
    """All (spun form, canonical form) pairs for a lemma entry."""
    spun_words, canon_words = spun.split(" "), canonical.split(" ")
    index = 0 if pos == "VERB" else -1
    pairs: dict[str, str] = {spun: canonical}
    for tag in _POS_TAGS[pos]:
        canon_forms = _inflect(canon_words[index], tag)
        if not canon_forms:
            continue
        for form in _inflect(spun_words[index], tag):
            s, c = list(spun_words), list(canon_words)
            s[index], c[index] = form, canon_forms[0]
            pairs.setdefault(" ".join(s), " ".join(c))
    return list(pairs.items())


def _parse_attributes(text: str, source: str, lineno: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for item in text.split():
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise LexiconError(source, lineno, f"attribute {item!r} is not key=value")
        if key not in ("class", "pos", "case", "conf", "swap", "evidence", *_CONTEXT_KEYS):
            raise LexiconError(source, lineno, f"unknown attribute {key!r}")
        if key in attrs:
            raise LexiconError(source, lineno, f"attribute {key!r} given twice")
        attrs[key] = value
    return attrs


def _context_set(value: str, source: str, lineno: int) -> frozenset[str]:
    items = frozenset(fold(v) if not v.startswith("<") else v for v in value.split(",") if v)
    for item in items:
        if item.startswith("<") and item not in _TOKEN_CLASSES:
            raise LexiconError(source, lineno, f"unknown token class {item!r}; known: {sorted(_TOKEN_CLASSES)}")
    return items


def parse_lexicon(text: str, source: str = "<string>") -> list[Entry]:
    """Parse lexicon text (see the module docstring) into entries."""
    entries: list[Entry] = []
    for lineno, line in data_lines(text.removeprefix("\ufeff")):  # a byte order mark is no part of the first line
        mapping, _, attr_text = line.partition("|")
        if mapping.count("=>") != 1:
            raise LexiconError(source, lineno, "expected 'spun => canonical', with exactly one '=>'")
        spun, canonical_text = (" ".join(part.split()) for part in mapping.split("=>"))
        canonicals = [c.strip() for c in canonical_text.split(" / ")]
        if not spun or not canonical_text:
            raise LexiconError(source, lineno, "both sides of '=>' must be non-empty")
        for side, wording in (("spun", spun), ("canonical", max(canonicals, key=len))):
            if len(wording) > MAX_WORDING:
                raise LexiconError(
                    source, lineno, f"the {side} wording is {len(wording):,} characters long; at most {MAX_WORDING:,}"
                )
        if any(not c or c == "/" or c.startswith("/ ") or c.endswith(" /") for c in canonicals):
            raise LexiconError(source, lineno, "an alternative between ' / ' is empty")
        if len({fold(c) for c in canonicals}) != len(canonicals):
            raise LexiconError(source, lineno, "an alternative is listed twice")
        if any(fold(spun) == fold(c) and spun == c for c in canonicals):
            raise LexiconError(source, lineno, "spun and canonical wording are the same")
        attrs = _parse_attributes(attr_text, source, lineno)
        cls = attrs.get("class", FINGERPRINT)
        if cls not in _CLASSES:
            raise LexiconError(source, lineno, f"class must be one of {_CLASSES}, not {cls!r}")
        pos = attrs.get("pos")
        if pos is not None and pos not in _POS_TAGS:
            raise LexiconError(source, lineno, f"pos must be one of {sorted(_POS_TAGS)}, not {pos!r}")
        case = attrs.get("case")
        if case not in (None, "exact"):
            raise LexiconError(source, lineno, f"case must be 'exact', not {case!r}")
        try:
            confidence = float(attrs.get("conf", 0.95))
        except ValueError:
            raise LexiconError(source, lineno, f"conf must be a number, not {attrs['conf']!r}") from None
        if not 0.0 < confidence <= 1.0:
            raise LexiconError(source, lineno, "conf must be in (0, 1]")
        context = Context(**{k: _context_set(attrs.get(k, ""), source, lineno) for k in _CONTEXT_KEYS})
        swap, evidence = attrs.get("swap", "no"), attrs.get("evidence", "yes")
        for name, value in (("swap", swap), ("evidence", evidence)):
            if value not in ("yes", "no"):
                raise LexiconError(source, lineno, f"{name} must be 'yes' or 'no', not {value!r}")
        case_sensitive = case == "exact" or any(c.isupper() for c in spun)
        expanded = [_expand(spun, c, pos) if pos else [(spun, c)] for c in canonicals]
        if len(canonicals) > 1:  # an inflected form lists the same inflection of each alternative
            by_form: dict[str, list[str]] = {}
            for forms in expanded:
                for spun_form, canonical_form in forms:
                    by_form.setdefault(spun_form, []).append(canonical_form)
        for forms in expanded:
            for spun_form, canonical_form in forms:
                entries.append(
                    Entry(
                        spun=spun_form,
                        canonical=canonical_form,
                        cls=cls,
                        case_sensitive=case_sensitive,
                        context=context,
                        confidence=confidence,
                        rule=f"lexicon:{spun}",
                        source=f"{source}:{lineno}",
                        swap=swap == "yes",
                        evidence=evidence == "yes",
                        alternatives=tuple(by_form[spun_form]) if len(canonicals) > 1 else (),
                    )
                )
    validate(_merge(entries, within_file=True))
    return entries


def _line(entry: Entry) -> tuple[str, int]:
    source, _, line = entry.source.rpartition(":")
    return source, int(line)


def _error(entry: Entry, message: str) -> LexiconError:
    return LexiconError(*_line(entry), message)


def _merge(entries: Sequence[Entry], within_file: bool) -> list[Entry]:
    """Drop exact repeats and resolve entries that share spun wording, class and context.

    Within one file two such entries are an error (a duplicate, or a conflict when
    their canonical wording differs). Across files the later file wins, so a user
    lexicon can override a built-in entry.
    """
    kept: dict[tuple[object, ...], Entry] = {}
    for entry in entries:
        # Alternatives of one line ("a / b") are kept side by side.
        alternative = fold(entry.canonical) if entry.alternatives else None
        key = (fold(entry.spun), entry.case_sensitive and entry.spun, entry.cls, entry.context, alternative)
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
    from .scan import Scanner  # the scanner finds entries inside canonical wording exactly as in text

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
    from .engine import word_fits  # the engine's own test, as in could_fire_inside

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
    from .engine import context_holds  # the engine's own test, so the two cannot disagree
    from .tokenize import Neighbours

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


def load_lexicon(path: str | os.PathLike[str]) -> list[Entry]:
    """Read and parse a lexicon file; errors name the file and line."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lineno = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LexiconError(
            str(path), lineno, f"not UTF-8 text ({exc.reason}: byte {exc.start + 1} of the file, {column} of the line)"
        ) from None
    return parse_lexicon(text, source=str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> tuple[Entry, ...]:
    """The lexicon that ships with textrepair (``DEFAULT_LEXICONS`` in ``wordlists/``).

    Each file is validated on its own, then the two together: a generated name variant
    must not repair the curated lexicon's wording, nor the other way round.
    """
    entries = [e for name in DEFAULT_LEXICONS for e in parse_lexicon(wordlist_text(name), source=f"wordlists/{name}")]
    merged = _merge(entries, within_file=False)
    if len(merged) != len(entries):
        raise LexiconError(f"wordlists/{DEFAULT_LEXICONS[-1]}", 0, "repeats spun wording of the curated lexicon")
    validate(merged)
    return tuple(merged)


def build_lexicon(paths: Iterable[str | os.PathLike[str]] = (), *, include_default: bool = True) -> list[Entry]:
    """The default lexicon (unless excluded) followed by the user's files, in order.

    Each file is validated on its own; then entries of later files override earlier
    ones with the same spun wording, class and context, and the whole is validated again.
    """
    entries: list[Entry] = list(default_lexicon()) if include_default else []
    paths = list(paths)
    for path in paths:
        entries.extend(load_lexicon(path))
    if not paths:
        return entries
    merged = _merge(entries, within_file=False)
    validate(merged)
    return merged
