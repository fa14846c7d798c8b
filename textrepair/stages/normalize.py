"""Stages "unicode", "typography", "spintax" and "whitespace": normalisation.

Broken Unicode, curly typography (opt-in), leftover spintax, stray white space. Each
step is a function from a text to edits on it (:func:`fix_unicode`,
:func:`straighten_typography`, :func:`remove_spintax`, :func:`collapse_spaces`);
:class:`NormalizeStep` makes one a stage. Clean text passes through untouched: curly
quotes and dashes are kept unless ``typography=True``, line breaks are never changed.

>>> [(e.original, e.replacement, e.rule) for e in fix_unicode("Zelenskyâ€™s")]
[('â€™', '’', 'unicode.mojibake')]
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence

import ftfy
import regex
from ftfy import chardata
from ftfy.badness import BADNESS_RE

from ..model import Edit
from ..pipeline import Document
from ..text.align import changed_spans

# --- Unicode (ftfy) -----------------------------------------------------------------

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)
_FTFY_NO_HTML = _FTFY_CONFIG._replace(unescape_html=False)
# Full-width commas and brackets are the right punctuation of Chinese, Japanese and
# Korean, so a line written in one of their scripts keeps its character widths; in a
# Latin line ("He said，the plan") they are damage, and ftfy narrows them.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_KEEP_WIDTH = {config: config._replace(fix_character_width=False) for config in (_FTFY_CONFIG, _FTFY_NO_HTML)}
_MOJIBAKE_STEPS = {"decode_inconsistent_utf8", "restore_byte_a0", "replace_lossy_sequences"}

# Characters ftfy can never change: printable ASCII except "&" (HTML entities), tab and
# line breaks, and the typography of clean news (curly quotes, en and em dashes, the
# ellipsis). A segment made only of these is skipped: mojibake needs a character outside
# this set, and so does every other ftfy fix. Most news lines qualify, so ftfy's cost is
# paid only where it can matter. (The standard library's re scans a character class
# several times faster than the regex module does.)
_UNUSUAL = re.compile(r"[^\t\n\r\x20-\x25\x27-\x7e\u2013\u2014\u2018-\u201d\u2026]")

# A segment that holds other characters ("£", "é") is usually left alone by ftfy too.
# _ftfy_may_change() tells which by mirroring ftfy.fix_and_explain step by step. It
# relies on ftfy's list of steps and on its mojibake pattern (ftfy.badness.BADNESS_RE) as
# they are in ftfy 6.3: every match of that pattern is at most 7 characters long
# (re._parser.parse(pattern).getwidth() is (1, 7)) and holds an unusual character (no
# branch of it can be matched with the characters above alone). With another step list
# or pattern the checks are off, and every segment with an unusual character goes to ftfy.
_KNOWN_FTFY_FIELDS = (
    "unescape_html", "remove_terminal_escapes", "fix_encoding", "restore_byte_a0", "replace_lossy_sequences",
    "decode_inconsistent_utf8", "fix_c1_controls", "fix_latin_ligatures", "fix_character_width",
    "uncurl_quotes", "fix_line_breaks", "fix_surrogates", "remove_control_chars", "normalization",
    "max_decode_length", "explain",
)  # fmt: skip
_KNOWN_BADNESS_SHA256 = "9dcc0f2ac90d9ae3"  # start of the SHA-256 of ftfy 6.3's BADNESS_RE.pattern
_CHECKS_MATCH_FTFY = (
    ftfy.TextFixerConfig._fields == _KNOWN_FTFY_FIELDS
    and hashlib.sha256(BADNESS_RE.pattern.encode()).hexdigest().startswith(_KNOWN_BADNESS_SHA256)
    and _FTFY_CONFIG.normalization == "NFC"
)
_BADNESS_REACH = 6  # a match of the mojibake pattern lies within 6 characters of its unusual one
# What ftfy's character-level fixes rewrite: C1 controls, Latin ligatures, half- and
# fullwidth forms, surrogates, and control characters (among them the escape that
# starts a terminal escape sequence).
_REWRITTEN_CHARS = frozenset(
    [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in range(0xD800, 0xE000)]
    + [chr(c) for c in (*chardata.LIGATURES, *chardata.WIDTH_MAP, *chardata.CONTROL_CHARS)]
)


def _looks_like_mojibake(segment: str, unusual: list[int]) -> bool:
    """``ftfy.badness.is_bad(segment)``, searching only near the ``unusual`` positions
    (ascending), where every match of ftfy's pattern must be."""
    windows: list[list[int]] = []
    for i in unusual:
        lo, hi = max(0, i - _BADNESS_REACH), i + _BADNESS_REACH + 1
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return any(BADNESS_RE.search(segment, lo, hi) for lo, hi in windows)


