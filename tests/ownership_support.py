"""Two-step ownership as every owned contract of the suite has it (contracts/shared/owner_2step.vy, or
snekmate's modules wired the same way in CappedToken; `renounce_ownership` not exported).

Each domain's test_ownership.py subclasses `TwoStepOwnership` as `TestOwnership` and gives two
fixtures: `owned` (the contract, or each owned contract in turn) and `act` (one owner-only action,
`act(account)`, that proves who holds the power). The four tests below then run for it under the
same names in every domain."""

import ape
from eth_utils import function_signature_to_4byte_selector

ZERO = "0x0000000000000000000000000000000000000000"


def check_offer_is_pending(contract, owner, new_owner, act) -> None:
    """`transfer_ownership` only offers: the owner keeps every power until the offer is accepted."""
    tx = contract.transfer_ownership(new_owner, sender=owner)
    assert (contract.owner(), contract.pending_owner()) == (owner.address, new_owner.address)
    started = [(e.previous_owner, e.new_owner) for e in tx.events.filter(contract.OwnershipTransferStarted)]
    assert started == [(owner.address, new_owner.address)]
    with ape.reverts("ownable: caller is not the owner"):
        act(new_owner)
    act(owner)


def check_accept_moves_power(contract, owner, new_owner, act) -> None:
    """Only the pending owner accepts; then it alone holds the power and the offer is cleared."""
    contract.transfer_ownership(new_owner, sender=owner)
    with ape.reverts("ownable_2step: caller is not the new owner"):
        contract.accept_ownership(sender=owner)
    tx = contract.accept_ownership(sender=new_owner)
    assert (contract.owner(), contract.pending_owner()) == (new_owner.address, ZERO)
    moved = [(e.previous_owner, e.new_owner) for e in tx.events.filter(contract.OwnershipTransferred)]
    assert moved == [(owner.address, new_owner.address)]
    with ape.reverts("ownable: caller is not the owner"):
        act(owner)
    act(new_owner)


def check_offer_by_non_owner_refused(contract, non_owner) -> None:
    """Nobody but the owner offers ownership."""
    with ape.reverts("ownable: caller is not the owner"):
        contract.transfer_ownership(non_owner, sender=non_owner)
    assert contract.pending_owner() == ZERO


def check_renounce_not_exported(contract, owner) -> None:
    """`renounce_ownership` is absent from the ABI and its selector reverts: the owner stays."""
    assert not hasattr(contract, "renounce_ownership")
    assert "renounce_ownership" not in {m.name for m in contract.contract_type.abi if m.type == "function"}
    selector = function_signature_to_4byte_selector("renounce_ownership()")
    with ape.reverts():
        owner.transfer(contract, 0, data=selector)
    assert contract.owner() == owner.address


class TwoStepOwnership:
    """The four ownership tests every owned contract passes. Not collected here (no `Test` prefix);
    a domain's `TestOwnership(TwoStepOwnership)` supplies the `owned` and `act` fixtures."""

    def test_transfer_ownership__owner__offer_pending_until_accepted(self, owned, owner, non_owner, act):
        """The offer leaves the owner in charge; the offered account cannot act yet."""
        check_offer_is_pending(owned, owner, non_owner, act)

    def test_accept_ownership__pending_owner__takes_over(self, owned, owner, non_owner, act):
        """After acceptance only the new owner acts; the old owner's power is gone."""
        check_accept_moves_power(owned, owner, non_owner, act)

    def test_transfer_ownership__non_owner__reverts(self, owned, non_owner):
        """Only the owner offers ownership."""
        check_offer_by_non_owner_refused(owned, non_owner)

    def test_renounce_ownership__not_exported__owner_stays(self, owned, owner):
        """An ownerless contract could never be governed again, so renouncing does not exist."""
        check_renounce_not_exported(owned, owner)
