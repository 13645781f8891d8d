"""A generated cross-script linkage benchmark: the same fictional people in Russian lists and in
English-, German- and French-language lists, with the truth of who is who.

Each person appears in one to five records (42 % once; 2.1 records a person on average), each in
a different list (see `crossscript_lists`). Records are generated in blocks of about
`BLOCK` records; within a block each list's records are shuffled before their locators are
numbered, so a list's row order says nothing about who is who across lists, and memory stays
bounded however many records are asked for.

    corpus = write_crossscript(Path("out"), 100_000)     # files + truth.csv
    for rec in iter_crossscript(5_000_000): ...          # the same records as dicts, no files

The records `iter_crossscript` yields are the ones `write_crossscript` writes for the same seed
and count, field by field as the table reader reads them back; their `person` is the truth and
must be kept from the linkage under test.

Speed: the oblique cases come from pymorphy3 (about 0.3 ms a name), cached per name; as names
repeat (a few tens of thousands of distinct forms even at five million records), a long run
pays for each once. On the shared 2-core VM five million records were written in 87 to 98 s
(51,000 to 57,000 records a second, 177 MB peak) and made as dicts in 75 s (see
benchmarks/crossscript_data.py).
"""

from __future__ import annotations

import csv
import gc
import random
import time
from bisect import bisect
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from vigil.demo.crossscript_inflect import Inflector
from vigil.demo.crossscript_lists import LISTS, ListSpec, Record, render
from vigil.demo.crossscript_names import Pools
from vigil.demo.crossscript_people import Person, generate_people

RECORD_FIELDS = (
    "record_id", "source", "locator", "name_written", "surname", "given", "patronymic", "sex",
    "birth", "birth_place", "nationality", "occupation", "arrest", "sentence", "person",
)  # fmt: skip
TRUTH_FILE = "truth.csv"
BLOCK = 20_000
# How many records a person has: 1 to 5, most people once (as in the real lists, where most
# names are found in one source only).
_RECORDS_PER_PERSON = (0.42, 0.26, 0.16, 0.10, 0.06)


@dataclass(frozen=True, slots=True)
class ListFile:
    """One written list and what `vigil ingest` needs to read it."""

    path: Path
    language: str
    convention: str  # "cyrillic" or the romanisation its names follow
    encoding: str
    mapping: str  # the value for --map ("" when every header maps itself)
    id_column: str
    records: int
    format: str = "table"

    def ingest_args(self) -> list[str]:
        """Arguments for `vigil ingest` after the file name."""
        args = ["--format", self.format, "--id-column", self.id_column]
        return args + (["--map", self.mapping] if self.mapping else [])


@dataclass(frozen=True, slots=True)
class CrossScriptCorpus:
    """What `write_crossscript` wrote: the lists, the truth file and the counts."""

    folder: Path
    files: tuple[ListFile, ...]
    truth: Path  # CSV: source (the list's file name), locator, person; as the linkage exports
    records: int
    people: int
    seconds: float

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else float("inf")


@cache
def _inflector() -> Inflector:
    """One inflector per process, so its cache of forms serves every corpus generated."""
    return Inflector()


Bucket = list[tuple[Record, list[str]]]  # one list's records of a block, with their cells


