"""Simulated article spinners, for development data beyond the one spinner textrepair was built on.

Each spinner is a function ``spin(text, seed) -> Spun`` written from the general
behaviour of a kind of spinner (none runs or copies a real spinner's code):

``wordnet``
    random WordNet synonyms for content words, any sense ("boat" -> "gravy boat");
``dictionary``
    a hand-written table of common word and phrase swaps ("said" -> "stated");
``tortured``
    established technical terms into tortured phrases from the project's list
    ("random forest" -> "irregular woodland"), plus a few WordNet swaps;
``paraphraser``
    a gentler spinner: frequent first-sense synonyms where the part of speech fits.
    Held out: development must not be tuned on it.

A :class:`~benchmarks.spinners.base.Spun` carries the spun text and every substitution
with its span in the spun text. ``python -m benchmarks.simulate`` builds the corpus.
"""

from __future__ import annotations

from collections.abc import Callable

from . import dictionary, paraphraser, tortured, wordnet
from .base import Spun, Substitution

SPINNERS: dict[str, Callable[..., Spun]] = {
    "wordnet": wordnet.spin,
    "dictionary": dictionary.spin,
    "tortured": tortured.spin,
    "paraphraser": paraphraser.spin,
}
HELD_OUT_SPINNERS = frozenset({"paraphraser"})

__all__ = ["HELD_OUT_SPINNERS", "SPINNERS", "Spun", "Substitution"]
