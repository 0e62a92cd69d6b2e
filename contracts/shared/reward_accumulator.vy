# pragma version ~=0.4.3
"""
@title Reward-per-token accumulator with a funded budget
@custom:contract-name reward_accumulator
@license GNU Affero General Public License v3.0 only
@notice Streams a reward token to holders of "shares" (staked tokens,
        farmed NFTs, supplied liquidity: whatever the host contract
        counts) at a rate per second set by the host's governance, paid
        only out of a budget that somebody funded. Written once for
        every domain: governance staking, NFT farming and lending
        liquidity mining initialise it and call `_deposit` /
        `_withdraw` around each change of a holder's shares and
        `_claim` to pay out. O(1) per holder: no loop anywhere.

        Glossary (all amounts in the reward token's wei):
          R      reward_rate, wei per second for all shares together
          S      total_shares
          s_a    shares of holder a
          rpt    reward per share, scaled by WAD (cumulative)
          p_a    rpt when a was last settled ("paid")
          o_a    what a is owed and has not claimed
          U      unallocated budget: funded and not yet streamed
          F      funded in total, P paid in total (P is not stored:
                 a claim would pay 5,000 gas for the counter; the
                 host's Claimed events and its token balance give it)
        Streaming over dt seconds, while S > 0:
          accrual = min(R * dt, U)            never beyond the budget
          inc     = accrual * WAD // S        rounds down: holders get
                                              at most what streamed
          used    = ceil(inc * S / WAD)       rounds up: the budget is
                                              charged at least what the
                                              holders can ever claim
          rpt += inc;  U -= used
        While S == 0 nothing streams and U keeps the budget.
        A holder's claimable amount:
          earned_a = o_a + s_a * (rpt - p_a) // WAD   (rounds down)
        Conservation, wei-exact at every moment:
          F == P + sum_a earned_a + dust + U
        where dust (>= 0) is what the floors above left unclaimable;
        fivefold/governance/model.py computes every term and the tests
        compare them wei for wei.

        Storage, packed so that a settlement reads two global words:
          word G = rpt (208 bits) | last update (48)
          word B = unallocated (160) | rate (96)
          holder = p_a (160 bits) | o_a (96)
        F is bounded by 2**96 - 1 wei in total (`_fund`), so
        rpt <= F * WAD / 1 < 2**160 and every o_a fits in 96 bits.
@custom:security The host calls `_deposit`/`_withdraw` before it moves
        the shares' underlying asset and `_claim` before paying, so the
        module's state is final before any external call. The reward
        token is fixed at initialisation and trusted by the host.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants


# @dev Largest total funding, in wei (o_a is stored in 96 bits).
MAX_FUNDED: constant(uint256) = 2**96 - 1
# @dev Largest reward rate, in wei per second (stored in 96 bits).
MAX_RATE: constant(uint256) = 2**96 - 1

# Word G: reward per share | last update.
_RPT_MASK: constant(uint256) = 2**208 - 1
_LAST_SHIFT: constant(uint256) = 208
# Word B: unallocated | rate.
_UNALLOCATED_MASK: constant(uint256) = constants.MASK_160
_RATE_SHIFT: constant(uint256) = 160
# Holder word: reward per share paid | owed.
_PAID_MASK: constant(uint256) = constants.MASK_160
_OWED_SHIFT: constant(uint256) = 160


# @dev Word G unpacked.
struct Stream:
    rpt: uint256
    last: uint256


# @dev Word B unpacked.
struct Budget:
    unallocated: uint256
    rate: uint256


# @dev A holder's word unpacked.
struct Holder:
    paid: uint256
    owed: uint256


# @dev The token paid out, fixed at initialisation.
reward_token: public(immutable(address))

# @dev Word G (see the notice).
_stream: uint256
# @dev Word B (see the notice).
_budget: uint256
# @dev Shares of every holder.
shares: public(HashMap[address, uint256])
# @dev Sum of every holder's shares.
total_shares: public(uint256)
# @dev Holder words (see the notice).
_holders: HashMap[address, uint256]
# @dev Budget funded in total, in wei (F).
funded: public(uint256)


@deploy
def __init__(reward_token_: address):
    """
    @dev Fixes the reward token and starts the clock.
    @param reward_token_ The ERC-20 token rewards are paid in.
    """
    reward_token = reward_token_
    self._stream = block.timestamp << _LAST_SHIFT


@internal
@pure
def _unpack_stream(word: uint256) -> Stream:
    """
    @dev Word G as a struct.
    @param word The packed word.
    @return Stream Its fields.
    """
    return Stream(rpt=word & _RPT_MASK, last=word >> _LAST_SHIFT)


@internal
@pure
def _pack_stream(s: Stream) -> uint256:
    """
    @dev A struct as word G.
    @param s The fields (each within its width).
    @return uint256 The packed word.
    """
    return s.rpt | (s.last << _LAST_SHIFT)


@internal
@pure
def _unpack_budget(word: uint256) -> Budget:
    """
    @dev Word B as a struct.
    @param word The packed word.
    @return Budget Its fields.
    """
    return Budget(unallocated=word & _UNALLOCATED_MASK, rate=word >> _RATE_SHIFT)


@internal
@pure
def _pack_budget(b: Budget) -> uint256:
    """
    @dev A struct as word B.
    @param b The fields (each within its width).
    @return uint256 The packed word.
    """
    return b.unallocated | (b.rate << _RATE_SHIFT)


@internal
@pure
def _unpack_holder(word: uint256) -> Holder:
    """
    @dev A holder's word as a struct.
    @param word The packed word.
    @return Holder Its fields.
    """
    return Holder(paid=word & _PAID_MASK, owed=word >> _OWED_SHIFT)


@internal
@pure
def _pack_holder(h: Holder) -> uint256:
    """
    @dev A struct as a holder's word.
    @param h The fields (each within its width).
    @return uint256 The packed word.
    """
    return h.paid | (h.owed << _OWED_SHIFT)


@internal
@view
def _streamed() -> (Stream, Budget):
    """
    @dev The stream and budget as they are now, streamed up to
         `block.timestamp` (not written).
    @return Stream The current reward per share and `last` = now.
    @return Budget The budget left after streaming.
    """
    s: Stream = self._unpack_stream(self._stream)
    b: Budget = self._unpack_budget(self._budget)
    total: uint256 = self.total_shares
    if s.last == block.timestamp or total == 0 or b.unallocated == 0 or b.rate == 0:
        s.last = block.timestamp
        return s, b
    # accrual = min(R * dt, U): the stream never outruns the budget.
    accrual: uint256 = min(b.rate * (block.timestamp - s.last), b.unallocated)
    # inc = accrual * WAD // S, rounded down: holders get at most what streamed.
    inc: uint256 = accrual * constants.WAD // total
    # used = ceil(inc * S / WAD), rounded up: the budget is charged at
    # least what holders can claim (used <= accrual since inc * S <= accrual * WAD).
    used: uint256 = (inc * total + constants.WAD - 1) // constants.WAD
    s.rpt += inc
    s.last = block.timestamp
    b.unallocated -= used
    return s, b


@internal
def _update() -> uint256:
    """
    @dev Streams up to now and writes the global words.
    @return uint256 The current reward per share.
    """
    s: Stream = empty(Stream)
    b: Budget = empty(Budget)
    s, b = self._streamed()
    self._stream = self._pack_stream(s)
    self._budget = self._pack_budget(b)
    return s.rpt


@internal
@view
def _earned_at(account: address, rpt: uint256) -> Holder:
    """
    @dev `account`'s word settled at reward per share `rpt`.
    @param account The holder.
    @param rpt The reward per share to settle at.
    @return Holder `paid` = rpt and `owed` = everything claimable.
    """
    h: Holder = self._unpack_holder(self._holders[account])
    # s_a * (rpt - p_a) // WAD rounds down: never more than streamed.
    h.owed += self.shares[account] * (rpt - h.paid) // constants.WAD
    h.paid = rpt
    return h


@internal
def _checkpoint(account: address):
    """
    @dev Settles `account` up to now; call before its shares change.
    @param account The holder.
    """
    self._holders[account] = self._pack_holder(self._earned_at(account, self._update()))


@internal
def _deposit(account: address, amount: uint256):
    """
    @dev Settles `account`, then adds `amount` shares to it.
    @param account The holder.
    @param amount The shares added.
    """
    self._checkpoint(account)
    self.shares[account] += amount
    self.total_shares += amount


@internal
def _withdraw(account: address, amount: uint256):
    """
    @dev Settles `account`, then removes `amount` shares from it (the
         caller checks the balance with its own revert reason).
    @param account The holder.
    @param amount The shares removed.
    """
    self._checkpoint(account)
    self.shares[account] -= amount
    self.total_shares -= amount


@internal
def _claim(account: address, receiver: address) -> uint256:
    """
    @dev Settles `account` and pays everything it is owed to `receiver`.
    @param account The holder.
    @param receiver Who receives the reward token.
    @return uint256 The amount paid (0 pays nothing and makes no call).
    """
    h: Holder = self._earned_at(account, self._update())
    amount: uint256 = h.owed
    h.owed = 0
    self._holders[account] = self._pack_holder(h)
    if amount != 0:
        asset_transfer._pay_token(reward_token, receiver, amount)
    return amount


@internal
def _fund(amount: uint256):
    """
    @dev Adds `amount` (already received by the host) to the budget.
         Streams first, so a budget that ran dry does not pay for the
         seconds it was empty.
    @param amount The wei added.
    """
    self._update()
    funded: uint256 = self.funded + amount
    assert funded <= MAX_FUNDED, "reward_accumulator: funding above the limit"
    self.funded = funded
    b: Budget = self._unpack_budget(self._budget)
    b.unallocated += amount
    self._budget = self._pack_budget(b)


@internal
def _set_rate(rate: uint256):
    """
    @dev Streams at the old rate up to now, then sets `rate`.
    @param rate The new rate, in wei per second for all shares.
    """
    assert rate <= MAX_RATE, "reward_accumulator: rate above the limit"
    self._update()
    b: Budget = self._unpack_budget(self._budget)
    b.rate = rate
    self._budget = self._pack_budget(b)


@internal
@view
def _earned(account: address) -> uint256:
    """
    @dev What `account` could claim now.
    @param account The holder.
    @return uint256 The amount, in wei.
    """
    s: Stream = empty(Stream)
    b: Budget = empty(Budget)
    s, b = self._streamed()
    return self._earned_at(account, s.rpt).owed


@external
@view
def earned(account: address) -> uint256:
    """
    @notice What `account` could claim now, in wei of the reward token.
    @param account The holder.
    @return uint256 The amount.
    """
    return self._earned(account)


@external
@view
def reward_rate() -> uint256:
    """
    @notice The reward streamed per second to all shares together, in wei.
    @return uint256 The rate.
    """
    return self._unpack_budget(self._budget).rate


@external
@view
def unallocated() -> uint256:
    """
    @notice The funded budget not yet streamed to holders, in wei (as of now).
    @return uint256 The amount.
    """
    s: Stream = empty(Stream)
    b: Budget = empty(Budget)
    s, b = self._streamed()
    return b.unallocated


@external
@view
def reward_per_token() -> uint256:
    """
    @notice The cumulative reward per share, scaled by 1e18 (as of now).
    @return uint256 The reward per share.
    """
    s: Stream = empty(Stream)
    b: Budget = empty(Budget)
    s, b = self._streamed()
    return s.rpt


@external
@view
def apy() -> uint256:
    """
    @notice The current annual reward per share, scaled by 1e18: rate *
            YEAR * WAD // total shares (0 when nothing is staked or the
            budget is empty). It is a yield only when one share and one
            reward unit are worth the same (CC staked for CC income).
    @return uint256 The annual rate (1e18 = 100%).
    """
    total: uint256 = self.total_shares
    b: Budget = self._unpack_budget(self._budget)
    if total == 0 or b.unallocated == 0:
        return 0
    # Rounds down: the view never promises more than the stream pays.
    return b.rate * constants.YEAR * constants.WAD // total
