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
        `_withdraw` around each change of a holder's shares, `_claim`
        to pay out and `_fund` to take a budget in; the module logs
        `RewardPaid`, `Funded` and `RewardRateSet` (each host's interface
        declares the same events) and exports `set_reward_rate`, so a
        host writes only its own checks and revert prefix around them. The host keeps each holder's shares in its
        own storage (packed with whatever else its hot path reads) and
        passes them in; the module keeps the total. O(1) per holder: no
        loop anywhere.

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
                 RewardPaid events and the token balance give it)
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
          word G = rpt (160 bits) | unallocated (96)
          word B = total shares (96) | rate (96) | last update (48)
          holder = p_a (160 bits) | o_a (96)
        F is bounded by 2**96 - 1 wei in total (`_fund`), so U and every
        o_a fit in 96 bits, and rpt, a sum of increments of at most
        accrual * WAD / 1 whose accruals add up to at most F, stays
        below 2**96 * 2**60 = 2**156. Shares are bounded by 2**96 - 1
        in total (`_deposit`).
@custom:security The host calls `_deposit`/`_withdraw` before it moves
        the shares' underlying asset and `_claim` before paying, so the
        module's state is final before any external call. The reward
        token is fixed at initialisation and trusted by the host.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import tunable


# The rate setter is guarded by the host's tunable (the parameter registry,
# or the owner until one is named).
uses: tunable


# @dev Largest total funding, in wei (U and o_a are stored in 96 bits).
MAX_FUNDED: constant(uint256) = 2**96 - 1
# @dev Largest reward rate, in wei per second (stored in 96 bits).
MAX_RATE: constant(uint256) = 2**96 - 1
# @dev Largest total of shares (stored in 96 bits).
MAX_SHARES: constant(uint256) = 2**96 - 1

# Word G: reward per share | unallocated.
_RPT_MASK: constant(uint256) = constants.MASK_160
_UNALLOCATED_SHIFT: constant(uint256) = 160
# Word B: total shares | rate | last update.
_TOTAL_MASK: constant(uint256) = 2**96 - 1
_RATE_SHIFT: constant(uint256) = 96
_RATE_MASK: constant(uint256) = 2**96 - 1
_LAST_SHIFT: constant(uint256) = 192
# Holder word: reward per share paid | owed.
_PAID_MASK: constant(uint256) = constants.MASK_160
_OWED_SHIFT: constant(uint256) = 160


# @dev Words G and B unpacked: the whole global state of the stream.
struct Stream:
    rpt: uint256
    unallocated: uint256
    total: uint256
    rate: uint256
    last: uint256


# @dev A holder's word unpacked.
struct Holder:
    paid: uint256
    owed: uint256


# @dev The token paid out, fixed at initialisation.
reward_token: public(immutable(address))

# @dev Word G (see the notice).
_stream_g: uint256
# @dev Word B (see the notice).
_stream_b: uint256
# @dev Holder words (see the notice).
_holders: HashMap[address, uint256]
# @dev Budget funded in total, in wei (F).
funded: public(uint256)


# @dev Emitted by `_claim`; every host's interface declares it too.
event RewardPaid:
    account: indexed(address)
    amount: uint256


# @dev Emitted by `_fund`; every host's interface declares it too.
event Funded:
    funder: indexed(address)
    amount: uint256


# @dev Emitted by `set_reward_rate`; every host's interface declares it too.
event RewardRateSet:
    rate: uint256


@deploy
def __init__(reward_token_: address):
    """
    @dev Fixes the reward token and starts the clock.
    @param reward_token_ The ERC-20 token rewards are paid in.
    """
    reward_token = reward_token_
    self._stream_b = block.timestamp << _LAST_SHIFT


@internal
@view
def _load() -> Stream:
    """
    @dev Words G and B as a struct (the unpack of the pair).
    @return Stream Their fields.
    """
    g: uint256 = self._stream_g
    b: uint256 = self._stream_b
    return Stream(
        rpt=g & _RPT_MASK,
        unallocated=g >> _UNALLOCATED_SHIFT,
        total=b & _TOTAL_MASK,
        rate=(b >> _RATE_SHIFT) & _RATE_MASK,
        last=b >> _LAST_SHIFT,
    )


@internal
def _store(s: Stream):
    """
    @dev Writes a struct as words G and B (the pack of the pair).
    @param s The fields (each within its width).
    """
    self._stream_g = s.rpt | (s.unallocated << _UNALLOCATED_SHIFT)
    self._stream_b = s.total | (s.rate << _RATE_SHIFT) | (s.last << _LAST_SHIFT)


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
def _streamed() -> Stream:
    """
    @dev The stream as it is now, streamed up to `block.timestamp`
         (not written).
    @return Stream The global state with `last` = now.
    """
    s: Stream = self._load()
    if s.last == block.timestamp:
        return s
    if s.total != 0 and s.unallocated != 0 and s.rate != 0:
        # accrual = min(R * dt, U): the stream never outruns the budget.
        accrual: uint256 = min(s.rate * (block.timestamp - s.last), s.unallocated)
        # inc = accrual * WAD // S, rounded down: holders get at most what streamed.
        inc: uint256 = accrual * constants.WAD // s.total
        # used = ceil(inc * S / WAD), rounded up: the budget is charged at least
        # what holders can claim (used <= accrual, since inc * S <= accrual * WAD).
        s.rpt += inc
        s.unallocated -= (inc * s.total + constants.WAD - 1) // constants.WAD
    s.last = block.timestamp
    return s


@internal
def _update() -> Stream:
    """
    @dev Streams up to now and writes the global words.
    @return Stream The global state, as written.
    """
    s: Stream = self._streamed()
    self._store(s)
    return s


