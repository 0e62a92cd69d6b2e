"""Vesting vaults: CCVesting holds the seven vesting rows of CC's table, CPCVesting the CPC team lock.

Both exist on every chain (same addresses); schedules are created only on the token's home chain,
where the token's initial distribution has minted the rows' total into the vault.
"""

from __future__ import annotations

from ape.exceptions import ContractLogicError

from fivefold.config import wei
from fivefold.context import Context, Deployable
from fivefold.tokens.flow import recipient
from fivefold.vesting import model as vesting

VAULTS = {"CCVesting": "CC", "CPCVesting": "CPC"}



def _vault_args(token: str):
    """Constructor arguments of the vault of `token`: the token's address, then the deployer."""
    return lambda ctx: [ctx.address(token), ctx.deployer.address]


CONTRACTS = [Deployable(name, "VestingVault", _vault_args(token)) for name, token in VAULTS.items()]


def rows(ctx: Context, vault: str) -> list[tuple[int, str, int]]:
    """(schedule id, plan name, amount in wei) per row of deploy/suite.yaml `vesting.<vault>`.

    Schedule ids are the rows' 1-based positions: fixed by the config, so a re-run finds them.
    """
    table = (ctx.config.get("vesting") or {}).get(vault) or {}
    return [(i + 1, plan, wei(amount)) for i, (plan, amount) in enumerate(table.items())]


def tge(ctx: Context) -> int:
    """Schedule start (TGE): `vesting_start` from the chain file, else now."""
    return int(ctx.config.get("vesting_start") or ctx.chain.pending_timestamp)


def _exists(vault, schedule_id: int) -> bool:
    try:
        vault.schedule(schedule_id)
        return True
    except ContractLogicError:
        return False


def configure(ctx: Context) -> None:
    for name, symbol in VAULTS.items():
        if symbol not in ctx.config["home"]:
            continue
        vault = ctx[name]
        if vault.treasury() != ctx.treasury:
            ctx.send(f"{name}.set_treasury", vault.set_treasury, ctx.treasury)
        table = rows(ctx, name)
        # Plans are numbered in the order of first use in the table.
        plan_names = list(dict.fromkeys(plan for _, plan, _ in table))
        for index, plan_name in enumerate(plan_names):
            if vault.plan_count() <= index:
                ctx.send(
                    f"{name}.add_plan({plan_name})", vault.add_plan, *vesting.PLANS[plan_name].encode_args()
                )
        plan_ids = {plan_name: i for i, plan_name in enumerate(plan_names)}
        start = tge(ctx)
        batch = [
            (schedule_id, recipient(ctx, plan), plan_ids[plan], amount, start, False)
            for schedule_id, plan, amount in table
            if not _exists(vault, schedule_id)
        ]
        if batch:
            ctx.send(f"{name}.create_schedules({len(batch)})", vault.create_schedules, batch)


def first_unlock(ctx: Context, name: str) -> int:
    """When the first of a vault's schedules has something to release: at its start for a plan with
    a TGE share, else at the end of its first period after the cliff."""
    vault, times = ctx[name], []
    for schedule_id, plan_name, _ in rows(ctx, name):
        p, start = vesting.PLANS[plan_name], vault.schedule(schedule_id).start
        times.append(start if p.tge_bps else start + (p.cliff_periods + 1) * p.period)
    return min(times)


def exercise(ctx: Context) -> None:
    """Release whatever is releasable (anyone may call; the beneficiary is paid). Where nothing has
    vested yet (CPC's team lock at TGE), a local chain moves to the first unlock and releases it."""
    for name, symbol in VAULTS.items():
        if symbol not in ctx.config["home"]:
            continue
        vault = ctx[name]
        table = rows(ctx, name)
        if not any(vault.releasable(schedule_id) for schedule_id, _, _ in table):
            wait = first_unlock(ctx, name) - ctx.chain.blocks.head.timestamp
            if wait > 0:
                ctx.advance(wait)  # local chains only; the release's note says when it happened
        released = False
        for schedule_id, plan, _ in table:
            if vault.releasable(schedule_id) > 0:
                before = ctx[symbol].balanceOf(vault.schedule(schedule_id).beneficiary)
                receipt = vault.release(schedule_id, sender=ctx.users[-1])
                days = (ctx.chain.blocks.head.timestamp - vault.schedule(schedule_id).start) // 86_400
                ctx.step(f"{name}.release({plan})", receipt, note=f"TGE + {days} days")
                after = ctx[symbol].balanceOf(vault.schedule(schedule_id).beneficiary)
                ctx.check(after > before, f"{name}: release of {plan} paid the beneficiary")
                released = True
        if not released:
            ctx.skip(f"{name}.release", "nothing vested yet (a live chain: no time travel)")
