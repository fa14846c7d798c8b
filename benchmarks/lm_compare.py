"""Compare the context language models that registry packages ship, and the evidence they give.

    python -m benchmarks.lm_compare                     # cost table + feature AUCs + per-word flags
    python -m benchmarks.lm_compare --skip-cost         # features only
    python -m benchmarks.lm_compare --json benchmarks/results/lm_compare.json
    python -m benchmarks.lm_compare --skip-cost --models pocketsphinx --seed 15 --max-neighbours 4
    python -m benchmarks.lm_compare --skip-cost --models pocketsphinx --neighbours thesaurus

Candidates (each is skipped, with a note, when its package is not installed):

* ``pocketsphinx``: the trigram model ``en-us.lm.bin`` of general US English that the wheel
  carries; ``NGramModel.prob([w, prev, prevprev])`` gives the log probability in base 1.0001.
* ``symspellpy``: unigram and bigram counts (``frequency_dictionary_en_82_765.txt``,
  ``frequency_bigramdictionary_en_243_342.txt``), read straight from the package's files.
* ``wordsegment``: unigram and bigram counts from a large web corpus (``wordsegment.load()``).
* ``wordfreq``: unigram frequencies only (already a dependency); the context-free baseline.

The bigram models back off to the unigram with the "stupid backoff" factor 0.4.

Part 1, cost: for each model, in a fresh process, import + load time, resident memory after
loading, lookups per second from Python (as a ratio to ``ftfy.fix_text``), vocabulary size,
whether the model file is memory-mapped, and the proportional set size (PSS) of two workers
alive at once, spawned (each loads the model) or forked after one load.

Part 2, evidence, per document: spun documents (``data/dev/*.spun.txt``, the seed article)
against clean ones (``data/clean/``, the dev references, ``seed_000``, the seed reference),
plus three spinners simulated here from the clean documents (seeded): ``wn-sim``, a random
WordNet synonym for a third of the content words that have one; ``wn-10``, the same for a
tenth; ``mythes-sim``, a random item of the word's MyThes article, broader and related terms
included (``--mythes``; skipped without the file). The first two use the thesaurus the
features use, so they are the easy case for them. Features:

* ``surprise``: minus the mean log10 probability per token under the model;
* ``misfit``: minus the mean of (the model's log probability minus its unigram log
  probability): how badly words fit their context beyond how common they are;
* ``gainN``: the share of content words for which some thesaurus neighbour (WordNet synonyms,
  inflected like the word) raises the log probability of the window the word takes part in
  by more than N (log10);
* ``pgainN``: the same, with the gain measured beyond the unigram difference (context fit);
* ``rare``: the share of content words that are rare (wordfreq Zipf < 3.5) and have a
  neighbour at least ten times as frequent that fits the window at least as well.

A small logistic model on (gain1, gain2, misfit, surprise), fitted on the founding spinner
against the clean documents (leave-one-out) and applied unchanged to the simulated spinners,
shows how a calibrated document probability built on them carries over. The speed of the
features is a ratio to ``ftfy.fix_text``, both through the adapters here and, for
pocketsphinx, in a lean loop with a budget of content words per document.

Per word (spun vs reference, aligned by token diff): how often "gain > t" points at a word
the spinner changed (precision, recall), and how often the best neighbour is the reference
word. WordNet is read from ``/usr/share/wordnet`` (Debian ``wordnet-base``) or ``--wordnet``,
MyThes from ``/usr/share/mythes`` (``mythes-en-us``); nothing of either is needed at run time
by the package, this is a measurement.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import importlib.util
import json
import math
import multiprocessing
import os
import random
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.metrics import roc_auc

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")
PS_LOG10 = math.log10(1.0001)  # pocketsphinx log base 1.0001 -> log10
BACKOFF = math.log10(0.4)  # stupid backoff factor for the bigram count models
RARE_ZIPF = 3.5
GAINS = (1.0, 2.0, 3.0)  # document features: share of content words with a gain above these
FLAG_GAINS = (2.0, 2.5, 3.0, 4.0, 5.0)  # per-word flags
STOP_ALL: set[str] = set()  # passed as ``stop`` to analyse(): no word is a candidate (the cheap pass)
MARGIN = 1.0  # the best neighbour beats the second best by this much (log10)
PARAGRAPHS = True  # --skip-paragraphs: no paragraph check
MAX_NEIGHBOURS = 0  # 0: try every neighbour; --max-neighbours K: the K most common the model knows
MODELS = ("pocketsphinx", "symspellpy", "wordsegment", "wordfreq")
PACKAGE_OF = {
    "pocketsphinx": "pocketsphinx",
    "symspellpy": "symspellpy",
    "wordsegment": "wordsegment",
    "wordfreq": "wordfreq",
}

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


# ---------------------------------------------------------------- models


class Model:
    """A word-level language model: conditional and unigram log10 probabilities.

    ``logp(word, history)`` takes the history nearest word first and returns ``None`` for a
    word the model does not know (closed vocabulary), so that callers can skip it.
    """

    name = ""
    order = 1

    def unigram(self, word: str) -> float | None:
        raise NotImplementedError

    def logp(self, word: str, history: tuple[str, ...]) -> float | None:
        return self.unigram(word)

    def vocabulary_size(self) -> int:
        raise NotImplementedError

    def files(self) -> list[Path]:
        return []


class PocketsphinxModel(Model):
    name = "pocketsphinx"
    order = 3

    def __init__(self) -> None:
        import pocketsphinx

        self.path = Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin"
        self.lm = pocketsphinx.NGramModel(pocketsphinx.Config(), pocketsphinx.LogMath(), str(self.path))
        self._known: dict[str, float | None] = {}

    def unigram(self, word: str) -> float | None:
        if word not in self._known:
            raw = self.lm.prob([word])
            self._known[word] = None if raw < -100_000_000 else raw * PS_LOG10
        return self._known[word]

    def logp(self, word: str, history: tuple[str, ...]) -> float | None:
        if self.unigram(word) is None:
            return None
        ctx = []
        for h in history[:2]:
            if h != "<s>" and self.unigram(h) is None:
                break
            ctx.append(h)
            if h == "<s>":
                break
        return self.lm.prob([word, *ctx]) * PS_LOG10

    def vocabulary_size(self) -> int:
        """Unigram count from the trie file's header (order byte, then little-endian counts)."""
        head = self.path.read_bytes()[:40]
        start = len(b"Trie Language Model") + 1
        return int.from_bytes(head[start : start + 4], "little")

    def files(self) -> list[Path]:
        return [self.path]


