"""A reproducible random sample of clients per provider (pure Python, no Django).

The same population, percentage, seed and provider always give the same sample, whatever the order in
which the population is passed: ids are sorted first, and the random generator is seeded with the seed
and the provider's name. The size is ``ceil(n * percentage / 100)``, at least ``minimum`` (and at most n).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable


def steekproefgrootte(populatie: int, percentage: float, minimum: int = 1) -> int:
    """How many of ``populatie`` clients are visited at ``percentage`` percent."""
    if populatie < 0:
        raise ValueError("de populatie kan niet negatief zijn")
    if not 0 <= percentage <= 100:
        raise ValueError(f"het percentage moet tussen 0 en 100 liggen (is {percentage})")
    if populatie == 0:
        return 0
    return min(populatie, max(minimum, math.ceil(populatie * percentage / 100 - 1e-9)))


def trek_steekproef(
    ids: Iterable[int], percentage: float, seed: int, aanbieder: str, minimum: int = 1
) -> list[int]:
    """The sampled ids, sorted."""
    populatie = sorted(set(ids))
    n = steekproefgrootte(len(populatie), percentage, minimum)
    generator = random.Random(f"{seed}:{aanbieder}")
    return sorted(generator.sample(populatie, n))
