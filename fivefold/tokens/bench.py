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
