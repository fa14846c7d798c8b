"""The spinner lexicon: what a spinner writes, and what the author wrote.

* :mod:`.entry`: :class:`Entry`, :class:`Context`, :class:`LexiconError`;
* :mod:`.parse`: the file format (documented there) into entries;
* :mod:`.context`: the test of an entry's context constraints;
* :mod:`.automaton`: every entry found in a text in one pass;
* :mod:`.validate`: duplicates, conflicts and chains refused;
* :mod:`.load`: the built-in lexicons and the user's files.
"""

from .entry import AMBIGUOUS, FINGERPRINT, Context, Entry, LexiconError
from .load import DEFAULT_LEXICONS, build_lexicon, default_lexicon, load_lexicon
from .parse import parse_lexicon

__all__ = [
    "AMBIGUOUS",
    "DEFAULT_LEXICONS",
    "FINGERPRINT",
    "Context",
    "Entry",
    "LexiconError",
    "build_lexicon",
    "default_lexicon",
    "load_lexicon",
    "parse_lexicon",
]
