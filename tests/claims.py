"""Whether a vocabulary's templates are claimed by the built-in rules with their labels: shared by
the boilerplate and the furniture tests, so that generated lines exercise the rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from random import Random

import cleaner
from cleaner.testing import writer
from cleaner.testing.vocabulary import Vocabulary


def unclaimed_templates(
    default_cleaner: cleaner.Cleaner,
    vocab: Vocabulary,
    groups: Iterable[tuple[Sequence[str], Sequence[str]]],
    seeds: int,
) -> dict[str, str]:
    """For each ``(templates, labels)`` group: the templates that, filled with one of ``seeds``
    seeds, no rule claims with one of ``labels``, and why (the first such filling)."""
    unclaimed: dict[str, str] = {}
    for templates, labels in groups:
        for template in templates:
            for seed in range(seeds):
                line = writer.fill(template, vocab, Random(seed))
                found = default_cleaner.rules.match(line, vocab.language, [])
                if found is None or found.rule.label not in labels:
                    unclaimed[template] = f"{line!r}: {found.rule.id if found else 'no rule'}, not {'/'.join(labels)}"
                    break
    return unclaimed
