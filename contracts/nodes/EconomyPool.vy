# pragma version ~=0.4.3
"""
@title CPChain Economy Pool: seasonal CPC deposits and their reward
@custom:contract-name EconomyPool
@license GNU Affero General Public License v3.0 only
@notice An economy node deposits at least `MIN_DEPOSIT` (20,000 CPC).
        Seasons of 90 days follow one another from `genesis`; the phase
        is a pure function of the time (no one starts or advances a
        season):
          days  0-3   raising     deposit, top up, withdraw
          days  3-87  lock        nothing but `fund`
          days 87-90  settlement  the season's reward becomes claimable
        A deposit not withdrawn rolls into the next season: it is locked
        again in that season's lock and earns that season's reward.
        `claim` works in every phase: a season's reward, once its
        settlement has begun, stays claimable for ever.

        Glossary (amounts in wei of CPC):
          R    reward_per_season (1,250,000 CPC by default)
          D    total deposits; constant from a lock's start to the next
               raising, so it is the deposit locked in that season
          d_n  node n's deposit
          L    seasons settled so far (their settlement has begun)
          I    reward index: cumulative reward per unit of deposit, WAD
          p_n  I when node n was last settled
          o_n  what n is owed and has not claimed
          U    budget funded and not yet given to a season
          O    outstanding: funded in total minus paid in total
        Lazily, at the first touch after the settlement of one or more
        seasons began (any deposit, withdrawal, claim, fund or setter),
        the k = L(now) - L seasons are settled at once: nothing can have
        changed D since the last touch, so they all share it.
          pay = min(k * R, U)        never beyond the budget
          inc = pay * WAD // D       rounds down: nodes get at most pay
          I  += inc
          U  -= ceil(inc * D / WAD)  rounds up: the budget is charged at
                                     least what the nodes can claim
        While D == 0 a season pays nothing and U keeps its share.
        Node n, settled before each change of d_n, can claim
          claimable_n = o_n + d_n * (I - p_n) // WAD   (rounds down)
        Conservation, to the wei, at every moment:
          CPC balance == D + O + surplus
          O == sum_n claimable_n + dust + U
        dust (>= 0) is what the floors left unclaimable. Force-sent CPC
        is surplus: no function compares the balance with D or O, and
        the owner can `sweep` it.

        A season the budget cannot cover pays what is left (possibly
        nothing) pro rata; what it lacks is never owed later (a later
        `fund` pays later seasons). A claim never reverts for lack of
        budget: a season's share is reserved the moment it is settled.

        Votes: every deposit is checkpointed (contracts/nodes/
        deposit_votes.vy); NodeVotes adds this pool's and the RNode
        Pool's for the CPC Governor.
@custom:security CPC is the suite's CappedToken (trusted, exact
        transfers); state is written before every transfer. Zero amounts
        revert before any state is read or written.
@custom:kill The guardian (or owner) pauses new deposits; withdrawals
        and claims stay open. The owner sets the reward per season to 0
        (seasons already settled stay claimable). Ownership moves in two
        steps and cannot be renounced.
"""


from contracts.nodes import deposit_votes
from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import governed
from ethereum.ercs import IERC20
from interfaces import IEconomyPool
from interfaces import IPausable

implements: IEconomyPool
implements: IPausable

initializes: governed
initializes: deposit_votes


# Deposits as checkpointed votes (ERC-5805 reads; no delegation).
# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless pool could never sweep a surplus or tune its reward again.
# Emergency pause of new deposits by the guardian; withdrawals and claims stay open.
exports: (deposit_votes.__interface__, governed.__interface__)


# @dev Least deposit of an economy node, in wei (20,000 CPC).
MIN_DEPOSIT: public(constant(uint256)) = 20_000 * 10**18
# @dev Largest reward per season the owner can set (ten times the paper's 1,250,000 CPC).
MAX_REWARD_PER_SEASON: public(constant(uint256)) = 12_500_000 * 10**18
# @dev Largest total funding, in wei (U and O are stored in 96 bits).
MAX_FUNDED: constant(uint256) = 2**96 - 1
# @dev Length of a season.
SEASON: public(constant(uint256)) = 90 * constants.DAY
# @dev Offset of the lock in a season (end of raising).
LOCK_START: public(constant(uint256)) = 3 * constants.DAY
# @dev Offset of the settlement in a season (end of lock).
SETTLEMENT_START: public(constant(uint256)) = 87 * constants.DAY

