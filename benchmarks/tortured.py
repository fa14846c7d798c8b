"""Tortured phrases: the shipped list in context, the development hold-out, and clean text.

    python -m benchmarks.tortured                   # all three blocks; writes results/tortured.json
    python -m benchmarks.tortured --skip-stdlib     # without the standard-library docstrings (faster)
    python -m benchmarks.tortured --limit 500       # the first 500 rows of each list only (a quick look)
    python -m benchmarks.tortured --scan DIR [DIR]  # only: where tortured.lex matches in the text files below DIR

* **coverage**: every row of ``wordlists/tortured_phrases.tsv``, its tortured phrase put
  into a sentence of scientific prose (one of a few templates, chosen from the phrase, with
  "a"/"an" fitted to it), is one document, repaired with the built-in lexicon plus
  ``wordlists/tortured.lex``. When the row's lexicon line has a ``doc_has`` condition that
  the sentence does not meet, a second sentence names the first of its phrases. Reported:
  the share restored exactly (the document comes back as the same sentence with the
  expected term, the article fitted to it, and a parenthesised abbreviation that the
  spinner did not change kept) and the share detected (an edit or a flag on the phrase).
  Rows the lexicon leaves out count as misses.
* **held-out**: the rows of ``data/tortured/heldout.tsv`` in the same way, repaired with a
  lexicon built (by ``scripts/build_tortured_lexicon.py``'s rules) from the other rows
  only, without and with the tortured search, and with the search and the context stage
  (``context=True``; only when pocketsphinx is installed). Also reported: the
  precision of the edits (token edits that the expected sentence makes too, as in
  ``benchmarks.accuracy``) and the share of documents with an edit that come back exactly.
* **clean**: changed tokens per 1,000 words and documents judged spun with the tortured
  lexicon loaded, on the standard library's docstrings (as ``benchmarks.do_no_harm``; in
  two halves: the tortured search's levels were chosen with the "tune" half's flags), the
  clean news passages of ``data/clean`` and ``data/passages/news``, the science passages of
  ``data/passages/science``, the reworded control ``seed_000`` and the
  references of ``data/dev``. Edits made by a tortured line whose document condition does
  not hold in that document are counted apart: the engine does not check those conditions
  yet, and will drop them once it does.

``--scan`` looks for the wording of ``tortured.lex`` in a large body of clean text, for
example the Python installation (sources, with their comments and docstrings) and
``/usr/share/doc``: every ``.py``, ``.txt``, ``.md``, ``.rst`` file (also gzipped) below the
folders, installed third-party packages left out. It counts the hits of each line, and
those whose document condition holds in their file, and prints the lines that match
most: these are the rows whose tortured side is ordinary English in practice.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
import zlib
from pathlib import Path

from benchmarks.do_no_harm import stdlib_documents
from benchmarks.metrics import PairScore, score_pair, tokens, word_count, word_errors
from textrepair import Repairer
from textrepair.lexicon import parse_lexicon
from textrepair.lexicon.automaton import Scanner
from textrepair.lexicon.conditions import DocCondition, doc_condition_holds
from textrepair.resources import data_lines, wordlist_text
from textrepair.stages.tortured_search import TorturedIndex, TorturedSearch, language_model
from textrepair.text.articles import indefinite_article
from textrepair.text.fold import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
WORDLISTS = ROOT / "wordlists"
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT / "scripts"))
import build_tortured_lexicon as builder  # noqa: E402
from split_tortured_heldout import read_heldout, term_key  # noqa: E402

#: Neutral sentences of scientific prose; ``{a}`` is the indefinite article the phrase takes.
TEMPLATES = (
    "In this study, the {phrase} was evaluated on two public datasets.",
    "We describe {a} {phrase} and compare it with earlier work.",
    "Table 2 summarises the results obtained with the {phrase} under both settings.",
    "The second section reviews {a} {phrase} in more detail.",
    "Our experiments show that the {phrase} remains stable across the test conditions.",
    "As the reviewers noted, {a} {phrase} is rarely reported in this field.",
)
CONDITION_SENTENCE = " Related work also discusses {term} at length."
_ABBREVIATION = re.compile(r"^(?P<stem>.*\S) \((?P<abbr>[^()\s]+)\)$")


def _article(phrase: str) -> str:
    first = phrase.split(" ")[0]
    return indefinite_article(first)


def sentence(phrase: str, template: str) -> tuple[str, int, int]:
    """The sentence with ``phrase`` in it, and the phrase's span."""
    before, after = template.split("{phrase}")
    before = before.replace("{a}", _article(phrase))
    return before + phrase + after, len(before), len(before) + len(phrase)


