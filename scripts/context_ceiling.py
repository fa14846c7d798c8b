"""How far the context stage's evidence could reach with a perfect thesaurus: a ceiling.

The stage suspects a word when one of its thesaurus neighbours makes the n-gram window
around it much likelier (:data:`textrepair.stages.context.MIN_GAIN`). Two things can keep
it from suspecting a spinner's substitution: the spinner's original is not among the
word's neighbours (the thesaurus), or the language model does not prefer the original
enough where it stands (the model). This script tells them apart on the simulated
spinners' documents (``benchmarks.simulate``), where every substitution is known:

1. per substitution of one word for one word: is the spun word read as a content word,
   does the model doubt it (below :data:`~textrepair.stages.context.SUSPECT_BELOW`), is
   the original among the candidates the stage tries, and does the original's window beat
   the spun word's by ``MIN_GAIN`` (the *oracle gain*, whatever the candidates); per 100
   words, how many swaps there are and how many have that gain, against the distinct
   words the stage suspects in clean news;
2. an *ideal counter* on the news documents: a document's own passage's suspicions plus
   every swap with the oracle gain, per word, against the rate that at most 2% of the
   clean news passages exceed (what counting suspicions could do with a perfect thesaurus
   and no other evidence), and the stage's own suspicions counted the same way;
3. per document: the stage run with each substitution's original added to the candidates
   of the spun word (an oracle thesaurus), the verdict refitted on the tune side exactly as
   ``scripts/fit_verdict.py`` fits it, and judged spun / ROC AUC per spinner and split.

Where the oracle thesaurus lifts a spinner's documents, what holds them back is the
thesaurus; where it does not, the model (the spinner's swaps are words English accepts
where they stand) or the evidence of a short text::

    python scripts/context_ceiling.py             # about a minute
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from fit_verdict import balanced, documents, fit  # noqa: E402

from benchmarks.do_no_harm import stdlib_documents  # noqa: E402
from benchmarks.metrics import roc_auc, tokens, word_count  # noqa: E402
from benchmarks.simulate import SPLITS, SimDoc, corpus, passages  # noqa: E402
from benchmarks.spinners import SPINNERS  # noqa: E402
from textrepair import Repairer  # noqa: E402
from textrepair.scoring import NGramScorer, ngram_scorer  # noqa: E402
from textrepair.stages import context  # noqa: E402
from textrepair.stages.verdict import spin_features  # noqa: E402

ORIGINAL_TRY = context._to_try


def _single(word: str) -> bool:
    return word.isalpha() and word.isascii()


def oracle(doc: SimDoc | None) -> Callable:
    """The stage's candidate lookup, with each substitution's original added to the spun
    word's candidates (for ``doc``; the plain lookup for ``None``)."""
    extra: dict[str, set[str]] = {}
    for sub in doc.substitutions if doc else ():
        if _single(sub.spun) and _single(sub.original):
            extra.setdefault(sub.spun.lower(), set()).add(sub.original.lower())

    def to_try(scorer, token):  # the same signature as the stage's own lookup
        tried, commoner = ORIGINAL_TRY(scorer, token)
        more = tuple(w for w in sorted(extra.get(token, ())) if w not in tried and scorer.logprob(w) is not None)
        return tried + more, commoner

    return to_try


def analyze(repairer: Repairer, text: str, doc: SimDoc | None = None) -> dict:
    context._to_try = oracle(doc)
    try:
        return repairer.analyze(text).evidence
    finally:
        context._to_try = ORIGINAL_TRY


def per_substitution(scorer: NGramScorer, doc: SimDoc) -> Counter:
    """What became of each one-word-for-one-word substitution of ``doc`` (see the module docstring)."""
    trigram = scorer.trigram_lookup()
    small = context.function_words()
    out: Counter = Counter()
    for sub in doc.substitutions:
        if not (_single(sub.spun) and _single(sub.original)):
            out["phrase"] += 1
            continue
        sentence = next((m for m in context._SENTENCE.finditer(doc.spun) if m.start() <= sub.start < m.end()), None)
        if sentence is None:
            out["not read"] += 1
            continue
        spans = [m.span() for m in context._WORD.finditer(sentence.group())]
        written = [sentence.group()[a:b] for a, b in spans]
        where = [k for k, (a, _) in enumerate(spans) if sentence.start() + a == sub.start]
        if not where:
            out["not read"] += 1
            continue
        i = where[0] + 2
        tokens = ["", "<s>", *(w.lower() for w in written), "</s>"]
        word, original = tokens[i], sub.original.lower()
        if word in small or len(word) < 3 or (i > 2 and written[i - 2][:1].isupper()):
            out["function word or name"] += 1
            continue
        own = trigram(word, tokens[i - 2], tokens[i - 1])
        first = trigram(original, tokens[i - 2], tokens[i - 1])
        if own is None or first is None:
            out["out of the model's vocabulary"] += 1
            continue
        out["content"] += 1
        gain = context._best_neighbour(trigram, [(first, original)], tokens, i, own)
        out["oracle gain >= MIN_GAIN"] += gain is not None
        out["doubted (own < SUSPECT_BELOW)"] += own < context.SUSPECT_BELOW
        out["original among the candidates"] += original in context.candidates(scorer, word)
    return out


