"""Bounds and packing of MTokenVault read back at their exact limits: the largest bid and lot amount,
the upper bounds of the increment and countdown, the config and tally words' neighbouring fields at
their lowest and top bits, the proceeds accumulator's scale and carry, a permit at its deadline's own
second, and the small returns and branches (phase of an empty slot, a 1-wei refund, claim of nothing,
a transfer before the first sale) that mutation testing found unchecked."""

import pytest

from fivefold.nft.model_vault import DAY, MAX_COUNTDOWN, MAX_INCREMENT_BPS, PHASE_NONE, SCALE, min_next_bid
from fivefold.tokens.flow import permit_signature
from tests.nft.vault.conftest import BID, HOLDER_SHARE, MULTI_ID, SUPPLY, ZERO, issue, sell

MAX_96 = 2**96 - 1
MAX_88 = 2**88 - 1
# A transfer before the first sale touches no proceeds bookkeeping (`dpt != 0` skips both settlements):
# 55,947 gas to a fresh receiver; settling both holders would add two cold reads (4,200 and more).
# The bound sits about halfway: 2,100 above the figure, 2,100 below the settling transfer's.
TRANSFER_GAS_BEFORE_A_SALE = 58_000


@pytest.fixture(scope="module", autouse=True)
def bounds_fixtures(vault, issued, multi, stable, vault_creator, holder, bidder, second_bidder, stranger):
    """Deploys every module-scoped fixture before the first test, so ape's per-test snapshots are never
    rebased."""


def _next_second(chain, odd: bool) -> int:
    """A second after the head's, odd or even as asked, set as the next block's timestamp."""
    second = chain.blocks.head.timestamp + 1
    if second % 2 != int(odd):
        second += 1
    chain.pending_timestamp = second
    return second


def test_bid__exactly_96_bits__accepted_and_read_back(issued, bidder, chain):
    """Kills MAX_BID 2**95 - 1 and `amount < MAX_BID`: the largest bid is allowed and reads back whole."""
    chain.provider.set_balance(bidder.address, 2 * MAX_96)
    tx = issued.bid(0, MAX_96, value=MAX_96, sender=bidder)
    assert issued.leading_bid(0) == (bidder.address, MAX_96)
    assert tx.decode_logs(issued.BidPlaced)[0].amount == MAX_96
    assert issued.min_next_bid(0) == min_next_bid(MAX_96, 500)


def test_bid__one_wei_outbid__refund_of_one_wei(issued, bidder, second_bidder):
    """Kills `if leading != 0` -> `!= 1`: a leading bid of 1 wei becomes a refund of 1 wei."""
    issued.bid(0, 1, value=1, sender=bidder)
    assert issued.min_next_bid(0) == 2  # 1 + ceil(5% of 1)
    issued.bid(0, 2, value=2, sender=second_bidder)
    assert issued.refunds(bidder) == 1 and issued.leading_bid(0) == (second_bidder.address, 2)
    tx = issued.withdraw(sender=bidder)
    assert tx.decode_logs(issued.Withdrawn)[0].amount == 1


def test_onERC1155Received__exactly_88_bits__lot_amount_read_back(vault, multi, vault_creator, deployer):
    """Kills MAX_LOT_AMOUNT 2**87 - 1, `amount < MAX_LOT_AMOUNT` and _AMOUNT_MASK 2**87 - 1: the
    largest lot is accepted and its amount reads back to the top bit."""
    multi.mint(vault_creator, 9, MAX_88, sender=deployer)
    tx = multi.safeTransferFrom(vault_creator, vault, 9, MAX_88, b"", sender=vault_creator)
    assert tx.decode_logs(vault.LotDeposited)[0].amount == MAX_88
    lot = vault.lot(3)
    assert (lot.token, lot.token_id, lot.amount, lot.phase) == (multi.address, 9, MAX_88, 1)
    assert vault.lot(2).amount == 4 and vault.lot(2).token_id == MULTI_ID


def test_issue__upper_bounds_inclusive__accepted(vault, vault_creator):
    """Kills MAX_INCREMENT_BPS 4999, MAX_COUNTDOWN 6 days and both `<= MAX` -> `<`: a 50% increment
    and a 7-day countdown are allowed and read back."""
    tx = issue(vault, vault_creator, increment=MAX_INCREMENT_BPS, countdown=MAX_COUNTDOWN)
    assert (vault.min_increment_bps(), vault.countdown()) == (5_000, 7 * DAY)
    event = tx.decode_logs(vault.Issued)[0]
    assert (event.min_increment_bps, event.countdown) == (5_000, 7 * DAY)


def test_issue__odd_threshold_and_countdown__config_fields_read_back(vault, vault_creator, stable):
    """Kills _THRESHOLD_SHIFT 175 and _COUNTDOWN_SHIFT 183: an odd threshold's lowest bit would land in
    the increment's top bit, an odd countdown's in the threshold's; each field reads back exact."""
    issue(vault, vault_creator, asset=stable, threshold=51, increment=101, countdown=3_601)
    assert vault.threshold_percent() == 51
    assert vault.min_increment_bps() == 101
    assert vault.countdown() == 3_601
    assert vault.issued() and vault.payment_asset() == stable.address