def gold_phrase(tortured: str, expected: str) -> str:
    """What the phrase should become: the expected term, plus the tortured side's
    parenthesised abbreviation when the expected term has none (the spinner left it)."""
    m = _ABBREVIATION.match(tortured)
    if m and not _ABBREVIATION.match(expected) and fold(m["stem"]) != fold(expected):
        return f"{expected} ({m['abbr']})"
    return expected


def documents(rows: list[builder.Row]) -> list[tuple[str, str, int, int]]:
    """(spun document, expected document, phrase start, phrase end) per row."""
    out = []
    for row in rows:
        template = TEMPLATES[zlib.crc32(row.tortured.encode("utf-8")) % len(TEMPLATES)]
        spun, start, end = sentence(row.tortured, template)
        gold, _, _ = sentence(gold_phrase(row.tortured, row.expected), template)
        if row.has and not doc_condition_holds(DocCondition(has=tuple(row.has)), fold(spun)):
            extra = CONDITION_SENTENCE.format(term=row.has[0].replace("*", "ation"))
            spun, gold = spun + extra, gold + extra
        out.append((spun, gold, start, end))
    return out


def measure_rows(repairer: Repairer, docs: list[tuple[str, str, int, int]]) -> dict:
    restored = detected = edited = edited_exact = 0
    score = PairScore(0, 0, 0, 0, 0, 0, 0)
    for spun, gold, start, end in docs:
        report = repairer.analyze(spun)
        on_phrase = [e for e in report.edits if e.kind != "whitespace" and e.start < end and e.end > start]
        flagged = any(f.start < end and f.end > start for f in report.flags)
        exact = report.text == gold
        restored += exact
        detected += bool(on_phrase or flagged)
        if report.edits:
            edited += 1
            edited_exact += exact
        score = score + score_pair(spun, report.text, gold)
    n = max(len(docs), 1)
    return {
        "rows": len(docs),
        "restored": restored,
        "restored_share": round(restored / n, 4),
        "detected": detected,
        "detected_share": round(detected / n, 4),
        "edit_precision": round(score.precision, 4),
        "edit_helpful": round(score.helpful_rate, 4),
        "edited_documents": edited,
        "edited_documents_exact": round(edited_exact / max(edited, 1), 4),
    }


def train_lexicon(rows: list[builder.Row], held: set[tuple[str, str]], path: Path) -> None:
    """Write the lexicon of every row but the hold-out, by the build script's rules."""
    train = [
        builder.Row(r.tortured, r.expected, r.context, r.papers) for r in rows if (r.tortured, r.expected) not in held
    ]
    path.write_text(builder.build(train), encoding="utf-8")


def heldout_index(rows: list[builder.Row], held: set[tuple[str, str]]) -> TorturedIndex:
    """The tortured search's index as the hold-out may see it: the established terms are
    the expected terms of the training rows, the gazetteer and WordNet's multiword
    lemmas (a held-out term is a target only when one of the last two has it), and the
    swaps are ``wordlists/substitutions.tsv``, which is learned from the training rows only."""
    terms = [(r.expected, "tortured") for r in rows if (r.tortured, r.expected) not in held]
    terms += [(line, "gazetteer") for _, line in data_lines(wordlist_text("gazetteer.txt"))]
    terms += [(line, "wordnet") for _, line in data_lines(wordlist_text("wordnet_expressions.txt"))]
    return TorturedIndex(terms, language_model=language_model())  # as the stage has it (default_index)


def heldout_repairer(train_path: Path, index: TorturedIndex | None, context: bool = False) -> Repairer:
    """The built-in news lexicon plus the training rows' lexicon (never the shipped
    ``tortured.lex``, which has the held-out rows), with the tortured search over
    ``index`` (None: without the search), and with ``context`` the context stage."""
    repairer = Repairer(
        lexicons=[train_path], tortured_phrases=False, tortured_search=index is not None, context=context
    )
    for stage in repairer.stages:
        if isinstance(stage, TorturedSearch):
            stage.index = index
    return repairer


