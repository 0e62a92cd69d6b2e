"""`settle` and `deliver`: after the countdown anyone settles; the lot goes to the top bidder (the
leader at the end of the countdown, whoever it is), the price to the holders. A winner whose receiver
refuses does not block the settlement: the lot stays owed to it."""

import ape

from tests.nft.vault.conftest import BID, DAY, LOT_AMOUNT, MULTI_ID, sell, start_countdown


def test_settle__countdown_over__nft_to_winner_and_price_to_holders(
    issued, collection, vault_creator, bidder, chain
):
    tx = sell(issued, chain, vault_creator, bidder)
    assert collection.ownerOf(4) == bidder.address
    event = tx.decode_logs(issued.Settled)[0]
    assert (event.slot, event.winner, event.price, event.delivered) == (0, bidder.address, BID, True)
    assert issued.phase(0) == 5 and issued.unsold() == 2 and issued.proceeds_total() == BID


def test_settle__leading_bid_changed_in_countdown__final_leader_wins(
    issued, collection, vault_creator, bidder, second_bidder, chain, stranger
):
    """The votes accept the leading bid at the end of the countdown: a higher bid placed during it
    wins, the first bidder is refunded."""
    start_countdown(issued, vault_creator, 0, bidder)
    chain.mine(deltatime=DAY // 2)
    issued.bid(0, 3 * BID, value=3 * BID, sender=second_bidder)
    chain.mine(deltatime=DAY // 2)
    issued.settle(0, sender=stranger)
    assert collection.ownerOf(4) == second_bidder.address
    assert issued.refunds(bidder) == BID and issued.proceeds_total() == 3 * BID


def test_settle__erc1155_lot__whole_amount_to_winner(issued, multi, vault_creator, bidder, chain):
    """A slot is one (token, id, amount) lot: the winner gets the whole amount."""
    sell(issued, chain, vault_creator, bidder, slot=2)
    assert multi.balanceOf(bidder, MULTI_ID) == LOT_AMOUNT


def test_settle__countdown_running__reverts(issued, vault_creator, bidder, chain):
    start_countdown(issued, vault_creator, 0, bidder)
    chain.mine(deltatime=DAY - 5)
    with ape.reverts("m_token_vault: countdown not over"):
        issued.settle(0, sender=bidder)


def test_settle__no_votes__reverts(issued, bidder):
    """A lot nobody accepted stays with the vault, bids or not."""
    issued.bid(0, BID, value=BID, sender=bidder)
    with ape.reverts("m_token_vault: countdown not over"):
        issued.settle(0, sender=bidder)


def test_settle__twice__reverts(issued, vault_creator, bidder, chain):
    sell(issued, chain, vault_creator, bidder)
    with ape.reverts("m_token_vault: countdown not over"):
        issued.settle(0, sender=bidder)


def test_settle__winner_refuses_the_nft__settled_then_delivered(
    project, issued, collection, vault_creator, chain
):
    """A winner whose hook reverts cannot block the sale: proceeds are shared, the NFT stays owed to
    it, and `deliver` sends it once the winner accepts."""
    attacker = project.VaultAttacker.deploy(issued, sender=vault_creator)
    attacker.set_refuse_nft(True, sender=vault_creator)
    attacker.bid(0, value=BID, sender=vault_creator)
    issued.vote(0, issued.balanceOf(vault_creator), sender=vault_creator)
    chain.mine(timestamp=issued.deadline(0) + 1)  # the countdown is over
    tx = issued.settle(0, sender=vault_creator)
    assert not tx.decode_logs(issued.Settled)[0].delivered
    assert collection.ownerOf(4) == issued.address and issued.phase(0) == 5
    assert issued.proceeds_total() == BID
    with ape.reverts("m_token_vault: delivery failed"):
        issued.deliver(0, sender=vault_creator)
    attacker.set_refuse_nft(False, sender=vault_creator)
    tx = issued.deliver(0, sender=vault_creator)
    assert collection.ownerOf(4) == attacker.address
    assert tx.decode_logs(issued.Delivered)[0].winner == attacker.address
    with ape.reverts("m_token_vault: nothing to deliver"):
        issued.deliver(0, sender=vault_creator)
