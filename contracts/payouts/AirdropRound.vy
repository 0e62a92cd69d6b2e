# pragma version ~=0.4.3
"""
@title One airdrop round: its funds, its Merkle root, its claim bitmap
@custom:contract-name AirdropRound
@license GNU Affero General Public License v3.0 only
@notice Deployed by `AirdropRounds.publish` from a blueprint, one per
        round, funded with exactly the round's total. Everything fixed
        at publication is an immutable (read from code, not storage):
        round number, asset, root, total, window, fee rate, tiering.
        A claim therefore touches one storage word of the round (the
        schedule) plus its bitmap word, and the round's remaining funds
        are simply its own balance: no per-claim accounting write, and
        a round can never pay out another round's money.

        Leaves are `low160(keccak256(keccak256(abi.encode(chain.id,
        registry, round, salt, index, account, amount))))`; parents are
        the low 160 bits of `keccak256` over the sorted pair (see
        `sorted_merkle` and `fivefold/payouts/merkle.py`). A leaf preimage is 32
        bytes and a node preimage 64, so an internal node cannot pass as
        a leaf. Chain id and registry stop a tree published on two chains
        (or by two registries) from paying on both; the round number
        stops a leaf of one round from proving anything in another; the
        operator's random `salt`, unknown until publication, stops a
        registrant from preparing a 160-bit node collision with its own
        leaf (docs/payouts.md, "Leaves and nodes").

        Fee. A claim pays `amount - ceil(amount * FEE_BPS / 10_000)` to
        the account; the fee stays in the round (no transfer, no write
        per claim). After the window anyone may `sweep`: the whole
        balance (fees plus unclaimed amounts) goes to the registry's
        treasury. Conservation, wei-exact: total = paid out + swept.

        Schedule. The first half of the window is cut into TIERS slots.
        Registration order is the leaf index order: leaf `index` is in
        tier min(index >> TIER_SHIFT, TIERS - 1) and may claim from
        start + tier * slot + (keccak256(seed, index) mod slot); from
        mid-window on, every leaf may claim. The seed is the hash of the
        draw block, DRAW_DELAY blocks after publication (with the round
        and root). The operator fixed the root before that block existed
        and has no input afterwards: no secret to reveal or withhold
        (commit-reveal would leave the last revealer a choice). Nobody
        has to send a separate transaction: the first claim draws the
        seed itself (`draw` records it earlier, for anyone who wants the
        unlock times before claiming). `blockhash` reaches 256 blocks
        back (minutes on BSC and Polygon), so if nobody has drawn by
        then, the seed comes from the latest block of the fixed sequence
        draw block + k * 256 that is in reach: a block nobody picks, and
        the round never stalls.
@custom:security Claims follow checks-effects-interactions (the bitmap
        is written before the payment) and take no lock; once the window
        is over no claim can run, so `sweep` needs none either. Residual:
        the producer of the draw block can withhold it (or, on chains
        without RANDAO, grind its hash) to bias the claim order of one
        round; while nobody draws, a watcher can wait 256 blocks for the
        next candidate (anyone's `draw` ends that); amounts are never at
        stake.
@custom:kill No owner and no pause: a round cannot be stopped. It ends at
        END, when claims stop and anyone may sweep what is left to the
        registry's treasury; to stop future rounds, the registry's owner
        revokes the operators.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from interfaces import IAirdropRound
from interfaces import IAirdropRounds

implements: IAirdropRound


# @dev Priority tiers of the schedule (by registration order).
TIERS: constant(uint256) = 4
# @dev Blocks between publication and the block whose hash seeds the schedule.
DRAW_DELAY: constant(uint256) = 5
# @dev How far back `blockhash` reaches.
BLOCKHASH_WINDOW: constant(uint256) = 256
# @dev Longest proof accepted (2**32 leaves).
MAX_PROOF_DEPTH: constant(uint256) = 32
# @dev Nodes are the low 160 bits of their hash (as in `sorted_merkle`).
_NODE_MASK: constant(uint256) = constants.MASK_160

# Schedule word (`_pack_schedule` / `_unpack_schedule`), from bit 0:
#   block (64: the draw block, then the block whose hash was drawn) | seed (192; 0 = not drawn)
_BLOCK_MASK: constant(uint256) = constants.MASK_64
_SEED_SHIFT: constant(uint256) = 64


# The schedule word's fields.
struct Schedule:
    hash_block: uint256  # before the draw: the draw block; after: the block whose hash was drawn
    seed: uint256  # 0 until drawn


# @dev The AirdropRounds registry that published this round.
REGISTRY: public(immutable(address))
# @dev The round number (committed in every leaf).
ROUND: public(immutable(uint256))
# @dev The ERC-20 paid out, or empty(address) for the native coin.
ASSET: public(immutable(address))
# @dev The Merkle root (160-bit node).
ROOT: public(immutable(uint256))
# @dev The operator's random salt, committed in every leaf, revealed at publication.
SALT: public(immutable(bytes32))
# @dev What the round was funded with (the sum of its leaf amounts).
TOTAL: public(immutable(uint256))
# @dev Number of leaves (registrations).
COUNT: public(immutable(uint256))
# @dev The claim window: [START, END).
START: public(immutable(uint256))
END: public(immutable(uint256))
# @dev Handling fee, in basis points, fixed at publication.
FEE_BPS: public(immutable(uint256))
# @dev Leaves per tier are 2**TIER_SHIFT (the last tier takes the rest).
TIER_SHIFT: public(immutable(uint256))


# @dev The packed schedule (`_unpack_schedule`).
_schedule: uint256
# @dev Claimed flags: bit (index % 256) of word (index // 256).
_claimed_bitmap: HashMap[uint256, uint256]


@deploy
@payable
def __init__(
    round: uint256,
    asset: address,
    root: uint256,
    salt: bytes32,
    total: uint256,
    count: uint256,
    start: uint256,
    end: uint256,
    fee_bps: uint256,
):
    """
    @dev Called by the registry only (it checked every argument); a
         native-coin round receives its total as the creation value.
    @param round The round number.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param root The Merkle root.
    @param salt The salt committed in every leaf.
    @param total The sum of the leaf amounts.
    @param count The number of leaves.
    @param start The window start.
    @param end The window end.
    @param fee_bps The handling fee, in basis points.
    """
    REGISTRY = msg.sender
    ROUND = round
    ASSET = asset
    ROOT = root
    SALT = salt
    TOTAL = total
    COUNT = count
    START = start
    END = end
    FEE_BPS = fee_bps
    # Smallest shift that puts the last index in tier TIERS - 1 or below.
    tier_shift: uint256 = 0
    for _: uint256 in range(256):
        if (count - 1) >> tier_shift < TIERS:
            break
        tier_shift += 1
    TIER_SHIFT = tier_shift
    self._schedule = self._pack_schedule(Schedule(hash_block=block.number + DRAW_DELAY, seed=0))


@external
def claim(index: uint256, account: address, amount: uint256, proof: DynArray[uint256, MAX_PROOF_DEPTH]) -> uint256:
    """
    @dev Pays leaf `index` to its account, minus the handling fee.
    @notice Anyone may submit it; the tokens go to `account`. Only
            inside the window, after the draw block, once the leaf's turn
            has come (`unlock_time`). The first claim draws the schedule
            if nobody has (a claim that then finds it is not yet its
            turn reverts, and draws nothing).
    @param index The leaf's index (its registration rank), below COUNT.
    @param account The leaf's account, which receives the payment.
    @param amount The leaf's amount, before the fee.
    @param proof The leaf's Merkle proof (160-bit siblings, leaf upwards).
    @return uint256 The amount paid (after the fee).
    """
    assert index < COUNT, "airdrop_round: index out of range"
    assert block.timestamp < END, "airdrop_round: round closed"
    seed: uint256 = self._unpack_schedule(self._schedule).seed
    if seed == 0:
        seed = self._draw()
    assert block.timestamp >= self._unlock(seed, index), "airdrop_round: not yet this account's turn"

    slot: uint256 = index >> 8
    bit: uint256 = 1 << (index & 255)
    flags: uint256 = self._claimed_bitmap[slot]
    assert flags & bit == 0, "airdrop_round: already claimed"
    self._claimed_bitmap[slot] = flags | bit

    # sorted_merkle._root, inlined: an internal call would copy the proof.
    node: uint256 = convert(
        keccak256(keccak256(abi_encode(chain.id, REGISTRY, ROUND, SALT, index, account, amount))), uint256
    ) & _NODE_MASK
    for sibling: uint256 in proof:
        if node < sibling:
            node = convert(keccak256(abi_encode(node, sibling)), uint256) & _NODE_MASK
        else:
            node = convert(keccak256(abi_encode(sibling, node)), uint256) & _NODE_MASK
    assert node == ROOT, "airdrop_round: invalid proof"

    # Round up: the fee favours the protocol by at most one unit. The
    # unchecked product can only wrap for an amount above 2**246, far
    # above any balance, so such a payment reverts anyway.
    net: uint256 = amount - unsafe_div(unsafe_add(unsafe_mul(amount, FEE_BPS), constants.BPS - 1), constants.BPS)
    log IAirdropRound.Claimed(account=account, index=index, amount=amount)
    asset_transfer._pay(ASSET, account, net)
    return net


@external
def draw() -> uint256:
    """
    @dev Records the schedule seed now (the first claim would draw it
         anyway).
    @notice Anyone, once the draw block is mined. A dApp calls it to
            show unlock times before anyone claims; the operator's
            publish tool calls it DRAW_DELAY blocks after publication.
    @return uint256 The seed.
    """
    assert self._unpack_schedule(self._schedule).seed == 0, "airdrop_round: schedule already drawn"
    return self._draw()


@external
def sweep() -> uint256:
    """
    @dev Sends the round's balance (fees and unclaimed amounts) to the
         registry's treasury.
    @notice Anyone, once the window is over.
    @return uint256 The amount swept.
    """
    assert block.timestamp >= END, "airdrop_round: round still open"
    treasury: address = staticcall IAirdropRounds(REGISTRY).treasury()
    assert treasury != empty(address), "airdrop_round: treasury not set"
    amount: uint256 = asset_transfer._balance(ASSET)
    assert amount != 0, "airdrop_round: nothing to sweep"
    log IAirdropRound.Swept(treasury=treasury, amount=amount)
    asset_transfer._pay(ASSET, treasury, amount)
    return amount


@external
@view
def seed() -> uint256:
    """
    @dev The schedule seed (0 until drawn).
    @return uint256 The seed.
    """
    return self._unpack_schedule(self._schedule).seed


@external
@view
def draw_block() -> uint256:
    """
    @dev Before the draw: the draw block (publication + DRAW_DELAY);
         after it: the block whose hash seeded the schedule (the draw
         block, or draw block + k * 256 if nobody drew in time).
    @return uint256 A block number.
    """
    return self._unpack_schedule(self._schedule).hash_block


@external
@view
def is_claimed(index: uint256) -> bool:
    """
    @dev Whether leaf `index` has claimed.
    @param index The leaf index.
    @return bool True once claimed.
    """
    return (self._claimed_bitmap[index >> 8] >> (index & 255)) & 1 == 1


@external
@view
def claimed_bitmap(word: uint256) -> uint256:
    """
    @dev The claimed flags of leaves 256 * word to 256 * word + 255, one
         bit each (bit i: leaf 256 * word + i), for reading many at once.
    @param word The bitmap word's index.
    @return uint256 The flags.
    """
    return self._claimed_bitmap[word]


@external
@view
def unlock_time(index: uint256) -> uint256:
    """
    @dev When leaf `index` may claim (0 until the schedule is drawn).
    @param index The leaf index.
    @return uint256 A timestamp.
    """
    seed: uint256 = self._unpack_schedule(self._schedule).seed
    if seed == 0:
        return 0
    return self._unlock(seed, index)


@external
@view
def holdings() -> uint256:
    """
    @dev What the round holds now: unclaimed amounts plus fees kept.
    @return uint256 The balance, in the asset's smallest unit.
    """
    return asset_transfer._balance(ASSET)


@internal
def _draw() -> uint256:
    """
    @dev Draws and records the seed: 192 bits of keccak256(blockhash(B),
         round, root), never 0 (0 means "not drawn"). B is the draw block
         while its hash is in reach, else the latest block of the fixed
         sequence draw block + k * 256 before this one:
             B = D + floor((N - 1 - D) / 256) * 256,   1 <= N - B <= 256
         (D draw block, N this block), always within `blockhash`'s reach.
    @return uint256 The seed.
    """
    target: uint256 = self._unpack_schedule(self._schedule).hash_block
    assert block.number > target, "airdrop_round: draw block not mined yet"
    # `block.number > target`: no underflow; the result is at most block.number - 1.
    hash_block: uint256 = target + unsafe_sub(block.number, target + 1) // BLOCKHASH_WINDOW * BLOCKHASH_WINDOW
    seed: uint256 = (convert(keccak256(abi_encode(blockhash(hash_block), ROUND, ROOT)), uint256) >> 64) | 1
    self._schedule = self._pack_schedule(Schedule(hash_block=hash_block, seed=seed))
    log IAirdropRound.ScheduleDrawn(seed=seed, hash_block=hash_block)
    return seed


@internal
@view
def _unlock(seed: uint256, index: uint256) -> uint256:
    """
    @dev START + tier * slot + keccak256(seed, index) mod slot, with
         slot = floor((END - START) / (2 * TIERS)): rounding down ends
         the schedule a little before mid-window, never after.
    @param seed The schedule seed.
    @param index The leaf index.
    @return uint256 The unlock timestamp.
    """
    # The registry checked END > START.
    slot: uint256 = unsafe_div(unsafe_sub(END, START), 2 * TIERS)
    if slot == 0:
        return START
    tier: uint256 = min(index >> TIER_SHIFT, TIERS - 1)
    return START + tier * slot + convert(keccak256(abi_encode(seed, index)), uint256) % slot


@internal
@pure
def _pack_schedule(schedule: Schedule) -> uint256:
    """
    @dev The schedule as its storage word (a block number fits 64 bits;
         the seed is 192 bits).
    @param schedule The schedule.
    @return uint256 The word.
    """
    return schedule.hash_block | (schedule.seed << _SEED_SHIFT)


@internal
@pure
def _unpack_schedule(word: uint256) -> Schedule:
    """
    @dev The schedule word as its fields.
    @param word The word.
    @return Schedule The schedule.
    """
    return Schedule(hash_block=word & _BLOCK_MASK, seed=word >> _SEED_SHIFT)
