"""Cross-chain (issue 14): what `ape run deploy` deploys and configures for tokens to move between
the chains, through Hyperlane (docs/bridge.md).

Deployed on local chains (live chains take Hyperlane's own Mailbox from its registry, which no
chain file cites yet: there the bridge is not deployed, and the deploy's table says so):

    HyperlaneMailbox         Mailbox(localDomain = chain id)
    HyperlaneMerkleTreeHook  MerkleTreeHook(mailbox): the required hook; validators sign its root
    HyperlaneFeeHook         ProtocolFee(0, 0, deployer, deployer): the default hook, no fee
    HyperlaneISM             StorageMessageIdMultisigIsm(the local validators, 2 of 3)
    BridgeRouterAdmin        RouterAdmin(deployer): the routers' proxy admin (the timelock's later)
    per bridged token S:
      HypS_Implementation    HypXERC20(S, 1, 1, mailbox): Hyperlane's warp route for ERC-7281
      HypS                   TransparentUpgradeableProxy(implementation, BridgeRouterAdmin,
                             initialize(default hook, default ISM, deployer)): the router

The Mailbox takes the chain id, so these contracts (`PER_CHAIN`) have one address per chain, not
one for all; each is still CREATE2, so every chain's addresses are known offline: `router_on`
computes a token's router on any chain from the same recipe, which is how `configure` enrolls the
peers' routers without connecting to them.

`configure` (idempotent, every transaction through `ctx.send`): initializes the Mailbox; enrolls
each router with its peers' (`bridge.peers`, chain ids; local default: the demo's four chains);
on a first deployment sets each token's ERC-7281 limits for its router (`setLimits`: a daily mint
and burn limit, default 1% of the cap each; `bridge.limits.<SYMBOL>: [mint, burn]` in whole
tokens). The limits are registry parameters (`<symbol>.bridge_mint_limit`,
`<symbol>.bridge_burn_limit`); the Ownable contracts go to the timelock with everything else.

Moving tokens needs every chain at once, so it is not part of a chain's `exercise`: `ape run bridge
demo` sends, relays (`fivefold.bridge.relay`) and shows the supplies (fivefold/bridge/cli.py).
"""

from __future__ import annotations

from eth_abi import encode
from eth_utils import keccak

from fivefold import create2
from fivefold.bridge import hyperlane
from fivefold.config import TOKENS, wei
from fivefold.context import Context, Deployable, Parameter, Step

ZERO = "0x" + "00" * 20
# The chains the local profiles bridge between (the demo's four anvils).
LOCAL_PEERS = (1, 56, 137, 66)
LIMIT_PERCENT = 1  # default daily mint and burn limit of a router, percent of the token's cap
SCALE = 1  # HypXERC20's scale numerator and denominator: every chain's token has 18 decimals


def _cfg(ctx: Context) -> dict:
    return ctx.config.get("bridge") or {}


def enabled(ctx: Context) -> bool:
    """Whether this chain gets the bridge: local chains (their own Hyperlane core)."""
    return bool(ctx.config.get("local"))


def peers(ctx: Context) -> list[int]:
    """The other chains this chain's routers accept and send to (`bridge.peers`)."""
    default = LOCAL_PEERS if ctx.chain_id in LOCAL_PEERS else ()
    return [int(c) for c in _cfg(ctx).get("peers", default) if int(c) != ctx.chain_id]


def bridged(ctx: Context) -> list[str]:
    """The tokens that get a router (`bridge.tokens`; default: all five)."""
    return [s for s in _cfg(ctx).get("tokens", TOKENS) if s in TOKENS]


def _artifact(name: str) -> str:
    return f"hyperlane/{name}.json"


def _init_data(ctx: Context) -> bytes:
    """The router proxy's initializer: Mailbox's default hook and ISM (zero), the deployer as owner."""
    return keccak(text="initialize(address,address,address)")[:4] + encode(
        ["address", "address", "address"], [ZERO, ZERO, ctx.deployer.address]
    )


def _mailbox_args(chain_id: int) -> list:
    return [chain_id]


def _router_args(ctx: Context, symbol: str, implementation: str) -> list:
    return [implementation, ctx.address("BridgeRouterAdmin"), _init_data(ctx)]


