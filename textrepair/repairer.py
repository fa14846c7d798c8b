"""The pipeline put together: :class:`Repairer`, configured once and used many times."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from .edits import OffsetMap, apply_edits, compose
from .engine import MAX_ROUNDS, RuleEngine
from .expressions import ExpressionIndex
from .lexicon import build_lexicon
from .model import Edit, Flag, Report
from .normalize import NormalizeOptions, normalize

_T = TypeVar("_T")
_R = TypeVar("_R")


@lru_cache(maxsize=4)
def _expression_index(pairs: tuple[tuple[str, str], ...]) -> ExpressionIndex:
    """One index per lexicon: it is read-only, and takes a second to build."""
    return ExpressionIndex(pairs)


def _check_text(text: object, caller: str) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"{caller}() takes str, not {type(text).__name__}; decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{caller}() takes the text to repair as a str, not {type(text).__name__}")


@dataclass(frozen=True)
class RepairerConfig:
    """Everything a :class:`Repairer` is built from; small and picklable, so worker
    processes build their own copy instead of receiving a large object."""

    lexicons: tuple[str, ...] = ()
    default_lexicon: bool = True
    threshold: float = 0.5
    min_evidence: float = 2.0
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    expressions: bool = False


class Repairer:
    """Repairs spun text with a fixed configuration.

    >>> r = Repairer()
    >>> r.repair("The White Home said 90 p.c of the suppose tank agreed.")
    'The White House said 90 percent of the think tank agreed.'

    Parameters:
        lexicons: extra lexicon files (see :mod:`textrepair.lexicon` for the format),
            applied after the built-in one. Malformed lines raise ``LexiconError``.
        default_lexicon: use the lexicon that ships with textrepair. Together with no
            ``lexicons``, this leaves the frequency engine on its own.
        expressions: also run the frequency engine, which restores broken multiword
            expressions and names that no lexicon lists ("Center East" -> "Middle East";
            see :mod:`textrepair.expressions`). Off by default: on spun text it
            currently about doubles the time of a repair for a small gain where the
            lexicon is on (see ``benchmarks/README.md``).
        threshold: spin score from which a document counts as spun, so that ambiguous
            entries may fire (0..1).
        min_evidence: spin evidence a document must show before ambiguous entries fire:
            a fingerprint counts 1, an ambiguous word in a telling context 0.5
            (see :func:`textrepair.engine.evidence_weight`).
        unicode, spintax, whitespace, typography: normalisation steps
            (see :class:`~textrepair.normalize.NormalizeOptions`).
    """

    def __init__(
        self,
        lexicons: Iterable[str | os.PathLike[str]] = (),
        *,
        default_lexicon: bool = True,
        threshold: float = 0.5,
        min_evidence: float = 2.0,
        unicode: bool = True,
        spintax: bool = True,
        whitespace: bool = True,
        typography: bool = False,
        expressions: bool = False,
    ) -> None:
        if isinstance(lexicons, (str, os.PathLike)):
            lexicons = [lexicons]
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
        if min_evidence < 0:
            raise ValueError(f"min_evidence must be >= 0, not {min_evidence!r}")
        options = NormalizeOptions(unicode=unicode, spintax=spintax, whitespace=whitespace, typography=typography)
        self.config = RepairerConfig(
            tuple(os.fspath(p) for p in lexicons), default_lexicon, threshold, min_evidence, options, expressions
        )
        entries = build_lexicon(self.config.lexicons, include_default=default_lexicon)
        # The lexicon's word pairs are thesaurus links too ("mention" -> "say").
        index = _expression_index(tuple((e.spun, e.canonical) for e in entries)) if expressions else None
        self._engine = RuleEngine(entries, threshold, min_evidence, index)

    @classmethod
    def from_config(cls, config: RepairerConfig) -> Repairer:
        n = config.normalize
        return cls(
            config.lexicons,
            default_lexicon=config.default_lexicon,
            threshold=config.threshold,
            min_evidence=config.min_evidence,
            unicode=n.unicode,
            spintax=n.spintax,
            whitespace=n.whitespace,
            typography=n.typography,
            expressions=config.expressions,
        )

    def analyze(self, text: str) -> Report:
        """Repair ``text`` and explain it: edits, flags and the document spin score."""
        text = _check_text(text, "analyze")
        current, edits = normalize(text, self.config.normalize)
        spintax = sum(1 for e in edits if e.kind == "spintax")
        first = self._engine.repair(current, prior_evidence=spintax)
        flags = _map_flags(text, edits, first.flags) if edits else first.flags
        changes = first.edits
        for _ in range(MAX_ROUNDS):
            if not changes:
                break
            edits = compose(text, edits, changes, intermediate=current)
            current = apply_edits(current, changes)
            # Repairing must reach a fixed point, so that repairing the output again changes
            # nothing. A repair can change how ftfy reads its line (mojibake detection looks
            # at the whole line), so normalise again; only if that changes anything does the
            # engine run again, keeping the first round's verdict on the document.
            renormalized, more = normalize(current, self.config.normalize)
            if not more:
                break
            edits = compose(text, edits, more, intermediate=current)
            current = renormalized
            changes = self._engine.repair(current, verdict=(first.spin_score, first.is_spun)).edits
        return Report(
            text=current,
            edits=tuple(edits),
            flags=tuple(flags),
            spin_score=first.spin_score,
            is_spun=first.is_spun,
            evidence=first.evidence,
        )

    def repair(self, text: str) -> str:
        """The repaired text (``analyze(text).text``)."""
        return self.analyze(_check_text(text, "repair")).text

    def pipe(self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Report]:
        """Analyze a stream of texts, yielding one :class:`Report` per text, in order.

        Each report is exactly what :meth:`analyze` returns for that text. With
        ``n_process > 1`` batches of ``batch_size`` texts go to worker processes; at most
        two batches per worker are in flight, so memory stays flat on endless streams.
        """
        if n_process < 1:
            raise ValueError(f"n_process must be >= 1, not {n_process!r}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size!r}")
        if n_process == 1:
            for text in texts:
                yield self.analyze(text)
            return
        yield from _pipe_parallel(self.config, iter(texts), n_process, batch_size)


def _map_flags(text: str, base: list[Edit], flags: list[Flag]) -> list[Flag]:
    offsets = OffsetMap(text, base)
    mapped = []
    for flag in flags:
        _, _, start, end, _ = offsets.span(flag.start, flag.end)
        mapped.append(Flag(start, end, text[start:end], flag.suggestion, flag.rule, flag.reason))
    return mapped


# --- worker processes ----------------------------------------------------------------------

_WORKER: Repairer | None = None


def _init_worker(config: RepairerConfig) -> None:
    # Ctrl-C is for the parent, which shuts the pool down; a worker interrupted while
    # holding the pool's queue lock would leave that shutdown waiting forever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER
    _WORKER = Repairer.from_config(config)


def _analyze_batch(batch: list[str]) -> list[Report]:
    assert _WORKER is not None
    return [_WORKER.analyze(text) for text in batch]


def _start_method() -> str:
    """ "spawn" (fresh interpreters, safe with threads), unless the main module names a
    file that does not exist (a script piped to ``python -``): spawned workers would
    fail to re-import it, and the pool would restart them forever."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.isfile(main_file) and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _batches(texts: Iterator[str], batch_size: int) -> Iterator[list[str]]:
    while batch := list(islice(texts, batch_size)):
        for text in batch:
            _check_text(text, "pipe")
        yield batch


