"""Benchmark: cross-script name matching on Wikidata's Latin/Cyrillic name pairs.

The file (../shared/data/wikidata-names-ru/wd_russian_80.tsv, relative to the project root) has
one pair a line: a Latin name token, its Cyrillic rendering as space-separated letters, and how
often the pair occurs. It is split in two halves with a fixed seed: `tune` (the half the
readings were tuned on) and `test` (held out). For each pair a hard negative is drawn from the
same half: the Cyrillic token of another pair with the same first letter, a length within one
letter, and a different spelling.

A match is `similarity(latin, cyrillic) >= threshold`. Printed, as one JSON object per half:
the threshold at which at most 0.5% of the negatives match and the recall there (per pair and
weighted by the pairs' counts), the curve at a few thresholds, how often the skeleton and the
phonetic key agree on pairs and on negatives, and speed figures (name keys on generated names,
`similarity` on 20,000 pairs of the tune half and their negatives).

    .venv/bin/python benchmarks/names.py [--half tune|test|both] [--misses N] [--path PATH]
        [--no-speed] [--audit-draw]

The file is noisy: many pairs are not one name-word in two scripts but another part of the
person's name (a Japanese given name beside the family name), a translation (count граф) or an
abbreviation beside its expansion. So a random sample of the test half, drawn once (300 pairs
below the threshold, 200 above, seed 1917; `--audit-draw` prints it again), was read by two
readers independently, each judging from the two words alone whether they are the same
name-word; their verdicts, by line of the file and without its text, are in names_audit.tsv.
With them the test half's figures add the recall of true pairs: each sampled pair stands for
its stratum as drawn, and it counts as matched when it is matched now, so the estimate holds
for later changes of the readings too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from vigil.names import from_parts, name_keys, parse_name, phonetic, similarity, skeleton

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/wikidata-names-ru/wd_russian_80.tsv"
SPLIT_SEED = 1937
NEGATIVE_SEED = 1956
MAX_FALSE = 0.005
AUDIT = Path(__file__).with_name("names_audit.tsv")
AUDIT_SEED = 1917
AUDIT_SIZES = {"miss": 300, "hit": 200}
CURVE = (0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98)

Pair = tuple[str, str, int]


def load(path: Path) -> list[Pair]:
    pairs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            latin, letters, count = line.rstrip("\n").split("\t")
            pairs.append((latin, letters.replace(" ", ""), int(count)))
    return pairs


def split_order(pairs: list[Pair]) -> tuple[list[int], list[int]]:
    """The indexes of the tune half and of the test half, in the order they are read."""
    order = list(range(len(pairs)))
    random.Random(SPLIT_SEED).shuffle(order)
    mid = len(order) // 2
    return order[:mid], order[mid:]


def halves(pairs: list[Pair]) -> dict[str, list[Pair]]:
    tune, test = split_order(pairs)
    return {"tune": [pairs[i] for i in tune], "test": [pairs[i] for i in test]}


def negatives(pairs: list[Pair]) -> list[str]:
    """For each pair, another pair's Cyrillic token: same first letter, length within one."""
    by_key: dict[tuple[str, int], list[str]] = defaultdict(list)
    for _, cyr, _ in pairs:
        by_key[cyr[0], len(cyr)].append(cyr)
    rng = random.Random(NEGATIVE_SEED)
    out = []
    for _, cyr, _ in pairs:
        pool = [c for n in (-1, 0, 1) for c in by_key.get((cyr[0], len(cyr) + n), ())]
        choice = ""
        for _ in range(50):
            candidate = rng.choice(pool)
            if candidate != cyr:
                choice = candidate
                break
        out.append(choice)
    return out


def rate(scores: list[float], weights: list[int], threshold: float) -> float:
    hit = sum(w for s, w in zip(scores, weights, strict=True) if s >= threshold)
    return hit / sum(weights)


def at_most_false(neg: list[float]) -> float:
    """The lowest threshold at which at most MAX_FALSE of the negatives match."""
    ranked = sorted(neg)
    allowed = int(MAX_FALSE * len(ranked))
    threshold = ranked[len(ranked) - allowed - 1] + 1e-9 if allowed < len(ranked) else 0.0
    return min(1.0, threshold)


