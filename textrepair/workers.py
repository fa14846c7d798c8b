"""Worker processes: a function mapped over batches in a process pool, in order, with
bounded read-ahead. :meth:`textrepair.Repairer.pipe` runs on it."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")


def start_method() -> str:
    """ "spawn" (fresh interpreters, safe with threads), unless the main module names a
    file that does not exist (a script piped to ``python -``): spawned workers would
    fail to re-import it, and the pool would restart them forever."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.isfile(main_file) and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


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
    context = multiprocessing.get_context(start_method())
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
