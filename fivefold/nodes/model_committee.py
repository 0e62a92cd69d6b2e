"""Pure mirror of contracts/nodes/{Reputation,ProposerCommittee,SlotRewards}.vy: the same integer
operations, used as the tests' oracle.

- `rpt`: 50 AB + 15 TX + 10 PR + 15 DC + 10 BM in hundredths, AB linear up to a cap, from the
  holdings H of `holdings`: both pools' deposits at the previous second (`past_timepoint`), no
  wallet balance.
- `can_register`: the candidacy rule, the RNode deposit at the previous second.
- `elect`: the committee of a term from its candidates and the drawn seed.
- `gross`/`impeached_amount`: a member's reward for a term, slot by slot through Table 1.
"""

from dataclasses import dataclass

from eth_abi import encode
from eth_utils import keccak

SLOT_TIME = 10
MIN_RNODE_DEPOSIT = 200_000 * 10**18
# Table 1 (SPEC, CPC maintenance rewards): blocks and reward per block of each year.
YEAR_BLOCKS = (3_162_240, 3_153_600, 3_153_600, 3_153_600, 3_162_240)
REWARD_PER_BLOCK = (
    12_650_000_000_000_000_000,
    9_510_000_000_000_000_000,
    7_130_000_000_000_000_000,
    5_390_000_000_000_000_000,
    4_030_000_000_000_000_000,
)
TOTAL_REWARDS = 122_219_971_200_000_000_000_000_000
MASK_64 = 2**64 - 1


# Reputation


def past_timepoint(now: int) -> int:
    """p = block.timestamp - 1: the second whose checkpoints AB and candidacy read (final once a
    block at `now` exists, so nothing done in that block, a flash loan included, is in it)."""
    return now - 1


def holdings(economy_deposit_at_p: int, rnode_deposit_at_p: int) -> int:
    """H = EconomyPool.getPastVotes(node, p) + RNodePool.getPastVotes(node, p); a pool not set
    counts 0 (pass 0). The node's CPC balance is not part of it."""
    return economy_deposit_at_p + rnode_deposit_at_p


def can_register(rnode_deposit_at_p: int) -> bool:
    """An RNode may enter an election if its RNodePool deposit at p is at least the minimum."""
    return rnode_deposit_at_p >= MIN_RNODE_DEPOSIT


def ab(holdings: int, cap: int) -> int:
    """AB = min(100, H * 100 // C)."""
    return min(100, holdings * 100 // cap)


def bm(reported: int, blocks: int | None, block_cap: int) -> int:
    """BM = (reported + min(100, B * 100 // K)) // 2, or the reported score without a committee."""
    if blocks is None:
        return reported
    return (reported + min(100, blocks * 100 // block_cap)) // 2


def rpt(ab_: int, tx: int, pr: int, dc: int, bm_: int) -> int:
    """RPT in hundredths of a point."""
    return 50 * ab_ + 15 * tx + 10 * pr + 15 * dc + 10 * bm_


# Election


def seed(block_hash: bytes, term: int) -> bytes:
    """keccak256(abi.encode(blockhash(D), term))."""
    return keccak(encode(["bytes32", "uint256"], [block_hash, term]))


def fallback_seed(seed_block: int, term: int) -> bytes:
    """keccak256(abi.encode(D, term)), once D is beyond blockhash's 256 blocks."""
    return keccak(encode(["uint256", "uint256"], [seed_block, term]))


def key(seed_: bytes, node: str, rpt_: int) -> int:
    """(rpt + 1) * (keccak256(abi.encode(seed, node)) mod 2**64)."""
    luck = int.from_bytes(keccak(encode(["bytes32", "address"], [seed_, node])), "big") & MASK_64
    return (rpt_ + 1) * luck


def elect(seed_: bytes, candidates: list[tuple[str, int, bool]], size: int) -> list[str]:
    """The committee by seat: the `size` largest keys among eligible (node, rpt, eligible)
    candidates, ties to the earlier registration."""
    ranked = [(key(seed_, node, r), -i, node) for i, (node, r, ok) in enumerate(candidates) if ok]
    ranked.sort(reverse=True)
    return [node for _, _, node in ranked[:size]]


def proposer_seat(slot: int, size: int) -> int:
    """Round robin from the term start."""
    return slot % size


# Rewards


def year_of_slot(g: int) -> int:
    """The reward year (1-5) of global slot g, 6 after year 5."""
    for y, blocks in enumerate(YEAR_BLOCKS):
        if g < blocks:
            return y + 1
        g -= blocks
    return len(YEAR_BLOCKS) + 1


def slot_reward(g: int) -> int:
    """Table 1's reward of block g + 1."""
    y = year_of_slot(g)
    return REWARD_PER_BLOCK[y - 1] if y <= len(YEAR_BLOCKS) else 0


def gross(first: int, seat: int, size: int, length: int) -> int:
    """The reward of a seat's slots first + seat + j * size, j < ceil((length - seat) / size),
    computed year by year as the contract does."""
    c = (length - seat + size - 1) // size
    g = first + seat
    total = below = boundary = 0
    for y, blocks in enumerate(YEAR_BLOCKS):
        boundary += blocks
        upto = min(c, (boundary - g + size - 1) // size) if boundary > g else 0
        total += REWARD_PER_BLOCK[y] * (upto - below)
        below = upto
    return total


def gross_by_slots(first: int, seat: int, size: int, length: int) -> int:
    """The same reward slot by slot (the definition `gross` must equal)."""
    return sum(slot_reward(first + k) for k in range(seat, length, size))


def impeached_amount(counts: dict[int, int]) -> int:
    """sum_y r_y i_y for impeached slot counts per year (1-5)."""
    return sum(REWARD_PER_BLOCK[y - 1] * n for y, n in counts.items() if 1 <= y <= len(YEAR_BLOCKS))


def accrued(blocks: int) -> int:
    """MaintenanceRewards' accrual after `blocks` whole blocks."""
    total = 0
    for y, n in enumerate(YEAR_BLOCKS):
        if blocks < n:
            return total + REWARD_PER_BLOCK[y] * blocks
        total += REWARD_PER_BLOCK[y] * n
        blocks -= n
    return TOTAL_REWARDS


@dataclass
class TermOutcome:
    """Where a term's reward goes: per member (net, back) and the unassigned remainder."""

    paid: int
    returned: int


def settle_term(first: int, length: int, size: int, impeached: dict[int, set[int]]) -> TermOutcome:
    """Splits a term's reward between its members' non-impeached slots and the treasury;
    `impeached` maps a seat to the term's impeached slot indices of that seat. size 0: no committee."""
    if size == 0:
        return TermOutcome(0, gross(first, 0, 1, length))
    paid = returned = 0
    for seat in range(size):
        back = impeached_amount(_by_year(first, impeached.get(seat, set())))
        paid += gross(first, seat, size, length) - back
        returned += back
    return TermOutcome(paid, returned)


def _by_year(first: int, slots: set[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for k in slots:
        y = year_of_slot(first + k)
        counts[y] = counts.get(y, 0) + 1
    return counts
