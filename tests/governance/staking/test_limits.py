"""The accumulator's packing limits: funding and total stake stay within 96 bits."""

import ape
import pytest

LIMIT = 2**96 - 1


@pytest.fixture
def big(project, deployer, owner, staker):
    """A token with a supply above 2**96 wei, all held by `staker`, and a staking contract for it."""
    token = project.CappedToken.deploy(
        "Big", "BIG", 2**100, owner, "Big", "1", ape.chain.chain_id, sender=owner
    )
    token.initialize_supply([staker.address], [2**98], sender=owner)
    contract = project.Staking.deploy(token, token, owner, "Big Staking", "1", sender=deployer)
    token.approve(contract, 2**256 - 1, sender=staker)
    return contract


def test_fund__above_limit__reverts(big, staker):
    """The budget funded in total fits 96 bits; one wei more is refused."""
    big.fund(LIMIT, sender=staker)
    with ape.reverts("reward_accumulator: funding above the limit"):
        big.fund(1, sender=staker)


def test_stake__above_limit__reverts(big, staker):
    """All stakes together fit 96 bits; one wei more is refused."""
    big.stake(LIMIT, sender=staker)
    with ape.reverts("reward_accumulator: shares above the limit"):
        big.stake(1, sender=staker)