def evaluate(name: str, pairs: list[Pair], misses: int) -> dict[str, object]:
    negs = negatives(pairs)
    keep = [i for i, n in enumerate(negs) if n]
    weights = [pairs[i][2] for i in keep]
    ones = [1] * len(keep)
    started = time.perf_counter()
    pos = [similarity(pairs[i][0], pairs[i][1]) for i in keep]
    neg = [similarity(pairs[i][0], negs[i]) for i in keep]
    seconds = time.perf_counter() - started
    threshold = at_most_false(neg)

    def keys_agree(key: object) -> dict[str, float]:
        same_pos = [key(pairs[i][0]) == key(pairs[i][1]) for i in keep]  # type: ignore[operator]
        same_neg = [key(pairs[i][0]) == key(negs[i]) for i in keep]  # type: ignore[operator]
        return {
            "pairs": round(sum(same_pos) / len(keep), 4),
            "pairs_weighted": round(
                sum(w for s, w in zip(same_pos, weights, strict=True) if s) / sum(weights), 4
            ),
            "negatives": round(sum(same_neg) / len(keep), 4),
        }

    missed = sorted(
        ((pos[k], pairs[i][0], pairs[i][1], pairs[i][2]) for k, i in enumerate(keep)),
        key=lambda m: (-m[3], m[0]),
    )
    missed = [m for m in missed if m[0] < threshold]
    false = sorted(
        ((neg[k], pairs[i][0], negs[i]) for k, i in enumerate(keep) if neg[k] >= threshold),
        reverse=True,
    )
    return {
        "half": name,
        "pairs": len(keep),
        "pairs_weighted": sum(weights),
        "threshold": threshold,
        "threshold_at_0.5pct_false": round(threshold, 4),
        "recall": round(rate(pos, ones, threshold), 4),
        "recall_weighted": round(rate(pos, weights, threshold), 4),
        "false_matches": round(rate(neg, ones, threshold), 4),
        "false_matches_weighted": round(rate(neg, weights, threshold), 4),
        "curve": {
            f"{t:.2f}": {
                "recall": round(rate(pos, ones, t), 4),
                "recall_weighted": round(rate(pos, weights, t), 4),
                "false": round(rate(neg, ones, t), 4),
            }
            for t in CURVE
        },
        "skeleton_equal": keys_agree(skeleton),
        "phonetic_equal": keys_agree(phonetic),
        "similarity_per_second_first_call": round(2 * len(keep) / seconds),
        "misses": [f"{m[1]} ~ {m[2]} ({m[3]}): {m[0]:.3f}" for m in missed[:misses]],
        "false_matches_sample": [f"{f[1]} ~ {f[2]}: {f[0]:.3f}" for f in false[:misses]],
    }


def audit_draw(pairs: list[Pair]) -> list[tuple[int, str, int]]:
    """The audit's sample as it was drawn: (line, stratum, stratum size), in reading order."""
    lines = [i + 1 for i in split_order(pairs)[1]]  # the test half, as lines of the file
    test = [pairs[n - 1] for n in lines]
    negs = negatives(test)
    keep = [k for k, n in enumerate(negs) if n]
    threshold = at_most_false([similarity(test[k][0], negs[k]) for k in keep])
    strata: dict[str, list[int]] = {"miss": [], "hit": []}
    for k in keep:
        strata["hit" if similarity(*test[k][:2]) >= threshold else "miss"].append(lines[k])
    rng = random.Random(AUDIT_SEED)
    drawn = [
        (line, stratum, len(strata[stratum]))
        for stratum, size in AUDIT_SIZES.items()
        for line in rng.sample(strata[stratum], size)
    ]
    rng.shuffle(drawn)
    return drawn


def audited(pairs: list[Pair], threshold: float, path: Path = AUDIT) -> dict[str, object]:
    """Recall of true pairs on the test half, estimated from the two readers' verdicts.

    Two rules for a true pair: both readers said R; or neither said N, so that a pair no
    reader rejected counts as true even if neither could tell (the stricter estimate, as
    such pairs are mostly missed).
    95% intervals from 2,000 stratified bootstrap samples.
    """
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "line\t")):
                continue
            n, stratum, size, a, b = line.rstrip("\n").split("\t")
            latin, cyr, _ = pairs[int(n) - 1]
            matched = similarity(latin, cyr) >= threshold
            rows.append((stratum, int(size), matched, (a, b)))
    counts = {s: sum(r[0] == s for r in rows) for s in {r[0] for r in rows}}

    def recall(sample: list[tuple[str, int, bool, tuple[str, str]]], true: Any) -> float:
        hit = total = 0.0
        for stratum, size, matched, verdicts in sample:
            if true(verdicts):
                weight = size / counts[stratum]
                total += weight
                hit += weight * matched
        return hit / total

    rules = {
        "both_readers_R": lambda v: v == ("R", "R"),
        "neither_reader_N": lambda v: "N" not in v,
    }
    rng = random.Random(AUDIT_SEED)
    by = {s: [r for r in rows if r[0] == s] for s in counts}
    out: dict[str, object] = {
        "pairs_read": len(rows),
        "readers_agree": round(sum(r[3][0] == r[3][1] for r in rows) / len(rows), 3),
        "verdicts": {
            s: {f"{a}{b}": sum(r[3] == (a, b) for r in by[s]) for a in "RNU" for b in "RNU"}
            for s in sorted(by)
        },
    }
    for name, true in rules.items():
        boots = sorted(
            recall([rng.choice(by[s]) for s in by for _ in by[s]], true) for _ in range(2000)
        )
        out[f"recall_true_pairs_{name}"] = round(recall(rows, true), 4)
        out[f"recall_true_pairs_{name}_95pct"] = [round(boots[49], 4), round(boots[1950], 4)]
    return out


