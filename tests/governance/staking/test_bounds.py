"""Staking at its limits: a collection's and the identity's weight accepted at exactly MAX_WEIGHT, an
account's NFT and identity weight at exactly 2**96 - 1 and refused one past it, the head word's
checkpoint count read back at its top bit, a past read at the current second refused and at the
second before read, a signature used in its expiry second, one wei of weight delegated, an excluded
delegatee adding nothing to the total, and the events and views that report these (the survivors of
mutation testing, docs/assurance.md)."""

import ape

from fivefold.governance.signatures import delegation_signature
from tests.governance.staking.conftest import NFT_WEIGHT, delegate
from tests.tests_support import map_entry_slot, set_storage_word, storage_word

MAX_WEIGHT = 2**80  # one NFT's or identity's weight
MAX_EXTRA = 2**96 - 1  # an account's NFT and identity weight together
COUNT_TOP_BIT = 2**46  # the head word's checkpoint count has 47 bits (208 to 254)
ZERO = "0x0000000000000000000000000000000000000000"


def _entry_slot(chain, contract, key, word: int, bases: int = 128) -> int:
    """The storage slot of the HashMap entry of `contract` keyed by `key` that holds `word` now."""
    for base in range(bases):
        if storage_word(chain, contract, slot := map_entry_slot(base, key)) == word:
            return slot
    raise AssertionError(f"no map of {contract.address} below slot {bases} holds {word} for {key}")


def _set_extra(chain, staking, account, value: int) -> None:
    """Writes `account`'s NFT and identity weight (`_extra`, NFT_WEIGHT now: one NFT staked) to
    `value`, as if many NFTs at the largest weight were staked; `weight_of` reads it back."""
    slot = _entry_slot(chain, staking, account, NFT_WEIGHT)
    set_storage_word(chain, staking, slot, value)
    assert staking.weight_of(account) == value


def test_set_collection_weight__at_max_weight__accepted_and_recorded_with_the_nft(
    staking, collection, owner, staker
):
    """A collection listed at exactly MAX_WEIGHT (2**80) is accepted (one more is refused,
    test_setters.py), and an NFT staked then carries that weight whole."""
    staking.set_collection_weight(collection, MAX_WEIGHT, sender=owner)
    assert staking.collection_weight(collection) == MAX_WEIGHT
    staking.stake_nft(collection, 1, sender=staker)
    assert staking.nft_stake(collection, 1) == (staker, MAX_WEIGHT)
    assert staking.getVotes(staker) == MAX_WEIGHT


def test_set_identity_weight__at_max_weight__accepted_and_recorded_at_issue(staking, identity, owner, staker):
    """The identity weight set at exactly MAX_WEIGHT is accepted (one more is refused,
    test_setters.py), and an identity issued then is recorded with it."""
    staking.set_identity_weight(MAX_WEIGHT, sender=owner)
    assert staking.identity_weight() == MAX_WEIGHT
    identity.issue(staker, sender=owner)
    assert staking.identity_weight_of(staker) == MAX_WEIGHT
    assert staking.getVotes(staker) == MAX_WEIGHT


def test_stake_nft__extra_weight_reaching_its_limit__accepted(staking, collection, staker, chain):
    """An account's NFT and identity weight may reach exactly 2**96 - 1 (2**16 NFTs at the largest
    weight come close; the weight is written in storage rather than staked NFT by NFT): the NFT
    that brings it there is staked and `weight_of` reads the limit back whole."""
    staking.stake_nft(collection, 1, sender=staker)
    _set_extra(chain, staking, staker, MAX_EXTRA - NFT_WEIGHT)
    staking.stake_nft(collection, 2, sender=staker)
    assert staking.weight_of(staker) == MAX_EXTRA
    assert staking.nft_stake(collection, 2) == (staker, NFT_WEIGHT)


def test_stake_nft__extra_weight_one_past_its_limit__reverts(staking, collection, staker, chain):
    """The NFT that would bring an account's NFT and identity weight to 2**96, one past its limit,
    is refused and stays with its holder."""
    staking.stake_nft(collection, 1, sender=staker)
    _set_extra(chain, staking, staker, MAX_EXTRA - NFT_WEIGHT + 1)
    with ape.reverts("staking: weight above the limit"):
        staking.stake_nft(collection, 2, sender=staker)
    assert collection.ownerOf(2) == staker.address


def test_on_identity_revoked__issued_identity__logs_weight_zero(staking, identity, owner, staker):
    """Revoking an identity logs the account's identity weight as 0 from now on."""
    identity.issue(staker, sender=owner)
    tx = identity.revoke(0, sender=owner)
    events = [(e.account, e.weight) for e in tx.events.filter(staking.IdentityWeightChanged)]
    assert events == [(staker.address, 0)]


def test_weight_of__tokens_and_an_nft__sums_both(staking, collection, staker):
    """An account's own weight is its staked tokens plus the weight of its staked NFTs."""
    staking.stake(1_000, sender=staker)
    staking.stake_nft(collection, 1, sender=staker)
    assert staking.weight_of(staker) == 1_000 + NFT_WEIGHT


