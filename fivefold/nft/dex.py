"""The Uniswap-v2-compatible DEX of each chain: the real factory, router and wrapped native coin.

Live chains name theirs in deploy/<chain>.yaml (`dex:`, validated by fivefold/config.py): Uniswap v2
on Ethereum, PancakeSwap v2 on BSC, QuickSwap on Polygon, CherrySwap on OKT Chain. Local chains
deploy Uniswap v2 itself from the npm build artifacts (`@uniswap/v2-core` 1.0.1 and
`@uniswap/v2-periphery` 1.1.0-beta.0, pinned in package.json) through the CREATE2 proxy like every
other contract: `LOCAL_CONTRACTS` (a flow's `CONTRACTS` entries, `when` the chain has no `dex:`).

The router finds a pair without asking the factory: `UniswapV2Library.pairFor` computes the CREATE2
address from a pair init-code hash compiled into the router. A router whose hash is not the
factory's pair code hash routes to empty addresses, so `check_artifacts` compares the one embedded
in the router's bytecode with keccak256 of the pair's creation code (tests/nft/farm/test_dex.py).

Helpers for flows and tests: `seed` / `seed_native` (a pool's first liquidity through the router),
`price` (from `getReserves`), `swap` / `swap_native` (through the router), `pair_address` (the
CREATE2 address a factory gives a pair, offline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eth_utils import keccak, to_checksum_address

from fivefold import abi
from fivefold.context import Context, Deployable

FACTORY_ARTIFACT = "@uniswap/v2-core/build/UniswapV2Factory.json"
PAIR_ARTIFACT = "@uniswap/v2-core/build/UniswapV2Pair.json"
ROUTER_ARTIFACT = "@uniswap/v2-periphery/build/UniswapV2Router02.json"
WETH_ARTIFACT = "@uniswap/v2-periphery/build/WETH9.json"
# Uniswap v2's pair init-code hash (docs.uniswap.org, the v2 SDK's INIT_CODE_HASH): QuickSwap's too.
UNISWAP_V2_INIT_CODE_HASH = "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"
WAD = 10**18
# Far enough ahead for any transaction of a flow or a test (the router's `ensure(deadline)`).
DEADLINE_SLACK = 3_600

# Manifest names of the local DEX.
WETH, FACTORY, ROUTER = "WETH9", "UniswapV2Factory", "UniswapV2Router02"


def _own_dex(ctx: Context) -> bool:
    """Whether this chain deploys its own Uniswap v2: local profiles, which name no `dex:`."""
    return bool(ctx.config.get("local")) and not ctx.config.get("dex")


def _router_args(ctx: Context) -> list:
    """The router's constructor arguments, after the pre-flight check of the pinned artifacts: a
    router whose embedded pair hash is not the pair's would route to empty addresses, so the plan
    (which evaluates arguments before anything is sent) stops with the fix named."""
    from fivefold.deployment import DeploymentError

    try:
        check_artifacts()
    except ValueError as exc:
        raise DeploymentError(str(exc)) from None
    return [ctx.address(FACTORY), ctx.address(WETH)]


# The local chains' DEX, in dependency order. The factory's `feeToSetter` (who may switch the 0.05%
# protocol fee on) is the configured owner: an argument that is the same on every local chain.
LOCAL_CONTRACTS = [
    Deployable(WETH, WETH, artifact=WETH_ARTIFACT, when=_own_dex),
    Deployable(FACTORY, FACTORY, lambda ctx: [ctx.owner], artifact=FACTORY_ARTIFACT, when=_own_dex),
    Deployable(ROUTER, ROUTER, _router_args, artifact=ROUTER_ARTIFACT, when=_own_dex),
]


# --- the init-code hash check


def pair_init_code_hash(pair_artifact: str = PAIR_ARTIFACT) -> str:
    """keccak256 of the pair's creation code: what the factory's CREATE2 commits to."""
    code = abi.artifact_type(pair_artifact).deployment_bytecode.bytecode
    return "0x" + keccak(hexstr=code).hex()


def push32_words(code: bytes) -> list[bytes]:
    """The 32-byte immediates of every PUSH32 in `code`, in order (push data is skipped, so a byte
    inside an immediate is never read as an opcode)."""
    words, i = [], 0
    while i < len(code):
        op = code[i]
        width = op - 0x5F if 0x60 <= op <= 0x7F else 0
        if width == 32:
            words.append(code[i + 1 : i + 33])
        i += 1 + width
    return words


def router_init_code_hash(router_artifact: str = ROUTER_ARTIFACT) -> str:
    """The pair init-code hash compiled into the router: in `UniswapV2Library.pairFor`,
    keccak256(0xff ++ factory ++ salt ++ hash), the first PUSH32 after the 0xff prefix's."""
    runtime = abi.artifact_type(router_artifact).runtime_bytecode.bytecode
    words = push32_words(bytes.fromhex(runtime.removeprefix("0x")))
    prefix = b"\xff" + b"\0" * 31
    if prefix not in words[:-1]:
        raise ValueError(f"{router_artifact}: no pairFor (0xff prefix) in the router's bytecode")
    return "0x" + words[words.index(prefix) + 1].hex()