# @dev Phases, as `phase()` returns them.
PHASE_BEFORE_GENESIS: constant(uint256) = 0
PHASE_RAISING: constant(uint256) = 1
PHASE_LOCK: constant(uint256) = 2
PHASE_SETTLEMENT: constant(uint256) = 3

# Index word: I | U.
_INDEX_MASK: constant(uint256) = constants.MASK_160
_UNALLOCATED_SHIFT: constant(uint256) = 160
# Book word: O | L.
_OUTSTANDING_MASK: constant(uint256) = 2**96 - 1
_SEASONS_SHIFT: constant(uint256) = 96
# Node word: p_n | o_n.
_PAID_MASK: constant(uint256) = constants.MASK_160
_OWED_SHIFT: constant(uint256) = 160


# @dev The index and book words unpacked: the pool's reward state.
struct Book:
    index: uint256
    unallocated: uint256
    outstanding: uint256
    seasons: uint256


# @dev A node word unpacked.
struct Node:
    paid: uint256
    owed: uint256


# @dev CPC, fixed at deployment.
cpc: public(immutable(address))
# @dev Start of season 0.
genesis: public(immutable(uint256))

# @dev Index word (see the notice).
_index_word: uint256
# @dev Book word (see the notice).
_book_word: uint256
# @dev Node words (see the notice).
_nodes: HashMap[address, uint256]
# @dev R: the reward of each season settled from now on, in wei.
reward_per_season: public(uint256)
# @dev Funded in total, in wei.
funded: public(uint256)


@deploy
def __init__(cpc_: address, genesis_: uint256, owner_: address):
    """
    @dev Fixes CPC and the season clock; the reward is the paper's
         1,250,000 CPC per season, the budget empty.
    @param cpc_ The CPC token.
    @param genesis_ The start of season 0 (its raising).
    @param owner_ The owner (governance).
    """
    assert cpc_ != empty(address), "economy_pool: zero token"
    assert genesis_ != 0, "economy_pool: zero genesis"
    assert owner_ != empty(address), "economy_pool: zero owner"
    cpc = cpc_
    genesis = genesis_
    governed.__init__(owner_)
    self.reward_per_season = 1_250_000 * 10**18


# Deposits


