from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"


@pytest.fixture(scope="session")
def seed_spun() -> str:
    return (DATA / "seed" / "seed_002.spun.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> str:
    return (DATA / "seed" / "seed_002.gold.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_clean() -> str:
    return (DATA / "seed" / "seed_000.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def clean_controls() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((DATA / "clean").glob("*.txt"))]
