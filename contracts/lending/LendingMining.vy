# pragma version ~=0.4.3
"""
@title Lending liquidity mining: one market side earns CC
@custom:contract-name LendingMining
@license GNU Affero General Public License v3.0 only
@notice SPEC 4.4: suppliers and borrowers of governance-chosen markets
        earn CC. One instance per market side (`market` and `borrowers`
        are immutables), so each side is one contracts/shared/
        reward_accumulator.vy stream, reused as it is (the module keeps
        one stream per contract). The market knows one address (its
        code is within a few bytes of the 24 KiB limit): the suppliers'
        instance, which hands debt changes to the borrowers' instance
        (`borrow_stream`, whose `reporter` it is). Governance names it in
        the market (`Market.set_mining`), which sets a control bit the
        market already reads with its state: an unmined market pays one
        bit test per operation and makes no call. A side governance does
        not mine keeps rate 0 (and the borrowers' stream may be absent).

        Shares. Suppliers: voucher balances. Borrowers: the index-
        normalised debt principal n = debt * WAD // I, constant while
        interest accrues, so a borrower's share of the stream follows its
        debt without a call at every accrual.

        Checkpoints. The market reports every change of a holder's shares
        (`on_balance`: deposit, redeem, transfer, seizure, forfeit;
        borrow, repay, liquidation, write-off) with the new value; this
        contract settles the holder at its previous value first and keeps
        the new one. A claim pays by what was reported, never by a live
        balance read at claim time (which a flash deposit could inflate).
        Holders from before mining was switched on are unknown until
        their next change or a `checkpoint` (anyone may call it; it reads
        the live value and earns only from then on, so it cannot be
        gamed).

        Conservation, as the accumulator's: funded == paid + sum(earned)
        + dust + unallocated, to the wei (tests/lending/
        test_mining_invariants.py against fivefold/nft/model_farm.py).
@custom:security Only the reporter calls `on_balance`. The market calls it
        inside its own locked functions after its state is final; this
        contract calls nothing back in it (its views, in `checkpoint`,
        are not locked). CC is paid after the holder word is written.
@custom:kill Governance sets the rate to 0 (earned CC stays claimable),
        then may unset the contract in the market. Ownership moves in two
        steps and cannot be renounced.
"""


from contracts.shared import constants
from contracts.shared import reward_accumulator
from contracts.shared import tunable
from contracts.shared import tuned
from interfaces import ILendingMining
from interfaces import IMarket

implements: ILendingMining

initializes: tuned
initializes: reward_accumulator[tunable := tunable]  # the `tunable` the wiring module initializes


# The funded reward stream: its views and `set_reward_rate`, guarded by the
# parameter registry's writer check (contracts/shared/reward_accumulator.vy).
# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless stream could never change its rate again (not even to 0).
# Tunable numbers: once the parameter registry is named, it alone sets the rate.
# No `apy` (Staking wraps `reward_accumulator._apy`): vouchers, debts and CC are not worth the same.
exports: (reward_accumulator.__interface__, tuned.__interface__)


# @dev The lending market mined.
market: public(immutable(address))
# @dev Who reports changes: the market (suppliers' stream) or the
#      suppliers' stream (borrowers' stream).
reporter: public(immutable(address))
# @dev True: borrowers (normalised debt); False: suppliers (vouchers).
borrowers: public(immutable(bool))

# @dev The borrowers' stream the suppliers' hands debt changes to (empty:
#      borrowers not mined).
borrow_stream: public(address)

# @dev Each holder's shares as the market last reported them.
shares: public(HashMap[address, uint256])


