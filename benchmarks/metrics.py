"""Quality metrics for repairs (DESIGN.md section 4), on word-and-punctuation tokens.

For a spun text S, its reference R and a system output O:

* word errors E(a, b): token-level edit distance;
* error reduction ERR = 1 - E(O, R) / E(S, R) (1 is perfect, 0 is doing nothing,
  negative means the output is further from the reference than the input was);
* edits: align S->O and S->R; an output edit is correct when the reference makes the
  same change at the same place. Precision, recall and F0.5. This is strict: where the
  reference rewrote a phrase the spinner mangled and the output repaired part of it,
  the two alignments may group tokens differently. So we also report the *helpful*
  rate: the share of output edits whose undoing alone makes the output worse.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from textrepair.text.tokens import tokenize


def tokens(text: str) -> list[str]:
    return [t.text for t in tokenize(text.replace("’", "'"))]


def word_count(toks: list[str]) -> int:
    """The words among ``toks`` (tokens starting with a letter or digit): what "per 1,000
    words" counts, in every benchmark."""
    return sum(1 for t in toks if t[:1].isalnum())


def word_errors(a: list[str], b: list[str]) -> int:
    return Levenshtein.distance(a, b)


def token_edits(source: list[str], target: list[str]) -> set[tuple[int, int, tuple[str, ...]]]:
    """The changes turning ``source`` into ``target``: (start, end, replacement tokens).

    A replacement of n tokens by n tokens is split into n one-token edits, so that
    repairing one of two neighbouring spun words counts as one correct edit rather than
    as a wrong version of a two-word edit.
    """
    edits = set()
    for op in Levenshtein.opcodes(source, target):
        if op.tag == "equal":
            continue
        n = op.src_end - op.src_start
        if op.tag == "replace" and n == op.dest_end - op.dest_start:
            for k in range(n):
                if source[op.src_start + k] != target[op.dest_start + k]:
                    edits.add((op.src_start + k, op.src_start + k + 1, (target[op.dest_start + k],)))
        else:
            edits.add((op.src_start, op.src_end, tuple(target[op.dest_start : op.dest_end])))
    return edits


def helpful_edits(source: list[str], output: list[str], reference: list[str]) -> tuple[int, int]:
    """(helpful, proposed): an output edit is helpful when undoing it alone moves the
    output further from the reference. Needs no agreement on how edits are grouped."""
    baseline = word_errors(output, reference)
    proposed = helpful = 0
    for op in Levenshtein.opcodes(source, output):
        if op.tag == "equal":
            continue
        proposed += 1
        undone = output[: op.dest_start] + source[op.src_start : op.src_end] + output[op.dest_end :]
        helpful += word_errors(undone, reference) > baseline
    return helpful, proposed


@dataclass
class PairScore:
    errors_before: int
    errors_after: int
    proposed: int
    correct: int
    needed: int
    helpful: int = 0
    changes: int = 0

    @property
    def err(self) -> float:
        return 1.0 - self.errors_after / self.errors_before if self.errors_before else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.needed if self.needed else 1.0

    @property
    def helpful_rate(self) -> float:
        return self.helpful / self.changes if self.changes else 1.0

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            self.errors_before + other.errors_before,
            self.errors_after + other.errors_after,
            self.proposed + other.proposed,
            self.correct + other.correct,
            self.needed + other.needed,
            self.helpful + other.helpful,
            self.changes + other.changes,
        )


def score_pair(spun: str, output: str, reference: str) -> PairScore:
    s, o, r = tokens(spun), tokens(output), tokens(reference)
    proposed, needed = token_edits(s, o), token_edits(s, r)
    helpful, changes = helpful_edits(s, o, r)
    return PairScore(
        word_errors(s, r), word_errors(o, r), len(proposed), len(proposed & needed), len(needed), helpful, changes
    )


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))
