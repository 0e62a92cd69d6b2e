# pragma version ~=0.4.3
"""
@title Liquidity farm: stake a DEX pool's LP token, earn CC
@custom:contract-name LiquidityFarm
@license GNU Affero General Public License v3.0 only
@notice One farm per pool: `lp_token` (the pair of an MToken/CC pool on
        the chain's Uniswap-v2-compatible DEX) is an immutable, and the
        reward stream is contracts/shared/reward_accumulator.vy as it
        is: one stream per contract, O(1) per staker, never paying more
        than was funded. A farm of several pools in one contract
        (MasterChef's shape) would need a stream per pool, i.e. a second
        accumulator beside the shared one, and a pool id read on every
        call; a farm per pool reuses the module unchanged and keeps the
        stake path at two global words and one holder word.

        Flows. Stakers `stake` and `unstake` LP tokens and `claim` CC.
        Anyone `fund`s the budget with CC (the Ecosystem allocation's
        way in); governance sets `reward_rate` (CC wei per second for all
        stakers together) through the parameter registry (tunable).
        Rewards stream only while something is staked and only out of
        the funded budget: with
          F  funded in total,  P  paid out in total,
          e_a  what staker a could claim now,  U  unallocated budget,
        the accumulator keeps, to the wei,
          F == P + sum_a e_a + dust + U
        (its notice has the glossary and the rounding; fivefold/nft/
        model_farm.py mirrors it and tests/nft/farm/test_invariants.py
        checks it after every step of a random run).

        Storage: the accumulator's two global words and its holder word,
        and one word per staker here (its LP tokens). A new staker writes
        both of its words once.
@custom:security Checks-effects-interactions: the accumulator is settled
        and the stake written before the LP token moves; CC is paid after
        the holder word is written. The LP token and CC are fixed at
        deployment and trusted (a v2 pair and the suite's token: neither
        calls back). The LP token cannot be the reward token, so staked
        tokens are never paid out as rewards.
@custom:kill Nothing stops unstaking or claiming: they are the stakers'
        assets. In an emergency governance sets the rate to 0: the stream
        stops, what was earned stays claimable, the unstreamed budget
        stays in `unallocated`. Ownership moves in two steps and cannot
        be renounced.
"""


from contracts.shared import asset_transfer
from contracts.shared import governed
from contracts.shared import reward_accumulator
from contracts.shared import tunable
from interfaces import IPausable
from interfaces import ILiquidityFarm

implements: ILiquidityFarm
implements: IPausable

initializes: governed
initializes: reward_accumulator[tunable := tunable]  # the `tunable` the wiring module initializes


# The funded reward stream: its views and `set_reward_rate`, guarded by the
# parameter registry's writer check (contracts/shared/reward_accumulator.vy).
# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless farm could never change its reward rate again (not even to 0).
# Tunable numbers: once the parameter registry is named, it alone sets the reward rate
# (contracts/shared/tunable.vy).
# Emergency pause of new deposits and creations by the guardian; ways out stay open
# (contracts/shared/pausable.vy).
# No `apy` (Staking wraps `reward_accumulator._apy`): LP tokens and CC are not worth the same, so the
# accumulator's per-share figure is no yield here (a dApp prices both: fivefold/nft/dex.py).
exports: (reward_accumulator.__interface__, governed.__interface__)


# @dev The staked LP token (one farm per pool).
lp_token: public(immutable(address))

# @dev LP tokens staked per account (their income shares).
staked: public(HashMap[address, uint256])


@deploy
def __init__(lp_token_: address, reward_token_: address, owner_: address):
    """
    @dev Fixes the pool's LP token, the reward token and the owner; the
         rate is 0 and nothing is funded.
    @param lp_token_ The LP token staked (a v2 pair).
    @param reward_token_ The token rewards are paid in (CC).
    @param owner_ The owner (the deployer; governance accepts later).
    """
    assert lp_token_ != empty(address), "liquidity_farm: zero lp token"
    assert reward_token_ != empty(address), "liquidity_farm: zero reward token"
    assert lp_token_ != reward_token_, "liquidity_farm: lp token is the reward token"
    assert owner_ != empty(address), "liquidity_farm: zero owner"
    lp_token = lp_token_
    governed.__init__(owner_)
    reward_accumulator.__init__(reward_token_)


# Staking


@external
def stake(amount: uint256):
    """
    @notice Stakes `amount` LP tokens (approved beforehand); they earn
            from now on.
    @param amount The amount, in wei of the LP token (all stakes together
           stay below 2**96).
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "liquidity_farm: zero amount"
    shares: uint256 = self.staked[msg.sender]
    # The accumulator bounds the total (and so every stake) by 2**96 - 1.
    reward_accumulator._deposit(msg.sender, shares, amount)
    self.staked[msg.sender] = shares + amount
    log ILiquidityFarm.Staked(account=msg.sender, amount=amount)
    asset_transfer._pull_exact(lp_token, msg.sender, amount)


@external
def unstake(amount: uint256):
    """
    @notice Returns `amount` of the caller's LP tokens; what they earned
            so far stays claimable.
    @param amount The amount, in wei of the LP token.
    """
    assert amount != 0, "liquidity_farm: zero amount"
    shares: uint256 = self.staked[msg.sender]
    assert shares >= amount, "liquidity_farm: amount above stake"
    reward_accumulator._withdraw(msg.sender, shares, amount)
    self.staked[msg.sender] = shares - amount
    log ILiquidityFarm.Unstaked(account=msg.sender, amount=amount)
    asset_transfer._pay_token(lp_token, msg.sender, amount)


@external
def claim() -> uint256:
    """
    @notice Pays the caller the CC it has earned.
    @return uint256 The amount paid, in wei of the reward token.
    """
    return reward_accumulator._claim(msg.sender, self.staked[msg.sender], msg.sender)


@external
def fund(amount: uint256):
    """
    @notice Adds `amount` of the reward token (approved beforehand) to the
            budget: the Ecosystem allocation's way in. Anyone may fund;
            rewards stream only out of what was funded.
    @param amount The amount, in wei.
    """
    assert amount != 0, "liquidity_farm: zero amount"
    reward_accumulator._fund(msg.sender, amount)


# Views


@external
@view
def earned(account: address) -> uint256:
    """
    @notice What `account` could claim now.
    @param account The staker.
    @return uint256 The amount, in wei of the reward token.
    """
    return reward_accumulator._earned(account, self.staked[account])
