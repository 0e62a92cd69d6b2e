# pragma version ~=0.4.3
"""
@title Merchant invoices: signed once, paid once, in any listed asset
@custom:contract-name MerchantInvoices
@license GNU Affero General Public License v3.0 only
@notice CartyCoin 3.1.3-3.1.5 (multi-currency payment and settlement):
        a merchant signs an EIP-712 `Invoice(merchant, id, asset, amount,
        payer, deadline, refund_deadline)` off-chain and hands it to a
        payer (a QR code, a checkout page). The payer pays it exactly
        once before `deadline`:
          - `pay`: in the settlement `asset` itself (the native coin as
            value, an ERC-20 approved beforehand), or
          - `pay_with_swap`: in another listed asset, swapped through the
            chain's Uniswap-v2-compatible router for exactly `amount` of
            the settlement asset (`swap*ForExact*`), spending at most
            `max_in`; what the swap did not spend goes back to the payer.
        Either way the merchant is owed exactly `amount`: a token that
        delivers less (fee-on-transfer) is refused, never half-booked.

        Settlement, by design an escrow: a payment made before
        `refund_deadline` is held (`escrowed`) until then. Until the
        deadline the merchant may `refund` it (in full, to the payer's
        pull balance); from the deadline on anyone may `release` it to
        the merchant's pull balance. An invoice whose refund deadline is
        not in the future (0, say) is credited to the merchant at once.
        Escrow was chosen over "pay at once, refund from the merchant's
        balance" because a refund promised by an invoice should not
        depend on the merchant's leaving funds behind.

        Replays: the record of (merchant, id) is written before any
        value moves, and an id that is paid, refunded, settled or
        cancelled is never accepted again. The EIP-712 domain holds the
        chain id and this contract, so an invoice signed for another
        chain or contract does not verify here; the merchant's signature
        (EOA, or ERC-1271 wallet through snekmate's `signature_checker`)
        covers every field, so no field can be changed, and `payer`
        (when not zero) binds the invoice to one payer.

        Record word of (merchant, id): 0 open; escrowed: the keccak of
        (invoice struct hash, payer) with the low 3 bits replaced by 1,
        so that `refund` and `release` are handed the invoice and payer
        and check them against one slot; 2 refunded, 3 settled, 4
        cancelled.

        Conservation, wei-exact, for every asset X:
          balance(X) == escrowed(X) + sum_a balance_of(a, X)
        (tests/payments/test_invoices_stateful.py).
@custom:security Every function that moves value holds the reentrancy
        lock and writes the record before any external call. The router
        is trusted as the chain's DEX (named by governance) and may only
        pull what this contract approved for the swap at hand; the
        approval left over by an exact-output swap is reset to zero.
        Slippage and sandwiches are bounded by the payer's `max_in`: the
        router reverts ("UniswapV2Router: EXCESSIVE_INPUT_AMOUNT") rather
        than spend more. The native coin is accepted outside `pay` only
        from the router (an unspent swap input coming back).
@custom:kill The guardian pauses new payments (pausable); refunds,
        releases and withdrawals stay open. Governance can delist an
        asset. Ownership moves in two steps and cannot be renounced.
"""


from ethereum.ercs import IERC20

from contracts.shared import asset_transfer
from contracts.shared import guarded
from interfaces import IMerchantInvoices
from interfaces import IPausable
from snekmate.utils import eip712_domain_separator
from snekmate.utils import signature_checker

implements: IMerchantInvoices
implements: IPausable

initializes: guarded
initializes: eip712_domain_separator


# ERC-5267: the domain a merchant's wallet shows (name, version, chain id, this contract).
# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless contract could never list an asset or name a new router again.
# Emergency pause of new payments by the guardian; refunds, releases and withdrawals stay open.
exports: (eip712_domain_separator.eip712Domain, guarded.__interface__)


