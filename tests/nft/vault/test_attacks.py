"""Attacks that must fail: flash-loaned votes, the same tokens voting twice, rounding of the buyout
price (Fractional v2 audit H-04: up to half the price lost), and re-entry from a bidder's refund
receiver and from the winner's ERC-721 hook."""

import ape
import pytest

from fivefold.nft.model_vault import Proceeds
from tests.nft.vault.conftest import BID, HOLDER_SHARE, create_vault, issue, sell, start_countdown

LOAN = 600 * 10**18  # 60% of the supply: above the 50% threshold on its own


@pytest.fixture
def flash(project, deployer, issued, vault_creator):
    """A flash lender holding 60% of the MToken (the creator keeps 10%), and a borrower that votes.
    Per test: the other attacks start from the creator's 70%."""
    lender = project.FlashLender.deploy(issued, sender=deployer)
    issued.transfer(lender, LOAN, sender=vault_creator)
    return project.VaultFlashVoter.deploy(lender, issued, sender=deployer)


def test_attack__flash_loaned_votes_reach_threshold__loan_cannot_be_repaid(flash, issued, bidder):
    """Borrowed MToken locked as votes cannot go back to the lender in the same transaction: the
    whole loan reverts and no countdown starts."""
    issued.bid(0, BID, value=BID, sender=bidder)
    with ape.reverts("m_token_vault: balance too low"):
        flash.attack(0, LOAN, False, sender=bidder)
    assert issued.deadline(0) == 0 and issued.votes(0) == 0


def test_attack__flash_loaned_votes_withdrawn_in_the_same_tx__unvote_reverts(flash, issued, bidder):
    """Reaching the threshold locks the votes until settlement: vote-then-unvote inside the loan
    reverts."""
    issued.bid(0, BID, value=BID, sender=bidder)
    with ape.reverts("m_token_vault: votes locked until settlement"):
        flash.attack(0, LOAN, True, sender=bidder)
    assert issued.deadline(0) == 0


def test_attack__flash_loan_below_threshold__changes_nothing(flash, issued, bidder):
    """Below the threshold a borrowed vote can be taken back and repaid, but it leaves no trace:
    no countdown, no votes."""
    issued.bid(0, BID, value=BID, sender=bidder)
    flash.attack(0, LOAN // 2, True, sender=bidder)
    assert issued.deadline(0) == 0 and issued.votes(0) == 0


def test_attack__vote_then_transfer_the_same_tokens__reverts(issued, holder, stranger, bidder):
    """Locked tokens are in the vault: the voter can neither transfer them nor vote them again."""
    issued.bid(0, BID, value=BID, sender=bidder)
    issued.bid(1, BID, value=BID, sender=bidder)
    issued.vote(0, HOLDER_SHARE, sender=holder)
    with ape.reverts("m_token_vault: balance too low"):
        issued.transfer(stranger, HOLDER_SHARE, sender=holder)
    with ape.reverts("m_token_vault: balance too low"):
        issued.vote(1, HOLDER_SHARE, sender=holder)
    assert issued.votes(0) + issued.votes(1) == HOLDER_SHARE


def test_attack__buyout_rounding__every_holder_plus_dust_equals_the_prices(
    project, factory, collection, multi, vault_creator, holder, stranger, bidder, chain, deployer
):
    """Odd supply and odd prices: what the three holders claim plus the dust is the sum of the prices
    to the wei, the model agrees wei for wei, and the dust is below one wei per holder and sale."""
    supply = 1_000_000_007
    shares = {"creator": supply - 333_333_337 - 123_456_791, "holder": 333_333_337, "stranger": 123_456_791}
    prices = [1, 999, 10**18 + 3]
    for token_id in (7, 8):
        collection.mint(vault_creator, token_id, sender=deployer)
    contract = create_vault(project, factory, vault_creator)
    for token_id in (7, 8):
        collection.safeTransferFrom(vault_creator, contract, token_id, b"", sender=vault_creator)
    multi.safeTransferFrom(vault_creator, contract, 7, 1, b"", sender=vault_creator)
    issue(contract, vault_creator, supply=supply)
    contract.transfer(holder, shares["holder"], sender=vault_creator)
    contract.transfer(stranger, shares["stranger"], sender=vault_creator)
    model = Proceeds(supply, dict(shares))
    for slot, price in enumerate(prices):
        sell(contract, chain, vault_creator, bidder, slot=slot, amount=price)
        model.distribute(price)
    claimed = 0
    for name, account in (("creator", vault_creator), ("holder", holder), ("stranger", stranger)):
        assert contract.proceeds_of(account) == model.earned(name)
        claimed += contract.claim(sender=account).decode_logs(contract.ProceedsClaimed)[0].amount
        model.claim(name)
    dust = chain.provider.get_balance(contract.address)
    assert claimed + dust == sum(prices) and dust == model.dust()
    assert dust < len(shares) * len(prices)


def test_attack__reentrant_refund_receiver__paid_once(project, issued, vault_creator, second_bidder):
    """A bidder whose receive() calls `withdraw` again gets its refund once; the re-entry fails."""
    attacker = project.VaultAttacker.deploy(issued, sender=vault_creator)
    attacker.bid(0, value=BID, sender=vault_creator)
    issued.bid(0, 2 * BID, value=2 * BID, sender=second_bidder)
    attacker.withdraw(sender=vault_creator)
    assert attacker.attempts() == 1 and attacker.successes() == 0
    assert attacker.balance == BID and issued.refunds(attacker) == 0
    assert issued.balance == 2 * BID


def test_attack__reentrant_winner_hook__nothing_reentered(
    project, issued, collection, vault_creator, chain, stranger
):
    """The winner's onERC721Received calls settle, withdraw and claim: each fails on the lock, the
    sale completes once."""
    attacker = project.VaultAttacker.deploy(issued, sender=vault_creator)
    attacker.bid(0, value=BID, sender=vault_creator)
    start_countdown(issued, vault_creator, 0)
    chain.mine(timestamp=issued.deadline(0) + 1)  # the countdown is over
    issued.settle(0, sender=stranger)
    assert attacker.attempts() == 3 and attacker.successes() == 0
    assert collection.ownerOf(4) == attacker.address
    assert issued.proceeds_total() == BID and issued.balance == BID
