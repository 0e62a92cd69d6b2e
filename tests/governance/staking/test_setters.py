"""Governance setters: collection weights, identity weight and contract; owner only, bounded."""

import ape

from tests.governance.staking.conftest import NFT_WEIGHT

MAX_WEIGHT = 2**80


def test_set_collection_weight__non_owner__reverts(staking, collection, non_owner):
    """Only governance lists collections."""
    with ape.reverts("ownable: caller is not the owner"):
        staking.set_collection_weight(collection, 1, sender=non_owner)


def test_set_collection_weight__zero_collection__reverts(staking, owner):
    """The zero address is no collection."""
    with ape.reverts("staking: zero collection"):
        staking.set_collection_weight("0x0000000000000000000000000000000000000000", 1, sender=owner)


def test_set_collection_weight__above_limit__reverts(staking, collection, owner):
    """One NFT weighs at most MAX_WEIGHT vote units."""
    with ape.reverts("staking: weight above the limit"):
        staking.set_collection_weight(collection, MAX_WEIGHT + 1, sender=owner)


def test_set_collection_weight__valid__lists_with_event(staking, collection, owner):
    """The weight is stored and logged."""
    tx = staking.set_collection_weight(collection, 2 * NFT_WEIGHT, sender=owner)
    assert staking.collection_weight(collection) == 2 * NFT_WEIGHT
    events = [(e.collection, e.weight) for e in tx.events.filter(staking.CollectionWeightSet)]
    assert events == [(collection.address, 2 * NFT_WEIGHT)]


def test_set_identity_weight__non_owner__reverts(staking, non_owner):
    """Only governance sets the identity weight."""
    with ape.reverts("ownable: caller is not the owner"):
        staking.set_identity_weight(1, sender=non_owner)


def test_set_identity_weight__above_limit__reverts(staking, owner):
    """An identity weighs at most MAX_WEIGHT vote units."""
    with ape.reverts("staking: weight above the limit"):
        staking.set_identity_weight(MAX_WEIGHT + 1, sender=owner)


def test_set_identity_weight__valid__stored_with_event(staking, owner):
    """The weight is stored and logged."""
    tx = staking.set_identity_weight(7, sender=owner)
    assert staking.identity_weight() == 7
    assert [e.weight for e in tx.events.filter(staking.IdentityWeightSet)] == [7]


def test_set_identity_contract__non_owner__reverts(staking, non_owner):
    """Only governance names the identity contract."""
    with ape.reverts("ownable: caller is not the owner"):
        staking.set_identity_contract(non_owner, sender=non_owner)


def test_set_identity_contract__valid__stored_with_event(staking, owner, stranger):
    """The contract is stored and logged."""
    tx = staking.set_identity_contract(stranger, sender=owner)
    assert staking.identity_contract() == stranger
    assert [e.identity for e in tx.events.filter(staking.IdentityContractSet)] == [stranger]


def test_on_identity_issued__not_the_identity_contract__reverts(staking, identity, stranger, staker):
    """Nobody but the identity contract reports identities."""
    with ape.reverts("staking: caller is not the identity contract"):
        staking.on_identity_issued(staker, sender=stranger)
    with ape.reverts("staking: caller is not the identity contract"):
        staking.on_identity_revoked(staker, sender=stranger)


def test_on_identity_issued__counted_twice__reverts(staking, owner, stranger, staker):
    """A second report for a counted member is refused (the identity contract issues one each)."""
    staking.set_identity_weight(5, sender=owner)
    staking.set_identity_contract(stranger, sender=owner)
    staking.on_identity_issued(staker, sender=stranger)
    with ape.reverts("staking: identity already counted"):
        staking.on_identity_issued(staker, sender=stranger)