# @dev The chain's Uniswap-v2-compatible router: the exact-output swaps used here.
interface IRouter:
    def WETH() -> address: view
    def swapTokensForExactTokens(
        amountOut: uint256, amountInMax: uint256, path: DynArray[address, MAX_PATH], to: address, deadline: uint256
    ) -> DynArray[uint256, MAX_PATH]: nonpayable
    def swapTokensForExactETH(
        amountOut: uint256, amountInMax: uint256, path: DynArray[address, MAX_PATH], to: address, deadline: uint256
    ) -> DynArray[uint256, MAX_PATH]: nonpayable
    def swapETHForExactTokens(
        amountOut: uint256, path: DynArray[address, MAX_PATH], to: address, deadline: uint256
    ) -> DynArray[uint256, MAX_PATH]: payable


# @dev The EIP-712 domain's name and version (fivefold/payments/invoices.py uses the same two).
EIP712_NAME: constant(String[50]) = "fivefold Payments"
EIP712_VERSION: constant(String[20]) = "1"
# @dev EIP-712 type hash of an invoice (the field order is the signature's).
INVOICE_TYPEHASH: public(constant(bytes32)) = keccak256(
    "Invoice(address merchant,uint256 id,address asset,uint256 amount,address payer,uint256 deadline,"
    "uint256 refund_deadline)"
)
# @dev The longest swap path (three hops).
MAX_PATH: constant(uint256) = 4

# Record states (the low 3 bits of a record word; an escrowed record carries a hash above them).
_OPEN: constant(uint256) = 0
_ESCROWED: constant(uint256) = 1
_REFUNDED: constant(uint256) = 2
_SETTLED: constant(uint256) = 3
_CANCELLED: constant(uint256) = 4
_STATE_MASK: constant(uint256) = 7


# @dev Record words: merchant -> invoice id -> word (see the notice).
_records: HashMap[address, HashMap[uint256, uint256]]
# @dev Held in escrow per asset (payments inside their refund window).
_escrowed: HashMap[address, uint256]
# @dev What each account can withdraw: account -> asset -> amount (merchants' settled payments,
#      payers' refunds).
_balances: HashMap[address, HashMap[address, uint256]]
# @dev Assets accepted as settlement assets and as swap inputs (zero: the native coin).
_listed: HashMap[address, bool]
# @dev The chain's router (zero: no swaps) and its wrapped native coin.
router: public(address)
wrapped_native: public(address)


@deploy
def __init__(owner_: address):
    """
    @dev Fixes the EIP-712 domain ("fivefold Payments", "1", this chain,
         this address) and the owner. The router differs per chain, so it
         is named later (`set_router`) and the address is the same on
         every chain.
    @param owner_ The owner (the deployer; governance accepts later).
    """
    assert owner_ != empty(address), "merchant_invoices: zero owner"
    guarded.__init__(owner_)
    eip712_domain_separator.__init__(EIP712_NAME, EIP712_VERSION)


@external
@payable
def __default__():
    """
    @dev Takes back the native coin an exact-output swap did not spend
         (`swapETHForExactTokens` returns it to its caller) and the coin
         `swapTokensForExactETH` delivers. Anyone else is refused.
    """
    assert msg.sender == self.router, "merchant_invoices: native coin only from the router"


# Paying


@external
@payable
@nonreentrant
def pay(invoice: IMerchantInvoices.Invoice, signature: Bytes[65]):
    """
    @notice Pays `invoice` in its own asset: the native coin sent as
            value, or the ERC-20 approved beforehand.
    @param invoice The invoice as the merchant signed it.
    @param signature The merchant's signature of `invoice_digest(invoice)`
           (65 or 64 bytes, or its ERC-1271 signature).
    """
    struct_hash: bytes32 = self._accept(invoice, signature)
    escrow: bool = self._book(invoice, struct_hash, msg.sender)
    if invoice.asset == asset_transfer.NATIVE:
        assert msg.value == invoice.amount, "merchant_invoices: value is not the amount"
    else:
        assert msg.value == 0, "merchant_invoices: value sent with a token payment"
        # A token that delivers less than asked (fee-on-transfer) is refused: the merchant is
        # owed exactly `amount`.
        assert asset_transfer._pull(invoice.asset, msg.sender, invoice.amount) == invoice.amount, \
            "merchant_invoices: token delivered less than the amount"
    log IMerchantInvoices.InvoicePaid(
        merchant=invoice.merchant,
        id=invoice.id,
        payer=msg.sender,
        asset=invoice.asset,
        amount=invoice.amount,
        paid_in=invoice.asset,
        paid_in_amount=invoice.amount,
        escrowed=escrow,
    )