def check_artifacts() -> str:
    """The pinned router's embedded hash against the pinned pair's code hash; returns the hash or
    raises ValueError naming both."""
    embedded, actual = router_init_code_hash(), pair_init_code_hash()
    if embedded != actual:
        raise ValueError(
            f"{ROUTER_ARTIFACT} routes to pairs of init-code hash {embedded}, but {PAIR_ARTIFACT} "
            f"hashes to {actual}: the pinned packages do not belong together (see package.json)"
        )
    return actual


def pair_address(factory: str, token_a: str, token_b: str, init_code_hash: str) -> str:
    """The CREATE2 address `factory` gives the pair of two tokens (sorted, as v2 sorts them)."""
    a, b = sorted((bytes.fromhex(token_a[2:]), bytes.fromhex(token_b[2:])))
    salt = keccak(a + b)
    digest = keccak(b"\xff" + bytes.fromhex(factory[2:]) + salt + bytes.fromhex(init_code_hash[2:]))
    return to_checksum_address(digest[12:])


# --- the DEX of a chain


@dataclass
class Dex:
    """A v2 factory, its router and the wrapped native coin, as contract instances."""

    factory: Any
    router: Any
    weth: Any
    init_code_hash: str = UNISWAP_V2_INIT_CODE_HASH
    name: str = "Uniswap v2"

    @classmethod
    def of(cls, ctx: Context) -> Dex:
        """The chain's DEX: the configured one (`dex:` in deploy/<chain>.yaml) or the suite's own."""
        cfg = ctx.config.get("dex")
        if not cfg:
            return cls(ctx[FACTORY], ctx[ROUTER], ctx[WETH])
        at = ctx.chain.contracts.instance_at
        factory = at(cfg["factory"], abi.artifact_type(FACTORY_ARTIFACT))
        router = at(cfg["router"], abi.artifact_type(ROUTER_ARTIFACT))
        weth = at(router.WETH(), abi.artifact_type(WETH_ARTIFACT))
        return cls(factory, router, weth, cfg["init_code_hash"], cfg["name"])

    def pair(self, token_a, token_b):
        """The pair contract of two tokens (None if the factory has none)."""
        address = self.factory.getPair(_address(token_a), _address(token_b))
        if int(address, 16) == 0:
            return None
        return self.factory.chain_manager.contracts.instance_at(address, abi.artifact_type(PAIR_ARTIFACT))


def _address(token) -> str:
    return token if isinstance(token, str) else token.address


def _deadline(dex: Dex) -> int:
    return dex.router.chain_manager.pending_timestamp + DEADLINE_SLACK


def seed(dex: Dex, token_a, token_b, amount_a: int, amount_b: int, sender):
    """Adds `amount_a` of `token_a` and `amount_b` of `token_b` (approved here) to their pool through
    the router, creating the pair if there is none; the LP tokens go to `sender`. Returns the receipt."""
    token_a.approve(dex.router, amount_a, sender=sender)
    token_b.approve(dex.router, amount_b, sender=sender)
    return dex.router.addLiquidity(
        token_a, token_b, amount_a, amount_b, 0, 0, sender, _deadline(dex), sender=sender
    )


def seed_native(dex: Dex, token, amount: int, native: int, sender):
    """Adds `amount` of `token` and `native` wei of the native coin (wrapped by the router) to the
    token/WETH pool; the LP tokens go to `sender`. Returns the receipt."""
    token.approve(dex.router, amount, sender=sender)
    return dex.router.addLiquidityETH(
        token, amount, 0, 0, sender, _deadline(dex), sender=sender, value=native
    )


def reserves(dex: Dex, base, quote) -> tuple[int, int]:
    """(base reserve, quote reserve) of the pool of two tokens; (0, 0) without a pool."""
    pair = dex.pair(base, quote)
    if pair is None:
        return 0, 0
    r0, r1, _ = pair.getReserves()
    return (r0, r1) if int(_address(base), 16) < int(_address(quote), 16) else (r1, r0)


def price(dex: Dex, base, quote) -> int:
    """The pool's spot price of one `base` unit in `quote`, scaled by 1e18 (rounded down; 0 without
    liquidity): quote reserve * 1e18 // base reserve."""
    r_base, r_quote = reserves(dex, base, quote)
    return r_quote * WAD // r_base if r_base else 0


def swap(dex: Dex, amount_in: int, tokens: list, sender, min_out: int = 0):
    """Swaps exactly `amount_in` of tokens[0] (a contract, approved here) for tokens[-1] through the
    router along `tokens`, to `sender`. Returns the receipt."""
    tokens[0].approve(dex.router, amount_in, sender=sender)
    path = [_address(t) for t in tokens]
    return dex.router.swapExactTokensForTokens(
        amount_in, min_out, path, sender, _deadline(dex), sender=sender
    )


def swap_native(dex: Dex, native: int, token, sender, min_out: int = 0):
    """Swaps exactly `native` wei of the native coin for `token` through the router, to `sender`."""
    path = [dex.weth.address, _address(token)]
    return dex.router.swapExactETHForTokens(
        min_out, path, sender, _deadline(dex), sender=sender, value=native
    )


def amount_out(amount_in: int, reserve_in: int, reserve_out: int) -> int:
    """Uniswap v2's `getAmountOut` (0.3% fee), for a model to compare a swap with:
    out = in * 997 * R_out // (R_in * 1000 + in * 997), rounded down (the pool keeps the dust)."""
    with_fee = amount_in * 997
    return with_fee * reserve_out // (reserve_in * 1000 + with_fee)