class _Generator:
    """The state that runs from block to block: the people, the chances, the numbering."""

    def __init__(self, seed: int) -> None:
        # The lists' chances have their own stream, so the people do not depend on them.
        self.rng = random.Random(f"lists-{seed}")
        self.people = crossscript_people(seed)
        self.list_cum = list(accumulate(s.weight for s in LISTS))
        self.k_cum = list(accumulate(_RECORDS_PER_PERSON))
        self.inflect = _inflector().inflect
        self.numbers = [0] * len(LISTS)
        self.record_id = 0
        self.people_made = 0  # people with at least one record so far

    def block(self, n: int) -> tuple[list[Bucket], int]:
        """About `n` records (never more), by list, numbered; and how many they are."""
        r = self.rng.random
        buckets: list[Bucket] = [[] for _ in LISTS]
        count = 0
        while count < n:
            person = next(self.people)
            self.people_made = person.pid
            k = min(bisect(self.k_cum, r() * self.k_cum[-1]) + 1, n - count)
            chosen: list[int] = []
            while len(chosen) < k:  # k different lists, drawn by their weights
                i = bisect(self.list_cum, r() * self.list_cum[-1])
                if i not in chosen:
                    chosen.append(i)
            for i in chosen:
                buckets[i].append(render(LISTS[i], person, self.rng, self.inflect))
            count += k
        for i, bucket in enumerate(buckets):
            self.rng.shuffle(bucket)  # a list's row order says nothing about other lists
            prefix = LISTS[i].id_prefix
            for number, (rec, _) in enumerate(bucket, self.numbers[i] + 1):
                self.record_id += 1
                rec["record_id"] = self.record_id
                rec["locator"] = prefix + str(number)
            self.numbers[i] += len(bucket)
        return buckets, count


def crossscript_people(seed: int = 1937) -> Iterator[Person]:
    """The population behind the corpus of that seed, in person-id order, with the truth about
    each (name in the nominative, birth, place, arrest): for checking what the lists made of
    it. Endless: the corpus takes as many as its record count needs."""
    return generate_people(Pools(seed), random.Random(seed))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The records hold no reference cycles, so the garbage collector only slows their making
    (by a fifth, measured); it rests while a block is made, never while the caller runs."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _blocks(gen: _Generator, n_records: int) -> Iterator[tuple[int, Bucket]]:
    """(list index, its records of one block with their cells), block after block."""
    produced = 0
    while produced < n_records:
        with _collector_paused():
            buckets, count = gen.block(min(BLOCK, n_records - produced))
        yield from enumerate(buckets)
        produced += count


def iter_crossscript(n_records: int, seed: int = 1937) -> Iterator[Record]:
    """The corpus's records as dicts with RECORD_FIELDS, in record_id order; no files written.
    `person` is the truth: keep it apart from what the linkage sees."""
    for _, bucket in _blocks(_Generator(seed), n_records):
        for rec, _ in bucket:
            yield rec


def write_crossscript(folder: Path, n_records: int, seed: int = 1937) -> CrossScriptCorpus:
    """Write the lists and `truth.csv` under `folder`, streaming; the same seed and count give
    the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    gen = _Generator(seed)
    counts = [0] * len(LISTS)
    with ExitStack() as files:
        writers = []
        for spec in LISTS:
            f = files.enter_context(
                (folder / spec.file).open("w", encoding=spec.encoding, newline="")
            )
            eol = "\r\n" if spec.encoding == "cp1251" else "\n"  # as Windows exports write it
            writers.append(csv.writer(f, delimiter=spec.delimiter, lineterminator=eol))
            writers[-1].writerow([h for h, _ in spec.columns])
        truth = files.enter_context((folder / TRUTH_FILE).open("w", encoding="utf-8"))
        truth.write("source,locator,person\n")
        for i, bucket in _blocks(gen, n_records):
            name = LISTS[i].file
            writers[i].writerows([rec["locator"], *row] for rec, row in bucket)
            # Locators are letters, digits and a dash: no field needs quoting.
            truth.write("".join(f"{name},{rec['locator']},{rec['person']}\n" for rec, _ in bucket))
            counts[i] += len(bucket)
    files_written = tuple(_list_file(folder, s, n) for s, n in zip(LISTS, counts, strict=True))
    return CrossScriptCorpus(
        folder=folder, files=files_written, truth=folder / TRUTH_FILE, records=sum(counts),
        people=gen.people_made, seconds=time.perf_counter() - start,
    )  # fmt: skip


def _list_file(folder: Path, spec: ListSpec, records: int) -> ListFile:
    return ListFile(
        path=folder / spec.file, language=spec.language, convention=spec.convention,
        encoding=spec.encoding, mapping=spec.mapping, id_column=spec.id_column, records=records,
    )  # fmt: skip
