"""Token gas: the suite's CappedToken beside snekmate's stock erc20 in the same conditions."""

from fivefold.gas import Bench, operation
from fivefold.tokens.flow import permit_signature

AMOUNT = 10**18
# The target is "no more than snekmate's own erc20 in the same condition" (it quotes
# 51,263 / 34,163 / 45,976 / 74,163 measured on anvil with its own amounts and addresses).
# `ape run gas` measures snekmate's erc20 itself (the `reference.*` keys) in exactly our
# conditions, and each `token.*` key may not exceed its reference.


def capped_token(b: Bench, name: str, symbol: str, cap: int):
    """A CappedToken owned (and deployed) by the bench's owner, its EIP-712 name its name: what every
    domain's bench measures against."""
    return b.project.CappedToken.deploy(
        name, symbol, cap, b.owner, name, "1", b.chain.chain_id, sender=b.owner
    )


def _funded_token(b: Bench):
    token = capped_token(b, "CMDMAX Token", "CMDT", 10**27)
    probe = b.project.MinterProbe.deploy(sender=b.owner)
    token.set_minter(probe, True, sender=b.owner)
    probe.mint(token, b.user(0), 1_000 * AMOUNT, sender=b.owner)
    return token


def _reference_token(b: Bench):
    token = b.project.SnekmateERC20.deploy("CMDMAX Token", "CMDT", "CMDMAX Token", "1", sender=b.owner)
    token.mint(b.user(0), 1_000 * AMOUNT, sender=b.owner)
    return token


def _transfer_fresh(b: Bench, token):
    return token.transfer(b.user(1), AMOUNT, sender=b.user(0))


def _transfer_existing(b: Bench, token):
    token.transfer(b.user(1), AMOUNT, sender=b.user(0))
    return token.transfer(b.user(1), AMOUNT, sender=b.user(0))


def _approve(b: Bench, token):
    return token.approve(b.user(2), AMOUNT, sender=b.user(0))


def _permit(b: Bench, token):
    deadline = b.chain.pending_timestamp + 3600
    v, r, s = permit_signature(token, b.user(0), b.user(2).address, AMOUNT, deadline, b.chain.chain_id)
    return token.permit(b.user(0), b.user(2), AMOUNT, deadline, v, r, s, sender=b.user(2))


# (key suffix, condition, the measured transaction on a token fresh from `make`)
ACTIONS = (
    ("transfer.fresh", "1 token from a holder to an account that held none", _transfer_fresh),
    ("transfer.existing", "1 token from a holder to an account that already holds some", _transfer_existing),
    ("approve", "first approval of 1 token to a spender (zero allowance before)", _approve),
    ("permit", "first permit (nonce 0, zero allowance before) submitted by the spender", _permit),
)


def _measure(make, action):
    """The measurement of `action` on a token from `make`."""
    return lambda b: action(b, make(b))


def _register(prefix: str, make, reference: str | None):
    """Registers every action of ACTIONS for the tokens `make` deploys, under `prefix`."""
    for key, condition, action in ACTIONS:
        # The suite's token may cost no more than snekmate's erc20 measured in the same run.
        limits = {"not_above": f"{reference}.{key}"} if reference else {}
        operation(f"{prefix}.{key}", condition, **limits)(_measure(make, action))


_register("token", _funded_token, reference="reference.snekmate_erc20")
_register("reference.snekmate_erc20", _reference_token, reference=None)


# ERC-7281: the token side of a bridge transfer (what Hyperlane's HypXERC20 calls on the token).
# `bridge.send` / `bridge.receive` (fivefold/bridge) measure the whole transfer through the Mailbox.
# The targets are this domain's ceilings a little above the measured figures (no issue target);
# the bound is on the difference: xerc20.burn - xerc20.burn_from <= 10,000 (measured 6,331,
# asserted by tests/tokens/test_xerc20_burn.py).
BRIDGE_LIMIT = 1_000_000 * AMOUNT
OTHER_CHAIN = 56  # a home chain id that is not the bench's: the token is "away" here


def _bridged_token(b: Bench, home: bool):
    """CMDT at home on the bench chain (`home`) or away from it, a BridgeProbe standing for the
    adapter with BRIDGE_LIMIT each way; user(0) holds 1,000 CMDT and approved the bridge 500; the
    bridge moved 1 wei out already, so its limit word (and at home `bridged_out`) are nonzero, as
    on a bridge in use."""
    home_chain = b.chain.chain_id if home else OTHER_CHAIN
    token = b.project.CappedToken.deploy(
        "CMDMAX Token", "CMDT", 10**27, b.owner, "CMDMAX Token", "1", home_chain, sender=b.owner
    )
    bridge = b.project.BridgeProbe.deploy(sender=b.owner)
    if home:
        token.initialize_supply([b.user(0)], [1_000 * AMOUNT], sender=b.owner)
    else:
        token.close_initial_supply(sender=b.owner)
    token.setLimits(bridge, BRIDGE_LIMIT, BRIDGE_LIMIT, sender=b.owner)
    if not home:
        bridge.mint(token, b.user(0), 1_000 * AMOUNT, sender=b.owner)
    token.approve(bridge, 500 * AMOUNT, sender=b.user(0))
    bridge.burn(token, b.user(0), 1, sender=b.user(0))
    return token, bridge


def _burn(home: bool):
    def measure(b: Bench):
        token, bridge = _bridged_token(b, home)
        return bridge.burn(token, b.user(0), 10 * AMOUNT, sender=b.user(0))

    return measure


def _burn_from(b: Bench):
    token, bridge = _bridged_token(b, home=True)
    return bridge.burn_from(token, b.user(0), 10 * AMOUNT, sender=b.user(0))


def _mint(home: bool):
    def measure(b: Bench):
        token, bridge = _bridged_token(b, home)
        if home:
            bridge.burn(token, b.user(0), 10 * AMOUNT, sender=b.user(0))  # something to bring back
        return bridge.mint(token, b.user(0), 10 * AMOUNT, sender=b.user(2))

    return measure


_SEND = "a bridge (BridgeProbe, as HypXERC20) burns 10 CMDT of a holder that approved it 500: allowance, "
operation(
    "xerc20.burn",
    _SEND + "burning limit and supply word written, bridged_out grows (home chain); the bridge in use",
    target=51_500,
)(_burn(home=True))
operation(
    "xerc20.burn.away",
    _SEND + "burning limit and supply word written, off the home chain; the bridge in use",
    target=51_500,
)(_burn(home=False))
operation(
    "xerc20.burn_from",
    "the same burn through snekmate's burn_from (allowance, balance, supply; no limit, no bridged_out): "
    "the baseline of the bookkeeping, which may add at most 10,000 gas (xerc20.burn)",
)(_burn_from)
operation(
    "xerc20.mint",
    "a bridge mints 10 CMDT to a holder of CMDT off the home chain: minting limit, cap, supply word",
    target=46_500,
)(_mint(home=False))
operation(
    "xerc20.mint.home",
    "a bridge brings 10 CMDT back to a holder on the home chain: minting limit, bridged_out, supply word",
    target=46_500,
)(_mint(home=True))