def _ftfy_may_change(segment: str) -> bool:
    """False only if ftfy certainly returns ``segment`` (one line) unchanged.

    ftfy fixes a segment in rounds and stops after a round that changed nothing, so the
    segment comes back as it is when every step of the first round leaves it alone:
    HTML unescaping needs an "&"; the encoding fix does nothing unless ftfy's
    ``is_bad`` finds mojibake; the character-level fixes need a character they rewrite;
    NFC normalisation needs text that is not in NFC. Checking this costs a fraction of
    what ftfy takes, mostly because ``is_bad`` runs only around unusual characters.
    """
    unusual = [m.start() for m in _UNUSUAL.finditer(segment)]
    if not unusual:
        return False
    if not _CHECKS_MATCH_FTFY or "&" in segment or len(segment) > _FTFY_CONFIG.max_decode_length:
        return True
    if any(segment[i] in _REWRITTEN_CHARS for i in unusual):
        return True
    return not unicodedata.is_normalized("NFC", segment) or _looks_like_mojibake(segment, unusual)


def _fix_segment(segment: str, config: ftfy.TextFixerConfig) -> tuple[str, str]:
    """What ``ftfy.fix_text`` makes of one line, and the rule that names the change.

    ``fix_text`` fixes a line in pieces of ftfy's ``max_decode_length`` characters (one
    piece for most lines) with ``fix_and_explain``, whose explanation changes nothing in
    the fixing: so the same pieces are fixed here with it, and the rule is named from
    their explanations, in one pass. (Explaining a longer line whole, as one piece, would
    take ftfy more than linear time.)
    """
    limit = config.max_decode_length
    if len(segment) <= limit:
        result = ftfy.fix_and_explain(segment, config._replace(explain=True))
        return result.text, _rule_from_steps(result.explanation or [])
    texts: list[str] = []
    steps: list[tuple[str, str]] = []
    for start in range(0, len(segment), limit):  # a line: fix_text's pieces are cut every `limit` characters
        piece = segment[start : start + limit]
        if config.unescape_html == "auto" and "<" in piece:  # as fix_text: no unescaping from the first "<" on
            config = config._replace(unescape_html=False)
        result = ftfy.fix_and_explain(piece, config._replace(explain=True))
        texts.append(result.text)
        steps += result.explanation or []
    fixed = "".join(texts)
    return fixed, _rule_from_steps(steps) if fixed != segment else ""


def _rule_from_steps(steps: list[tuple[str, str]]) -> str:
    names = [param for action, param in steps if action == "apply"]
    if any(action in ("encode", "decode", "transcode") for action, _ in steps) or any(
        name in _MOJIBAKE_STEPS for name in names
    ):
        return "unicode.mojibake"
    return "unicode." + (names[0] if names else "ftfy")


def _diff_edits(before: str, after: str, offset: int, kind: str, rule: str, confidence: float) -> list[Edit]:
    """Minimal character edits turning ``before`` into ``after``, grouped so that one
    damaged sequence ("â€™") is one edit. The alignment takes time linear in the length
    of a long line (see :mod:`textrepair.align`)."""
    edits: list[Edit] = []
    for src_start, src_end, dest_start, dest_end in changed_spans(before, after):
        start, end = src_start + offset, src_end + offset
        replacement = after[dest_start:dest_end]
        if edits and start - edits[-1].end <= 1 and not before[edits[-1].end - offset : src_start].isspace():
            prev = edits.pop()
            replacement = prev.replacement + before[prev.end - offset : src_start] + replacement
            start = prev.start
        edits.append(Edit(start, end, before[start - offset : end - offset], replacement, kind, rule, confidence))
    return edits


def fix_unicode(text: str) -> list[Edit]:
    """Edits that repair mojibake and other broken Unicode, found by ftfy.

    Gives exactly what ``ftfy.fix_text`` gives on the whole text (with curly quotes and
    line breaks kept), segment by segment as ftfy itself works, but calls ftfy only on
    segments it could change: only lines with an unusual character are looked at. One
    difference: a line in a CJK script keeps its full-width punctuation.

    >>> [(e.original, e.replacement) for e in fix_unicode("He said，the plan\\n北京，上海")]
    [('，', ',')]
    """
    edits: list[Edit] = []
    first_tag = text.find("<")  # like ftfy: from the segment with the first "<" on, no HTML unescaping
    found = _UNUSUAL.search(text)
    while found:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start()) + 1 or len(text)
        segment = text[start:end]
        if _ftfy_may_change(segment):
            config = _FTFY_NO_HTML if 0 <= first_tag < end else _FTFY_CONFIG
            if _CJK.search(segment):
                config = _KEEP_WIDTH[config]
            fixed, rule = _fix_segment(segment, config)
            if fixed != segment:
                edits.extend(_diff_edits(segment, fixed, start, "unicode", rule, 0.99))
        found = _UNUSUAL.search(text, end)
    return edits


# --- Typography (opt-in) ---------------------------------------------------------------

_TYPOGRAPHY = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
    "–": "-", "—": "-", "―": "-", "…": "...",
}  # fmt: skip
_TYPOGRAPHY_RE = regex.compile("[" + "".join(_TYPOGRAPHY) + "]")
_TYPOGRAPHY_RULE = {"'": "typography.quotes", '"': "typography.quotes", "-": "typography.dashes"}