@external
def deposit(amount: uint256):
    """
    @notice Deposits (or tops up by) `amount` of CPC, approved
            beforehand; only in a season's raising. The deposit after it
            must be at least `MIN_DEPOSIT`.
    @param amount The amount, in wei.
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "economy_pool: zero amount"
    assert self._phase(block.timestamp) == PHASE_RAISING, "economy_pool: not raising"
    d: uint256 = deposit_votes._value_of(msg.sender)
    assert d + amount >= MIN_DEPOSIT, "economy_pool: deposit below the minimum"
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    self._settle(msg.sender, d, self._advance(total).index)
    deposit_votes._change(msg.sender, d, total, amount, True, 0)
    log IEconomyPool.Deposited(node=msg.sender, amount=amount, deposit=d + amount)
    asset_transfer._pull_exact(cpc, msg.sender, amount)


@external
def withdraw(amount: uint256):
    """
    @notice Takes back `amount` of the caller's deposit; only in a
            season's raising. What stays must be 0 or at least
            `MIN_DEPOSIT`. Rewards already settled stay claimable.
    @param amount The amount, in wei.
    """
    assert amount != 0, "economy_pool: zero amount"
    assert self._phase(block.timestamp) == PHASE_RAISING, "economy_pool: not raising"
    d: uint256 = deposit_votes._value_of(msg.sender)
    assert amount <= d, "economy_pool: amount above deposit"
    assert d - amount == 0 or d - amount >= MIN_DEPOSIT, "economy_pool: deposit below the minimum"
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    self._settle(msg.sender, d, self._advance(total).index)
    deposit_votes._change(msg.sender, d, total, amount, False, 0)
    log IEconomyPool.Withdrawn(node=msg.sender, amount=amount, deposit=d - amount)
    asset_transfer._pay_token(cpc, msg.sender, amount)


@external
def claim() -> uint256:
    """
    @notice Pays the caller its reward of every season settled so far
            that it has not claimed; any phase.
    @return uint256 The amount paid, in wei.
    """
    d: uint256 = deposit_votes._value_of(msg.sender)
    b: Book = self._advance(deposit_votes._value_of(deposit_votes._TOTAL))
    n: Node = self._settled(msg.sender, d, b.index)
    amount: uint256 = n.owed
    assert amount != 0, "economy_pool: nothing to claim"
    n.owed = 0
    self._nodes[msg.sender] = self._pack_node(n)
    # O -= paid: never below, as O covers every claimable amount.
    b.outstanding -= amount
    self._book_word = b.outstanding | (b.seasons << _SEASONS_SHIFT)
    log IEconomyPool.Claimed(node=msg.sender, amount=amount)
    asset_transfer._pay_token(cpc, msg.sender, amount)
    return amount


@external
def fund(amount: uint256):
    """
    @notice Adds `amount` of CPC (approved beforehand) to the reward
            budget: the community allocation's way in. Anyone may fund;
            it pays seasons settled from now on.
    @param amount The amount, in wei.
    """
    assert amount != 0, "economy_pool: zero amount"
    funded_: uint256 = self.funded + amount
    assert funded_ <= MAX_FUNDED, "economy_pool: funding above the limit"
    self.funded = funded_
    b: Book = self._advance(deposit_votes._value_of(deposit_votes._TOTAL))
    b.unallocated += amount
    b.outstanding += amount
    self._store(b)
    log IEconomyPool.Funded(funder=msg.sender, amount=amount)
    asset_transfer._pull_exact(cpc, msg.sender, amount)


# Governance


@external
def set_reward_per_season(reward: uint256):
    """
    @notice Only the parameter registry (the owner until one is named):
            the reward of every season whose settlement begins from now
            on (seasons already settled keep theirs).
    @param reward The reward, in wei (at most `MAX_REWARD_PER_SEASON`).
    """
    governed.tunable._check_writer()
    assert reward <= MAX_REWARD_PER_SEASON, "economy_pool: reward above the limit"
    self._advance(deposit_votes._value_of(deposit_votes._TOTAL))
    self.reward_per_season = reward
    log IEconomyPool.RewardPerSeasonSet(reward=reward)


@external
def sweep(receiver: address) -> uint256:
    """
    @notice Only the owner: sends the surplus (CPC beyond deposits and
            the outstanding rewards and budget, i.e. force-sent CPC) to
            `receiver`.
    @param receiver Who receives it (the treasury).
    @return uint256 The amount swept, in wei.
    """
    governed.owner_2step.ownable._check_owner()
    assert receiver != empty(address), "economy_pool: zero receiver"
    amount: uint256 = self._surplus()
    assert amount != 0, "economy_pool: no surplus"
    log IEconomyPool.Swept(receiver=receiver, amount=amount)
    asset_transfer._pay_token(cpc, receiver, amount)
    return amount


# Views


@external
@view
def phase() -> uint256:
    """
    @notice The phase now: 0 before genesis, 1 raising, 2 lock,
            3 settlement.
    @return uint256 The phase.
    """
    return self._phase(block.timestamp)


@external
@view
def season() -> uint256:
    """
    @notice The season now, counted from 0 at `genesis` (0 before it).
    @return uint256 The season.
    """
    if block.timestamp < genesis:
        return 0
    return (block.timestamp - genesis) // SEASON


@external
@view
def settled_seasons() -> uint256:
    """
    @notice How many seasons have reached their settlement by now (L).
    @return uint256 The count.
    """
    return self._settlements_begun(block.timestamp)


@external
@view
def claimable(node: address) -> uint256:
    """
    @notice What `node` could claim now.
    @param node The node.
    @return uint256 The amount, in wei.
    """
    if node == deposit_votes._TOTAL:
        return 0
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    return self._settled(node, deposit_votes._value_of(node), self._advanced(total).index).owed


@external
@view
def unallocated() -> uint256:
    """
    @notice The budget not yet given to a season (as of now), in wei.
    @return uint256 The amount (U).
    """
    return self._advanced(deposit_votes._value_of(deposit_votes._TOTAL)).unallocated


@external
@view
def outstanding() -> uint256:
    """
    @notice Funded minus paid: the CPC the pool holds for rewards, in wei.
    @return uint256 The amount (O).
    """
    return self._book_word & _OUTSTANDING_MASK


@external
@view
def reward_index() -> uint256:
    """
    @notice The cumulative reward per unit of deposit, WAD (as of now).
    @return uint256 The index (I).
    """
    return self._advanced(deposit_votes._value_of(deposit_votes._TOTAL)).index


@external
@view
def surplus() -> uint256:
    """
    @notice CPC held beyond deposits and outstanding rewards: force-sent
            tokens, which only the owner's `sweep` moves.
    @return uint256 The amount, in wei.
    """
    return self._surplus()


# Internal: seasons


@internal
@view
def _phase(t: uint256) -> uint256:
    """
    @dev The phase at time `t`.
    @param t A timestamp.
    @return uint256 One of the PHASE_ constants.
    """
    if t < genesis:
        return PHASE_BEFORE_GENESIS
    offset: uint256 = (t - genesis) % SEASON
    if offset < LOCK_START:
        return PHASE_RAISING
    if offset < SETTLEMENT_START:
        return PHASE_LOCK
    return PHASE_SETTLEMENT


@internal
@view
def _settlements_begun(t: uint256) -> uint256:
    """
    @dev How many seasons' settlements have begun by time `t`: season s
         settles at genesis + s * SEASON + SETTLEMENT_START.
    @param t A timestamp.
    @return uint256 The count.
    """
    if t < genesis + SETTLEMENT_START:
        return 0
    return (t - genesis - SETTLEMENT_START) // SEASON + 1


# Internal: rewards


@internal
@view
def _advanced(total: uint256) -> Book:
    """
    @dev The reward state with every season settled by now accounted
         (not written).
    @param total D, unchanged since the last touch.
    @return Book The state as of now.
    """
    g: uint256 = self._index_word
    k: uint256 = self._book_word
    b: Book = Book(
        index=g & _INDEX_MASK,
        unallocated=g >> _UNALLOCATED_SHIFT,
        outstanding=k & _OUTSTANDING_MASK,
        seasons=k >> _SEASONS_SHIFT,
    )
    settled: uint256 = self._settlements_begun(block.timestamp)
    if settled == b.seasons:
        return b
    if total != 0 and b.unallocated != 0:
        # pay = min(k * R, U): the seasons never outrun the budget.
        pay: uint256 = min((settled - b.seasons) * self.reward_per_season, b.unallocated)
        # inc = pay * WAD // D, rounded down: the nodes get at most pay.
        inc: uint256 = pay * constants.WAD // total
        b.index += inc
        # U -= ceil(inc * D / WAD), rounded up: at most pay, as inc * D <= pay * WAD.
        b.unallocated -= (inc * total + constants.WAD - 1) // constants.WAD
    b.seasons = settled
    return b


@internal
def _advance(total: uint256) -> Book:
    """
    @dev Accounts every season settled since the last touch, writing the
         state only when there is one.
    @param total D.
    @return Book The state as of now.
    """
    before: uint256 = self._book_word >> _SEASONS_SHIFT
    b: Book = self._advanced(total)
    if b.seasons != before:
        unallocated: uint256 = self._index_word >> _UNALLOCATED_SHIFT
        self._store(b)
        log IEconomyPool.SeasonsSettled(
            seasons=b.seasons, deposits=total, reward=unallocated - b.unallocated
        )
    return b


@internal
def _store(b: Book):
    """
    @dev Writes the index and book words.
    @param b The state (each field within its width).
    """
    self._index_word = b.index | (b.unallocated << _UNALLOCATED_SHIFT)
    self._book_word = b.outstanding | (b.seasons << _SEASONS_SHIFT)


@internal
@view
def _settled(node: address, d: uint256, index: uint256) -> Node:
    """
    @dev `node`'s word settled at `index`.
    @param node The node.
    @param d Its deposit since it was last settled.
    @param index The index to settle at.
    @return Node `paid` = index, `owed` = everything claimable.
    """
    word: uint256 = self._nodes[node]
    n: Node = Node(paid=word & _PAID_MASK, owed=word >> _OWED_SHIFT)
    # d * (I - p) // WAD rounds down: never more than was given to the season.
    n.owed += d * (index - n.paid) // constants.WAD
    n.paid = index
    return n


@internal
def _settle(node: address, d: uint256, index: uint256):
    """
    @dev Settles `node` at `index`; call before its deposit changes.
    @param node The node.
    @param d Its deposit (unchanged since it was last settled).
    @param index The index now.
    """
    self._nodes[node] = self._pack_node(self._settled(node, d, index))


@internal
@pure
def _pack_node(n: Node) -> uint256:
    """
    @dev A struct as a node word.
    @param n The fields (each within its width: o_n <= funded < 2**96).
    @return uint256 The packed word.
    """
    return n.paid | (n.owed << _OWED_SHIFT)


@internal
@view
def _surplus() -> uint256:
    """
    @dev The balance beyond D + O (the only place the balance is read).
    @return uint256 The surplus, in wei.
    """
    held: uint256 = deposit_votes._value_of(deposit_votes._TOTAL) + (
        self._book_word & _OUTSTANDING_MASK
    )
    return staticcall IERC20(cpc).balanceOf(self) - held