class CountModel(Model):
    """Unigram + bigram counts with stupid backoff."""

    order = 2

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, int]) -> None:
        self.uni = unigrams
        self.bi = bigrams
        self.log_total = math.log10(sum(unigrams.values()))

    def unigram(self, word: str) -> float | None:
        c = self.uni.get(word)
        return None if not c else math.log10(c) - self.log_total

    def logp(self, word: str, history: tuple[str, ...]) -> float | None:
        u = self.unigram(word)
        if u is None:
            return None
        if history:
            prev = history[0]
            c = self.bi.get(f"{prev} {word}")
            if c:
                cp = self.uni.get(prev) if prev != "<s>" else None
                if cp:
                    return min(0.0, math.log10(c) - math.log10(cp))
        return u + BACKOFF

    def vocabulary_size(self) -> int:
        return len(self.uni)


def _read_counts(path: Path, sep: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            term, _, count = line.rstrip("\n").rpartition(sep or " ")
            if term and count.isdigit():
                out[term] = int(count)
    return out


class SymspellModel(CountModel):
    name = "symspellpy"

    def __init__(self) -> None:
        folder = Path(importlib.util.find_spec("symspellpy").origin).parent
        self.paths = [
            folder / "frequency_dictionary_en_82_765.txt",
            folder / "frequency_bigramdictionary_en_243_342.txt",
        ]
        super().__init__(_read_counts(self.paths[0], " "), _read_counts(self.paths[1], " "))

    def files(self) -> list[Path]:
        return self.paths


class WordsegmentModel(CountModel):
    name = "wordsegment"

    def __init__(self) -> None:
        import wordsegment

        wordsegment.load()
        folder = Path(wordsegment.__file__).parent
        self.paths = [folder / "unigrams.txt", folder / "bigrams.txt"]
        super().__init__(wordsegment.UNIGRAMS, wordsegment.BIGRAMS)

    def files(self) -> list[Path]:
        return self.paths


class WordfreqModel(Model):
    name = "wordfreq"
    order = 1

    def __init__(self) -> None:
        import wordfreq

        self.freq = wordfreq.get_frequency_dict("en")

    def unigram(self, word: str) -> float | None:
        f = self.freq.get(word)
        return math.log10(f) if f else None

    def vocabulary_size(self) -> int:
        return len(self.freq)

    def files(self) -> list[Path]:
        import wordfreq

        return sorted((Path(wordfreq.__file__).parent / "data").glob("*_en.msgpack.gz"))


LOADERS: dict[str, Callable[[], Model]] = {
    "pocketsphinx": PocketsphinxModel,
    "symspellpy": SymspellModel,
    "wordsegment": WordsegmentModel,
    "wordfreq": WordfreqModel,
}


def available(name: str) -> bool:
    return importlib.util.find_spec(PACKAGE_OF[name]) is not None


# ---------------------------------------------------------------- cost


def _memory() -> dict[str, float]:
    """Rss and Pss of this process in MB (Linux ``smaps_rollup``)."""
    out = {}
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            field, _, value = line.partition(":")
            if field in ("Rss", "Pss", "Shared_Clean", "Private_Dirty"):
                out[field] = int(value.split()[0]) / 1024
    except OSError:
        out["Rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _mapped(paths: list[Path]) -> bool:
    """Whether any of ``paths`` is memory-mapped into this process."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return False
    return any(str(p.resolve()) in maps for p in paths)


def _lookup_speed(model: Model) -> dict[str, float]:
    """Lookups per second through the adapter (and, for pocketsphinx, the bare C call)."""
    words = [w.lower() for w in _WORD.findall((DATA / "dev" / "dev_01.gold.txt").read_text(encoding="utf-8"))]
    triples = [(words[i], (words[i - 1], words[i - 2])) for i in range(2, len(words))] * 20
    logp = model.logp
    out = {"lookups_per_s": len(triples) / _best_time(lambda: [logp(w, h) for w, h in triples])}
    out["lookups_per_ftfy_word"] = out["lookups_per_s"] / _ftfy_words_per_s()
    if isinstance(model, PocketsphinxModel):
        raw = [[w, *h] for w, h in triples]
        prob = model.lm.prob
        out["raw_lookups_per_s"] = len(raw) / _best_time(lambda: [prob(q) for q in raw])
    return out


def _probe(name: str, barrier=None, queue=None, timed: bool = True) -> dict:
    """Load ``name`` in this (fresh) process and measure it."""
    before = _memory()
    t0 = time.perf_counter()
    model = LOADERS[name]()
    load = time.perf_counter() - t0
    after = _memory()
    result = {
        "load_s": load,
        "rss_mb": after.get("Rss", 0.0),
        "rss_added_mb": after.get("Rss", 0) - before.get("Rss", 0),
        "mapped": _mapped(model.files()),
        "vocabulary": model.vocabulary_size(),
    }
    if barrier is not None:  # two processes alive at once: how much do they share?
        barrier.wait()
        mem = _memory()
        result["pss_mb"] = mem.get("Pss", 0.0)
        result["shared_clean_mb"] = mem.get("Shared_Clean", 0.0)
        barrier.wait()
    if timed:  # one process at a time, so that the two do not compete for the cores
        result.update(_lookup_speed(model))
    if queue is not None:
        queue.put(result)
    return result


def _fork_child(model: Model, barrier, queue) -> None:
    words = [w.lower() for w in _WORD.findall((DATA / "dev" / "dev_01.gold.txt").read_text(encoding="utf-8"))]
    for i in range(2, len(words)):
        model.logp(words[i], (words[i - 1], words[i - 2]))
    barrier.wait()
    queue.put(_memory())
    barrier.wait()


def _fork_probe(name: str, queue) -> None:
    """Load ``name`` once, then fork two workers that use it: what copy-on-write sharing saves."""
    model = LOADERS[name]()
    fork = multiprocessing.get_context("fork")
    barrier = fork.Barrier(3)
    inner = fork.Queue()
    procs = [fork.Process(target=_fork_child, args=(model, barrier, inner)) for _ in range(2)]
    for p in procs:
        p.start()
    barrier.wait()
    mine = _memory()
    children = [inner.get(timeout=300) for _ in procs]
    barrier.wait()
    for p in procs:
        p.join()
    queue.put(
        {
            "pss_parent_mb": mine.get("Pss", 0.0),
            "pss_children_mb": sum(c.get("Pss", 0.0) for c in children),
            "private_dirty_children_mb": sum(c.get("Private_Dirty", 0.0) for c in children),
        }
    )


def _ftfy_words_per_s() -> float:
    """The baseline: words per second that ``ftfy.fix_text`` processes, on the dev references."""
    import ftfy

    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "dev").glob("*.gold.txt"))]
    words = sum(len(t.split()) for t in texts)
    return words / _best_time(lambda: [ftfy.fix_text(t) for t in texts])


def _best_time(run: Callable[[], object], repeats: int = 5) -> float:
    """The shortest of ``repeats`` timings of ``run()``: the machine is shared, noise only adds."""
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def _install_mb(package: str) -> tuple[float, list[str]]:
    """Size on disk of an installed distribution's files, and its declared requirements."""
    dist = importlib.metadata.distribution(package)
    total = 0
    for f in dist.files or []:
        p = Path(dist.locate_file(f))
        if p.is_file():
            total += p.stat().st_size
    requires = [r.split(";")[0].strip() for r in dist.requires or [] if "extra ==" not in r]
    return total / 1e6, requires


def cost(name: str) -> dict:
    """Measure ``name`` in two spawned processes that load it at the same time."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    queue = ctx.Queue()
    t0 = time.perf_counter()
    procs = [ctx.Process(target=_probe, args=(name, barrier, queue, i == 0)) for i in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=300) for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - t0
    first = next(r for r in results if "lookups_per_s" in r)
    if hasattr(os, "fork"):
        fq = ctx.Queue()
        p = ctx.Process(target=_fork_probe, args=(name, fq))
        p.start()
        first = {**first, **fq.get(timeout=300)}
        p.join()
    size, requires = _install_mb(PACKAGE_OF[name])
    model_mb = sum(p.stat().st_size for p in model_files(name)) / 1e6
    return {
        **first,
        "pss_two_mb": sum(r["pss_mb"] for r in results),
        "rss_two_mb": sum(r["rss_mb"] for r in results),
        "install_mb": size,
        "requires": requires,
        "model_mb": model_mb,
        "spawn_wall_s": wall,
        "version": importlib.metadata.version(PACKAGE_OF[name]),
    }


def model_files(name: str) -> list[Path]:
    """The data files of ``name`` without loading the model."""
    spec = importlib.util.find_spec(PACKAGE_OF[name])
    folder = Path(spec.origin).parent
    if name == "pocketsphinx":
        return [folder / "model" / "en-us" / "en-us.lm.bin"]
    if name == "symspellpy":
        return [folder / "frequency_dictionary_en_82_765.txt", folder / "frequency_bigramdictionary_en_243_342.txt"]
    if name == "wordsegment":
        return [folder / "unigrams.txt", folder / "bigrams.txt"]
    return sorted((folder / "data").glob("*_en.msgpack.gz"))


def baseline_memory() -> float:
    """Rss of a spawned Python that imports only this module: what every row starts from."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(_bare_rss)


def _bare_rss() -> float:
    return _memory().get("Rss", 0.0)


# ---------------------------------------------------------------- thesaurus


def wordnet_synonyms(folder: Path) -> dict[str, dict[str, set[str]]]:
    """WordNet synonyms of one-word lemmas, per part of speech: pos -> lemma -> synonyms."""
    out: dict[str, dict[str, set[str]]] = {}
    for pos, name in (("NOUN", "noun"), ("VERB", "verb"), ("ADJ", "adj"), ("ADV", "adv")):
        table: dict[str, set[str]] = {}
        with open(folder / f"data.{name}", encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                count = int(fields[3], 16)
                lemmas = [re.sub(r"\(\w+\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
                singles = [w for w in lemmas if _WORD.fullmatch(w)]
                for w in singles:
                    table.setdefault(w, set()).update(s for s in singles if s != w)
        out[pos] = table
    return out


_US_SPELLING = (
    ("our", "or"),
    ("ence", "ense"),
    ("ise", "ize"),
    ("isi", "izi"),
    ("yse", "yze"),
    ("tre", "ter"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
    ("ae", "e"),
    ("oe", "e"),
)


def spelling_variant(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are British and American spellings of one word ("defence",
    "defense"): not a synonym a spinner would pick, and a US model prefers one of them."""
    if a[:2] != b[:2] or min(len(a), len(b)) < 5:
        return False
    for gb, us in _US_SPELLING:
        a, b = a.replace(gb, us), b.replace(gb, us)
    return a == b


def thesaurus_synonyms(path: Path, weak: bool) -> dict[str, dict[str, set[str]]]:
    """The package's reverse thesaurus (``wordlists/thesaurus.txt``: for a word a spinner may
    have written, the words it may have replaced), in the shape ``wordnet_synonyms`` gives; with
    ``weak``, the broader, similar and related terms too. It has no parts of speech, so every one
    reads the same table."""
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        word, _, _, originals = line.split("\t")
        if originals != "-":
            keep = {o.lstrip("~") for o in originals.split() if weak or not o.startswith("~")}
            keep = {o for o in keep if _WORD.fullmatch(o)}
            if keep:
                table[word] = keep
    return {pos: table for pos in ("NOUN", "VERB", "ADJ", "ADV")}


class Neighbours:
    """A word's thesaurus neighbours in the word's own inflection ("sank" -> "slumped")."""

    def __init__(self, synonyms: dict[str, dict[str, set[str]]]) -> None:
        import lemminflect

        self.syn = synonyms
        self.li = lemminflect
        self.cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, word: str) -> tuple[str, ...]:
        if word in self.cache:
            return self.cache[word]
        out: set[str] = set()
        for pos, table in self.syn.items():
            for lemma in self.li.getLemma(word, upos=pos, lemmatize_oov=False) or ():
                synonyms = table.get(lemma)
                if not synonyms:
                    continue
                if lemma == word:
                    out.update(synonyms)
                    continue
                for tag, forms in self.li.getAllInflections(lemma, upos=pos).items():
                    if word in forms:
                        for s in synonyms:
                            inflected = self.li.getInflection(s, tag=tag)
                            if inflected:
                                out.add(inflected[0])
        out = {n for n in out if n != word and not spelling_variant(n, word)}
        self.cache[word] = tuple(sorted(out))
        return self.cache[word]


# ---------------------------------------------------------------- documents


def sentences(text: str) -> list[list[str]]:
    """Lowercase word tokens per sentence; digits and punctuation are dropped."""
    out = []
    for part in _SENTENCE_END.split(text.replace("’", "'")):
        words = [w.lower() for w in _WORD.findall(part)]
        if words:
            out.append(words)
    return out


def documents() -> dict[str, list[tuple[str, str, str | None]]]:
    """Sets of (name, text, reference or None)."""
    spun, clean = [], []
    for path in sorted((DATA / "dev").glob("*.spun.txt")):
        gold = path.with_name(path.name.replace(".spun.", ".gold."))
        spun.append((path.stem, path.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")))
        clean.append((gold.stem, gold.read_text(encoding="utf-8"), None))
    seed = DATA / "seed"
    spun.append(
        (
            "seed_002.spun",
            (seed / "seed_002.spun.txt").read_text(encoding="utf-8"),
            (seed / "seed_002.gold.txt").read_text(encoding="utf-8"),
        )
    )
    clean.append(("seed_002.gold", (seed / "seed_002.gold.txt").read_text(encoding="utf-8"), None))
    clean.append(("seed_000", (seed / "seed_000.txt").read_text(encoding="utf-8"), None))
    for path in sorted((DATA / "clean").glob("*.txt")):
        clean.append((path.stem, path.read_text(encoding="utf-8"), None))
    return {"spun": spun, "clean": clean}


def simulate_wordnet_spinner(
    text: str, neighbours: Neighbours, stop: set[str], rng: random.Random, rate: float = 0.33
) -> str:
    """Replace about ``rate`` of the content words that have WordNet synonyms with a random one."""

    def swap(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if low in stop or len(low) < 3 or (word[0].isupper() and m.start() > 0):
            return word  # function words and (likely) names are left alone
        options = neighbours(low)
        if not options or rng.random() >= rate:
            return word
        choice = rng.choice(options)
        return choice.capitalize() if word[0].isupper() else choice

    return _WORD.sub(swap, text)


# ---------------------------------------------------------------- features


def window(model: Model, sent: list[str], i: int, word: str) -> float | None:
    """Log probability of the n-gram terms in which position ``i`` (holding ``word``) takes part."""
    total = 0.0
    padded = ["<s>", *sent]
    for j in range(i, min(len(sent), i + model.order)):
        w = word if j == i else sent[j]
        hist = tuple(word if k - 1 == i else padded[k] for k in range(j, max(-1, j - model.order + 1), -1))
        lp = model.logp(w, hist)
        if lp is None:
            if j == i:
                return None
            continue
        total += lp
    return total


def word_evidence(
    model: Model, sent: list[str], i: int, neighbours: Neighbours, zipf: Callable[[str], float]
) -> dict | None:
    """Gain of the best neighbour for word ``i``: raw, beyond the unigram, and the rare-word test."""
    word = sent[i]
    own = window(model, sent, i, word)
    if own is None:
        return None
    u_own = model.unigram(word) or 0.0
    best, second, best_p, best_word, rare_fit = -99.0, -99.0, -99.0, None, False
    z = zipf(word)
    options = neighbours(word)
    if MAX_NEIGHBOURS:  # only the most common neighbours the model knows
        known = [n for n in options if model.unigram(n) is not None]
        options = tuple(sorted(known, key=lambda n: -zipf(n))[:MAX_NEIGHBOURS])
    for n in options:
        s = window(model, sent, i, n)
        if s is None:
            continue
        gain = s - own
        pgain = gain - ((model.unigram(n) or 0.0) - u_own)
        if gain > best:
            best, second, best_word = gain, best, n
        elif gain > second:
            second = gain
        best_p = max(best_p, pgain)
        if z < RARE_ZIPF and zipf(n) >= z + 1 and gain >= 0:
            rare_fit = True
    if best_word is None:
        return None
    return {"gain": best, "pgain": best_p, "margin": best - second, "best": best_word, "rare": rare_fit}


def analyse(
    model: Model, text: str, neighbours: Neighbours, stop: set[str], zipf: Callable[[str], float]
) -> tuple[dict[str, float], list[tuple[str, dict | None]]]:
    """Document features and, for every word token in order, its evidence (None: not a candidate)."""
    lps, pmis, per_word = [], [], []
    for sent in sentences(text):
        padded = ["<s>", *sent]
        for i, w in enumerate(sent):
            hist = tuple(padded[k] for k in range(i, max(-1, i - model.order + 1), -1))
            lp = model.logp(w, hist)
            if lp is not None:
                lps.append(lp)
                pmis.append(lp - (model.unigram(w) or 0.0))
            ev = None
            if stop is not STOP_ALL and w not in stop and len(w) >= 3:
                ev = word_evidence(model, sent, i, neighbours, zipf)
            per_word.append((w, ev))
    evs = [e for _, e in per_word if e is not None]
    n = max(1, len(evs))
    feats = {
        "surprise": -sum(lps) / max(1, len(lps)),
        "misfit": -sum(pmis) / max(1, len(pmis)),
        "rare": sum(e["rare"] for e in evs) / n,
    }
    for t in GAINS:
        feats[f"gain{t:g}"] = sum(e["gain"] > t for e in evs) / n
        feats[f"pgain{t:g}"] = sum(e["pgain"] > t for e in evs) / n
    return feats, per_word


def changed_positions(spun: str, gold: str) -> dict[int, str | None]:
    """Word positions of ``spun`` that the spinner changed, with the reference word for
    one-to-one replacements (None for a word inside a longer rewrite)."""
    a = [w for s in sentences(spun) for w in s]
    b = [w for s in sentences(gold) for w in s]
    out: dict[int, str | None] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            for k in range(i1, i2):
                out[k] = b[j1 + k - i1] if tag == "replace" and i2 - i1 == j2 - j1 else None
    return out


def flag_scores(
    per_doc: list[tuple[list[tuple[str, dict | None]], dict[int, str | None]]], key: str, t: float, margin: float = 0.0
) -> dict[str, float]:
    """How well "``key`` > t" (and the best neighbour ahead of the next by ``margin``) points at
    changed words: precision, recall among candidate words and among all changed words; how
    often the best neighbour is the reference word, among flagged one-to-one replacements
    (``best_is_reference``) and among all flags (``edit_precision``: the flag, made an edit,
    would restore the reference exactly)."""
    flagged = hit = changed_cands = changed_all = gold_best = one_to_one = 0
    for words, changed in per_doc:
        changed_all += len(changed)
        for k, (_, ev) in enumerate(words):
            if ev is None:
                continue
            is_changed = k in changed
            changed_cands += is_changed
            if ev[key] > t and ev["margin"] > margin:
                flagged += 1
                hit += is_changed
                if is_changed and changed[k] is not None:
                    one_to_one += 1
                    gold_best += ev["best"] == changed[k]
    return {
        "flagged": flagged,
        "precision": hit / flagged if flagged else float("nan"),
        "recall_candidates": hit / changed_cands if changed_cands else float("nan"),
        "recall_all": hit / changed_all if changed_all else float("nan"),
        "best_is_reference": gold_best / one_to_one if one_to_one else float("nan"),
        "edit_precision": gold_best / flagged if flagged else float("nan"),
    }


# ---------------------------------------------------------------- document model


DOC_FEATURES = ("gain1", "gain2", "misfit", "surprise")


def fit_logistic(
    rows: list[list[float]], labels: list[int], l2: float = 1.0, steps: int = 3000
) -> Callable[[list[float]], float]:
    """A small L2-regularised logistic regression on standardised features (gradient descent)."""
    n, d = len(rows), len(rows[0])
    mu = [sum(r[j] for r in rows) / n for j in range(d)]
    sd = [math.sqrt(sum((r[j] - mu[j]) ** 2 for r in rows) / n) or 1.0 for j in range(d)]
    z = [[(r[j] - mu[j]) / sd[j] for j in range(d)] for r in rows]
    w, b = [0.0] * d, 0.0

    def prob(x: list[float]) -> float:
        s = b + sum(wj * xj for wj, xj in zip(w, x, strict=True))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, s))))

    for _ in range(steps):
        errs = [prob(x) - y for x, y in zip(z, labels, strict=True)]
        for j in range(d):
            w[j] -= 0.5 * (sum(e * x[j] for e, x in zip(errs, z, strict=True)) + l2 * w[j]) / n
        b -= 0.5 * sum(errs) / n

    def predict(x: list[float]) -> float:
        return prob([(x[j] - mu[j]) / sd[j] for j in range(d)])

    predict.weights = {"bias": b, **{f: wj / sdj for f, wj, sdj in zip(DOC_FEATURES, w, sd, strict=False)}, "means": mu}  # type: ignore[attr-defined]
    return predict


def document_model(feats: dict[str, list[tuple[dict, list]]]) -> dict:
    """Fit the document logistic model on the founding spinner vs clean (leave one out for those), and
    apply it to the simulated spinners: AUC and the share judged spun at 0.5 per set."""
    vec = {k: [[d[0][f] for f in DOC_FEATURES] for d in v] for k, v in feats.items()}
    train = vec["spun"] + vec["clean"]
    labels = [1] * len(vec["spun"]) + [0] * len(vec["clean"])
    loo = []
    for i in range(len(train)):
        model = fit_logistic(train[:i] + train[i + 1 :], labels[:i] + labels[i + 1 :])
        loo.append(model(train[i]))
    full = fit_logistic(train, labels)
    clean = loo[len(vec["spun"]) :]
    scores = {"spun": loo[: len(vec["spun"])], "clean": clean}
    for k in vec:
        if k not in scores:
            scores[k] = [full(x) for x in vec[k]]
    out = {
        "features": list(DOC_FEATURES),
        "weights": full.weights,  # type: ignore[attr-defined]
        "clean_judged_spun": sum(p > 0.5 for p in clean) / len(clean),
        "clean_max": max(clean),
        "sets": {},
    }
    for k, ps in scores.items():
        if k != "clean":
            out["sets"][k] = {
                "auc": roc_auc(ps, clean),
                "judged_spun": sum(p > 0.5 for p in ps) / len(ps),
                "min": min(ps),
            }
    return out


LLR_BINS = (0.5, 1.0, 2.0, 3.0, 4.0)  # edges of the gain bins for the evidence sum


def _bin(gain: float) -> int:
    return sum(gain >= edge for edge in LLR_BINS)


def gain_llr(spun: list[tuple[dict, list]], clean: list[tuple[dict, list]]) -> list[float]:
    """Log-likelihood ratio, spun vs clean, of a content word's best gain falling in each bin
    (add-one counts over all candidate words of the two sets)."""
    tables = []
    for docs in (spun, clean):
        counts = [1] * (len(LLR_BINS) + 1)
        for _, per_word in docs:
            for _, ev in per_word:
                if ev is not None:
                    counts[_bin(ev["gain"])] += 1
        tables.append([c / sum(counts) for c in counts])
    return [math.log(a / b) for a, b in zip(*tables, strict=True)]


def evidence_sum(per_word: list, llr: list[float]) -> float:
    """The document's evidence: the sum of its candidate words' log-likelihood ratios. Unlike a
    share, it grows with the text, so a paragraph and an article are judged on what they show."""
    return sum(llr[_bin(ev["gain"])] for _, ev in per_word if ev is not None)


def paragraph_check(model: Model, sets: dict, neighbours: Neighbours, stop: set[str], zipf, llr: list[float]) -> dict:
    """The same evidence on paragraphs (lines of at least 8 words) taken as documents: the gain1
    share against the evidence sum, and how many clean paragraphs the sum puts above 2 and 4."""
    feats = {
        k: [
            analyse(model, p, neighbours, stop, zipf)
            for _, text, _ in docs
            for p in text.split("\n")
            if len(p.split()) >= 8
        ]
        for k, docs in sets.items()
    }
    clean = feats["clean"]
    clean_sums = [evidence_sum(pw, llr) for _, pw in clean]
    out = {
        "paragraphs": {k: len(v) for k, v in feats.items()},
        "clean_above": {t: sum(x > t for x in clean_sums) / len(clean_sums) for t in (2, 4)},
        "sets": {},
    }
    for k, v in feats.items():
        if k == "clean":
            continue
        sums = [evidence_sum(pw, llr) for _, pw in v]
        out["sets"][k] = {
            "auc_gain1": roc_auc([f["gain1"] for f, _ in v], [f["gain1"] for f, _ in clean]),
            "auc_misfit": roc_auc([f["misfit"] for f, _ in v], [f["misfit"] for f, _ in clean]),
            "auc_sum": roc_auc(sums, clean_sums),
            "above": {t: sum(x > t for x in sums) / len(sums) for t in (2, 4)},
        }
    return out


# ---------------------------------------------------------------- a lean pass, for the speed it can reach


def lean_speed(
    model: PocketsphinxModel, texts: list[str], neighbours: Neighbours, stop: set[str], budget: int
) -> float:
    """Words per second of a lean neighbour-gain pass straight on ``NGramModel.prob`` (in-vocabulary
    neighbour lists cached, the window's unchanged terms computed once), trying at most ``budget``
    content words per document: the speed an implementation in the package could reach."""
    prob = model.lm.prob
    known = model.unigram
    lists: dict[str, list[str]] = {}
    words = 0
    t0 = time.perf_counter()
    for text in texts:
        tried = 0
        for sent in sentences(text):
            words += len(sent)
            if tried >= budget:
                continue
            padded = ["<s>", "<s>", *sent, "</s>", "</s>"]
            for i, w in enumerate(sent):
                if w in stop or len(w) < 3 or tried >= budget:
                    continue
                cands = lists.get(w)
                if cands is None:
                    cands = lists[w] = [n for n in neighbours(w) if known(n) is not None]
                if not cands or known(w) is None:
                    continue
                tried += 1
                p2, p1, n1, n2 = padded[i], padded[i + 1], padded[i + 3], padded[i + 4]
                own = prob([w, p1, p2]) + prob([n1, w, p1]) + prob([n2, n1, w])
                for n in cands:
                    prob([n, p1, p2]) + prob([n1, n, p1]) + prob([n2, n1, n]) - own
    return words / (time.perf_counter() - t0)


# ---------------------------------------------------------------- main


SPUN_SETS = ("spun", "wn-sim", "wn-10", "mythes-sim")
MYTHES = Path("/usr/share/mythes/th_en_US_v2.dat")
BUDGETS = (25, 50, 100)


def mythes_synonyms(path: Path) -> dict[str, dict[str, set[str]]]:
    """Every one-word item a MyThes article lists (synonyms, and generic, similar and related terms,
    as a spinner that uses the whole article would), per part of speech."""
    pos_of = {"(noun)": "NOUN", "(verb)": "VERB", "(adj)": "ADJ", "(adv)": "ADV"}
    out: dict[str, dict[str, set[str]]] = {p: {} for p in pos_of.values()}
    with open(path, encoding="utf-8") as f:
        f.readline()
        for header in f:
            head, _, count = header.rstrip("\n").rpartition("|")
            for _ in range(int(count)):
                pos, *items = f.readline().rstrip("\n").split("|")
                table = out.get(pos_of.get(pos, ""))
                if table is None or not _WORD.fullmatch(head.lower()):
                    continue
                for item in items:
                    item = re.sub(r"\s*\((generic|similar|related) term\)", "", item).strip().lower()
                    if "antonym" not in item and _WORD.fullmatch(item) and item != head.lower():
                        table.setdefault(head.lower(), set()).add(item)
    return out


def evidence(names: list[str], wordnet: Path, seed: int, mythes: Path, source: str = "wordnet") -> dict:
    from wordfreq import zipf_frequency

    stop = {
        w.strip()
        for w in (ROOT / "wordlists" / "function_words.txt").read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    wordnet_neighbours = Neighbours(wordnet_synonyms(wordnet))
    if source == "wordnet":
        neighbours = wordnet_neighbours
    else:  # the features read the package's reverse thesaurus; the simulated spinners still use WordNet
        thesaurus = ROOT / "wordlists" / "thesaurus.txt"
        neighbours = Neighbours(thesaurus_synonyms(thesaurus, weak=source == "thesaurus"))
    zcache: dict[str, float] = {}

    def zipf(w: str) -> float:
        if w not in zcache:
            zcache[w] = zipf_frequency(w, "en")
        return zcache[w]

    sets = documents()
    clean = sets["clean"]
    rng = random.Random(seed)
    sim = wordnet_neighbours
    sets["wn-sim"] = [(f"{n}.wn", simulate_wordnet_spinner(t, sim, stop, rng), t) for n, t, _ in clean]
    sets["wn-10"] = [(f"{n}.wn10", simulate_wordnet_spinner(t, sim, stop, rng, 0.10), t) for n, t, _ in clean]
    if mythes.is_file():
        other = Neighbours(mythes_synonyms(mythes))
        sets["mythes-sim"] = [(f"{n}.my", simulate_wordnet_spinner(t, other, stop, rng), t) for n, t, _ in clean]
    for docs in sets.values():  # warm the thesaurus and frequency caches, so speeds compare the models
        for _, text, _ in docs:
            for sent in sentences(text):
                for w in sent:
                    if w not in stop:
                        for n in neighbours(w):
                            zipf(n)
                        zipf(w)
    spun_sets = [k for k in SPUN_SETS if k in sets]
    out: dict = {"documents": {k: len(v) for k, v in sets.items()}, "models": {}}
    words = sum(len(text.split()) for docs in sets.values() for _, text, _ in docs)
    for name in names:
        t0 = time.perf_counter()
        model = LOADERS[name]()
        t1 = time.perf_counter()
        feats = {k: [analyse(model, text, neighbours, stop, zipf) for _, text, _ in docs] for k, docs in sets.items()}
        analyse_s = time.perf_counter() - t1
        ftfy_rate = _ftfy_words_per_s()
        speed = {"all": words / analyse_s / ftfy_rate}
        t1 = time.perf_counter()  # the cheap pass alone: surprise and misfit, no neighbours
        for docs in sets.values():
            for _, text, _ in docs:
                analyse(model, text, neighbours, STOP_ALL, zipf)
        speed["cheap"] = words / (time.perf_counter() - t1) / ftfy_rate
        if isinstance(model, PocketsphinxModel):
            texts = [t for docs in sets.values() for _, t, _ in docs]
            for budget in (*BUDGETS, 10_000):
                speed[f"lean{budget}"] = (
                    max(lean_speed(model, texts, neighbours, stop, budget) for _ in range(3)) / ftfy_rate
                )
        for budget in BUDGETS:  # the document feature from the first ``budget`` candidate words only
            for docs in feats.values():
                for f, per_word in docs:
                    evs = [e for _, e in per_word if e is not None][:budget]
                    f[f"gain1@{budget}"] = sum(e["gain"] > 1 for e in evs) / max(1, len(evs))
        llr = gain_llr(feats["spun"], feats["clean"])
        for docs in feats.values():
            for f, per_word in docs:
                f["evidence"] = evidence_sum(per_word, llr)
        auc = {
            f: {k: roc_auc([d[0][f] for d in feats[k]], [d[0][f] for d in feats["clean"]]) for k in spun_sets}
            for f in feats["clean"][0][0]
        }
        means = {k: {f: sum(d[0][f] for d in v) / len(v) for f in v[0][0]} for k, v in feats.items()}
        flags = {}
        clean_words = [(d[1], {}) for d in feats["clean"]]
        clean_total = sum(len(w) for w, _ in clean_words)
        for spun_set in spun_sets:
            pairs = zip(feats[spun_set], sets[spun_set], strict=True)
            per_doc = [(d[1], changed_positions(text, ref)) for d, (_, text, ref) in pairs]
            for key_, t, margin in (
                [("gain", t, 0.0) for t in FLAG_GAINS]
                + [("pgain", t, 0.0) for t in FLAG_GAINS[:3]]
                + [("gain", t, MARGIN) for t in FLAG_GAINS[1:]]
            ):
                row = flag_scores(per_doc, key_, t, margin)
                row["clean_flags_per_1k"] = 1000 * flag_scores(clean_words, key_, t, margin)["flagged"] / clean_total
                label = f"{key_}>{t:g}" + (f" m>{margin:g}" if margin else "")
                flags.setdefault(spun_set, {})[label] = row
        doc = document_model(feats) if model.order > 1 else None
        table: dict[str, set[str]] = {}  # what a WordNet synonym table limited to this model's vocabulary holds
        for pos_table in wordnet_neighbours.syn.values():
            for w, synonyms in pos_table.items():
                inside = {x for x in synonyms if model.unigram(x) is not None}
                if inside and model.unigram(w) is not None:
                    table.setdefault(w, set()).update(inside)
        vocabulary_table = {
            "entries": len(table),
            "links": sum(len(v) for v in table.values()),
            "mb": sum(len(w) + 2 + len(" ".join(v)) for w, v in table.items()) / 1e6,
        }
        out["models"][name] = {
            "auc": auc,
            "means": means,
            "flags": flags,
            "document_model": doc,
            "wordnet_table": vocabulary_table,
            "llr": llr,
            "evidence_range": {
                k: [min(d[0]["evidence"] for d in v), max(d[0]["evidence"] for d in v)] for k, v in feats.items()
            },
            "paragraphs": paragraph_check(model, sets, neighbours, stop, zipf, llr) if PARAGRAPHS else None,
            "seconds": time.perf_counter() - t0,
            "speed_x_ftfy": speed,
        }
        del model
    return out


def print_cost(rows: dict[str, dict], bare: float) -> None:
    print(
        f"\nModel cost (bare spawned Python: {bare:.0f} MB RSS). PSS x2: two spawned processes that each load the "
        "model; fork x2: two workers forked after one load (copy-on-write); x ftfy: lookups per word that "
        "ftfy.fix_text processes in the same time"
    )
    print(
        f"{'model':13} {'ver':7} {'install':>8} {'model':>7} {'load s':>7} {'RSS':>6} {'+RSS':>6} {'PSS x2':>7} "
        f"{'fork x2':>7} {'mmap':>5} {'lookups/s':>10} {'x ftfy':>7} {'vocab':>9}  requires"
    )
    for name, r in rows.items():
        if "skipped" in r:
            print(f"{name:13} skipped: {r['skipped']}")
            continue
        raw = f" (raw {r['raw_lookups_per_s'] / 1e6:.1f}M)" if "raw_lookups_per_s" in r else ""
        print(
            f"{name:13} {r['version']:7} {r['install_mb']:7.1f}M {r['model_mb']:6.1f}M {r['load_s']:7.3f} "
            f"{r['rss_mb']:5.0f}M {r['rss_added_mb']:5.0f}M {r['pss_two_mb']:6.0f}M "
            f"{r.get('pss_children_mb', float('nan')):6.0f}M {'yes' if r['mapped'] else 'no':>5} "
            f"{r['lookups_per_s'] / 1e6:8.2f}M "
            f"{r['lookups_per_ftfy_word']:7.0f} {r['vocabulary']:9,d}  {', '.join(r['requires']) or '-'}{raw}"
        )


def print_evidence(ev: dict) -> None:
    print(f"\nDocuments: {ev['documents']}")
    for name, m in ev["models"].items():
        sets = list(next(iter(m["auc"].values())))
        speed = ", ".join(f"{k} {v:.2f}x" for k, v in m["speed_x_ftfy"].items())
        print(f"\n== {name} ({m['seconds']:.0f} s). Speed as a ratio to ftfy.fix_text: {speed}")
        print(
            f"{'feature':11} "
            + " ".join(f"{'AUC ' + s:>15}" for s in sets)
            + "  "
            + " ".join(f"{'mean ' + s:>15}" for s in ["clean", *sets])
        )
        for f, a in m["auc"].items():
            print(
                f"{f:11} "
                + " ".join(f"{a[s]:15.3f}" for s in sets)
                + "  "
                + " ".join(f"{m['means'][s][f]:15.3f}" for s in ["clean", *sets])
            )
        print(
            "evidence: sum over content words of the log-likelihood ratio of their gain's bin "
            f"(edges {', '.join(map(str, LLR_BINS))}; fitted on spun vs clean): "
            + ", ".join(f"{x:+.2f}" for x in m["llr"])
        )
        print(
            "evidence per document, min to max: "
            + "; ".join(f"{k} {lo:.1f} to {hi:.1f}" for k, (lo, hi) in m["evidence_range"].items())
        )
        par = m["paragraphs"]
        if par:
            print(
                f"paragraphs as documents ({par['paragraphs']}): clean above 2 / 4: "
                f"{par['clean_above'][2]:.3f} / {par['clean_above'][4]:.3f}"
            )
            for k, r in par["sets"].items():
                print(
                    f"  {k:11} AUC gain1 {r['auc_gain1']:.3f}, misfit {r['auc_misfit']:.3f}, evidence sum "
                    f"{r['auc_sum']:.3f}; above 2 / 4: {r['above'][2]:.3f} / {r['above'][4]:.3f}"
                )
        t = m["wordnet_table"]
        print(
            f"WordNet one-word synonyms within this model's vocabulary: {t['entries']:,} entries, "
            f"{t['links']:,} links, {t['mb']:.2f} MB as text"
        )
        doc = m["document_model"]
        if doc:
            w = ", ".join(f"{k} {v:+.2f}" for k, v in doc["weights"].items() if k != "means")
            print(
                f"document model (logistic on {', '.join(doc['features'])}; fitted on spun vs clean, "
                f"leave-one-out for those two): weights {w}"
            )
            print(
                f"  clean judged spun at 0.5: {doc['clean_judged_spun']:.3f} (max {doc['clean_max']:.3f}); "
                + "; ".join(
                    f"{k}: AUC {r['auc']:.3f}, judged spun {r['judged_spun']:.3f}" for k, r in doc["sets"].items()
                )
            )
        print(
            f"{'flag':14} {'set':10} {'flagged':>7} {'prec':>6} {'rec(c)':>7} {'rec(all)':>8} {'best=ref':>8} "
            f"{'editP':>6} {'clean/1k':>8}"
        )
        for s, rows in m["flags"].items():
            for k, r in rows.items():
                print(
                    f"{k:14} {s:10} {r['flagged']:7d} {r['precision']:6.3f} {r['recall_candidates']:7.3f} "
                    f"{r['recall_all']:8.3f} {r['best_is_reference']:8.3f} {r['edit_precision']:6.3f} "
                    f"{r['clean_flags_per_1k']:8.1f}"
                )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="*", default=list(MODELS), choices=MODELS)
    parser.add_argument("--skip-cost", action="store_true")
    parser.add_argument("--skip-evidence", action="store_true")
    parser.add_argument("--skip-paragraphs", action="store_true", help="no paragraph-level check")
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="folder with WordNet's data.* files")
    parser.add_argument("--mythes", type=Path, default=MYTHES, help="MyThes .dat file for the third spinner")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--neighbours",
        choices=("wordnet", "thesaurus", "thesaurus-strong"),
        default="wordnet",
        help="where the features find a word's neighbours: WordNet synonyms, or wordlists/thesaurus.txt "
        "(all links, or its synonyms only)",
    )
    parser.add_argument("--max-neighbours", type=int, default=0, help="try only the K most common neighbours")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    global MAX_NEIGHBOURS, PARAGRAPHS
    MAX_NEIGHBOURS = args.max_neighbours
    PARAGRAPHS = not args.skip_paragraphs
    names = []
    result: dict = {"python": sys.version.split()[0], "cost": {}}
    for name in args.models:
        if available(name):
            names.append(name)
        else:
            print(f"{name}: package not installed, skipped")
            result["cost"][name] = {"skipped": "package not installed"}
    if not args.skip_cost:
        bare = baseline_memory()
        result["bare_rss_mb"] = bare
        for name in names:
            result["cost"][name] = cost(name)
        print_cost(result["cost"], bare)
    if not args.skip_evidence:
        if not (args.wordnet / "data.noun").is_file():
            print(f"no WordNet in {args.wordnet} (apt-get install wordnet-base): evidence skipped")
        else:
            result["evidence"] = evidence(names, args.wordnet, args.seed, args.mythes, args.neighbours)
            print_evidence(result["evidence"])
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