def straighten_typography(text: str) -> list[Edit]:
    """Edits that replace curly quotes, dashes and ellipses by ASCII."""
    edits = []
    for m in _TYPOGRAPHY_RE.finditer(text):
        new = _TYPOGRAPHY[m.group()]
        rule = _TYPOGRAPHY_RULE.get(new, "typography.ellipsis")
        edits.append(Edit(m.start(), m.end(), m.group(), new, "typography", rule, 1.0))
    return edits


# --- Spintax ---------------------------------------------------------------------------

_OPTION = r"[\p{L}\p{N}][\p{L}\p{M}\p{N} '’.\-]{0,60}+"
# A brace group of word-like options, not part of code or markup: not preceded by a
# word character, backslash, dollar or another brace, not followed by a brace. The
# quantifiers are possessive: an option can only end at "|" or "}", which it cannot
# hold, so giving characters or options back never leads to a match, and without
# backtracking a long unclosed list ("{alpha|beta|..." over megabytes) is scanned once
# instead of once per option.
SPINTAX_RE = regex.compile(rf"(?<![\p{{L}}\p{{N}}\\${{}}])\{{({_OPTION}(?:\|{_OPTION})*+)\}}(?!\}})")


def _is_placeholder(text: str, start: int, end: int, option: str) -> bool:
    """Whether a brace group of one option reads as code rather than leftover spintax: a
    format field or identifier with a digit (``{0}``, a braced UUID), a group glued to
    the next word (``{uri}local``), or one quoted as a literal (``"{message}"``)."""
    if any(c.isdigit() for c in option):
        return True
    after = text[end : end + 1]
    if after.isalnum():
        return True
    before = text[start - 1 : start]
    return before in ("'", '"') and after == before


#: A text with this many brace groups of one option uses braces as its own syntax
#: (type annotations in API docs, placeholders in help files and templates), unless
#: most of its groups offer alternatives. A spinner that forgets to expand a group
#: leaves one or two, three in the seed article.
MARKUP_GROUPS = 6


def remove_spintax(text: str) -> list[Edit]:
    """Edits that resolve spinner syntax the spinner forgot to expand.

    ``{dollars}`` becomes ``dollars``; ``{a|b|c}`` becomes ``a``, the first option, which
    in spinner templates is conventionally the original wording. A single option that
    looks like code (``{0}``, ``"{name}"``) is left alone: alternatives are the
    spinner's mark, one braced word is not always. So is every group of a text that
    uses braces as markup (``MARKUP_GROUPS`` or more single options, and more of them
    than groups with alternatives: "``path`` {string|Buffer} ... Returns: {Promise}").

    >>> [e.replacement for e in remove_spintax('350 billion {dollars}, {big|large}, {0}, "{name}"')]
    ['dollars', 'big']
    >>> remove_spintax("Returns: {Promise}. " * MARKUP_GROUPS + "{string|Buffer}")
    []
    """
    groups = [(m, m.group(1).split("|")) for m in SPINTAX_RE.finditer(text)]
    single = sum(1 for _, options in groups if len(options) == 1)
    if single >= MARKUP_GROUPS and 2 * single > len(groups):
        return []
    edits = []
    for m, options in groups:
        if len(options) == 1 and _is_placeholder(text, m.start(), m.end(), options[0]):
            continue
        rule = "spintax.alternatives" if len(options) > 1 else "spintax.braces"
        edits.append(Edit(m.start(), m.end(), m.group(), options[0].strip(), "spintax", rule, 0.95))
    return edits


# --- White space -------------------------------------------------------------------------

# Two or more spaces between two words inside a sentence (not indentation, not the
# two-space convention after a full stop).
_SPACES_RE = regex.compile(r"(?<=[^\s.!?:;\"”’)\]])[ \t]{2,}(?=\S)")


def collapse_spaces(text: str) -> list[Edit]:
    """Edits that collapse runs of spaces inside a sentence to one space."""
    if "  " not in text and "\t" not in text:
        return []
    return [
        Edit(m.start(), m.end(), m.group(), " ", "whitespace", "whitespace.collapse", 0.9)
        for m in _SPACES_RE.finditer(text)
    ]


class NormalizeStep:
    """A normalisation function as a stage. The spintax step also counts what it removes
    in the first round: leftover spinner syntax is a fingerprint of spin."""

    def __init__(self, name: str, step: Callable[[str], list[Edit]]) -> None:
        self.name = name
        self.step = step

    def __call__(self, doc: Document) -> Sequence[Edit]:
        edits = self.step(doc.text)
        if edits and self.name == "spintax" and doc.first_round:
            doc.spintax.extend(e.start for e in edits)
        return edits


#: The normalisation stages in the order they run, by name (the config's switches).
STEPS: dict[str, Callable[[str], list[Edit]]] = {
    "unicode": fix_unicode,
    "typography": straighten_typography,
    "spintax": remove_spintax,
    "whitespace": collapse_spaces,
}