def test_vote__votes_at_the_96th_bit__read_back(vault, vault_creator, bidder):
    """Kills _VOTES_MASK 2**95 - 1: votes of 2**95 and more (the largest supply) read back whole, and
    reaching 100% of it starts the countdown."""
    issue(vault, vault_creator, supply=MAX_96, threshold=100)
    vault.bid(0, BID, value=BID, sender=bidder)
    tx = vault.vote(0, 2**95, sender=vault_creator)
    assert vault.votes(0) == 2**95 and tx.decode_logs(vault.Voted)[0].votes == 2**95
    assert vault.deadline(0) == 0
    tx = vault.vote(0, 2**95 - 1, sender=vault_creator)
    assert vault.votes(0) == MAX_96 and tx.decode_logs(vault.Voted)[0].votes == MAX_96
    assert vault.deadline(0) == tx.timestamp + DAY


def test_vote__odd_deadline__votes_and_deadline_read_back(issued, vault_creator, bidder, chain):
    """Kills _DEADLINE_SHIFT 95: an odd deadline's lowest bit would land in the votes' top bit."""
    issued.bid(0, BID, value=BID, sender=bidder)
    second = _next_second(chain, odd=True)
    votes = issued.balanceOf(vault_creator)
    tx = issued.vote(0, votes, sender=vault_creator)
    assert tx.timestamp == second
    assert issued.votes(0) == votes and issued.deadline(0) == second + DAY
    assert tx.decode_logs(issued.CountdownStarted)[0].deadline == second + DAY


def test_settle__price_scaled__dividend_per_token_exact(vault, vault_creator, bidder, chain):
    """Kills SCALE 10**35: 1 wei over 2**36 MToken is exactly 5**36 per token at K = 10**36 (no
    carry), so the sole holder earns the whole wei."""
    issue(vault, vault_creator, supply=2**36)
    sell(vault, chain, vault_creator, bidder, slot=0, amount=1)
    assert vault.dividend_per_token() == 5**36 == SCALE // 2**36
    assert vault.proceeds_of(vault_creator) == 1


def test_settle__second_sale__carry_added(vault, vault_creator, bidder, chain):
    """Kills `+ self._carry` -> `-` and the dropped carry store: over 3 MToken, two sales of 2 wei
    give D = floor(4 * K / 3), the remainder of the first carried into the second."""
    issue(vault, vault_creator, supply=3)
    sell(vault, chain, vault_creator, bidder, slot=0, amount=2)
    assert vault.dividend_per_token() == 2 * SCALE // 3
    sell(vault, chain, vault_creator, bidder, slot=1, amount=2)
    assert vault.dividend_per_token() == 4 * SCALE // 3
    assert vault.proceeds_total() == 4


def test_phase__slot_never_deposited__none(issued):
    """Kills PHASE_NONE 1: a slot past the last lot is PHASE_NONE (0)."""
    assert issued.lot_count() == 3
    assert issued.phase(3) == PHASE_NONE == 0
    lot = issued.lot(3)
    assert (lot.token, lot.token_id, lot.amount, lot.phase) == (ZERO, 0, 0, 0)


def test_permit__deadline_is_the_block_second__accepted(issued, holder, stranger, chain):
    """Kills `block.timestamp <= deadline` -> `<`: a permit is valid in its deadline's own second."""
    deadline = chain.blocks.head.timestamp + 5
    v, r, s = permit_signature(issued, holder, stranger.address, 9, deadline, chain.chain_id)
    chain.pending_timestamp = deadline
    tx = issued.permit(holder, stranger, 9, deadline, v, r, s, sender=stranger)
    assert tx.timestamp == deadline
    assert issued.allowance(holder, stranger) == 9 and issued.nonces(holder) == 1


def test_eip712Domain__fields__0x0f(issued):
    """Kills 0x0F -> 0x0e: name, version, chain id and verifying contract are present (ERC-5267)."""
    fields, name, version, chain_id, contract, salt, extensions = issued.eip712Domain()
    assert bytes(fields) == b"\x0f"
    assert (name, version, contract) == ("Mock Vault", "1", issued.address)
    assert bytes(salt) == bytes(32) and list(extensions) == []


def test_claim__nothing_owed__returns_zero(issued, holder, stranger, vault_creator, bidder, chain):
    """Kills `return 0` -> `return 1` in _pay_proceeds: claiming nothing returns 0, before and after a
    sale, and a second claim after a real one returns 0 too."""
    assert issued.claim.call(sender=stranger) == 0
    sell(issued, chain, vault_creator, bidder)
    owed = issued.proceeds_of(holder)
    assert owed == BID * HOLDER_SHARE // SUPPLY
    assert issued.claim.call(sender=holder) == owed
    issued.claim(sender=holder)
    assert issued.claim.call(sender=holder) == 0 and issued.claim.call(sender=stranger) == 0


def test_transfer__before_any_sale__no_proceeds_settlement_gas(issued, holder, stranger):
    """Kills `if dpt != 0` -> `!= 1`: D is 0 before the first sale and at least 10**36 // 2**96 after
    it (never 1), so the mutant differs only in settling both holders for nothing: two cold reads."""
    assert issued.dividend_per_token() == 0
    tx = issued.transfer(stranger, 5, sender=holder)
    assert tx.gas_used <= TRANSFER_GAS_BEFORE_A_SALE
    assert issued.balanceOf(stranger) == 5 and issued.balanceOf(holder) == HOLDER_SHARE - 5
