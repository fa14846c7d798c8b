"""What :meth:`~textrepair.Repairer.pipe` yields, with ``on_error="report"``, for a text
it could not analyze: a :class:`Failure` in place of the text's report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Failure:
    """A text whose analysis raised (``error`` is the exception's class name, ``message`` its
    text) or whose worker process died (``error`` is ``"WorkerDied"``).

    Only names and messages are kept: they cross from a worker process whatever the
    exception was, and an exception object might not.

    >>> str(Failure("ValueError", "too many digits"))
    'ValueError: too many digits'
    """

    error: str
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> Failure:
        return cls(type(exc).__name__, str(exc) or "(no message)")

    def __str__(self) -> str:
        return f"{self.error}: {self.message}"


WORKER_DIED = Failure("WorkerDied", "its worker process was killed (out of memory?), and again when retried")
