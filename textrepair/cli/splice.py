r"""Replace member values in a JSON object's text, leaving every other byte as it was.

A JSONL record is written back by splicing the new values into the line as read, not by
re-encoding the parsed record: ``1e400``, ``1.10``, ``"\u00e9"``, key order, duplicate
keys and unusual white space all come out as they went in.

>>> splice_members('{"n": 1.10, "text" :"a",  "x": 1e400}', {"text": '"b"', "r": "{}"})
'{"n": 1.10, "text" :"b",  "x": 1e400, "r": {}}'
"""

from __future__ import annotations

import json
from json.decoder import scanstring

_WHITESPACE = " \t\n\r"  # JSON's white space (RFC 8259), what json.loads skips


def _skip_space(line: str, at: int) -> int:
    while at < len(line) and line[at] in _WHITESPACE:
        at += 1
    return at


def _ignore(_text: str) -> None:
    return None


# Values are only stepped over: numbers and constants are not converted (an integer of
# 5,000 digits would make int() raise), strings and containers are decoded and dropped.
_SKIPPER = json.JSONDecoder(parse_int=_ignore, parse_float=_ignore, parse_constant=_ignore)


def member_spans(line: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Where each top-level member's value lies in ``line`` (a JSON object, already known
    to be valid), and where the last value ends. For a key given more than once, the
    last one: the one ``json.loads`` keeps."""
    at = _skip_space(line, 0)
    if line[at : at + 1] != "{":
        raise ValueError("not a JSON object")
    at = _skip_space(line, at + 1)
    spans: dict[str, tuple[int, int]] = {}
    last_end = at
    if line[at : at + 1] == "}":
        return spans, last_end
    while True:
        if line[at : at + 1] != '"':
            raise ValueError(f"expected a key at {at}")
        key, at = scanstring(line, at + 1)
        at = _skip_space(line, at)
        if line[at : at + 1] != ":":
            raise ValueError(f"expected ':' at {at}")
        start = _skip_space(line, at + 1)
        _, last_end = _SKIPPER.raw_decode(line, start)
        spans[key] = (start, last_end)
        at = _skip_space(line, last_end)
        if line[at : at + 1] == ",":
            at = _skip_space(line, at + 1)
            continue
        if line[at : at + 1] == "}":
            return spans, last_end
        raise ValueError(f"expected ',' or '}}' at {at}")


def splice_members(line: str, values: dict[str, str]) -> str:
    """``line`` with the value of each key in ``values`` replaced by its (already encoded)
    JSON text; a key the object lacks is added after its last member."""
    spans, last_end = member_spans(line)
    replaced = sorted(((spans[key], text) for key, text in values.items() if key in spans), reverse=True)
    added = "".join(f", {json_text(key)}: {text}" for key, text in values.items() if key not in spans)
    if added:
        line = line[:last_end] + added + line[last_end:]
    for (start, end), text in replaced:  # right to left: earlier spans keep their offsets
        line = line[:start] + text + line[end:]
    return line


def json_text(value: object) -> str:
    """``value`` as JSON, non-ASCII written as is unless it holds lone surrogates (from
    ``\\ud800``-style escapes), which only JSON escapes can carry in UTF-8."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value)
    return text
