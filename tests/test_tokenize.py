"""Tokens keep offsets; the neighbour lookups agree with the full tokenizer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textrepair.text.tokens import count_words, token_after, token_before, tokenize

texty = st.text(alphabet=st.sampled_from("ab’' .,\n1é\u0301İ\t“"), max_size=20)


def test_tokens_carry_offsets_and_keep_contractions_whole():
    text = "They won’t, 90 p.c of 1000’s."
    toks = tokenize(text)
    assert [t.text for t in toks] == ["They", "won’t", ",", "90", "p", ".", "c", "of", "1000’s", "."]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert count_words(text) == 7


@given(texty, st.data())
def test_token_before_is_the_last_token_of_the_prefix(text, data):
    pos = data.draw(st.integers(0, len(text)))
    prefix_tokens = tokenize(text[:pos])
    assert token_before(text, pos) == (prefix_tokens[-1] if prefix_tokens else None)


@given(texty, st.data())
def test_token_after_is_the_first_token_of_the_suffix(text, data):
    pos = data.draw(st.integers(0, len(text)))
    suffix_tokens = tokenize(text[pos:])
    got = token_after(text, pos)
    if not suffix_tokens:
        assert got is None
    else:
        first = suffix_tokens[0]
        assert got is not None and (got.start - pos, got.end - pos, got.text) == (first.start, first.end, first.text)
