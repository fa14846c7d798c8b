"""Worker processes: a function mapped over batches in a process pool, in order, with
bounded read-ahead, surviving the death of a worker. :meth:`textrepair.Repairer.pipe`
runs on it."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import FrameType
from typing import Any, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")

_STOP_WAIT_SECONDS = 5.0  # how long a stopped worker may take to exit before it is killed


def start_method() -> str:
    """ "spawn" (fresh interpreters, safe with threads), unless the main module names a
    file that does not exist (a script piped to ``python -``): spawned workers would
    fail to re-import it, and the pool would restart them forever."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.isfile(main_file) and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Around the start of a worker process: the worker is deaf to Ctrl-C from birth, and
    a Ctrl-C that comes meanwhile is raised here once the worker is launched.

    Ctrl-C reaches every process of the terminal's process group; a worker killed by it
    while importing would print a traceback and break the pool. A new process inherits
    the signal mask of the thread that starts it, through ``exec`` as well, and Python
    leaves the mask alone; so SIGINT is *blocked* in this thread while a worker is
    launched, and the worker holds it blocked until its initializer ignores it. Only that
    moment (a few milliseconds) is covered, not while the workers import and set up, when
    this process must stay responsive to Ctrl-C.

    Another thread of this process may still take the signal, and Python then runs the
    handler in the main thread: the launch would be cut short between starting the worker
    and handing it its work. So, meanwhile, the handler only notes the Ctrl-C, and the
    usual handler is called once the launch is over. The signal is never *ignored* here:
    an ignored signal is discarded, also one that is pending when it becomes ignored.
    Outside the main thread (where Python cannot handle signals) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[FrameType | None] = []
    saved = signal.signal(signal.SIGINT, lambda signum, frame: noted.append(frame))
    blocked = signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if not blocked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # a pending Ctrl-C is noted here
        signal.signal(signal.SIGINT, saved)
        if noted and callable(saved):
            saved(signal.SIGINT, noted[0])  # KeyboardInterrupt, as a Ctrl-C would have raised


class _Pool:
    """A ProcessPoolExecutor that can be stopped at once and started again after a worker died."""

    def __init__(self, n_process: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        self._args = (n_process, initializer, initargs)
        self._context = multiprocessing.get_context(start_method())
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        n_process, initializer, initargs = self._args
        executor = ProcessPoolExecutor(n_process, mp_context=self._context, initializer=initializer, initargs=initargs)
        try:
            # The executor starts a worker for each task submitted while none is idle;
            # each does an empty task, so that a worker that cannot be set up fails here.
            started = []
            for _ in range(n_process):
                with interrupts_held():
                    started.append(executor.submit(_nothing))
            for future in started:
                future.result()
        except BaseException:
            _stop(executor)
            raise
        return executor

    def restart(self) -> None:
        self.stop()
        self.executor = self._start()

    def stop(self) -> None:
        """End every worker now."""
        _stop(self.executor)

    def close(self) -> None:
        """Let idle workers exit (at the end of the work)."""
        self.executor.shutdown(wait=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    """End every worker of ``executor`` now (SIGTERM, then SIGKILL for one that does not go)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)  # shutdown() forgets it
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(_STOP_WAIT_SECONDS)
            if process.is_alive():
                process.kill()
                process.join()
    # The executor's own thread notices the dead workers and closes its pipes; wait for it,
    # or the interpreter's exit hook may write to a pipe it is closing (and print a traceback).
    if manager is not None and manager is not threading.current_thread():
        manager.join(_STOP_WAIT_SECONDS)


def _nothing() -> None:
    return None


def map_in_workers(
    function: Callable[[list[_T]], list[_R]],
    batches: Iterator[list[_T]],
    n_process: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    crashed: Callable[[_T], _R] | None = None,
) -> Iterator[_R]:
    """``function`` applied to each batch in ``n_process`` worker processes (each set up
    by ``initializer(*initargs)``), the results of all batches chained, in order.

    The workers are started before the first batch is taken from ``batches``: a worker
    that cannot be set up fails here before any input is read. At most two batches per
    worker are in flight: batches are taken only as results are consumed, so memory
    stays flat on endless streams.

    When a worker dies (killed by the out-of-memory killer, say), the pool is started
    again and the batches that were in flight are retried, one at a time; a batch whose
    worker dies again yields ``crashed(item)`` for each of its items (or raises
    BrokenProcessPool when ``crashed`` is None). Closing the iterator, or an exception
    (KeyboardInterrupt...) while it runs, ends the workers at once.
    """
    pool = _Pool(n_process, initializer, initargs)
    try:
        suspects: deque[list[_T]] = deque()  # batches in flight when a worker died, in order
        pending: deque[tuple[list[_T], Future[list[_R]]]] = deque()
        while True:
            if suspects:  # alone in the pool, so that a batch that kills its worker is known
                batch = suspects.popleft()
                try:
                    results = pool.executor.submit(function, batch).result()
                except BrokenProcessPool:
                    if crashed is None:
                        raise
                    pool.restart()
                    results = [crashed(item) for item in batch]
                yield from results
                continue
            taken: list[_T] | None = None  # a batch taken but not yet in flight
            try:
                while len(pending) < 2 * n_process:
                    taken = next(batches, None)
                    if taken is None:
                        break
                    pending.append((taken, pool.executor.submit(function, taken)))
                    taken = None
                if not pending:
                    break
                results = pending[0][1].result()
            except BrokenProcessPool:
                suspects.extend(batch for batch, _ in pending)
                if taken is not None:
                    suspects.append(taken)
                pending.clear()
                pool.restart()
                continue
            pending.popleft()
            yield from results
    except BaseException:  # interrupted, terminated, closed early: stop the workers now
        pool.stop()
        raise
    pool.close()
