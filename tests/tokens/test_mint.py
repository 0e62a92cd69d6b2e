import ape

from fivefold import units
from tests.tests_support import ZERO


def test_mint__by_minter_contract__within_cap(capped, owner, minter_contract, holder):
    capped.set_minter(minter_contract, True, sender=owner)
    minter_contract.mint(capped, holder, capped.cap(), sender=owner)
    assert capped.totalSupply() == capped.cap()


def test_mint__one_wei_over_cap__reverts(minted, owner, minter_contract, holder):
    headroom = minted.cap() - minted.totalSupply()
    with ape.reverts("capped_token: cap exceeded"):
        minter_contract.mint(minted, holder, headroom + 1, sender=owner)


def test_mint__after_initial_supply__shares_the_cap(capped, owner, minter_contract, holder):
    capped.initialize_supply([holder], [units.to_wei(900)], sender=owner)
    capped.set_minter(minter_contract, True, sender=owner)
    minter_contract.mint(capped, holder, units.to_wei(100), sender=owner)
    with ape.reverts("capped_token: cap exceeded"):
        minter_contract.mint(capped, holder, 1, sender=owner)


def test_mint__owner_eoa__reverts(capped, owner, holder):
    with ape.reverts("capped_token: caller is not a minter"):
        capped.mint(holder, 1, sender=owner)


def test_mint__stranger__reverts(capped, stranger, holder):
    with ape.reverts("capped_token: caller is not a minter"):
        capped.mint(holder, 1, sender=stranger)


def test_mint__revoked_minter__reverts(minted, owner, minter_contract, holder):
    minted.set_minter(minter_contract, False, sender=owner)
    with ape.reverts("capped_token: caller is not a minter"):
        minter_contract.mint(minted, holder, 1, sender=owner)


def test_mint__zero_amount__reverts(minted, owner, minter_contract, holder):
    with ape.reverts("capped_token: zero amount"):
        minter_contract.mint(minted, holder, 0, sender=owner)


def test_mint__zero_recipient__reverts(minted, owner, minter_contract):
    with ape.reverts("capped_token: zero recipient"):
        minter_contract.mint(minted, ZERO, 1, sender=owner)
