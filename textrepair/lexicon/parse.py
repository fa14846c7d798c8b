"""The spinner lexicon: what a spinner writes, and what the author wrote.

A lexicon file is plain UTF-8 text, one mapping per line::

    # comment
    suppose tank => think tank | pos=NOUN
    Overseas Minister => Foreign Minister
    mention => say | class=ambiguous pos=VERB next=<punct>,in,after
    final => last | class=ambiguous next=week,year,month,monday

Left of ``=>`` is the spun wording, right of it the canonical wording. A spun word that
may stand for several originals lists them separated by `` / ``
(``despatched => sent / dispatched``): the choice stage picks the most frequent one (the scorer's)
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
    an error; with it, a repair is still never repaired again.
``doc_has``, ``doc_lacks``
    Conditions on the whole document (:class:`~textrepair.lexicon.conditions.DocCondition`):
    it must contain at least one of the ``doc_has`` phrases, and none of the
    ``doc_lacks`` phrases, matched case-insensitively as whole words. Phrases are
    separated by commas; a space inside a phrase is written ``_``; a trailing ``*``
    matches any ending of the last word: ``neural community => neural network |
    doc_has=neural_network``, ``highlight extraction => feature extraction |
    doc_lacks=specular``, ``enhancement calculation => optimization algorithm |
    doc_has=optimiz*``.

Each side of ``=>`` may be at most ``MAX_WORDING`` (1,000) characters long: far more
than any phrase a spinner swaps, and short enough for the matcher. A file may start with
a UTF-8 byte order mark, which is ignored. Malformed lines (and bytes that are not UTF-8)
raise :class:`LexiconError` naming the file and line.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from ..resources import data_lines
from ..text.fold import fold
from .conditions import DocCondition
from .entry import AMBIGUOUS, FINGERPRINT, TOKEN_CLASSES, Context, Entry, LexiconError
from .validate import merge, validate

_CLASSES = (FINGERPRINT, AMBIGUOUS)
_CONTEXT_KEYS = ("prev", "next", "not_prev", "not_next")
_DOC_KEYS = ("doc_has", "doc_lacks")
#: The longest wording either side of ``=>`` may have, in characters.
MAX_WORDING = 1000
_POS_TAGS = {
    "VERB": ("VBD", "VBN", "VBZ", "VBG", "VBP", "VB"),
    "NOUN": ("NN", "NNS"),
    "ADJ": ("JJ", "JJR", "JJS"),
}


@lru_cache(maxsize=4096)
def _all_inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    import lemminflect  # imported lazily: only lemma entries need it

    return dict(lemminflect.getAllInflections(word, upos=upos))


def inflections_loaded() -> bool:
    """Whether lemminflect holds its table of inflections now."""
    if "lemminflect" not in sys.modules:
        return False
    from lemminflect import Inflections

    return "infl_dict" in vars(Inflections())


def release_inflections() -> None:
    """Let go of lemminflect's table of inflections (15 MB) once lemma entries are
    expanded: a repair with the default stages never reads it, and lemminflect loads it
    again, the same, on the next call that needs it. Nothing happens where lemminflect
    was never imported or keeps its table under another name."""
    _all_inflections.cache_clear()
    if "lemminflect" not in sys.modules:
        return
    from lemminflect import Inflections

    vars(Inflections()).pop("infl_dict", None)  # read again by Inflections._getInflDict when missing


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
        if key not in ("class", "pos", "case", "conf", "swap", "evidence", *_CONTEXT_KEYS, *_DOC_KEYS):
            raise LexiconError(source, lineno, f"unknown attribute {key!r}")
        if key in attrs:
            raise LexiconError(source, lineno, f"attribute {key!r} given twice")
        attrs[key] = value
    return attrs


#: What an entry's context is without constraints. Shared: Python keeps no single empty
#: frozenset, and twelve thousand entries would otherwise carry four empty sets each (7 MB).
_NO_ITEMS: frozenset[str] = frozenset()
_NO_CONTEXT = Context(_NO_ITEMS, _NO_ITEMS, _NO_ITEMS, _NO_ITEMS)


def _context_set(value: str, source: str, lineno: int) -> frozenset[str]:
    if not value:
        return _NO_ITEMS
    items = frozenset(fold(v) if not v.startswith("<") else v for v in value.split(",") if v)
    for item in items:
        if item.startswith("<") and item not in TOKEN_CLASSES:
            raise LexiconError(source, lineno, f"unknown token class {item!r}; known: {sorted(TOKEN_CLASSES)}")
    return items


def _doc_condition(attrs: dict[str, str], source: str, lineno: int) -> DocCondition | None:
    """The ``doc_has`` / ``doc_lacks`` attributes as a condition: comma-separated phrases,
    ``_`` for a space, folded."""
    phrases: dict[str, tuple[str, ...]] = {}
    for key in _DOC_KEYS:
        items = [fold(v.replace("_", " ")) for v in attrs.get(key, "").split(",")] if key in attrs else []
        if any(not item or item == "*" for item in items):
            raise LexiconError(source, lineno, f"{key} has an empty phrase")
        phrases[key] = tuple(dict.fromkeys(items))
    condition = DocCondition(has=phrases["doc_has"], lacks=phrases["doc_lacks"])
    return condition or None


def parse_lexicon(text: str, source: str = "<string>", *, family: str = "news", check: bool = True) -> list[Entry]:
    """Parse lexicon text (see the module docstring) into entries of spinner ``family``.

    ``check=False`` skips the duplicate, conflict and chain checks (:mod:`.validate`):
    for the built-in lexicons, which the test suite checks instead of every start-up.
    """
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
        context = Context(**{k: _context_set(attrs.get(k, ""), source, lineno) for k in _CONTEXT_KEYS}) or _NO_CONTEXT
        doc = _doc_condition(attrs, source, lineno)
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
                        doc=doc,
                        family=family,
                    )
                )
    if check:
        validate(merge(entries, within_file=True))
    return entries