def _pipe_parallel(config: RepairerConfig, texts: Iterator[str], n_process: int, batch_size: int) -> Iterator[Report]:
    yield from map_in_workers(_analyze_batch, _batches(texts, batch_size), n_process, _init_worker, (config,))


def map_in_workers(
    function: Callable[[list[_T]], list[_R]],
    batches: Iterator[list[_T]],
    n_process: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> Iterator[_R]:
    """``function`` applied to each batch in ``n_process`` worker processes (each set up
    by ``initializer(*initargs)``), the results of all batches chained, in order.

    The workers are started, and have each done an empty batch, before the first batch
    is taken from ``batches``: an exception ``function`` raises for the empty batch (say,
    because its worker could not be set up) comes out here before any input is read.
    At most two batches per worker are in flight: batches are taken only as results are
    consumed, so memory stays flat on endless streams. Closing the iterator cancels the
    batches not yet started; the workers exit once their current batch is done.
    """
    context = multiprocessing.get_context(_start_method())
    executor = ProcessPoolExecutor(n_process, mp_context=context, initializer=initializer, initargs=initargs)
    try:
        # The executor starts a worker for each batch submitted while none is idle.
        for started in [executor.submit(function, []) for _ in range(n_process)]:
            yield from started.result()
        pending: deque[Future[list[_R]]] = deque()
        while True:
            while len(pending) < 2 * n_process:
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append(executor.submit(function, batch))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