CONTRACTS = [
    Deployable(
        "HyperlaneMailbox",
        "Mailbox",
        lambda ctx: _mailbox_args(ctx.chain_id),
        enabled,
        artifact=_artifact("Mailbox"),
    ),
    Deployable(
        "HyperlaneMerkleTreeHook",
        "MerkleTreeHook",
        lambda ctx: [ctx.address("HyperlaneMailbox")],
        enabled,
        artifact=_artifact("MerkleTreeHook"),
    ),
    Deployable(
        "HyperlaneFeeHook",
        "ProtocolFee",
        lambda ctx: [0, 0, ctx.deployer.address, ctx.deployer.address],
        enabled,
        artifact=_artifact("ProtocolFee"),
    ),
    Deployable(
        "HyperlaneISM",
        "StorageMessageIdMultisigIsm",
        lambda ctx: [hyperlane.validators(), hyperlane.THRESHOLD],
        enabled,
        artifact=_artifact("StorageMessageIdMultisigIsm"),
    ),
    Deployable("BridgeRouterAdmin", "RouterAdmin", lambda ctx: [ctx.deployer.address], enabled),
]
for _symbol in TOKENS:
    CONTRACTS += [
        Deployable(
            f"Hyp{_symbol}Implementation",
            "HypXERC20",
            lambda ctx, s=_symbol: [ctx.address(s), SCALE, SCALE, ctx.address("HyperlaneMailbox")],
            lambda ctx, s=_symbol: enabled(ctx) and s in bridged(ctx),
            artifact=_artifact("HypXERC20"),
        ),
        Deployable(
            f"Hyp{_symbol}",
            "TransparentUpgradeableProxy",
            lambda ctx, s=_symbol: _router_args(ctx, s, ctx.address(f"Hyp{s}Implementation")),
            lambda ctx, s=_symbol: enabled(ctx) and s in bridged(ctx),
            artifact=_artifact("TransparentUpgradeableProxy"),
        ),
    ]

# Contracts whose OpenZeppelin constructor made their creator, the CREATE2 proxy (which can only
# create), the owner: nobody can act as it. The MerkleTreeHook's owner settings are a mail client's
# that a hook never uses; a router implementation's initializers are disabled (only its proxy, the
# router, is initialized with the deployer, then the timelock, as owner).
FACTORY_OWNED = {"HyperlaneMerkleTreeHook"} | {f"Hyp{s}Implementation" for s in TOKENS}



def fixed_owner(name: str) -> str | None:
    """The owner Hyperlane's fixed parts keep for good (None for every other contract): the CREATE2
    proxy for FACTORY_OWNED, nobody (zero) for the ISM, whose validators are set for good."""
    if name in FACTORY_OWNED:
        return create2.FACTORY
    return ZERO if name == "HyperlaneISM" else None


# Contracts whose address differs per chain (the Mailbox's domain is in its init code).
PER_CHAIN = {"HyperlaneMailbox", "HyperlaneMerkleTreeHook"} | {
    name for s in TOKENS for name in (f"Hyp{s}Implementation", f"Hyp{s}")
}


def _predict(ctx: Context, name: str, artifact: str, args: list) -> str:
    """The CREATE2 address `name` gets with `args` (the deployment engine's recipe)."""
    from fivefold.deployment import init_code

    ecosystem = ctx.chain.provider.network.ecosystem
    code = init_code(ctx.project, artifact.split("/")[-1][:-5], args, ecosystem, artifact)
    salt = create2.salt(ctx.config.get("salt_namespace", "fivefold/v1"), name)
    return create2.predict(salt, code)


def router_on(ctx: Context, symbol: str, chain_id: int) -> str:
    """Token `symbol`'s router (proxy) on chain `chain_id`, computed offline."""
    mailbox = _predict(ctx, "HyperlaneMailbox", _artifact("Mailbox"), _mailbox_args(chain_id))
    implementation = _predict(
        ctx,
        f"Hyp{symbol}Implementation",
        _artifact("HypXERC20"),
        [ctx.address(symbol), SCALE, SCALE, mailbox],
    )
    return _predict(
        ctx,
        f"Hyp{symbol}",
        _artifact("TransparentUpgradeableProxy"),
        _router_args(ctx, symbol, implementation),
    )