def test_numCheckpoints__count_at_its_top_bit__read_back_and_extended(staking, staker, chain):
    """The head word's checkpoint count is 47 bits wide: a count of 2**46 (its top bit alone,
    written in storage) reads back whole, and the next change in a later second moves the latest
    checkpoint to history index 2**46 - 1, where a past read finds it."""
    first = staking.stake(1_000, sender=staker).timestamp
    head = 1_000 | (first << 160) | (1 << 208)
    slot = _entry_slot(chain, staking, staker, head)
    set_storage_word(chain, staking, slot, 1_000 | (first << 160) | (COUNT_TOP_BIT << 208))
    assert staking.numCheckpoints(staker) == COUNT_TOP_BIT
    chain.pending_timestamp = first + 10
    second = staking.stake(500, sender=staker).timestamp
    chain.mine(deltatime=5)
    assert staking.numCheckpoints(staker) == COUNT_TOP_BIT + 1
    assert (staking.getVotes(staker), staking.excluded(staker)) == (1_500, False)
    assert staking.getPastVotes(staker, second - 1) == 1_000
    assert staking.getPastVotes(staker, second) == 1_500


def test_getPastVotes__timepoint_at_the_current_second__reverts_until_past(staking, staker, chain):
    """A read at the very second calls run in (`clock()`, the latest block's) is refused: that
    second's checkpoint may still change. One second later the same timepoint reads the stake."""
    stamp = staking.stake(1_000, sender=staker).timestamp
    assert staking.clock() == stamp
    with ape.reverts("staking: timepoint not yet past"):
        staking.getPastVotes(staker, stamp)
    chain.mine(deltatime=1)
    assert staking.getPastVotes(staker, stamp) == 1_000


def test_getPastTotalSupply__timepoint_at_the_current_second__reverts_until_past(staking, staker, chain):
    """As for getPastVotes: the total at the current second is refused, then read once past."""
    stamp = staking.stake(1_000, sender=staker).timestamp
    assert staking.clock() == stamp
    with ape.reverts("staking: timepoint not yet past"):
        staking.getPastTotalSupply(stamp)
    chain.mine(deltatime=1)
    assert staking.getPastTotalSupply(stamp) == 1_000


def test_delegateBySig__in_its_expiry_second__delegates(staking, staker, delegatee, stranger, chain):
    """A signature is valid through the second of its expiry: relayed in exactly that second, the
    signer's weight moves."""
    staking.stake(1_000, sender=staker)
    expiry = chain.pending_timestamp + 100
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    chain.pending_timestamp = expiry
    tx = staking.delegateBySig(delegatee, 0, expiry, v, r, s, sender=stranger)
    assert tx.timestamp == expiry
    assert (staking.getVotes(delegatee), staking.nonces(staker)) == (1_000, 1)


def test_delegateBySig__one_second_past_its_expiry__reverts(staking, staker, delegatee, stranger, chain):
    """The second after the expiry the same signature is refused."""
    expiry = chain.pending_timestamp + 100
    v, r, s = delegation_signature(staking, staker, delegatee.address, 0, expiry, chain.chain_id)
    chain.pending_timestamp = expiry + 1
    with ape.reverts("staking: signature expired"):
        staking.delegateBySig(delegatee, 0, expiry, v, r, s, sender=stranger)


def test_delegate__one_wei_of_weight__moves_it(staking, staker, delegatee):
    """The smallest weight, one wei staked, moves to the delegatee like any other."""
    staking.stake(1, sender=staker)
    delegate(staking, delegatee, staker)
    assert (staking.getVotes(delegatee), staking.getVotes(staker)) == (1, 0)


def test_delegate__no_weight__writes_no_checkpoint(staking, staker, delegatee):
    """Delegating without any weight changes the delegatee only: neither side gets a checkpoint."""
    delegate(staking, delegatee, staker)
    assert (staking.numCheckpoints(staker), staking.numCheckpoints(delegatee)) == (0, 0)
    assert staking.delegates(staker) == delegatee


def test_delegate__to_an_excluded_account__total_loses_the_weight(
    staking, exchange, staker, second_staker, owner, chain
):
    """Weight delegated to an excluded account counts for nobody: delegating 200 to it takes all
    200 out of the total, and a later stake while delegated there adds nothing to it."""
    staking.stake(100, sender=second_staker)
    staking.stake(200, sender=staker)
    staking.set_excluded(exchange, True, sender=owner)
    moved = delegate(staking, exchange, staker).timestamp
    chain.mine(deltatime=1)
    assert staking.getPastTotalSupply(moved) == 100
    chain.pending_timestamp = moved + 10
    staked = staking.stake(50, sender=staker).timestamp
    chain.mine(deltatime=1)
    assert staking.getPastTotalSupply(staked) == 100
    assert (staking.getVotes(exchange), staking.delegated_in(exchange)) == (0, 250)
