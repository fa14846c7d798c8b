"""The pipeline put together: :class:`Repairer`, configured once and used many times."""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, Literal, TypeVar, overload

from .batch import repair_batch
from .config import RepairConfig
from .failure import WORKER_DIED, Failure
from .lexicon import build_lexicon
from .model import Report
from .pipeline import Stage, run_stages
from .scoring import Scorer, default_scorer
from .stages import build_stages
from .workers import map_in_workers

_C = TypeVar("_C")


def _check_text(text: object, caller: str) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"{caller}() takes str, not {type(text).__name__}; decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{caller}() takes the text to repair as a str, not {type(text).__name__}")


class Repairer:
    """Repairs spun text with a fixed configuration.

    >>> r = Repairer()
    >>> r.repair("The White Home said 90 p.c of the suppose tank agreed.")
    'The White House said 90 percent of the think tank agreed.'
    >>> Repairer(threshold=0.7).config.threshold
    0.7

    ``config`` is a :class:`~textrepair.config.RepairConfig` (default: the defaults);
    ``overrides`` change single options by name (``lexicons=["mine.lex"]``,
    ``expressions=True``...; see :class:`~textrepair.config.RepairConfig` for all of
    them). Malformed lexicon lines raise ``LexiconError``, unknown options ``TypeError``,
    out-of-range values ``ValueError``.
    """

    def __init__(self, config: RepairConfig | None = None, /, **overrides: Any) -> None:
        if config is not None and not isinstance(config, RepairConfig):
            raise TypeError(
                f"Repairer() takes a RepairConfig or options by name, not {type(config).__name__}"
                " (for lexicon files: Repairer(lexicons=[...]))"
            )
        self.config = (config or RepairConfig()).replace(**overrides)
        config = self.config
        families = None if config.tortured_phrases else ("news",)
        entries = build_lexicon(config.lexicons, include_default=config.default_lexicon, families=families)
        self.scorer: Scorer = default_scorer()
        self.stages: list[Stage] = build_stages(self.config, entries, self.scorer)

    def analyze(self, text: str) -> Report:
        """Repair ``text`` and explain it: edits, flags and the document spin score."""
        return run_stages(self.stages, _check_text(text, "analyze"))

    def repair(self, text: str) -> str:
        """The repaired text (``analyze(text).text``)."""
        return run_stages(self.stages, _check_text(text, "repair")).text

    def repair_batch(self, texts: Any, *, with_reports: bool = False) -> Any:
        """Repair a column of texts in one call: a pandas Series, an Arrow array or any
        iterable, returned as the same kind of container (see
        :func:`textrepair.batch.repair_batch`; for ``datasets.map(batched=True)``, pandas'
        ``Series.pipe`` and the Spark UDF). A record that is missing, not a string or fails
        is reported in its ``error`` field, never raised."""
        return repair_batch(self, texts, with_reports=with_reports)

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        n_process: int = ...,
        batch_size: int = ...,
        as_tuples: Literal[False] = ...,
        on_error: Literal["raise"] = ...,
    ) -> Iterator[Report]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, _C]],
        *,
        n_process: int = ...,
        batch_size: int = ...,
        as_tuples: Literal[True],
        on_error: Literal["raise"] = ...,
    ) -> Iterator[tuple[Report, _C]]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        n_process: int = ...,
        batch_size: int = ...,
        as_tuples: Literal[False] = ...,
        on_error: Literal["report"],
    ) -> Iterator[Report | Failure]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, _C]],
        *,
        n_process: int = ...,
        batch_size: int = ...,
        as_tuples: Literal[True],
        on_error: Literal["report"],
    ) -> Iterator[tuple[Report | Failure, _C]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        n_process: int = 1,
        batch_size: int = 64,
        as_tuples: bool = False,
        on_error: Literal["raise", "report"] = "raise",
    ) -> Iterator[Any]:
        """Analyze a stream of texts, yielding one :class:`Report` per text, in order.

        Each report is exactly what :meth:`analyze` returns for that text. With
        ``as_tuples=True`` the stream holds ``(text, context)`` pairs and yields
        ``(report, context)``: the caller's context (a record, a file name) travels with
        its text and never leaves this process. With ``n_process > 1`` batches of
        ``batch_size`` texts go to worker processes, each of which builds its own
        Repairer from :attr:`config`; at most two batches per worker are in flight, so
        memory stays flat on endless streams.

        ``on_error="raise"`` (the default): an exception analyzing a text ends the
        stream. ``on_error="report"``: a text whose analysis raises (even MemoryError),
        or whose worker process dies twice, yields a :class:`~textrepair.Failure` in place
        of its report, and the stream goes on. A worker that dies is replaced either way.

        >>> [type(r).__name__ for r in Repairer().pipe(["fine", 42], on_error="report")]
        ['Report', 'Failure']
        """
        if n_process < 1:
            raise ValueError(f"n_process must be >= 1, not {n_process!r}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size!r}")
        if on_error not in ("raise", "report"):
            raise ValueError(f"on_error must be 'raise' or 'report', not {on_error!r}")
        report = on_error == "report"
        if as_tuples:
            contexts: deque[Any] = deque()

            def split() -> Iterator[str]:
                for text, context in texts:
                    contexts.append(context)
                    yield text

            for result in self.pipe(split(), n_process=n_process, batch_size=batch_size, on_error=on_error):
                yield result, contexts.popleft()
            return
        if n_process == 1:
            for text in texts:
                yield _analyze_reporting(self, text) if report else self.analyze(text)
            return
        yield from map_in_workers(
            _analyze_batch_reporting if report else _analyze_batch,
            _batches(iter(texts), batch_size, checked=not report),
            n_process,
            _init_worker,
            (self.config,),
            crashed=(lambda _text: WORKER_DIED) if report else None,
        )


# --- worker processes ----------------------------------------------------------------------

_WORKER: Repairer | None = None


def _init_worker(config: RepairConfig) -> None:
    # Ctrl-C is for the parent, which shuts the pool down; a worker interrupted while
    # holding the pool's queue lock would leave that shutdown waiting forever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler, if the worker was forked
    global _WORKER
    _WORKER = Repairer(config)


def _analyze_batch(batch: list[str]) -> list[Report]:
    assert _WORKER is not None
    return [_WORKER.analyze(text) for text in batch]


def _analyze_reporting(repairer: Repairer, text: str) -> Report | Failure:
    """The text's report, or the Failure it raised: caught where the work is done, so that
    one bad text (or one too large for memory) costs only itself."""
    try:
        return repairer.analyze(text)
    except Exception as exc:
        return Failure.from_exception(exc)


def _analyze_batch_reporting(batch: list[str]) -> list[Report | Failure]:
    assert _WORKER is not None
    return [_analyze_reporting(_WORKER, text) for text in batch]


def _batches(texts: Iterator[str], batch_size: int, *, checked: bool = True) -> Iterator[list[str]]:
    while batch := list(islice(texts, batch_size)):
        if checked:
            for text in batch:
                _check_text(text, "pipe")
        yield batch