def router(ctx: Context, symbol: str):
    """The router proxy as a HypXERC20 contract (the proxy's own ABI has no router functions)."""
    from fivefold import abi

    container = abi.container(ctx.project, "HypXERC20", _artifact("HypXERC20"))
    return container.at(ctx.address(f"Hyp{symbol}"))


def limits(ctx: Context, symbol: str) -> tuple[int, int]:
    """(daily mint limit, daily burn limit) of `symbol`'s router, in wei."""
    configured = (_cfg(ctx).get("limits") or {}).get(symbol)
    if configured:
        return wei(configured[0]), wei(configured[1])
    default = wei(ctx.config["tokens"][symbol]["cap"]) * LIMIT_PERCENT // 100
    return default, default


def configure(ctx: Context) -> None:
    """The Mailbox's initialization, each router's peers, each token's limits for its router."""
    if not enabled(ctx):
        note = "no Hyperlane Mailbox is configured for this chain (docs/bridge.md: going live)"
        ctx.steps.append(Step("bridge: not deployed", 0, "", note))
        return
    mailbox = ctx["HyperlaneMailbox"]
    if int(mailbox.defaultIsm(), 16) == 0:
        ctx.send(
            "HyperlaneMailbox.initialize",
            mailbox.initialize,
            ctx.deployer.address,
            ctx["HyperlaneISM"],
            ctx["HyperlaneFeeHook"],
            ctx["HyperlaneMerkleTreeHook"],
        )
    for symbol in bridged(ctx):
        # the router seen through its implementation's ABI (the proxy's own has no `owner`), so the
        # handoff gives it to the timelock with everything else
        ctx.contracts[f"Hyp{symbol}"] = router(ctx, symbol)
        _enroll(ctx, symbol)
        token, hyp = ctx[symbol], ctx.address(f"Hyp{symbol}")
        mint, burn = limits(ctx, symbol)
        stale = (token.mintingMaxLimitOf(hyp), token.burningMaxLimitOf(hyp)) != (mint, burn)
        if stale and ctx.writes_directly(token) and token.owner() == ctx.deployer.address:
            ctx.send(f"{symbol}.setLimits(Hyp{symbol})", token.setLimits, hyp, mint, burn)


def _enroll(ctx: Context, symbol: str) -> None:
    """Enrolls the peers' routers of `symbol` in this chain's (while the deployer owns it)."""
    hyp = router(ctx, symbol)
    if hyp.owner() != ctx.deployer.address:
        return  # the timelock's: a new peer is a proposal
    todo = [(c, router_on(ctx, symbol, c)) for c in peers(ctx)]
    todo = [(c, r) for c, r in todo if hyp.routers(c) != hyperlane.to_bytes32(r)]
    if todo:
        ctx.send(
            f"Hyp{symbol}.enrollRemoteRouters",
            hyp.enrollRemoteRouters,
            [c for c, _ in todo],
            [hyperlane.to_bytes32(r) for _, r in todo],
        )


def parameters(ctx: Context) -> list[Parameter]:
    """Each bridged token's daily limits for its router (ERC-7281 `setLimits(bridge, mint, burn)`)."""
    if not enabled(ctx):
        return []
    out = []
    for symbol in bridged(ctx):
        hyp, cap = ctx.address(f"Hyp{symbol}"), wei(ctx.config["tokens"][symbol]["cap"])
        mint, burn = limits(ctx, symbol)
        for position, (what, getter, value) in enumerate(
            (("mint", "mintingMaxLimitOf", mint), ("burn", "burningMaxLimitOf", burn))
        ):
            out.append(
                Parameter(
                    f"{symbol.lower()}.bridge_{what}_limit",
                    symbol,
                    "setLimits",
                    getter,
                    value,
                    0,
                    cap,
                    key=hyp,
                    arity=2,
                    position=position,
                )
            )
    return out


def exercise(ctx: Context) -> None:
    """One chain alone moves nothing: `ape run bridge demo` moves tokens between the chains."""
    if enabled(ctx):
        routers = ", ".join(f"Hyp{s}" for s in bridged(ctx))
        note = f"{routers} enrolled with chains {', '.join(map(str, peers(ctx)))}: `ape run bridge demo`"
        ctx.steps.append(Step("bridge: routers ready", 0, "", note))
