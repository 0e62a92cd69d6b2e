"""Click structure shared by scripts/ (options come from ape.cli; this module adds none).

`DefaultGroup` lets a command keep its documented form while having subcommands: `ape run deploy
--network ...` runs the group's default subcommand, `ape run deploy check-roles ...` another one.
"""

from __future__ import annotations

import click

HELP = {"help_option_names": ["-h", "--help"]}


class DefaultGroup(click.Group):
    """A group that runs `default` when the first argument names none of its subcommands."""

    def __init__(self, *args, default: str, **kwargs):
        kwargs.setdefault("context_settings", HELP)
        super().__init__(*args, **kwargs)
        self.default = default

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        asks_help = bool(args) and args[0] in ctx.help_option_names
        if not asks_help and (not args or args[0] not in self.commands):
            args = [self.default, *args]
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter) -> None:
        super().format_commands(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text(f"Without a command name, `{self.default}` runs with the options given.")
