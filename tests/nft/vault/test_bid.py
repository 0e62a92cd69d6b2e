"""Bids per lot in the payment asset: the first above zero, each later one beating the leader by the
minimum increment (rounded up); the outbid amount is a refund taken by pull; the leading bid stays."""

import ape

from fivefold.nft.model_vault import min_next_bid
from fivefold.units import to_wei
from tests.nft.vault.conftest import BID, DAY, start_countdown


def test_bid__first_native_bid__leads_within_70000_gas(issued, bidder):
    """The issue's target: a first bid on an NFT in the native coin costs at most 70,000 gas (the
    clone's lock word was written at initialisation)."""
    tx = issued.bid(0, BID, value=BID, sender=bidder)
    assert tx.gas_used <= 70_000
    assert issued.leading_bid(0) == (bidder.address, BID)
    event = tx.decode_logs(issued.BidPlaced)[0]
    assert (event.slot, event.bidder, event.amount) == (0, bidder.address, BID)
    assert issued.min_next_bid(0) == min_next_bid(BID, 500)


def test_bid__exactly_the_increment__leads_and_refunds_the_leader(issued, bidder, second_bidder):
    """min_next_bid == leader + ceil(5%): accepted, the old leader's bid becomes its refund."""
    issued.bid(0, 101, value=101, sender=bidder)
    amount = issued.min_next_bid(0)
    assert amount == 101 + 6  # ceil(5.05)
    issued.bid(0, amount, value=amount, sender=second_bidder)
    assert issued.leading_bid(0) == (second_bidder.address, amount)
    assert issued.refunds(bidder) == 101


def test_bid__one_below_the_increment__reverts(issued, bidder, second_bidder):
    issued.bid(0, BID, value=BID, sender=bidder)
    amount = issued.min_next_bid(0) - 1
    with ape.reverts("m_token_vault: bid too low"):
        issued.bid(0, amount, value=amount, sender=second_bidder)


def test_bid__zero__reverts(issued, bidder):
    with ape.reverts("m_token_vault: bid too low"):
        issued.bid(0, 0, sender=bidder)


def test_bid__above_96_bits__reverts(issued, bidder):
    with ape.reverts("m_token_vault: bid too high"):
        issued.bid(0, 2**96, sender=bidder)


def test_bid__value_differs__reverts(issued, bidder):
    with ape.reverts("m_token_vault: value differs from the bid"):
        issued.bid(0, BID, value=BID - 1, sender=bidder)


def test_bid__before_issue__reverts(vault, bidder):
    with ape.reverts("m_token_vault: lot not open for bids"):
        vault.bid(0, BID, value=BID, sender=bidder)


def test_bid__during_countdown__raises_the_leading_bid(issued, vault_creator, bidder, second_bidder, chain):
    """Bids still rise during the countdown; the deadline does not move."""
    start_countdown(issued, vault_creator, 0, bidder)
    deadline = issued.deadline(0)
    chain.mine(deltatime=DAY - 10)
    amount = issued.min_next_bid(0)
    issued.bid(0, amount, value=amount, sender=second_bidder)
    assert issued.leading_bid(0) == (second_bidder.address, amount) and issued.deadline(0) == deadline


def test_bid__countdown_over__reverts(issued, vault_creator, bidder, second_bidder, chain):
    start_countdown(issued, vault_creator, 0, bidder)
    chain.mine(timestamp=issued.deadline(0) + 1)  # the countdown is over
    with ape.reverts("m_token_vault: lot not open for bids"):
        issued.bid(0, 2 * BID, value=2 * BID, sender=second_bidder)


def test_bid__erc20_vault__pulls_the_bid(token_vault, stable, bidder, second_bidder):
    """An ERC-20 bid is pulled; the outbid bidder withdraws it in the same token."""
    before = stable.balanceOf(bidder)
    token_vault.bid(0, 1_000, sender=bidder)
    token_vault.bid(0, 1_050, sender=second_bidder)
    assert stable.balanceOf(token_vault) == 2_050
    token_vault.withdraw(sender=bidder)
    assert stable.balanceOf(bidder) == before and stable.balanceOf(token_vault) == 1_050


def test_bid__native_coin_to_token_vault__reverts(token_vault, bidder):
    with ape.reverts("m_token_vault: native coin sent to a token vault"):
        token_vault.bid(0, 1_000, value=1_000, sender=bidder)


def test_bid__fee_on_transfer_token__reverts(project, factory, collection, vault_creator, deployer, bidder):
    """A token that delivers less than the bid would leave the bid underfunded."""
    from tests.nft.vault.conftest import create_vault, issue

    fee_token = project.MockQuirkyToken.deploy(1, sender=deployer)
    fee_token.mint(bidder, to_wei(10), sender=deployer)
    contract = create_vault(project, factory, vault_creator)
    collection.safeTransferFrom(vault_creator, contract, 6, b"", sender=vault_creator)
    issue(contract, vault_creator, asset=fee_token)
    fee_token.approve(contract, to_wei(10), sender=bidder)
    with ape.reverts("m_token_vault: token delivered less than the bid"):
        contract.bid(0, to_wei(1), sender=bidder)


def test_withdraw__outbid__refund_paid_once(issued, bidder, second_bidder):
    issued.bid(0, BID, value=BID, sender=bidder)
    issued.bid(0, 2 * BID, value=2 * BID, sender=second_bidder)
    before = bidder.balance
    tx = issued.withdraw(sender=bidder)
    assert bidder.balance == before + BID - tx.total_fees_paid
    assert issued.refunds(bidder) == 0
    with ape.reverts("m_token_vault: nothing to withdraw"):
        issued.withdraw(sender=bidder)


def test_withdraw__leading_bidder__nothing_to_withdraw(issued, bidder):
    """The leading bid cannot be withdrawn."""
    issued.bid(0, BID, value=BID, sender=bidder)
    with ape.reverts("m_token_vault: nothing to withdraw"):
        issued.withdraw(sender=bidder)
