# pragma version ~=0.4.3
"""
@title Test helper: ERC-4626 op(maxOp(owner)) tried atomically
@custom:contract-name LendingMaxProbe
@license GNU Affero General Public License v3.0 only
@notice Test-only (the lending invariant machine). `check` tries, for every
        market, owner and operation (withdraw, redeem, deposit, mint), the
        market's `max*` for the owner followed by the operation with that
        amount, in one call frame that always reverts afterwards, so nothing
        changes and `check` can run as an eth_call. Owners approve this
        contract for their vouchers (withdraw and redeem run as their
        spender); deposits and mints come from this contract's own assets.
        Codes: 0 the max was 0 (nothing to try), 1 the operation went
        through, 2 it reverted (with `first_error` its revert data),
        3 this contract lacks the assets to try it.
"""


interface IVault:
    def asset() -> address: view
    def maxWithdraw(owner: address) -> uint256: view
    def maxRedeem(owner: address) -> uint256: view
    def maxDeposit(receiver: address) -> uint256: view
    def maxMint(receiver: address) -> uint256: view
    def previewMint(shares: uint256) -> uint256: view
    def withdraw(assets: uint256, receiver: address, owner: address) -> uint256: nonpayable
    def redeem(shares: uint256, receiver: address, owner: address) -> uint256: nonpayable
    def deposit(assets: uint256, receiver: address) -> uint256: nonpayable
    def mint(shares: uint256, receiver: address) -> uint256: nonpayable


interface IToken:
    def balanceOf(owner: address) -> uint256: view
    def approve(spender: address, amount: uint256) -> bool: nonpayable


MAX_MARKETS: constant(uint256) = 4
MAX_OWNERS: constant(uint256) = 8
OPERATIONS: constant(uint256) = 4
MAX_CODES: constant(uint256) = MAX_MARKETS * MAX_OWNERS * OPERATIONS


@external
def check(markets: DynArray[address, MAX_MARKETS], owners: DynArray[address, MAX_OWNERS]) -> (DynArray[uint8, MAX_CODES], Bytes[256]):
    """
    @dev One code per (market, owner, operation), in that nesting order.
    @param markets The markets.
    @param owners The voucher holders (receivers for deposit and mint).
    @return DynArray The codes.
    @return Bytes The revert data of the first operation that reverted.
    """
    codes: DynArray[uint8, MAX_CODES] = []
    first_error: Bytes[256] = b""
    for market: address in markets:
        for owner: address in owners:
            for op: uint256 in range(OPERATIONS):
                ok: bool = False
                data: Bytes[256] = b""
                ok, data = raw_call(
                    self,
                    abi_encode(market, owner, op, method_id=method_id("attempt(address,address,uint256)")),
                    max_outsize=256,
                    revert_on_failure=False,
                )
                # `attempt` always reverts: one byte is its own verdict
                if len(data) == 1:
                    codes.append(convert(slice(data, 0, 1), uint8))
                else:
                    codes.append(2)
                    if len(first_error) == 0:
                        first_error = data
    return codes, first_error


@external
def attempt(market: address, owner: address, op: uint256):
    """
    @dev maxOp then op for one (market, owner, operation); always reverts.
    """
    assert msg.sender == self
    amount: uint256 = 0
    if op == 0:
        amount = staticcall IVault(market).maxWithdraw(owner)
        if amount == 0:
            raw_revert(b"\x00")
        extcall IVault(market).withdraw(amount, self, owner)
    elif op == 1:
        amount = staticcall IVault(market).maxRedeem(owner)
        if amount == 0:
            raw_revert(b"\x00")
        extcall IVault(market).redeem(amount, self, owner)
    else:
        token: address = staticcall IVault(market).asset()
        need: uint256 = 0
        if op == 2:
            amount = staticcall IVault(market).maxDeposit(owner)
            need = amount
        else:
            amount = staticcall IVault(market).maxMint(owner)
            need = staticcall IVault(market).previewMint(amount)
        if amount == 0:
            raw_revert(b"\x00")
        if need > staticcall IToken(token).balanceOf(self):
            raw_revert(b"\x03")
        extcall IToken(token).approve(market, need)
        if op == 2:
            extcall IVault(market).deposit(amount, owner)
        else:
            extcall IVault(market).mint(amount, owner)
    raw_revert(b"\x01")
