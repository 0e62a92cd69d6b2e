import ape

from tests.tests_support import ZERO


def test_set_minter__contract__granted_and_logged(capped, owner, minter_contract):
    tx = capped.set_minter(minter_contract, True, sender=owner)
    assert capped.is_minter(minter_contract)
    events = list(tx.events.filter(capped.RoleMinterChanged))
    assert [(e.minter, e.status) for e in events] == [(minter_contract.address, True)]


def test_set_minter__eoa__reverts(capped, owner, holder):
    with ape.reverts("token: minter is not a contract"):
        capped.set_minter(holder, True, sender=owner)


def test_set_minter__owner_itself__reverts(capped, owner):
    with ape.reverts("token: minter is not a contract"):
        capped.set_minter(owner, True, sender=owner)


def test_set_minter__revoke_eoa__allowed(capped, owner, holder):
    # Revoking never needs code at the address (a minter contract may have self-destructed).
    capped.set_minter(holder, False, sender=owner)
    assert not capped.is_minter(holder)


def test_set_minter__zero_address__reverts(capped, owner):
    with ape.reverts("token: zero minter"):
        capped.set_minter(ZERO, True, sender=owner)


def test_set_minter__non_owner__reverts(capped, non_owner, minter_contract):
    with ape.reverts("ownable: caller is not the owner"):
        capped.set_minter(minter_contract, True, sender=non_owner)


def test_transfer_ownership__new_owner__never_a_minter(capped, owner, non_owner, minter_contract):
    capped.transfer_ownership(non_owner, sender=owner)
    assert capped.owner() == non_owner
    assert not capped.is_minter(non_owner)
    with ape.reverts("ownable: caller is not the owner"):
        capped.set_minter(minter_contract, True, sender=owner)
    capped.set_minter(minter_contract, True, sender=non_owner)
    assert capped.is_minter(minter_contract)