@external
@payable
@nonreentrant
def pay_with_swap(
    invoice: IMerchantInvoices.Invoice,
    signature: Bytes[65],
    path: DynArray[address, MAX_PATH],
    max_in: uint256,
):
    """
    @notice Pays `invoice` in another listed asset: swaps at most `max_in`
            of it through the router for exactly the invoice's amount and
            returns what the swap did not spend. The native coin: send
            `max_in` as value with `path[0]` the wrapped native coin; an
            ERC-20: approve `max_in` beforehand.
    @param invoice The invoice as the merchant signed it.
    @param signature The merchant's signature.
    @param path The router path: the asset paid in (wrapped native for
           the native coin) to the settlement asset (wrapped native for a
           native invoice), 2 to 4 tokens.
    @param max_in The most the payer spends: the slippage bound (a
           sandwich that moves the price further makes the router revert).
    """
    router_: address = self.router
    assert router_ != empty(address), "merchant_invoices: no router"
    n: uint256 = len(path)
    assert n >= 2, "merchant_invoices: path too short"
    weth: address = self.wrapped_native
    paid_in: address = path[0]
    if msg.value != 0:
        assert paid_in == weth, "merchant_invoices: native payment path must start at the wrapped native coin"
        assert msg.value == max_in, "merchant_invoices: value is not max_in"
        paid_in = asset_transfer.NATIVE
    settle_token: address = invoice.asset
    if settle_token == asset_transfer.NATIVE:
        settle_token = weth
    assert path[n - 1] == settle_token, "merchant_invoices: path does not end in the invoice's asset"
    assert paid_in != invoice.asset, "merchant_invoices: same asset, use pay"
    assert self._listed[paid_in], "merchant_invoices: asset paid in not listed"
    struct_hash: bytes32 = self._accept(invoice, signature)
    escrow: bool = self._book(invoice, struct_hash, msg.sender)

    before: uint256 = asset_transfer._balance(invoice.asset)
    amounts: DynArray[uint256, MAX_PATH] = []
    if paid_in == asset_transfer.NATIVE:
        amounts = extcall IRouter(router_).swapETHForExactTokens(
            invoice.amount, path, self, block.timestamp, value=max_in
        )
    else:
        assert asset_transfer._pull(paid_in, msg.sender, max_in) == max_in, \
            "merchant_invoices: token delivered less than max_in"
        assert extcall IERC20(paid_in).approve(router_, max_in, default_return_value=True), \
            "merchant_invoices: approve failed"
        if invoice.asset == asset_transfer.NATIVE:
            amounts = extcall IRouter(router_).swapTokensForExactETH(
                invoice.amount, max_in, path, self, block.timestamp
            )
        else:
            amounts = extcall IRouter(router_).swapTokensForExactTokens(
                invoice.amount, max_in, path, self, block.timestamp
            )
    assert asset_transfer._balance(invoice.asset) - before == invoice.amount, \
        "merchant_invoices: swap delivered other than the amount"
    spent: uint256 = amounts[0]
    if spent < max_in:
        if paid_in != asset_transfer.NATIVE:
            # The router never pulls more than `spent`: no allowance outlives the swap.
            assert extcall IERC20(paid_in).approve(router_, 0, default_return_value=True), \
                "merchant_invoices: approve failed"
        asset_transfer._pay(paid_in, msg.sender, max_in - spent)
    log IMerchantInvoices.InvoicePaid(
        merchant=invoice.merchant,
        id=invoice.id,
        payer=msg.sender,
        asset=invoice.asset,
        amount=invoice.amount,
        paid_in=paid_in,
        paid_in_amount=spent,
        escrowed=escrow,
    )


# After payment


@external
@nonreentrant
def refund(invoice: IMerchantInvoices.Invoice, payer: address):
    """
    @notice The merchant refunds an escrowed payment in full, before the
            invoice's refund deadline; the payer withdraws it. Open while
            paused.
    @param invoice The invoice as it was paid.
    @param payer Who paid it.
    """
    assert msg.sender == invoice.merchant, "merchant_invoices: caller is not the merchant"
    assert block.timestamp < invoice.refund_deadline, "merchant_invoices: refund deadline passed"
    self._take_escrow(invoice, payer, _REFUNDED)
    self._balances[payer][invoice.asset] += invoice.amount
    log IMerchantInvoices.InvoiceRefunded(
        merchant=invoice.merchant, id=invoice.id, payer=payer, asset=invoice.asset, amount=invoice.amount
    )


