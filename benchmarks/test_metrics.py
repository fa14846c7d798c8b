"""The benchmark metrics themselves: a wrong metric is worse than none."""

from __future__ import annotations

from benchmarks.metrics import helpful_edits, roc_auc, score_pair, token_edits, tokens, word_errors


def test_tokens_unify_apostrophes():
    assert tokens("won’t stop") == tokens("won't stop") == ["won't", "stop"]


def test_error_reduction_counts_token_edits_towards_the_reference():
    spun = "the suppose tank mentioned it"
    gold = "the think tank said it"
    assert score_pair(spun, spun, gold).err == 0.0
    assert score_pair(spun, gold, gold).err == 1.0
    half = score_pair(spun, "the think tank mentioned it", gold)
    assert (half.errors_before, half.errors_after, half.err) == (2, 1, 0.5)
    worse = score_pair(spun, "a suppose tank mentioned it", gold)
    assert worse.err < 0


def test_edit_precision_recall_and_f05():
    spun, gold = "the suppose tank mentioned it", "the think tank said it"
    s = score_pair(spun, "the think tank stated it", gold)
    assert (s.proposed, s.correct, s.needed) == (2, 1, 2)
    assert (s.precision, s.recall) == (0.5, 0.5)
    assert abs(s.f05 - 0.5) < 1e-9


def test_equal_length_replacements_are_split_per_token():
    assert token_edits(["a", "b", "c"], ["x", "b", "y"]) == {(0, 1, ("x",)), (2, 3, ("y",))}


def test_helpful_edits_need_no_agreement_on_grouping():
    source = tokens("however stated fines")
    reference = tokens("but said fines")
    output = tokens("but stated fines")  # one of the two words repaired
    assert helpful_edits(source, output, reference) == (1, 1)
    assert helpful_edits(source, tokens("yet stated fines"), reference) == (0, 1)


def test_word_errors_and_roc_auc():
    assert word_errors(["a", "b"], ["a", "c", "b"]) == 1
    assert roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert roc_auc([0.5], [0.5]) == 0.5
    assert roc_auc([0.1], [0.9]) == 0.0


def test_gap_merges_neighbouring_differences_and_splits_n_for_n() -> None:
    from benchmarks.gap import classify, differences

    output = tokens("All of us said the excessive ethical price paid isn't worth 20 dollars")
    reference = tokens("We all said the extreme moral cost paid is not worth twenty dollars")
    found = differences(output, reference)
    assert found == [
        (["All", "of", "us"], ["We", "all"]),
        (["excessive"], ["extreme"]),
        (["ethical"], ["moral"]),
        (["price"], ["cost"]),
        (["isn't"], ["is", "not"]),
        (["20"], ["twenty"]),
    ]
    kinds = [classify(a, b) for a, b in found]
    assert kinds == [
        "longer rewording",
        "one word for one word",
        "one word for one word",
        "one word for one word",
        "contraction",
        "number style",
    ]
    assert classify(["probably"], []) == "word added or dropped"
    assert classify(["It's"], ["It", "is"]) == "contraction"
    assert classify(["company's"], ["agency's"]) == "other"  # a possessive, not a contraction
    assert classify(["Zelenskyy"], ["Zelensky"]) == "other"  # not a common word
