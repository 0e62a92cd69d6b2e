"""The five tokens: one CappedToken each, supply minted on its home chain only.

Every token's initial mint is closed during configuration on every chain: by the initial
distribution where the token has one (its home chain), by `close_initial_supply` everywhere else
(off its home chain, and for HPC and CARTY, whose supply only their emitters mint).
"""

from __future__ import annotations

from eth_account import Account
from eth_account.messages import encode_typed_data

from fivefold import eip712
from fivefold.config import CHAIN_FILES, TOKENS, wei
from fivefold.context import Context, Deployable

SYMBOLS = TOKENS
CHAIN_IDS = {name: chain_id for chain_id, name in CHAIN_FILES.items()}


def home_chain_id(ctx: Context, symbol: str) -> int:
    """The chain id of `symbol`'s home chain, a constructor argument: the chain suite.yaml names, so
    the same on the four chains (and so is the CREATE2 address). Where the token is at home it is the
    connected chain's id, which is the chain file's (`config.load` checks it) on a real deployment,
    and 31337 where deploy/local.yaml puts every token at home, or where a test deploys another
    chain's configuration on ape's local chain (its home tokens are then at home there)."""
    if symbol in ctx.config["home"]:
        return ctx.chain_id
    return CHAIN_IDS[ctx.config["tokens"][symbol]["home"]]


def _args(symbol: str):
    def args(ctx: Context) -> list:
        spec = ctx.config["tokens"][symbol]
        # The deployer is the initial owner: it binds the CREATE2 address to the deployer
        # (see fivefold.create2) and hands ownership to governance at the end.
        name, cap, owner = spec["name"], wei(spec["cap"]), ctx.deployer.address
        return [name, symbol, cap, owner, name, "1", home_chain_id(ctx, symbol)]

    return args


CONTRACTS = [Deployable(symbol, "CappedToken", _args(symbol)) for symbol in SYMBOLS]


def recipient(ctx: Context, key: str) -> str:
    """A distribution or schedule recipient: a suite contract, the treasury, or a chain-file entry."""
    if key in ctx.contracts:
        return ctx.address(key)
    if key == "treasury":
        return ctx.treasury
    return ctx.config["recipients"].get(key) or ctx.treasury


def distribution(ctx: Context, symbol: str) -> tuple[list[str], list[int]]:
    rows = (ctx.config.get("distribution") or {}).get(symbol) or {}
    return [recipient(ctx, k) for k in rows], [wei(v) for v in rows.values()]


def configure(ctx: Context) -> None:
    # Off its home chain a token is minted only by ERC-7281 bridges within their limits
    # (`setLimits`, parameters of the registry): the token refuses a minter there.
    for symbol in SYMBOLS:
        token = ctx[symbol]
        if not token.initial_supply_closed():
            recipients, amounts = distribution(ctx, symbol) if symbol in ctx.config["home"] else ([], [])
            if recipients:
                ctx.send(f"{symbol}.initialize_supply", token.initialize_supply, recipients, amounts)
            else:
                ctx.send(f"{symbol}.close_initial_supply", token.close_initial_supply)


def sign_typed(signer, contract, chain_id: int, primary: str, fields: list[tuple[str, str]], message: dict):
    """Signs EIP-712 `primary(fields...)` in `contract`'s domain (its `eip712Domain` name and version)
    with `signer` (any ape account that can sign messages); returns (v, r, s) as the contracts take
    them. Permits (EIP-2612) and delegations (governance) sign through here."""
    domain = contract.eip712Domain()
    typed = encode_typed_data(
        full_message=eip712.typed_data(
            domain[1], domain[2], chain_id, contract.address, primary, fields, message
        )
    )
    sig = signer.sign_message(typed)
    # Ape's signature drops leading zero bytes of r and s; as bytes32 they would be padded on the
    # wrong side (a failed signature about once in 128), so pad them back to 32 bytes.
    return sig.v, bytes(sig.r).rjust(32, b"\0"), bytes(sig.s).rjust(32, b"\0")


PERMIT = [
    ("owner", "address"),
    ("spender", "address"),
    ("value", "uint256"),
    ("nonce", "uint256"),
    ("deadline", "uint256"),
]


def permit_signature(token, owner_account, spender: str, amount: int, deadline: int, chain_id: int):
    """Signs an EIP-2612 permit with `owner_account` (any ape account that can sign messages)."""
    owner = owner_account.address
    message = {
        "owner": owner,
        "spender": spender,
        "value": amount,
        "nonce": token.nonces(owner),
        "deadline": deadline,
    }
    return sign_typed(owner_account, token, chain_id, "Permit", PERMIT, message)


def exercise(ctx: Context) -> None:
    """Transfer (fresh and existing recipient), approve, permit and transferFrom on a funded token."""
    funded = [
        (symbol, user)
        for symbol in ctx.config["home"]
        for user in ctx.users
        if ctx[symbol].balanceOf(user) >= 3 * 10**18  # what the steps below move
    ]
    if not funded:
        ctx.skip("tokens", "no exercise account holds a home-chain token")
        return
    symbol, holder = funded[0]
    token = ctx[symbol]
    others = [u for u in ctx.users if u.address != holder.address]
    fresh = Account.create().address  # a recipient that holds nothing
    amount = 10**18
    ctx.step(f"{symbol}.transfer (fresh)", token.transfer(fresh, amount, sender=holder))
    ctx.step(f"{symbol}.transfer (existing)", token.transfer(fresh, amount, sender=holder))
    spender = others[0]
    ctx.step(f"{symbol}.approve", token.approve(spender, amount, sender=holder))
    deadline = ctx.chain.pending_timestamp + 3600
    v, r, s = permit_signature(token, holder, spender.address, 2 * amount, deadline, ctx.chain_id)
    ctx.step(f"{symbol}.permit", token.permit(holder, spender, 2 * amount, deadline, v, r, s, sender=spender))
    ctx.step(f"{symbol}.transferFrom", token.transferFrom(holder, fresh, amount, sender=spender))
    ctx.check(token.balanceOf(fresh) == 3 * amount, f"{symbol}: recipient balance after exercise")