@external
@nonreentrant
def release(invoice: IMerchantInvoices.Invoice, payer: address):
    """
    @notice Credits an escrowed payment to the merchant once its refund
            deadline has come; anyone may call. Open while paused.
    @param invoice The invoice as it was paid.
    @param payer Who paid it.
    """
    assert block.timestamp >= invoice.refund_deadline, "merchant_invoices: refund window still open"
    self._take_escrow(invoice, payer, _SETTLED)
    self._balances[invoice.merchant][invoice.asset] += invoice.amount
    log IMerchantInvoices.InvoiceReleased(
        merchant=invoice.merchant, id=invoice.id, asset=invoice.asset, amount=invoice.amount
    )


@external
def cancel(id: uint256):
    """
    @notice The merchant voids an invoice id nobody has paid: a signed
            invoice handed out by mistake can no longer be paid.
    @param id The invoice id.
    """
    assert self._records[msg.sender][id] == _OPEN, "merchant_invoices: invoice already used"
    self._records[msg.sender][id] = _CANCELLED
    log IMerchantInvoices.InvoiceCancelled(merchant=msg.sender, id=id)


@external
@nonreentrant
def withdraw(asset: address) -> uint256:
    """
    @notice Pays the caller its whole balance of `asset` (a merchant's
            settled payments, a payer's refunds). Open while paused.
    @param asset The asset (zero: the native coin).
    @return uint256 The amount paid.
    """
    amount: uint256 = self._balances[msg.sender][asset]
    assert amount != 0, "merchant_invoices: nothing to withdraw"
    self._balances[msg.sender][asset] = 0
    log IMerchantInvoices.Withdrawn(account=msg.sender, asset=asset, amount=amount)
    asset_transfer._pay(asset, msg.sender, amount)
    return amount


# Views


@view
@external
def invoice_digest(invoice: IMerchantInvoices.Invoice) -> bytes32:
    """
    @notice The EIP-712 digest the merchant signs.
    @param invoice The invoice.
    @return bytes32 The digest.
    """
    return eip712_domain_separator._hash_typed_data_v4(self._struct_hash(invoice))


@view
@external
def status(merchant: address, id: uint256) -> uint256:
    """
    @notice 0 open, 1 escrowed, 2 refunded, 3 settled (credited to the
            merchant), 4 cancelled.
    @param merchant The merchant.
    @param id The invoice id.
    @return uint256 The state.
    """
    return self._records[merchant][id] & _STATE_MASK


@view
@external
def escrowed(asset: address) -> uint256:
    """
    @notice What is held in escrow of `asset` (payments inside their
            refund window).
    @param asset The asset (zero: the native coin).
    @return uint256 The amount.
    """
    return self._escrowed[asset]


@view
@external
def balance_of(account: address, asset: address) -> uint256:
    """
    @notice What `account` can withdraw of `asset`.
    @param account A merchant or a refunded payer.
    @param asset The asset (zero: the native coin).
    @return uint256 The amount.
    """
    return self._balances[account][asset]


@view
@external
def listed(asset: address) -> bool:
    """
    @notice Whether `asset` is accepted for invoices and as a swap input.
    @param asset The asset (zero: the native coin).
    @return bool Whether it is listed.
    """
    return self._listed[asset]


# Configuration


@external
def set_asset_listed(asset: address, listed_: bool):
    """
    @notice Lists or delists an asset for new invoices and as a swap
            input (balances stay withdrawable). Only the owner. List
            plain ERC-20s: a fee-on-transfer token is refused at payment.
    @param asset The asset (zero: the native coin).
    @param listed_ Whether it is accepted.
    """
    guarded.owner_2step.ownable._check_owner()
    self._listed[asset] = listed_
    log IMerchantInvoices.AssetListed(asset=asset, listed=listed_)