@deploy
def __init__(
    market_: address, reporter_: address, borrowers_: bool, reward_token_: address, owner_: address
):
    """
    @dev Fixes the market side, the reward token and the owner; the rate
         is 0 and nothing is funded.
    @param market_ The lending market.
    @param reporter_ The market (suppliers' stream) or the suppliers'
           stream of the same market (borrowers' stream).
    @param borrowers_ True for its borrowers, False for its suppliers.
    @param reward_token_ The token rewards are paid in (CC).
    @param owner_ The owner (the deployer; governance accepts later).
    """
    assert market_ != empty(address), "lending_mining: zero market"
    assert reporter_ != empty(address), "lending_mining: zero reporter"
    assert reward_token_ != empty(address), "lending_mining: zero reward token"
    assert owner_ != empty(address), "lending_mining: zero owner"
    market = market_
    reporter = reporter_
    borrowers = borrowers_
    tuned.__init__(owner_)
    reward_accumulator.__init__(reward_token_)


@external
def on_balance(account: address, new_shares: uint256, debt: bool):
    """
    @notice The reporter only: `account`'s vouchers (or, `debt`, its
            normalised debt) are now `new_shares`. This side settles the
            holder at its previous shares and records the new ones; the
            other side's change goes on to the borrowers' stream (if any).
    @param account The holder.
    @param new_shares Its shares after the change.
    @param debt True for a debt change, False for a voucher change.
    """
    assert msg.sender == reporter, "lending_mining: caller is not the reporter"
    if debt == borrowers:
        self._sync(account, new_shares)
        return
    stream: address = self.borrow_stream
    if stream != empty(address):
        extcall ILendingMining(stream).on_balance(account, new_shares, debt)


@external
def set_borrow_stream(stream: address):
    """
    @notice Only the owner, on the suppliers' stream: the borrowers' stream
            of the same market (its reporter must be this contract), or
            empty to stop handing debts on (set its rate to 0 first).
    @param stream The borrowers' LendingMining, or empty.
    """
    tuned.owner_2step.ownable._check_owner()
    assert not borrowers, "lending_mining: not the suppliers' stream"
    if stream != empty(address):
        assert staticcall ILendingMining(stream).reporter() == self, "lending_mining: stream of another reporter"
    self.borrow_stream = stream
    log ILendingMining.BorrowStreamSet(stream=stream)


@external
def checkpoint(account: address):
    """
    @notice Registers `account`'s current shares as the market has them
            (for a holder from before mining started): it earns on them
            from now on.
    @param account The holder.
    """
    self._sync(account, self._live(account))


@external
def claim() -> uint256:
    """
    @notice Pays the caller the CC it mined, by its reported shares.
    @return uint256 The amount paid, in wei of the reward token.
    """
    return reward_accumulator._claim(msg.sender, self.shares[msg.sender], msg.sender)


@external
def fund(amount: uint256):
    """
    @notice Adds `amount` of the reward token (approved beforehand) to the
            budget: the Ecosystem allocation's way in. Anyone may fund.
    @param amount The amount, in wei.
    """
    assert amount != 0, "lending_mining: zero amount"
    reward_accumulator._fund(msg.sender, amount)


@external
@view
def earned(account: address) -> uint256:
    """
    @notice What `account` could claim now.
    @param account The holder.
    @return uint256 The amount, in wei of the reward token.
    """
    return reward_accumulator._earned(account, self.shares[account])


@internal
def _sync(account: address, shares_: uint256):
    """
    @dev Settles `account` at its recorded shares and records `shares_`.
    @param account The holder.
    @param shares_ Its shares from now on.
    """
    old: uint256 = self.shares[account]
    if shares_ > old:
        reward_accumulator._deposit(account, old, shares_ - old)
    elif shares_ < old:
        reward_accumulator._withdraw(account, old, old - shares_)
    else:
        return
    self.shares[account] = shares_


@internal
@view
def _live(account: address) -> uint256:
    """
    @dev `account`'s shares as the market has them now: its vouchers, or
         its debt principal normalised by the index it was recorded at
         (p * WAD // i, rounded down as the market rounds it).
    @param account The holder.
    @return uint256 Its shares.
    """
    if not borrowers:
        return staticcall IMarket(market).balanceOf(account)
    index: uint256 = staticcall IMarket(market).debt_index(account)
    if index == 0:
        return 0
    return staticcall IMarket(market).debt_principal(account) * constants.WAD // index
