"""The Smart DAO's instance: HPC staked for votes, income paid in another token, no identities."""

import ape
import pytest

from fivefold.units import to_wei


@pytest.fixture
def hpc_staking(project, deployer, owner, staker, funder, cc):
    """Staking of an HPC-like token with CC income; `staker` holds HPC, `funder` funds CC."""
    hpc = project.CappedToken.deploy(
        "HPC", "HPC", to_wei(10**9), owner, "HPC", "1", ape.chain.chain_id, sender=owner
    )
    hpc.initialize_supply([staker.address], [to_wei(1_000)], sender=owner)
    contract = project.Staking.deploy(hpc, cc, owner, "HPC Staking", "1", sender=deployer)
    hpc.approve(contract, 2**256 - 1, sender=staker)
    cc.approve(contract, 2**256 - 1, sender=funder)
    return hpc, contract


def test_stake__hpc_instance__votes_in_hpc_income_in_cc(hpc_staking, cc, owner, funder, staker, chain):
    """HPC gives the votes; CC streams as income; the CC budget and the HPC stake stay apart."""
    hpc, contract = hpc_staking
    contract.fund(to_wei(10), sender=funder)
    contract.set_reward_rate(to_wei(1), sender=owner)
    t0 = contract.stake(to_wei(100), sender=staker).timestamp
    assert contract.getVotes(staker) == to_wei(100)
    assert contract.identity_contract() == "0x" + "00" * 20
    chain.pending_timestamp = t0 + 4
    before = cc.balanceOf(staker)
    assert contract.claim(sender=staker).return_value == to_wei(4)
    assert cc.balanceOf(staker) - before == to_wei(4)
    contract.unstake(to_wei(100), sender=staker)
    assert hpc.balanceOf(staker) == to_wei(1_000)
    assert cc.balanceOf(contract) == to_wei(6)