def stdlib_half(name: str) -> str:
    """Which half of the standard library's documents ``name`` is in: "tune" (the tortured
    search's levels were chosen with it, ``scripts/tune_tortured_search.py``) or "check"."""
    return "tune" if zlib.crc32(name.encode("utf-8")) % 2 == 0 else "check"


def clean_sets(with_stdlib: bool) -> list[tuple[str, list[tuple[str, str]]]]:
    def files(paths: list[Path]) -> list[tuple[str, str]]:
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(paths)]

    sets = [
        ("clean news", files(list((DATA / "clean").glob("*.txt")))),
        ("seed_000", files([DATA / "seed" / "seed_000.txt"])),
        ("dev gold", files(list((DATA / "dev").glob("*.gold.txt")))),
        ("news passages", files(list((DATA / "passages" / "news").glob("*.txt")))),
        ("science passages", files(list((DATA / "passages" / "science").glob("*.txt")))),
    ]
    if with_stdlib:
        docs = list(stdlib_documents())
        sets[:0] = [
            ("stdlib, other half", [d for d in docs if stdlib_half(d[0]) == "check"]),
            ("stdlib, tune half", [d for d in docs if stdlib_half(d[0]) == "tune"]),
        ]
    return sets


def measure_clean(repairer: Repairer, docs: list[tuple[str, str]], conditions: dict[str, list]) -> dict:
    words = changed = flags = 0
    spun: list[str] = []
    changes: list[str] = []
    blocked = 0
    for name, text in docs:
        report = repairer.analyze(text)
        text_tokens = tokens(text)
        words += word_count(text_tokens)
        changed += word_errors(text_tokens, tokens(report.text))
        if report.is_spun:
            spun.append(name)
        flags += sum(1 for f in report.flags if f.rule.startswith("tortured-search"))
        folded = None
        for edit in report.edits:
            if edit.kind == "whitespace":
                continue
            held = conditions.get(edit.rule)
            if held:
                folded = folded if folded is not None else fold(text)
                if not any(doc_condition_holds(c, folded) for c in held):
                    blocked += 1
            context = text[max(0, edit.start - 30) : edit.end + 20].replace("\n", " ")
            changes.append(f"{name}: {edit.original!r} -> {edit.replacement!r} [{edit.rule}] ...{context}...")
    return {
        "documents": len(docs),
        "words": words,
        "changed_tokens": changed,
        "changed_per_1k_words": round(1000 * changed / max(words, 1), 3),
        "judged_spun": spun,
        "edits_blocked_by_doc_condition": blocked,
        "tortured_search_flags": flags,
        "changes": changes,
    }


_SCAN_SUFFIXES = (".py", ".txt", ".md", ".rst")
_SKIP_PARTS = frozenset({"site-packages", "__pycache__"})


