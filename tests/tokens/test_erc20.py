"""Transfers, approvals, permit and burns: snekmate's erc20, exercised through our exports."""

import ape

from fivefold import units
from fivefold.tokens.flow import permit_signature

ONE = units.to_wei(1)


def test_transfer__balance__moves(minted, holder, stranger):
    minted.transfer(stranger, ONE, sender=holder)
    assert minted.balanceOf(stranger) == ONE
    assert minted.balanceOf(holder) == units.to_wei(99)


def test_transfer__more_than_balance__reverts(minted, holder, stranger):
    with ape.reverts("erc20: transfer amount exceeds balance"):
        minted.transfer(stranger, units.to_wei(101), sender=holder)


def test_transfer_from__within_allowance__moves_and_spends(minted, holder, spender, stranger):
    minted.approve(spender, 2 * ONE, sender=holder)
    minted.transferFrom(holder, stranger, ONE, sender=spender)
    assert minted.allowance(holder, spender) == ONE
    assert minted.balanceOf(stranger) == ONE


def test_transfer_from__over_allowance__reverts(minted, holder, spender, stranger):
    minted.approve(spender, ONE, sender=holder)
    with ape.reverts("erc20: insufficient allowance"):
        minted.transferFrom(holder, stranger, 2 * ONE, sender=spender)


def test_permit__valid_signature__sets_allowance(minted, holder, spender, chain):
    deadline = chain.pending_timestamp + 600
    v, r, s = permit_signature(minted, holder, spender.address, 5 * ONE, deadline, chain.chain_id)
    minted.permit(holder, spender, 5 * ONE, deadline, v, r, s, sender=spender)
    assert minted.allowance(holder, spender) == 5 * ONE
    assert minted.nonces(holder) == 1


def test_permit__replayed__reverts(minted, holder, spender, chain):
    deadline = chain.pending_timestamp + 600
    v, r, s = permit_signature(minted, holder, spender.address, ONE, deadline, chain.chain_id)
    minted.permit(holder, spender, ONE, deadline, v, r, s, sender=spender)
    with ape.reverts("erc20: invalid signature"):
        minted.permit(holder, spender, ONE, deadline, v, r, s, sender=spender)


def test_permit__expired__reverts(minted, holder, spender, chain):
    deadline = chain.pending_timestamp - 1
    v, r, s = permit_signature(minted, holder, spender.address, ONE, deadline, chain.chain_id)
    with ape.reverts("erc20: expired deadline"):
        minted.permit(holder, spender, ONE, deadline, v, r, s, sender=spender)


def test_burn__holder__reduces_supply_and_frees_cap(minted, holder, owner, minter_contract):
    minted.burn(holder, ONE, sender=holder)
    assert minted.totalSupply() == units.to_wei(99)
    minter_contract.mint(minted, holder, minted.cap() - minted.totalSupply(), sender=owner)
    assert minted.totalSupply() == minted.cap()
