"""Rich output shared by the scripts: tables, progress bars, errors that name the fix."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

console = Console()
if not console.is_terminal:
    console.width = 160  # logs and CI: room for addresses and conditions


def table(title: str, columns: list[str], rows, justify_right: tuple[int, ...] = ()) -> Table:
    t = Table(title=title, title_justify="left", header_style="bold")
    for i, col in enumerate(columns):
        t.add_column(col, justify="right" if i in justify_right else "left", overflow="fold")
    for row in rows:
        t.add_row(*[str(c) for c in row])
    console.print(t)
    return t


def compact(value: float, small: str = "{:,.2f}") -> str:
    """An amount in whole units, compact (1.23B, 4.56M, 7.89k) so a table fits 80 columns; below a
    thousand as `small` formats it."""
    for unit, size in (("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(value) >= size:
            return f"{value / size:,.2f}{unit}"
    return small.format(value)


def progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def fail(message: str, code: int = 1):
    """Prints `error: <message>` on one line (never wrapped, whatever the width) and exits non-zero."""
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    sys.exit(code)


@contextmanager
def errors(*kinds):
    """Turns the listed exception types into `fail()` with their message."""
    try:
        yield
    except kinds as exc:
        fail(str(exc))
