import ape

from tests.tests_support import ZERO


def test_set_minter__contract__granted_and_logged(capped, owner, minter_contract):
    tx = capped.set_minter(minter_contract, True, sender=owner)
    assert capped.is_minter(minter_contract)
    events = list(tx.events.filter(capped.RoleMinterChanged))
    assert [(e.minter, e.status) for e in events] == [(minter_contract.address, True)]


def test_set_minter__eoa__reverts(capped, owner, holder):
    with ape.reverts("capped_token: minter is not a contract"):
        capped.set_minter(holder, True, sender=owner)


def test_attack__eip7702_delegated_eoa_as_minter__refused(
    capped, owner, chain, delegated_eoa, minter_contract
):
    """Review finding (issue 9.2): an EOA that delegated its code (EIP-7702) has code, so it passed
    "minters must be contracts" and could then mint from ordinary transactions signed with its key.
    Its code is the delegation designator 0xef0100 ++ delegate, and `set_minter` refuses it."""
    code = bytes(chain.provider.get_code(delegated_eoa.address))
    assert code == b"\xef\x01\x00" + bytes.fromhex(minter_contract.address[2:])
    with ape.reverts("capped_token: minter is a delegated EOA"):
        capped.set_minter(delegated_eoa.address, True, sender=owner)
    assert not capped.is_minter(delegated_eoa.address)


def test_set_minter__delegated_eoa__revoke_allowed(capped, owner, delegated_eoa):
    """Revoking never inspects code, so a delegated address can always be revoked."""
    capped.set_minter(delegated_eoa.address, False, sender=owner)
    assert not capped.is_minter(delegated_eoa.address)


def test_set_minter__owner_itself__reverts(capped, owner):
    with ape.reverts("capped_token: minter is not a contract"):
        capped.set_minter(owner, True, sender=owner)


def test_set_minter__revoke_eoa__allowed(capped, owner, holder):
    # Revoking never needs code at the address (a minter contract may have self-destructed).
    capped.set_minter(holder, False, sender=owner)
    assert not capped.is_minter(holder)


def test_set_minter__zero_address__reverts(capped, owner):
    with ape.reverts("capped_token: zero minter"):
        capped.set_minter(ZERO, True, sender=owner)


def test_set_minter__non_owner__reverts(capped, non_owner, minter_contract):
    with ape.reverts("ownable: caller is not the owner"):
        capped.set_minter(minter_contract, True, sender=non_owner)