def suspected(scorer: NGramScorer, text: str) -> int:
    """The distinct words the stage suspects in ``text``, read to the end (no sampling)."""
    saved = context.SAMPLE_WORDS, context.MAX_WORDS
    context.SAMPLE_WORDS = context.MAX_WORDS = 10**9
    try:
        return context.ContextModel(scorer).read(text).suspected_words
    finally:
        context.SAMPLE_WORDS, context.MAX_WORDS = saved


def features(evidence: dict) -> list[float]:
    return [math.log1p(v) for v in spin_features(evidence)]


def main() -> None:
    repairer = Repairer(context=True)
    scorer = ngram_scorer()
    own = {p.name: suspected(scorer, p.text) for p in passages()}
    clean_rates = sorted(own[p.name] / word_count(tokens(p.text)) for p in passages(kind="news"))
    line = clean_rates[math.ceil(0.98 * len(clean_rates)) - 1]  # at most 2% of clean news above it
    print(f"clean news: distinct words suspected per 100 words {100 * sum(clean_rates) / len(clean_rates):.2f}")

    print("\none-word substitutions, by spinner (tune and held-out together):")
    for spinner in SPINNERS:
        docs = corpus(spinners=(spinner,))
        by_doc = {d.name: per_substitution(scorer, d) for d in docs}
        counts = sum(by_doc.values(), Counter())
        n = counts["content"]
        print(f"  {spinner:12} content words {n:5}", end="")
        for key in ("doubted (own < SUSPECT_BELOW)", "original among the candidates", "oracle gain >= MIN_GAIN"):
            print(f" | {key} {counts[key] / max(n, 1):.0%}", end="")
        words = sum(word_count(tokens(d.spun)) for d in docs)
        gained = counts["oracle gain >= MIN_GAIN"]
        print(f" | per 100 words: swapped {100 * n / words:.2f}, with oracle gain {100 * gained / words:.2f}")
        # An ideal counter: the passage's own suspicions plus every swap the model prefers the
        # original to, against the rate that at most 2% of clean news passages exceed.
        news = [d for d in docs if d.kind == "news"]
        if news:
            rates = [
                (own[d.passage] + by_doc[d.name]["oracle gain >= MIN_GAIN"]) / word_count(tokens(d.spun)) for d in news
            ]
            print(
                f"  {'':12} ideal counter on news: {sum(r > line for r in rates) / len(rates):.1%} above the line"
                f" (2% of clean news above it), AUC {roc_auc(rates, clean_rates):.3f}"
            )
            rates = [suspected(scorer, d.spun) / word_count(tokens(d.spun)) for d in news]
            print(
                f"  {'':12} the stage's own suspicions counted the same way: "
                f"{sum(r > line for r in rates) / len(rates):.1%} above the line, AUC {roc_auc(rates, clean_rates):.3f}"
            )

    # The verdict refitted with the oracle thesaurus on the tune side, as fit_verdict does.
    spun_texts, clean_texts = documents()
    tune_docs = {d.spun: d for d in corpus(split="tune", rounds=3)}
    xs = [features(analyze(repairer, t, tune_docs.get(t))) for t in spun_texts]
    xs += [features(analyze(repairer, t)) for t in clean_texts]
    ys = [1] * len(spun_texts) + [0] * len(clean_texts)
    bias, *weights = fit(xs, ys, balanced(ys))

    def probability(x: list[float]) -> float:
        return 1.0 / (1.0 + math.exp(-(bias + sum(w * v for w, v in zip(weights, x, strict=True)))))

    clean = [p.text for p in passages()] + [text for _, text in stdlib_documents()]
    clean_scores = [probability(features(analyze(repairer, t))) for t in clean]
    print(
        f"\nverdict refitted with the oracle thesaurus: clean judged spun {sum(s >= 0.5 for s in clean_scores)}"
        f" of {len(clean_scores)}"
    )
    print(f"  {'spinner':12} {'split':8} docs  judged spun  AUC")
    for spinner in SPINNERS:
        for split in SPLITS:
            docs = corpus(split=split, spinners=(spinner,))
            if not docs:
                continue
            scores = [probability(features(analyze(repairer, d.spun, d))) for d in docs]
            judged = sum(s >= 0.5 for s in scores)
            auc = roc_auc(scores, clean_scores)
            print(f"  {spinner:12} {split:8} {len(docs):4}  {judged / len(docs):10.1%}  {auc:.3f}")


if __name__ == "__main__":
    main()