@internal
@view
def _settled(account: address, shares: uint256, rpt: uint256) -> Holder:
    """
    @dev `account`'s word settled at reward per share `rpt`.
    @param account The holder.
    @param shares Its shares since it was last settled.
    @param rpt The reward per share to settle at.
    @return Holder `paid` = rpt and `owed` = everything claimable.
    """
    h: Holder = self._unpack_holder(self._holders[account])
    # s_a * (rpt - p_a) // WAD rounds down: never more than streamed.
    h.owed += shares * (rpt - h.paid) // constants.WAD
    h.paid = rpt
    return h


@internal
def _checkpoint(account: address, shares: uint256):
    """
    @dev Settles `account` up to now; call before its shares change.
    @param account The holder.
    @param shares Its shares (unchanged since it was last settled).
    """
    self._holders[account] = self._pack_holder(self._settled(account, shares, self._update().rpt))


@internal
def _deposit(account: address, shares: uint256, amount: uint256):
    """
    @dev Settles `account` and adds `amount` to the total; the host adds
         it to the holder's shares in its own storage.
    @param account The holder.
    @param shares Its shares before the deposit.
    @param amount The shares added.
    """
    s: Stream = self._streamed()
    self._holders[account] = self._pack_holder(self._settled(account, shares, s.rpt))
    s.total += amount
    assert s.total <= MAX_SHARES, "reward_accumulator: shares above the limit"
    self._store(s)


@internal
def _withdraw(account: address, shares: uint256, amount: uint256):
    """
    @dev Settles `account` and removes `amount` from the total; the host
         checks the holder's shares with its own reason and subtracts.
    @param account The holder.
    @param shares Its shares before the withdrawal.
    @param amount The shares removed (at most `shares`).
    """
    s: Stream = self._streamed()
    self._holders[account] = self._pack_holder(self._settled(account, shares, s.rpt))
    s.total -= amount
    self._store(s)


@internal
def _claim(account: address, shares: uint256, receiver: address) -> uint256:
    """
    @dev Settles `account`, pays everything it is owed to `receiver` and
         logs `RewardPaid` (0 included).
    @param account The holder.
    @param shares Its shares.
    @param receiver Who receives the reward token.
    @return uint256 The amount paid (0 pays nothing and makes no call).
    """
    h: Holder = self._settled(account, shares, self._update().rpt)
    amount: uint256 = h.owed
    h.owed = 0
    self._holders[account] = self._pack_holder(h)
    if amount != 0:
        asset_transfer._pay_token(reward_token, receiver, amount)
    log RewardPaid(account=account, amount=amount)
    return amount


@internal
def _fund(funder: address, amount: uint256):
    """
    @dev Adds `amount` to the budget, logs `Funded` and pulls exactly
         `amount` of the reward token from `funder` (approved
         beforehand), in that order: the state is final before the
         external call. Streams first, so a budget that ran dry does not
         pay for the seconds it was empty. The host checks `amount != 0`
         with its own revert prefix.
    @param funder Who pays (the host's caller).
    @param amount The wei added.
    """
    s: Stream = self._streamed()
    funded: uint256 = self.funded + amount
    assert funded <= MAX_FUNDED, "reward_accumulator: funding above the limit"
    self.funded = funded
    s.unallocated += amount
    self._store(s)
    log Funded(funder=funder, amount=amount)
    asset_transfer._pull_exact(reward_token, funder, amount)


@internal
def _set_rate(rate: uint256):
    """
    @dev Streams at the old rate up to now, then sets `rate`.
    @param rate The new rate, in wei per second for all shares.
    """
    assert rate <= MAX_RATE, "reward_accumulator: rate above the limit"
    s: Stream = self._streamed()
    s.rate = rate
    self._store(s)


@external
def set_reward_rate(rate: uint256):
    """
    @notice The parameter registry (the owner until one is named): the
            reward streamed per second to all shares together, from now
            on (what streamed until now at the old rate stays earned).
    @param rate The rate, in wei of the reward token per second.
    """
    tunable._check_writer()
    self._set_rate(rate)
    log RewardRateSet(rate=rate)


@internal
@view
def _earned(account: address, shares: uint256) -> uint256:
    """
    @dev What `account` could claim now.
    @param account The holder.
    @param shares Its shares.
    @return uint256 The amount, in wei.
    """
    return self._settled(account, shares, self._streamed().rpt).owed


@external
@view
def total_shares() -> uint256:
    """
    @notice The shares of all holders together.
    @return uint256 The total.
    """
    return self._stream_b & _TOTAL_MASK


@external
@view
def reward_rate() -> uint256:
    """
    @notice The reward streamed per second to all shares together, in wei.
    @return uint256 The rate.
    """
    return (self._stream_b >> _RATE_SHIFT) & _RATE_MASK


@external
@view
def unallocated() -> uint256:
    """
    @notice The funded budget not yet streamed to holders, in wei (as of now).
    @return uint256 The amount.
    """
    return self._streamed().unallocated


@external
@view
def reward_per_token() -> uint256:
    """
    @notice The cumulative reward per share, scaled by 1e18 (as of now).
    @return uint256 The reward per share.
    """
    return self._streamed().rpt


@internal
@view
def _apy() -> uint256:
    """
    @dev The current annual reward per share, scaled by 1e18: rate *
         YEAR * WAD // total shares (0 when nothing is staked or the
         budget is spent). It is a yield only when one share and one
         reward unit are worth the same (CC staked for CC income), so
         only a host where that holds exports it (Staking's `apy`).
    @return uint256 The annual rate (1e18 = 100%).
    """
    s: Stream = self._streamed()
    if s.total == 0 or s.unallocated == 0:
        return 0
    # Rounds down: the view never promises more than the stream pays.
    return s.rate * constants.YEAR * constants.WAD // s.total
