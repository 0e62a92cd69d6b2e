"""`vote` and `unvote`: holders accept a lot's leading bid by locking MToken in the vault; below the
threshold votes come back at will; reaching it starts the countdown and locks them until settlement."""

import ape

from tests.nft.vault.conftest import BID, DAY, HOLDER_SHARE, sell, start_countdown


def test_vote__holder__tokens_locked_in_the_vault(issued, holder, bidder):
    """A vote is an ERC-20 transfer to the vault; below the threshold no countdown starts."""
    issued.bid(0, BID, value=BID, sender=bidder)
    tx = issued.vote(0, HOLDER_SHARE, sender=holder)
    transfer = tx.decode_logs(issued.Transfer)[0]
    assert (transfer.sender, transfer.receiver, transfer.value) == (
        holder.address,
        issued.address,
        HOLDER_SHARE,
    )
    assert issued.balanceOf(issued) == HOLDER_SHARE and issued.balanceOf(holder) == 0
    assert issued.votes(0) == HOLDER_SHARE and issued.votes_of(0, holder) == HOLDER_SHARE
    assert issued.locked_of(holder) == HOLDER_SHARE
    assert issued.deadline(0) == 0 and issued.phase(0) == 2


def test_vote__threshold_reached__countdown_starts(issued, vault_creator, bidder):
    """50% reached by the creator's 70%: bidding closes 24 hours later."""
    tx = start_countdown(issued, vault_creator, 0, bidder)
    deadline = tx.timestamp + DAY
    assert issued.deadline(0) == deadline and issued.phase(0) == 3
    assert tx.decode_logs(issued.CountdownStarted)[0].deadline == deadline


def test_vote__exactly_the_threshold__countdown_starts(issued, vault_creator, holder, bidder):
    """votes * 100 >= threshold * supply: exactly 50% is enough, one wei less is not."""
    issued.bid(0, BID, value=BID, sender=bidder)
    half = issued.totalSupply() // 2
    issued.vote(0, half - 1, sender=vault_creator)
    assert issued.deadline(0) == 0
    issued.vote(0, 1, sender=holder)
    assert issued.deadline(0) != 0


def test_vote__no_bid__reverts(issued, holder):
    """Votes accept a bid: without one there is nothing to accept (a lot nobody bids on stays)."""
    with ape.reverts("m_token_vault: no bid to accept"):
        issued.vote(0, 1, sender=holder)


def test_vote__zero__reverts(issued, holder):
    with ape.reverts("m_token_vault: zero amount"):
        issued.vote(0, 0, sender=holder)


def test_vote__balance_too_low__reverts(issued, holder, bidder):
    issued.bid(0, BID, value=BID, sender=bidder)
    with ape.reverts("m_token_vault: balance too low"):
        issued.vote(0, HOLDER_SHARE + 1, sender=holder)


def test_vote__before_issue__reverts(vault, vault_creator):
    with ape.reverts("m_token_vault: lot not open for votes"):
        vault.vote(0, 1, sender=vault_creator)


def test_vote__countdown_over__reverts(issued, vault_creator, holder, bidder, chain):
    start_countdown(issued, vault_creator, 0, bidder)
    chain.mine(timestamp=issued.deadline(0) + 1)  # the countdown is over
    with ape.reverts("m_token_vault: lot not open for votes"):
        issued.vote(0, 1, sender=holder)


def test_unvote__below_threshold__tokens_back(issued, holder, bidder):
    issued.bid(0, BID, value=BID, sender=bidder)
    issued.vote(0, HOLDER_SHARE, sender=holder)
    tx = issued.unvote(0, HOLDER_SHARE, sender=holder)
    assert tx.decode_logs(issued.Transfer)[0].receiver == holder.address
    assert issued.balanceOf(holder) == HOLDER_SHARE and issued.votes(0) == 0
    assert issued.locked_of(holder) == 0 and issued.balanceOf(issued) == 0


def test_unvote__during_countdown__reverts(issued, vault_creator, bidder):
    start_countdown(issued, vault_creator, 0, bidder)
    with ape.reverts("m_token_vault: votes locked until settlement"):
        issued.unvote(0, 1, sender=vault_creator)


def test_unvote__countdown_over_not_settled__reverts(issued, vault_creator, bidder, chain):
    start_countdown(issued, vault_creator, 0, bidder)
    chain.mine(timestamp=issued.deadline(0) + 1)  # the countdown is over
    with ape.reverts("m_token_vault: votes locked until settlement"):
        issued.unvote(0, 1, sender=vault_creator)


def test_unvote__after_settlement__tokens_back(issued, vault_creator, bidder, chain):
    """Locked votes come back once the lot is sold (`sell` unvotes them)."""
    sell(issued, chain, vault_creator, bidder)
    assert issued.votes_of(0, vault_creator) == 0 and issued.locked_of(vault_creator) == 0
    assert issued.balanceOf(issued) == 0


def test_unvote__more_than_own_votes__reverts(issued, holder, vault_creator, bidder):
    issued.bid(0, BID, value=BID, sender=bidder)
    issued.vote(0, 10, sender=holder)
    with ape.reverts("m_token_vault: votes too low"):
        issued.unvote(0, 11, sender=holder)
    with ape.reverts("m_token_vault: zero amount"):
        issued.unvote(0, 0, sender=holder)
    with ape.reverts("m_token_vault: votes too low"):
        issued.unvote(0, 1, sender=vault_creator)
