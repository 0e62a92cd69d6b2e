"""Emission: HPC and CARTY halving emitters (minters of their token), CPC maintenance rewards
(funded by CPC's initial distribution). Started on the token's home chain only."""

from __future__ import annotations

from fivefold.context import Context, Deployable
from fivefold.emission import model as emission

EMITTERS = {"HPCEmitter": emission.HPC, "CARTYEmitter": emission.CARTY}


def _emitter_args(params):
    def args(ctx: Context) -> list:
        return [
            ctx.address(params.symbol),
            params.cap,
            params.era_length,
            params.n_eras,
            ctx.deployer.address,
        ]

    return args


CONTRACTS = [Deployable(name, "HalvingEmitter", _emitter_args(p)) for name, p in EMITTERS.items()] + [
    Deployable("CPCMaintenance", "MaintenanceRewards", lambda ctx: [ctx.address("CPC"), ctx.deployer.address])
]


def start_time(ctx: Context) -> int:
    """`emission_start` from the chain file, else shortly after the latest block: the start may not
    be in the past when the transaction is mined (15 s on a local node, 5 minutes on a live chain)."""
    if ctx.config.get("emission_start"):
        return int(ctx.config["emission_start"])
    return ctx.chain.blocks.head.timestamp + (15 if ctx.config["local"] else 300)


def configure(ctx: Context) -> None:
    for name, params in EMITTERS.items():
        if params.symbol not in ctx.config["home"]:
            continue
        emitter, token = ctx[name], ctx[params.symbol]
        if not token.is_minter(emitter):
            ctx.send(f"{params.symbol}.set_minter({name})", token.set_minter, emitter, True)
        if emitter.start_time() == 0:
            ctx.send(f"{name}.start", emitter.start, start_time(ctx), ctx.treasury)
    if "CPC" in ctx.config["home"]:
        pool = ctx["CPCMaintenance"]
        if pool.start_time() == 0:
            ctx.send("CPCMaintenance.start", pool.start, start_time(ctx), ctx.treasury)


def exercise(ctx: Context) -> None:
    """Anyone mints accrued emission to the recipient; anyone releases accrued maintenance rewards."""
    caller = ctx.users[-1]
    for name, params in EMITTERS.items():
        if params.symbol not in ctx.config["home"]:
            continue
        emitter = ctx[name]
        if emitter.mintable() == 0 and ctx.chain.blocks.head.timestamp < emitter.start_time() + 60:
            ctx.advance(emitter.start_time() + 60 - ctx.chain.blocks.head.timestamp)
        if emitter.mintable() == 0:
            ctx.skip(f"{name}.mint", "nothing accrued yet")
            continue
        before = emitter.minted()
        ctx.step(f"{name}.mint", emitter.mint(sender=caller))
        ctx.check(emitter.minted() > before, f"{name}: mint increased the minted total")
    if "CPC" in ctx.config["home"]:
        pool = ctx["CPCMaintenance"]
        if pool.releasable() == 0 and ctx.chain.blocks.head.timestamp < pool.start_time() + 60:
            ctx.advance(pool.start_time() + 60 - ctx.chain.blocks.head.timestamp)
        if pool.releasable() == 0:
            ctx.skip("CPCMaintenance.release", "nothing accrued yet")
        else:
            ctx.step("CPCMaintenance.release", pool.release(sender=caller))
