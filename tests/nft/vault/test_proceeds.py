"""`claim` and `redeem`: proceeds pro rata to every MToken (held or locked), by an accumulator settled
on transfer; claimable at any time; once every lot is sold MToken burns for what is left."""

import ape

from fivefold.nft.model_vault import Proceeds
from tests.nft.vault.conftest import BID, HOLDER_SHARE, SUPPLY, sell


def test_claim__after_a_sale__pro_rata(issued, vault_creator, holder, bidder, chain):
    """70% / 30% of the price, to the wei of the model."""
    sell(issued, chain, vault_creator, bidder)
    model = Proceeds(SUPPLY, {"c": SUPPLY - HOLDER_SHARE, "h": HOLDER_SHARE})
    model.distribute(BID)
    assert issued.proceeds_of(vault_creator) == model.earned("c")
    before = holder.balance
    tx = issued.claim(sender=holder)
    assert holder.balance == before + model.earned("h") - tx.total_fees_paid
    assert tx.decode_logs(issued.ProceedsClaimed)[0].amount == model.earned("h")
    assert issued.proceeds_of(holder) == 0 and issued.claimed_total() == model.earned("h")


def test_claim__locked_votes__still_earn(issued, vault_creator, holder, bidder, chain):
    """Tokens locked on another lot earn as if held."""
    issued.bid(1, BID, value=BID, sender=bidder)
    issued.vote(1, HOLDER_SHARE, sender=holder)  # below the threshold: stays locked, no countdown
    sell(issued, chain, vault_creator, bidder, slot=0, amount=2 * BID)
    assert issued.proceeds_of(holder) == 2 * BID * HOLDER_SHARE // SUPPLY


def test_claim__transfer_after_sale__seller_keeps_its_proceeds(
    issued, vault_creator, holder, bidder, stranger, chain
):
    """Proceeds follow the tokens held when they were paid: a later buyer gets none of them."""
    sell(issued, chain, vault_creator, bidder)
    owed = issued.proceeds_of(holder)
    issued.transfer(stranger, HOLDER_SHARE, sender=holder)
    assert issued.proceeds_of(holder) == owed and issued.proceeds_of(stranger) == 0


def test_claim__nothing_owed__pays_nothing(issued, stranger):
    tx = issued.claim(sender=stranger)
    assert tx.decode_logs(issued.ProceedsClaimed) == []


def test_redeem__lots_unsold__reverts(issued, vault_creator, bidder, chain):
    sell(issued, chain, vault_creator, bidder)
    with ape.reverts("m_token_vault: lots still unsold"):
        issued.redeem(sender=vault_creator)


def test_redeem__every_lot_sold__burns_and_pays_what_is_left(
    issued, vault_creator, holder, bidder, stranger, chain
):
    """Three lots sold; the holder claims once midway, then redeems for the rest; every holder
    redeemed leaves only dust (below one wei per settlement)."""
    sell(issued, chain, vault_creator, bidder, slot=0, amount=BID)
    issued.claim(sender=holder)
    sell(issued, chain, vault_creator, bidder, slot=1, amount=BID + 1)
    sell(issued, chain, vault_creator, bidder, slot=2, amount=BID + 2)
    assert issued.unsold() == 0
    tx = issued.redeem(sender=holder)
    event = tx.decode_logs(issued.Redeemed)[0]
    assert event.burned == HOLDER_SHARE
    assert issued.totalSupply() == SUPPLY - HOLDER_SHARE and issued.balanceOf(holder) == 0
    issued.redeem(sender=vault_creator)
    assert issued.totalSupply() == 0
    left = chain.provider.get_balance(issued.address)
    assert left == issued.proceeds_total() - issued.claimed_total() and left <= 3
    with ape.reverts("m_token_vault: nothing to redeem"):
        issued.redeem(sender=vault_creator)


def test_redeem__before_issue__reverts(vault, vault_creator):
    with ape.reverts("m_token_vault: lots still unsold"):
        vault.redeem(sender=vault_creator)
