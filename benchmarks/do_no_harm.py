"""Do no harm outside news: what textrepair changes in clean English it was not written for.

    python -m benchmarks.do_no_harm                    # summary and every change
    python -m benchmarks.do_no_harm --quiet            # summary only
    python -m benchmarks.do_no_harm --path DIR [DIR]   # your own clean text instead
    python -m benchmarks.do_no_harm --context          # with the context stage (what check reads with)
    python -m benchmarks.do_no_harm --sections 300     # each document cut into pieces of 300 words or more

The clean sets of ``benchmarks.accuracy`` are news, written to resemble what the
lexicon was built for. Users also feed it everything else a scraper brings home, so this
measures the same false-positive rate on a large body of clean, human-written English
of another kind that every machine with Python already has: the docstrings of the
standard library (technical prose with examples, listings and code). Each module whose
long docstrings add up to more than 300 words is one document.

With ``--path``, every UTF-8 ``.txt``, ``.md`` and ``.rst`` file of at least 8 KB
below the given folders is one document instead (each text once, however many copies);
a file named itself is read whatever its name ends with.

Reported: documents judged spun (should be none), and changed tokens per 1,000 words
(tokens and words counted as in :mod:`benchmarks.metrics`, like the clean rows of
``benchmarks.accuracy``; white space that normalisation collapses is not a token
change). The text depends on the Python version, which is printed.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import platform
import re
import sysconfig
from collections.abc import Iterator
from pathlib import Path

from benchmarks.metrics import tokens, word_count, word_errors
from textrepair import Repairer

MIN_DOCSTRING_CHARS = 200  # shorter ones are mostly one-line summaries
MIN_DOCUMENT_WORDS = 300
_SKIP_PARTS = frozenset({"test", "tests", "site-packages", "idlelib"})
_DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
MIN_FILE_BYTES = 8192
_TEXT_SUFFIXES = frozenset({".txt", ".md", ".rst"})


def stdlib_documents() -> Iterator[tuple[str, str]]:
    """(module path, its long docstrings joined) for each standard-library module with
    enough of them, in path order."""
    root = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if _SKIP_PARTS.intersection(relative.parts):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        docstrings = (ast.get_docstring(node) for node in ast.walk(tree) if isinstance(node, _DOCUMENTED))
        text = "\n\n".join(d for d in docstrings if d and len(d) >= MIN_DOCSTRING_CHARS)
        if len(text.split()) >= MIN_DOCUMENT_WORDS:
            yield str(relative), text


def file_documents(folders: list[Path]) -> Iterator[tuple[str, str]]:
    """(path, text) of every readable UTF-8 text file of at least ``MIN_FILE_BYTES``
    below ``folders`` (or named among them), each distinct text once, in path order."""
    seen: set[str] = set()
    paths = sorted(
        p
        for folder in folders
        for p in ([folder] if folder.is_file() else folder.rglob("*"))
        if p == folder or p.suffix in _TEXT_SUFFIXES
    )
    for path in paths:
        try:
            if not path.is_file() or path.stat().st_size < MIN_FILE_BYTES:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if digest not in seen:
            seen.add(digest)
            yield str(path), text


def sections(documents: list[tuple[str, str]], words: int) -> list[tuple[str, str]]:
    r"""Each document cut at blank lines into pieces of at least ``words`` words (a shorter
    rest is left out), named ``name#1``, ``name#2``...: a short text of the same kind.

    >>> sections([("a", "one two\n\nthree\n\nfour five six")], 3)
    [('a#1', 'one two\n\nthree'), ('a#2', 'four five six')]
    """
    out = []
    for name, text in documents:
        piece: list[str] = []
        count = number = 0
        for paragraph in re.split(r"\n\s*\n", text):
            piece.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                number += 1
                out.append((f"{name}#{number}", "\n\n".join(piece)))
                piece, count = [], 0
    return out


def measure(repairer: Repairer, documents: list[tuple[str, str]]) -> dict:
    words = changed = 0
    spun: list[str] = []
    changes: list[str] = []
    for name, text in documents:
        report = repairer.analyze(text)
        text_tokens = tokens(text)
        words += word_count(text_tokens)
        changed += word_errors(text_tokens, tokens(report.text))
        if report.is_spun:
            spun.append(name)
        for edit in report.edits:
            if edit.kind != "whitespace":
                context = text[max(0, edit.start - 30) : edit.end + 20].replace("\n", " ")
                changes.append(f"{name}: {edit.original!r} -> {edit.replacement!r} [{edit.rule}]  ...{context}...")
    return {
        "python": platform.python_version(),
        "documents": len(documents),
        "words": words,
        "judged_spun": spun,
        "changed_tokens": changed,
        "changed_per_1k_words": round(1000 * changed / max(words, 1), 3),
        "changes": changes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="the summary only")
    parser.add_argument(
        "--path", type=Path, nargs="+", metavar="DIR", help="text files below these folders (or these files) instead"
    )
    parser.add_argument("--context", action="store_true", help="with the context stage (Repairer(context=True))")
    parser.add_argument("--sections", type=int, metavar="N", help="cut each document into pieces of N words or more")
    args = parser.parse_args()
    documents = list(file_documents(args.path) if args.path else stdlib_documents())
    if args.sections:
        documents = sections(documents, args.sections)
    result = measure(Repairer(context=args.context), documents)
    source = "files below " + ", ".join(map(str, args.path)) if args.path else "standard-library docstrings"
    print(f"Python {result['python']}, {source}: {result['documents']} documents, {result['words']:,} words")
    spun = result["judged_spun"]
    print(f"judged spun: {len(spun)}" + (f" ({', '.join(spun[:5])}{', ...' if len(spun) > 5 else ''})" if spun else ""))
    print(f"changed tokens: {result['changed_tokens']} ({result['changed_per_1k_words']:.2f} per 1,000 words)")
    if not args.quiet:
        for line in result["changes"]:
            print("  " + line)


if __name__ == "__main__":
    main()