def scan(folders: list[Path], lexicon: Path) -> None:
    """Print where the lines of ``lexicon`` match in the text files below ``folders``."""
    entries = parse_lexicon(lexicon.read_text(encoding="utf-8"), source=str(lexicon))
    scanner = Scanner(entries)
    hits: dict[str, list[int]] = {}  # line -> [hits, hits whose condition holds]
    files = words = 0
    for path in sorted(p for folder in folders for p in folder.rglob("*")):
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        if not name.endswith(_SCAN_SUFFIXES) or _SKIP_PARTS.intersection(path.parts) or not path.is_file():
            continue
        try:
            data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
            continue
        files += 1
        words += len(text.split())
        folded = None
        for hit in scanner.find(text):
            count = hits.setdefault(f"{hit.entry.spun} => {hit.entry.canonical}", [0, 0])
            count[0] += 1
            if hit.entry.doc:
                folded = folded if folded is not None else fold(text)
                count[1] += doc_condition_holds(hit.entry.doc, folded)
            else:
                count[1] += 1
    total, holding = sum(c[0] for c in hits.values()), sum(c[1] for c in hits.values())
    print(
        f"{files:,} files, about {words:,} words: {total} hits of {len(hits)} lines, {holding} with conditions holding"
    )
    for line, (n, held) in sorted(hits.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))[:40]:
        print(f"  {n:5d} {held:5d}  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-stdlib", action="store_true", help="leave out the standard-library docstrings")
    parser.add_argument("--limit", type=int, help="only the first N rows of the list and of the hold-out")
    parser.add_argument("--heldout-only", action="store_true", help="only the hold-out rows (a quick look)")
    parser.add_argument("--output", type=Path, default=RESULTS / "tortured.json")
    parser.add_argument("--scan", type=Path, nargs="+", metavar="DIR", help="only scan the text files below DIR")
    args = parser.parse_args()
    if args.scan:
        scan(args.scan, WORDLISTS / "tortured.lex")
        return
    started = time.perf_counter()
    rows = builder.read_rows(WORDLISTS / "tortured_phrases.tsv")
    builder.build(rows)  # fills in each row's condition, as the committed lexicon has it
    held = read_heldout()
    lexicon = WORDLISTS / "tortured.lex"
    full = Repairer(lexicons=[lexicon], tortured_search=True)
    result: dict = {}
    cover_rows = rows[: args.limit]
    result["coverage"] = measure_rows(full, documents([] if args.heldout_only else cover_rows))
    result["coverage"]["left_out_of_lexicon"] = sum(1 for r in cover_rows if r.dropped)

    held_rows = [r for r in rows if (r.tortured, r.expected) in held][: args.limit]
    seen = {term_key(r.expected) for r in rows if (r.tortured, r.expected) not in held}
    unseen_rows = [r for r in held_rows if term_key(r.expected) not in seen]
    index = heldout_index(rows, held)
    targets = {" ".join(t.keys) for t in index.targets}
    result["heldout_targets"] = {
        "terms": len(index.targets),
        "heldout_terms_among_them": sum(1 for r in held_rows if term_key(r.expected) in targets),
    }
    with tempfile.TemporaryDirectory() as tmp:
        train_path = Path(tmp) / "train.lex"
        train_lexicon(rows, held, train_path)
        lexicon_only = heldout_repairer(train_path, None)
        searching = heldout_repairer(train_path, index)
        result["heldout_lexicon"] = measure_rows(lexicon_only, documents(held_rows))
        result["heldout"] = measure_rows(searching, documents(held_rows))
        result["heldout_unseen"] = measure_rows(searching, documents(unseen_rows))
        if index.language_model is not None:  # the context stage needs the same model (pocketsphinx)
            both = heldout_repairer(train_path, index, context=True)
            result["heldout_context"] = measure_rows(both, documents(held_rows))

    conditions: dict[str, list] = {}
    for entry in parse_lexicon(lexicon.read_text(encoding="utf-8"), source=str(lexicon)):
        if entry.doc:
            conditions.setdefault(entry.rule, []).append(entry.doc)
    clean = [] if args.heldout_only else clean_sets(not args.skip_stdlib)
    result["clean"] = {name: measure_clean(full, docs, conditions) for name, docs in clean}
    result["seconds"] = round(time.perf_counter() - started, 1)

    print(
        f"{'set':34s} {'rows':>5s} {'restored':>9s} {'detected':>9s} {'edit P':>7s} {'helpful':>8s} "
        f"{'edited->exact':>14s}"
    )
    for name, key in (
        ("shipped list (coverage)", "coverage"),
        ("held-out, train lexicon only", "heldout_lexicon"),
        ("held-out, + tortured search", "heldout"),
        ("held-out unseen terms, + search", "heldout_unseen"),
        ("held-out, + search + context", "heldout_context"),
    ):
        if key not in result:
            continue
        r = result[key]
        print(
            f"{name:34s} {r['rows']:5d} {r['restored_share']:9.1%} {r['detected_share']:9.1%} "
            f"{r['edit_precision']:7.3f} {r['edit_helpful']:8.3f} {r['edited_documents_exact']:14.1%}"
        )
    t = result["heldout_targets"]
    print(f"(search targets: {t['terms']} terms; held-out rows whose term is one: {t['heldout_terms_among_them']})")
    print(f"(rows left out of tortured.lex by its build rules: {result['coverage']['left_out_of_lexicon']})")
    print()
    print(
        f"{'clean set':14s} {'docs':>5s} {'words':>9s} {'chg/1k':>7s} {'spun':>5s} {'edits blocked by doc_*':>23s}"
        f" {'search flags':>13s}"
    )
    for name, r in result["clean"].items():
        print(
            f"{name:14s} {r['documents']:5d} {r['words']:9,d} {r['changed_per_1k_words']:7.3f} "
            f"{len(r['judged_spun']):5d} {r['edits_blocked_by_doc_condition']:23d} {r['tortured_search_flags']:13d}"
        )
        for line in r["changes"][:10]:
            print("    " + line)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\n{result['seconds']} s; wrote {args.output}")


if __name__ == "__main__":
    main()