@external
def set_router(router_: address):
    """
    @notice Names the chain's Uniswap-v2-compatible router (its WETH is
            read from it). Only the owner.
    @param router_ The router (a contract).
    """
    guarded.owner_2step.ownable._check_owner()
    assert router_.is_contract, "merchant_invoices: router is not a contract"
    weth: address = staticcall IRouter(router_).WETH()
    self.router = router_
    self.wrapped_native = weth
    log IMerchantInvoices.RouterSet(router=router_, wrapped_native=weth)


# Internal


@internal
@view
def _struct_hash(invoice: IMerchantInvoices.Invoice) -> bytes32:
    """
    @dev The EIP-712 struct hash of `invoice`.
    @param invoice The invoice.
    @return bytes32 The hash.
    """
    return keccak256(
        abi_encode(
            INVOICE_TYPEHASH,
            invoice.merchant,
            invoice.id,
            invoice.asset,
            invoice.amount,
            invoice.payer,
            invoice.deadline,
            invoice.refund_deadline,
        )
    )


@internal
@pure
def _escrow_word(struct_hash: bytes32, payer: address) -> uint256:
    """
    @dev The record word of an escrowed payment: binds the invoice's
         fields and its payer, state bits = escrowed.
    @param struct_hash The invoice's struct hash.
    @param payer Who paid.
    @return uint256 The word.
    """
    return (convert(keccak256(abi_encode(struct_hash, payer)), uint256) & ~_STATE_MASK) | _ESCROWED


@internal
def _accept(invoice: IMerchantInvoices.Invoice, signature: Bytes[65]) -> bytes32:
    """
    @dev The checks of a payment by `msg.sender`: not paused, a live and
         unused invoice for this payer in a listed asset, signed by its
         merchant. Returns its struct hash.
    @param invoice The invoice.
    @param signature The merchant's signature.
    @return bytes32 The struct hash.
    """
    guarded.pausable._check_not_paused()
    assert invoice.merchant != empty(address), "merchant_invoices: zero merchant"
    assert invoice.amount != 0, "merchant_invoices: zero amount"
    assert block.timestamp <= invoice.deadline, "merchant_invoices: invoice expired"
    assert invoice.payer == empty(address) or invoice.payer == msg.sender, \
        "merchant_invoices: caller is not the invoice's payer"
    assert self._listed[invoice.asset], "merchant_invoices: asset not listed"
    # A replay is refused for what it is, before the cost of recovering a signer.
    assert self._records[invoice.merchant][invoice.id] == _OPEN, "merchant_invoices: invoice already used"
    struct_hash: bytes32 = self._struct_hash(invoice)
    assert signature_checker._is_valid_signature_now(
        invoice.merchant, eip712_domain_separator._hash_typed_data_v4(struct_hash), signature
    ), "merchant_invoices: bad signature"
    return struct_hash


@internal
def _book(invoice: IMerchantInvoices.Invoice, struct_hash: bytes32, payer: address) -> bool:
    """
    @dev Writes the record before any value moves: escrowed while the
         refund window is open, else credited to the merchant at once.
    @param invoice The invoice.
    @param struct_hash Its struct hash.
    @param payer Who pays.
    @return bool Whether the payment is escrowed.
    """
    if block.timestamp < invoice.refund_deadline:
        self._records[invoice.merchant][invoice.id] = self._escrow_word(struct_hash, payer)
        self._escrowed[invoice.asset] += invoice.amount
        return True
    self._records[invoice.merchant][invoice.id] = _SETTLED
    self._balances[invoice.merchant][invoice.asset] += invoice.amount
    return False


@internal
def _take_escrow(invoice: IMerchantInvoices.Invoice, payer: address, state: uint256):
    """
    @dev Checks that `payer`'s payment of `invoice` is escrowed, moves the
         record to `state` and the amount out of escrow.
    @param invoice The invoice as it was paid.
    @param payer Who paid it.
    @param state The record's next state (refunded or settled).
    """
    assert self._records[invoice.merchant][invoice.id] == self._escrow_word(self._struct_hash(invoice), payer), \
        "merchant_invoices: payment not escrowed"
    self._records[invoice.merchant][invoice.id] = state
    self._escrowed[invoice.asset] -= invoice.amount