def realistic_names(n: int) -> list[str]:
    """n fictional names from the demo's generator, written the ways the sources write them."""
    from vigil.demo.people import generate_people
    from vigil.names.romanize import romanize

    out = []
    for i, p in enumerate(generate_people(n, seed=n)):
        layout = i % 6
        if layout == 0:
            out.append(f"{p.surname} {p.given} {p.patronymic}")
        elif layout == 1:
            out.append(f"{p.given} {p.patronymic} {p.surname}")
        elif layout == 2:
            out.append(f"{p.surname} {p.given[0]}. {p.patronymic[0]}.")
        elif layout == 3:
            out.append(f"{p.surname.upper()} {p.given} {p.patronymic}")
        elif layout == 4:
            out.append(f"{romanize(p.surname)}, {romanize(p.given)} {romanize(p.patronymic)}")
        else:
            out.append(f"{romanize(p.given)} {romanize(p.surname)}")
    return out


def speed(n: int = 100_000) -> dict[str, object]:
    """Names per second on n generated names (words repeat, whole names mostly do not).

    parse_name runs from cold caches; name_keys runs on the parsed parts with its whole-name
    cache emptied, so only the word-level caches help, then again with every cache warm.
    """
    from vigil.names.keys import _name_keys

    names = realistic_names(n)
    distinct = len(set(names))
    started = time.perf_counter()
    parsed = [parse_name(text) for text in names]
    parse_rate = n / (time.perf_counter() - started)
    _name_keys.cache_clear()
    started = time.perf_counter()
    for parts in parsed:
        name_keys(parts)
    keys_rate = n / (time.perf_counter() - started)
    started = time.perf_counter()
    for parts in parsed:
        name_keys(parts)
    warm_rate = n / (time.perf_counter() - started)
    started = time.perf_counter()
    for parts in parsed[:20_000]:
        from_parts(parts.surname, parts.given, parts.patronymic)
    parts_rate = 20_000 / (time.perf_counter() - started)
    return {
        "names": n,
        "distinct_names": distinct,
        "parse_name_per_second_cold": round(parse_rate),
        "name_keys_per_second_word_caches_only": round(keys_rate),
        "name_keys_per_second_all_caches_warm": round(warm_rate),
        "from_parts_per_second": round(parts_rate),
    }


def _clear_word_caches() -> None:
    """Empty every word-level cache of vigil.names (the loaded given-name table stays)."""
    import importlib
    import pkgutil

    import vigil.names

    for info in pkgutil.iter_modules(vigil.names.__path__):
        module = importlib.import_module(f"vigil.names.{info.name}")
        for name, value in vars(module).items():
            if name != "table" and hasattr(value, "cache_clear"):
                value.cache_clear()


def similarity_speed(pairs: list[Pair], n: int = 20_000) -> dict[str, object]:
    """Pairs per second of `similarity` on n true pairs and their negatives: first from empty
    caches, every word's readings computed, then with only the cache of scored pairs emptied.
    Seconds of CPU time, so that other work on a shared machine counts less."""
    negs = negatives(pairs)
    work = [(latin, other) for (latin, cyr, _), neg in zip(pairs[:n], negs[:n], strict=True)
            for other in (cyr, neg) if other]  # fmt: skip
    from vigil.names.keys import _similarity

    _clear_word_caches()
    started = time.process_time()
    for a, b in work:
        similarity(a, b)
    cold = len(work) / (time.process_time() - started)
    _similarity.cache_clear()
    started = time.process_time()
    for a, b in work:
        similarity(a, b)
    seen = len(work) / (time.process_time() - started)
    return {
        "pairs": len(work),
        "similarity_per_second_new_words": round(cold),
        "similarity_per_second_words_seen_before": round(seen),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=["tune", "test", "both"], default="both")
    parser.add_argument("--misses", type=int, default=20, help="how many misses to list")
    parser.add_argument("--path", type=Path, default=DEFAULT)
    parser.add_argument("--no-speed", action="store_true", help="skip the name_keys timing")
    parser.add_argument(
        "--audit-draw", action="store_true", help="print the audit's sample as drawn, and stop"
    )
    args = parser.parse_args()
    if not args.path.exists():
        print(
            f"names benchmark: {args.path} not found (the Wikidata name pairs live only in the "
            "Vigil workplace, under ../shared/data/wikidata-names-ru)",
            file=sys.stderr,
        )
        return 2
    pairs = load(args.path)
    if args.audit_draw:
        for line, stratum, size in audit_draw(pairs):
            print(f"{line}\t{stratum}\t{size}")
        return 0
    split = halves(pairs)
    chosen = ["tune", "test"] if args.half == "both" else [args.half]
    result: dict[str, Any] = {h: evaluate(h, split[h], args.misses) for h in chosen}
    for half, figures in result.items():
        threshold = figures.pop("threshold")  # unrounded: the audit's pairs are scored against it
        if half == "test" and AUDIT.exists():
            figures["audit"] = audited(pairs, threshold)
    if not args.no_speed:
        result["speed"] = speed()
        result["similarity_speed"] = similarity_speed(split["tune"])
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
