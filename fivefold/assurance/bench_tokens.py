"""ERC-20 rows: the suite's CappedToken (fivefold/tokens/bench.py's `token.*` operations) beside
OpenZeppelin's ERC20 + ERC20Permit and snekmate's erc20, the same four actions in the same state.

State of every token, each side alike: freshly deployed by the bench's owner, 1,000 tokens held by
user 0 (minted once), nothing else; the measured transaction is fivefold/tokens/bench.py's own
action (transfer to an account holding none, a second transfer to one holding some, a first approval,
a first permit submitted by the spender). snekmate's side is the `reference.snekmate_erc20.*`
measurement the gas snapshot already makes (contracts/mocks/SnekmateERC20.vy, snekmate from PyPI).
"""

from fivefold.assurance import build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import REGISTRY as GAS_OPERATIONS
from fivefold.gas import Bench
from fivefold.tokens.bench import ACTIONS, AMOUNT

OZ = "@openzeppelin/contracts"


def _oz_token(b: Bench):
    """OpenZeppelin's ERC20Permit (bench/references/BenchERC20.sol) with 1,000 tokens held by user 0,
    deployed by the owner as CappedToken is; its EIP-712 name is its name, as CappedToken's."""
    return build_bench.compiled("BenchERC20").deploy(
        "CMDMAX Token", "CMDT", b.user(0), 1_000 * AMOUNT, sender=b.owner
    )


def _openzeppelin(action):
    return lambda b: action(b, _oz_token(b))


def _snekmate(key: str):
    """snekmate's erc20 side: the gas snapshot's own `reference.snekmate_erc20.<key>` measurement
    (the tokens domain registers it when fivefold.tokens.bench is imported, as above)."""
    return lambda b: GAS_OPERATIONS[f"reference.snekmate_erc20.{key}"].measure(b)


_LABELS = {
    "transfer.fresh": "ERC-20 transfer, new holder",
    "transfer.existing": "ERC-20 transfer, existing holder",
    "approve": "ERC-20 approve",
    "permit": "ERC-20 permit (EIP-2612)",
}

for _key, _condition, _action in ACTIONS:
    comparison(
        f"erc20.{_key}.openzeppelin",
        operation=_LABELS[_key],
        condition=_condition + "; a token fresh from deployment whose only holder has 1,000",
        suite=f"token.{_key}",
        reference="OpenZeppelin ERC20Permit",
    )(_openzeppelin(_action))
    comparison(
        f"erc20.{_key}.snekmate",
        operation=_LABELS[_key],
        condition=_condition + "; a token fresh from deployment whose only holder has 1,000",
        suite=f"token.{_key}",
        reference="snekmate erc20",
    )(_snekmate(_key))
