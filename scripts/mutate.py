"""Mutation testing: apply small faults to the contracts one at a time and see whether the tests catch them.

  ape run mutate                              every contract and module (hours: see --list)
  ape run mutate --contract CappedToken       one contract (a name, a file stem or a path; repeatable)
  ape run mutate --list                       mutant counts per contract and the projected time, no run
  ape run mutate --jobs 2                     two `ape test` processes side by side
  ape run mutate --file mutation/results.json where the results go (merged with what is there)
  ape run mutate --cached                     report what the cache holds, run nothing (others: pending)
  ape run mutate --survivors                  after new tests: run again only the last results' survivors
  ape run mutate --carry-over main            after a refactoring that compiles to the same code: move
                                              the results' and equivalent.yaml's keys to where the
                                              mutants now stand (refused, file named, if anything differs)
  ape run mutate --carry-over main --sample 0 the same, every mutant compiled then and now

The logic lives in fivefold/assurance/mutate.py (operators: fivefold/assurance/mutate_ops.py).
Exit 1 if a contract run scores below 85% killed.
"""

import json
from pathlib import Path

import click

from fivefold import ui
from fivefold.assurance import mutate, mutate_carry


def _select(root: Path, names: tuple[str, ...]) -> list[str]:
    every = mutate.contract_files(root)
    if not names:
        return every
    chosen = []
    for name in names:
        match = [p for p in every if p == name or Path(p).stem == name or Path(p).name == name]
        if not match:
            ui.fail(f"no contract {name!r}: give a file stem such as CappedToken or a path under contracts/")
        chosen.extend(m for m in match if m not in chosen)
    return chosen


def _carry_over(root: Path, base: str, path: Path, sample: int) -> None:
    with ui.errors(mutate.MutationError), ui.progress() as progress:
        carried = mutate_carry.carry_over(root, base, sample=sample, progress=progress)
        moved, listed = mutate_carry.rewrite(root, carried, base, path)
    rows = [(c.path, len(c.keys), len(c.rerun), len(c.units), c.sampled) for c in carried]
    ui.table(
        f"Carried over since {base}",
        ["source", "mutants", "to run again", "contracts compared", "mutants compiled"],
        rows,
        justify_right=(1, 2, 3, 4),
    )
    again = sum(len(c.rerun) for c in carried)
    tests = mutate_carry.changed_tests(root, base, carried)
    if tests:
        ui.console.print(
            f"{len(tests)} test files or mocks these outcomes rest on changed since {base} "
            f"({', '.join(tests[:3])}{', ...' if len(tests) > 3 else ''}): the carried outcomes are "
            "those of the tests at their run; `ape run mutate` refreshes them"
        )
    ui.console.print(f"{moved:,} outcomes and {listed} listed equivalents now name today's lines")
    if again:
        ui.console.print(
            f"{again} constructor mutants are pending: `ape run mutate --survivors --contract <source>` "
            "runs them again"
        )


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--contract", "names", multiple=True, metavar="NAME", help="Contract or module (repeatable).")
@click.option(
    "--list", "list_only", is_flag=True, help="Count the mutants and project the time; run nothing."
)
@click.option(
    "--jobs", default=1, show_default=True, type=click.IntRange(1, 8), help="Mutants run side by side."
)
@click.option(
    "--file", "path", type=click.Path(path_type=Path), default=mutate.RESULTS_FILE, show_default=True
)
@click.option(
    "--timeout",
    default=mutate.DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds at most for one mutant's tests.",
)
@click.option("--cached", is_flag=True, help="Report the cached outcomes only; run nothing.")
@click.option("--survivors", is_flag=True, help="Run only the survivors in --file; keep its other outcomes.")
@click.option(
    "--carry-over",
    "base",
    metavar="REV",
    help="Move the keys of --file and equivalent.yaml over the change since REV; run nothing.",
)
@click.option(
    "--sample",
    default=2,
    show_default=True,
    type=click.IntRange(0),
    help="With --carry-over: unchanged-line mutants per source compiled both ways (0: all).",
)
def cli(names, list_only, jobs, path, timeout, cached, survivors, base, sample):
    """Mutation score of each contract: mutants killed by its tests, survivors with file:line."""
    root = Path.cwd()
    if base:
        _carry_over(root, base, path, sample)
        return
    selected = _select(root, names)
    if list_only:
        results = root / path
        known = json.loads(results.read_text()).get("contracts", {}) if results.is_file() else {}
        plan = mutate.projection(root, known)
        rows = []
        for p in selected:
            found = mutate.mutants((root / p).read_text(), p)
            rows.append((p, len(found), len(mutate.covering_tests(root, p))))
        ui.table("Mutants per contract", ["contract", "mutants", "test files"], rows, justify_right=(1, 2))
        ui.console.print(
            f"{plan['mutants']:,} mutants in all; at {plan['mean_seconds_per_mutant']} s a mutant "
            f"(mean of {plan['measured_mutants']} measured) a full run takes about "
            f"{plan['hours_one_job']} h with one job"
        )
        return
    runner = mutate.Runner(root, jobs=jobs, timeout=timeout, cached_only=cached)
    if survivors:
        runner.previous = mutate.previous_outcomes(root, path)
    reports = []
    with ui.errors(mutate.MutationError), ui.progress() as progress:
        runner.progress = progress
        for p in selected:
            task = progress.add_task(p, total=None)
            try:
                reports.append(runner.run(p, task))
            except mutate.MutationError as exc:  # this contract cannot run: say so, go on with the next
                reports.append(mutate.Report(p, error=str(exc)))
            # this contract's entry only: a run beside this one may have written others since
            mutate.write_results(root, reports[-1:], path)
    rows = []
    for r in reports:
        score = "-" if r.score is None else f"{r.score:.1%}"
        rows.append(
            (
                r.path,
                len(r.outcomes),
                r.count("killed", "timeout"),
                r.count("survived"),
                r.count("uncompilable"),
                r.count("equivalent"),
                r.count("listed"),
                r.count("pending"),
                score,
                f"{r.seconds:,.0f}",
            )
        )
    ui.table(
        "Mutation score",
        [
            "contract",
            "mutants",
            "killed",
            "survived",
            "not compiling",
            "equiv. bytecode",
            "equiv. listed",
            "not run",
            "score",
            "s",
        ],
        rows,
        justify_right=(1, 2, 3, 4, 5, 6, 7, 8, 9),
    )
    for r in reports:
        for o in r.outcomes:
            if o.status == "survived":
                ui.console.print(f"survived  {r.path}:{o.mutant.line}  {o.mutant.description}")
    for r in reports:
        for leak in r.leaks:
            ui.console.print(
                f"leak      {r.path}: the original failed after other mutants in {leak}; "
                "the mutants after it ran one process each"
            )
    ui.console.print(f"results: {path}")
    stopped = [f"{r.path}: {r.error}" for r in reports if r.error]
    if stopped:
        ui.fail("not every mutant was decided: " + "; ".join(e.splitlines()[0] for e in stopped))
    low = [r.path for r in reports if r.score is not None and r.score < mutate.TARGET]
    if low:
        ui.fail(
            f"below {mutate.TARGET:.0%} killed: {', '.join(low)} (kill the survivors or list them in "
            f"{mutate.EQUIVALENT_FILE} with the reason)"
        )
