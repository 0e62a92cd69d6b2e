# pragma version ~=0.4.3
"""
@title PDash data market: listings, escrowed purchases, proxies that deliver keys, disputes by contract
@custom:contract-name DataMarket
@license GNU Affero General Public License v3.0 only
@notice CPChain's PDash (SPEC.md "CPChain", seed 2.2.3 and 3.3.1). A seller
        lists a data item: the hash of its description, a price in a listed
        asset (the native coin, CPC, the chain's USDT), a commitment to the
        data's decryption key (`keccak256(key)`) and a deposit in the same
        asset that answers for the key. A buyer pays the price into escrow
        naming a proxy (a node that staked CPC here) and a one-time key
        `buyer_key` (the address of a secp256k1 key pair made for this
        purchase). The proxy gets the key from the seller off-chain, checks
        it against the commitment, and delivers it encrypted to the buyer's
        one-time public key, posting the ciphertext on-chain (`deliver`).
        The buyer then confirms (the seller is credited the price minus the
        proxy's fee) or disputes within the dispute window; without a
        dispute anyone may `finalise` after the window.

        Contract-decided disputes. (a) A wrong key: the buyer reveals its
        one-time secret `d` (`dispute`). The contract checks that `d` is
        the secret of `buyer_key`, recomputes the pad the proxy used,
        decrypts the key and compares `keccak256(key)` with the seller's
        commitment: a mismatch refunds the buyer and slashes the listing's
        whole deposit to it (the listing is closed); a match reverts (the
        buyer got what was promised). (b) No delivery: after the delivery
        window anyone may `refund_undelivered`: the buyer gets the price
        back and the proxy's missed count grows. A proxy may `decline` a
        purchase before its window ends (the buyer is refunded at once,
        nothing is counted against the proxy): what a proxy named without
        its consent does.

        Encryption (glossary; curve secp256k1, G its generator, n its order):
            d        the buyer's one-time secret; buyer_key = address(d*G)
            e        the proxy's ephemeral secret; E = e*G, posted as
                     (E.x, parity of E.y)
            S        the shared point e*(d*G) = d*E
            pad      keccak256(abi.encode(address(S), purchase id))
            c        the posted ciphertext: key XOR pad
        Only the buyer (d) and the proxy (e) can compute address(S). The
        contract computes address(d*P) for a point P with one `ecrecover`
        (hash 0, r = P.x, s = P.x*d mod n, which returns address(d*P)):
        `_mul_address`. Revealing `d` in a dispute reveals only this
        purchase's pad.

        Purchase id: keccak256(abi.encode(listing, buyer)). A buyer holds at
        most one purchase per listing: a second payment while one is open,
        or after one settled, reverts; after a refund the buyer may pay
        again.

        Phases from timestamps: a paid purchase awaits delivery until its
        deadline (bought + delivery_window), then it can only be refunded;
        a delivered one can be disputed until its deadline (delivered +
        dispute_window), then it can only be finalised.

        Money (per asset, wei-exact): this contract holds
            sum(escrowed prices) + sum(listing deposits) + sum(proxy stakes,
            CPC only) + sum(unclaimed)
        Settlement credits `unclaimed` (pull payments, withdrawn with
        `withdraw`): seller price - fee, proxy fee, where
        fee = floor(price * fee_bps / BPS) (rounds down: favours the seller
        by less than one unit; the two parts add up to the price exactly).
        A refund credits the buyer the price (plus a slashed deposit).

        Proxy reputation, per proxy: deliveries, disputes lost, deliveries
        missed (`proxy`); `pr_score` (0-100) is what reputation reporters
        read for RPT's PR dimension (docs/datamarket.md).
@custom:security Every settlement only writes storage (pull payments); the
        three functions that move funds out (`withdraw`,
        `withdraw_deposit`, `withdraw_stake`) and the three that pull funds
        in hold the reentrancy lock and write state before they transfer.
        A buyer names the most it pays (`max_price`): a seller who raises
        the price in front of a purchase makes it revert, never pay more.
        Tokens that take a fee on transfer are refused ("token took a fee
        on transfer"); rebasing tokens must not be listed.
@custom:kill The guardian or the owner pauses new listings, purchases and
        proxy stakes (`pause`); the owner delists an asset. Nothing stops a
        delivery, a settlement, a dispute, a refund or a withdrawal: escrowed
        funds always reach the seller or return to the buyer.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import governed
from interfaces import IDataMarket
from interfaces import IPausable

implements: IDataMarket
implements: IPausable

initializes: governed


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless DataMarket could never list a new asset or delist a broken one.
# The tunable numbers answer to the parameter registry (contracts/shared/tunable.vy).
# Emergency pause of new listings, purchases and proxy stakes by the guardian; deliveries,
# settlements, disputes, refunds and withdrawals stay open (contracts/shared/pausable.vy).
exports: governed.__interface__


# @dev Largest price, deposit or stake: the packed 96-bit fields.
MAX_AMOUNT: constant(uint256) = 2**96 - 1
# @dev Bounds of the tunable numbers (the parameter registry's bounds are these or narrower).
MAX_FEE_BPS: constant(uint256) = 2_000
MAX_DEPOSIT_BPS: constant(uint256) = 10_000
MIN_WINDOW: constant(uint256) = 3_600
MAX_WINDOW: constant(uint256) = 30 * constants.DAY
MAX_PROXY_STAKE: constant(uint256) = 10**9 * 10**18
# @dev Purchase states (`purchase(id).state`).
STATE_NONE: constant(uint256) = 0
STATE_PAID: constant(uint256) = 1
STATE_DELIVERED: constant(uint256) = 2
STATE_SETTLED: constant(uint256) = 3
STATE_REFUNDED: constant(uint256) = 4
# @dev Listing states (`listing(id).status`).
LISTING_OPEN: constant(uint256) = 1
LISTING_CLOSED: constant(uint256) = 2
LISTING_SLASHED: constant(uint256) = 3
# @dev Why a buyer was refunded (`Refunded.reason`).
REASON_WRONG_KEY: constant(uint256) = 1
REASON_UNDELIVERED: constant(uint256) = 2
REASON_DECLINED: constant(uint256) = 3
# @dev secp256k1: the group order n and the generator's x (its y is even: v = 27).
# 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
_N: constant(uint256) = 115792089237316195423570985008687907852837564279074904382605163141518161494337
# 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798
_GX: constant(uint256) = 55066263022277343669578718895168534326250603453777594175500187360389116729240

# Listing head word, from bit 0: seller (160) | open purchases (32) | sales (32) | status (8)
_OPEN_SHIFT: constant(uint256) = 160
_SALES_SHIFT: constant(uint256) = 192
_STATUS_SHIFT: constant(uint256) = 224
_ONE_OPEN: constant(uint256) = 1 << _OPEN_SHIFT
_ONE_SALE: constant(uint256) = 1 << _SALES_SHIFT
# Listing terms word, from bit 0: asset (160) | price (96)
_PRICE_SHIFT: constant(uint256) = 160
# Purchase head word, from bit 0: buyer (160) | state (8) | deadline (40) | fee_bps (16)
_STATE_SHIFT: constant(uint256) = 160
_DEADLINE_SHIFT: constant(uint256) = 168
_FEE_SHIFT: constant(uint256) = 208
# Purchase route word, from bit 0: proxy (160) | listing (64)
_LISTING_SHIFT: constant(uint256) = 160
# Purchase terms word, from bit 0: buyer_key (160) | price (96)
# Proxy word, from bit 0: stake (96) | open (32) | deliveries (40) | lost (40) | missed (40) | exiting (8)
_P_OPEN_SHIFT: constant(uint256) = 96
_P_DELIVERIES_SHIFT: constant(uint256) = 128
_P_LOST_SHIFT: constant(uint256) = 168
_P_MISSED_SHIFT: constant(uint256) = 208
_P_EXITING_SHIFT: constant(uint256) = 248
_MASK_96: constant(uint256) = 2**96 - 1


# @dev The token proxies stake (CPC).
cpc: public(immutable(address))
# @dev Listing head word by listing id (see above); 0 = no such listing.
_listing_heads: HashMap[uint256, uint256]
# @dev Listing terms word by listing id: asset and price.
_listing_terms: HashMap[uint256, uint256]
# @dev The seller's deposit by listing id, in the listing's asset.
_deposits: HashMap[uint256, uint256]
# @dev keccak256(decryption key) by listing id: the seller's commitment.
_commitments: HashMap[uint256, bytes32]
# @dev keccak256(description) by listing id: the Market's index of the item.
_descriptions: HashMap[uint256, bytes32]
# @dev How many listings were made; ids are 1 .. listing_count.
listing_count: public(uint256)
# @dev Purchase words by purchase id (keccak256(abi.encode(listing, buyer))).
_purchase_heads: HashMap[bytes32, uint256]
_purchase_routes: HashMap[bytes32, uint256]
_purchase_terms: HashMap[bytes32, uint256]
# @dev keccak256(abi.encode(ciphertext, ephemeral x, parity)) by purchase id, from the delivery.
_deliveries: HashMap[bytes32, bytes32]
# @dev Proxy word by proxy address (see above).
_proxies: HashMap[address, uint256]
# @dev Credited and not yet withdrawn, by asset and account.
unclaimed: public(HashMap[address, HashMap[address, uint256]])
# @dev Assets new listings may be priced in (empty(address): the native coin).
_listed: HashMap[address, bool]
# @dev Least CPC stake that lets a proxy be named.
min_proxy_stake: public(uint256)
# @dev The proxy's share of a settled price, in basis points (fixed per purchase when paid).
proxy_fee_bps: public(uint256)
# @dev Least listing deposit, in basis points of its price.
min_deposit_bps: public(uint256)
# @dev Seconds a proxy has to deliver after a purchase.
delivery_window: public(uint256)
# @dev Seconds a buyer has to dispute after a delivery.
dispute_window: public(uint256)


@deploy
def __init__(
    owner_: address,
    cpc_: address,
    min_proxy_stake_: uint256,
    proxy_fee_bps_: uint256,
    min_deposit_bps_: uint256,
    delivery_window_: uint256,
    dispute_window_: uint256,
):
    """
    @dev Deploys with the native coin and CPC listed.
    @param owner_ The governance account (holds ownership at once).
    @param cpc_ The CPC token: proxies stake it; listings may be priced in it.
    @param min_proxy_stake_ Least CPC stake of a proxy.
    @param proxy_fee_bps_ The proxy's share of a price (at most MAX_FEE_BPS).
    @param min_deposit_bps_ Least deposit, in basis points of the price.
    @param delivery_window_ Seconds to deliver (MIN_WINDOW .. MAX_WINDOW).
    @param dispute_window_ Seconds to dispute (MIN_WINDOW .. MAX_WINDOW).
    """
    assert owner_ != empty(address), "data_market: zero owner"
    assert cpc_ != empty(address), "data_market: zero cpc"
    governed.__init__(owner_)
    cpc = cpc_
    self._set_min_proxy_stake(min_proxy_stake_)
    self._set_proxy_fee_bps(proxy_fee_bps_)
    self._set_min_deposit_bps(min_deposit_bps_)
    self._set_windows(delivery_window_, dispute_window_)
    self._listed[asset_transfer.NATIVE] = True
    self._listed[cpc_] = True
    log IDataMarket.AssetListed(asset=asset_transfer.NATIVE, listed=True)
    log IDataMarket.AssetListed(asset=cpc_, listed=True)


# Sellers


@external
@payable
@nonreentrant
def list_item(asset: address, price: uint256, deposit: uint256, description_hash: bytes32, key_commitment: bytes32) -> uint256:
    """
    @dev Lists a data item and takes the seller's deposit; returns its id.
    @notice For the native coin send `deposit` as value; for an ERC-20
            approve it first.
    @param asset A listed asset (empty(address): the native coin).
    @param price What a buyer pays (1 .. MAX_AMOUNT).
    @param deposit The slashable deposit: at least
           ceil(price * min_deposit_bps / BPS), at most MAX_AMOUNT.
    @param description_hash keccak256 of the item's description (its index).
    @param key_commitment keccak256 of the data's 32-byte decryption key.
    @return uint256 The listing id.
    """
    governed.pausable._check_not_paused()
    assert self._listed[asset], "data_market: asset not listed"
    assert price != 0, "data_market: zero price"
    assert price <= MAX_AMOUNT and deposit <= MAX_AMOUNT, "data_market: amount too large"
    self._check_deposit(price, deposit)
    assert key_commitment != empty(bytes32), "data_market: zero key commitment"
    self._take(asset, deposit)
    id: uint256 = self.listing_count + 1
    self.listing_count = id
    self._listing_heads[id] = convert(msg.sender, uint256) | (LISTING_OPEN << _STATUS_SHIFT)
    self._listing_terms[id] = convert(asset, uint256) | (price << _PRICE_SHIFT)
    self._deposits[id] = deposit
    self._commitments[id] = key_commitment
    self._descriptions[id] = description_hash
    log IDataMarket.Listed(
        id=id,
        seller=msg.sender,
        asset=asset,
        price=price,
        deposit=deposit,
        description_hash=description_hash,
        key_commitment=key_commitment,
    )
    return id


@external
def set_price(id: uint256, price: uint256):
    """
    @dev Changes an open listing's price for purchases paid from now on.
    @notice Purchases already paid keep their price; a buyer's `max_price`
            protects a pending purchase from a raise.
    @param id The listing (the caller's, open).
    @param price The new price (1 .. MAX_AMOUNT, covered by the deposit).
    """
    head: uint256 = self._check_seller(id)
    assert (head >> _STATUS_SHIFT) == LISTING_OPEN, "data_market: listing not open"
    assert price != 0, "data_market: zero price"
    assert price <= MAX_AMOUNT, "data_market: amount too large"
    self._check_deposit(price, self._deposits[id])
    terms: uint256 = self._listing_terms[id]
    self._listing_terms[id] = (terms & constants.MASK_160) | (price << _PRICE_SHIFT)
    log IDataMarket.PriceSet(id=id, price=price)


@external
def close_listing(id: uint256):
    """
    @dev Stops new purchases of the caller's listing; open ones run to
         their end, then the deposit can be withdrawn.
    @param id The listing (the caller's, open).
    """
    head: uint256 = self._check_seller(id)
    assert (head >> _STATUS_SHIFT) == LISTING_OPEN, "data_market: listing not open"
    self._listing_heads[id] = (head & ((1 << _STATUS_SHIFT) - 1)) | (LISTING_CLOSED << _STATUS_SHIFT)
    log IDataMarket.ListingClosed(id=id)


@external
@nonreentrant
def withdraw_deposit(id: uint256) -> uint256:
    """
    @dev Pays the caller's deposit back once its listing is closed and no
         purchase of it is open.
    @param id The listing.
    @return uint256 The amount paid.
    """
    head: uint256 = self._check_seller(id)
    assert (head >> _STATUS_SHIFT) != LISTING_OPEN, "data_market: listing not closed"
    assert (head >> _OPEN_SHIFT) & constants.MASK_32 == 0, "data_market: purchases still open"
    amount: uint256 = self._deposits[id]
    assert amount != 0, "data_market: no deposit"
    self._deposits[id] = 0
    log IDataMarket.DepositWithdrawn(id=id, seller=msg.sender, amount=amount)
    asset_transfer._pay(convert(self._listing_terms[id] & constants.MASK_160, address), msg.sender, amount)
    return amount


# Buyers


@external
@payable
@nonreentrant
def buy(listing: uint256, proxy: address, max_price: uint256, buyer_key: address) -> bytes32:
    """
    @dev Pays a listing's price into escrow, naming the proxy that will
         deliver the key and the one-time key it is encrypted to.
    @notice For the native coin send exactly the price as value; for an
            ERC-20 approve it first. The purchase's fee rate is the one
            in force now.
    @param listing The listing (open).
    @param proxy A proxy with at least `min_proxy_stake` CPC staked that is
           not leaving.
    @param max_price The most the buyer pays: a price raised above it reverts.
    @param buyer_key The address of the buyer's one-time key pair (not zero).
    @return bytes32 The purchase id, keccak256(abi.encode(listing, buyer)).
    """
    governed.pausable._check_not_paused()
    head: uint256 = self._listing_heads[listing]
    assert head != 0, "data_market: no such listing"
    assert (head >> _STATUS_SHIFT) == LISTING_OPEN, "data_market: listing not open"
    terms: uint256 = self._listing_terms[listing]
    price: uint256 = terms >> _PRICE_SHIFT
    assert price <= max_price, "data_market: price above the buyer's limit"
    assert buyer_key != empty(address), "data_market: zero buyer key"
    word: uint256 = self._proxies[proxy]
    assert word & _MASK_96 >= self.min_proxy_stake and word & _MASK_96 != 0, "data_market: proxy not registered"
    assert word >> _P_EXITING_SHIFT == 0, "data_market: proxy is leaving"
    id: bytes32 = keccak256(abi_encode(listing, msg.sender))
    state: uint256 = (self._purchase_heads[id] >> _STATE_SHIFT) & constants.MASK_8
    assert state != STATE_PAID and state != STATE_DELIVERED, "data_market: purchase already paid"
    assert state != STATE_SETTLED, "data_market: already bought"
    self._take(convert(terms & constants.MASK_160, address), price)
    deadline: uint256 = block.timestamp + self.delivery_window
    self._purchase_heads[id] = (
        convert(msg.sender, uint256)
        | (STATE_PAID << _STATE_SHIFT)
        | (deadline << _DEADLINE_SHIFT)
        | (self.proxy_fee_bps << _FEE_SHIFT)
    )
    self._purchase_routes[id] = convert(proxy, uint256) | (listing << _LISTING_SHIFT)
    self._purchase_terms[id] = convert(buyer_key, uint256) | (price << _PRICE_SHIFT)
    # Counters: at most 2**32 - 1 open purchases per listing or proxy would need as many buyers'
    # transactions; unsafe_add cannot carry into the next field before that.
    self._listing_heads[listing] = unsafe_add(head, _ONE_OPEN)
    self._proxies[proxy] = unsafe_add(word, 1 << _P_OPEN_SHIFT)
    log IDataMarket.Bought(
        id=id, listing=listing, buyer=msg.sender, proxy=proxy, price=price, buyer_key=buyer_key, deadline=deadline
    )
    return id


@external
def confirm(id: bytes32):
    """
    @dev The buyer confirms a delivery: the seller is credited the price
         minus the proxy's fee, the proxy the fee.
    @param id The purchase (the caller's, delivered).
    """
    head: uint256 = self._purchase_heads[id]
    assert head & constants.MASK_160 == convert(msg.sender, uint256), "data_market: caller is not the buyer"
    self._check_delivered(head)
    self._settle(id, head, True)


@external
def finalise(id: bytes32):
    """
    @dev Settles a delivered purchase whose dispute window is over, as
         `confirm` would. Anyone may call it.
    @param id The purchase.
    """
    head: uint256 = self._purchase_heads[id]
    self._check_delivered(head)
    assert block.timestamp >= (head >> _DEADLINE_SHIFT) & constants.MASK_40, "data_market: dispute window not over"
    self._settle(id, head, False)


@external
def dispute(id: bytes32, secret: uint256, ciphertext: bytes32, ephemeral_x: uint256, ephemeral_parity: uint256):
    """
    @dev The buyer proves that the delivered key does not match the
         seller's commitment: it is refunded and paid the listing's
         deposit; the listing is closed and the proxy loses a dispute.
    @notice Reveals the one-time secret, which decrypts this purchase's
            key for everyone: a dispute of a key that matches reverts.
    @param id The purchase (the caller's, delivered, window not over).
    @param secret The one-time secret d of `buyer_key` (1 .. n-1).
    @param ciphertext The delivery's ciphertext (as posted).
    @param ephemeral_x The delivery's ephemeral public key's x (as posted).
    @param ephemeral_parity Its y's parity (as posted).
    """
    head: uint256 = self._purchase_heads[id]
    assert head & constants.MASK_160 == convert(msg.sender, uint256), "data_market: caller is not the buyer"
    self._check_delivered(head)
    assert block.timestamp < (head >> _DEADLINE_SHIFT) & constants.MASK_40, "data_market: dispute window over"
    assert keccak256(abi_encode(ciphertext, ephemeral_x, ephemeral_parity)) == self._deliveries[id], \
        "data_market: not the posted delivery"
    assert secret != 0 and secret < _N, "data_market: secret out of range"
    terms: uint256 = self._purchase_terms[id]
    assert self._mul_address(_GX, 0, secret) == convert(terms & constants.MASK_160, address), \
        "data_market: secret is not the buyer key's"
    route: uint256 = self._purchase_routes[id]
    listing: uint256 = route >> _LISTING_SHIFT
    # pad = keccak256(abi.encode(address(d*E), id)); key = c XOR pad
    pad: uint256 = convert(keccak256(abi_encode(self._mul_address(ephemeral_x, ephemeral_parity, secret), id)), uint256)
    key: bytes32 = convert(convert(ciphertext, uint256) ^ pad, bytes32)
    assert keccak256(key) != self._commitments[listing], "data_market: key matches the commitment"

    slashed: uint256 = self._deposits[listing]
    self._deposits[listing] = 0
    lhead: uint256 = unsafe_sub(self._listing_heads[listing], _ONE_OPEN)
    self._listing_heads[listing] = (lhead & ((1 << _STATUS_SHIFT) - 1)) | (LISTING_SLASHED << _STATUS_SHIFT)
    proxy: address = convert(route & constants.MASK_160, address)
    # One open purchase fewer, one dispute lost (a 40-bit counter: no carry in practice).
    self._proxies[proxy] = unsafe_add(unsafe_sub(self._proxies[proxy], 1 << _P_OPEN_SHIFT), 1 << _P_LOST_SHIFT)
    self._purchase_heads[id] = (head & constants.MASK_160) | (STATE_REFUNDED << _STATE_SHIFT)
    price: uint256 = terms >> _PRICE_SHIFT
    asset: address = convert(self._listing_terms[listing] & constants.MASK_160, address)
    self.unclaimed[asset][msg.sender] += price + slashed
    log IDataMarket.Slashed(listing=listing, purchase=id, buyer=msg.sender, amount=slashed, key=key)
    log IDataMarket.Refunded(id=id, buyer=msg.sender, amount=price, reason=REASON_WRONG_KEY)


@external
def refund_undelivered(id: bytes32):
    """
    @dev Refunds a purchase the proxy did not deliver within its window;
         counts a missed delivery against the proxy. Anyone may call it.
    @param id The purchase (paid, delivery window over).
    """
    head: uint256 = self._purchase_heads[id]
    assert (head >> _STATE_SHIFT) & constants.MASK_8 == STATE_PAID, "data_market: purchase not awaiting delivery"
    assert block.timestamp >= (head >> _DEADLINE_SHIFT) & constants.MASK_40, "data_market: delivery window not over"
    self._refund(id, head, REASON_UNDELIVERED, 1 << _P_MISSED_SHIFT)


# Proxies


@external
@nonreentrant
def stake_proxy(amount: uint256):
    """
    @dev Adds `amount` CPC to the caller's proxy stake (approve it first).
            A proxy is named only while its stake is at least
            `min_proxy_stake` and it is not leaving.
    @param amount The CPC to add (not zero).
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "data_market: zero amount"
    word: uint256 = self._proxies[msg.sender]
    assert word >> _P_EXITING_SHIFT == 0, "data_market: proxy is leaving"
    assert (word & _MASK_96) + amount <= MAX_AMOUNT, "data_market: amount too large"
    assert asset_transfer._pull(cpc, msg.sender, amount) == amount, "data_market: token took a fee on transfer"
    # The stake field stays below 2**96 (checked above): no carry.
    self._proxies[msg.sender] = unsafe_add(word, amount)
    log IDataMarket.ProxyStaked(proxy=msg.sender, amount=amount, stake=(word & _MASK_96) + amount)


@external
def leave_proxy():
    """
    @dev The caller stops being named as a proxy; its stake can be
         withdrawn once its open purchases are done.
    """
    word: uint256 = self._proxies[msg.sender]
    assert word & _MASK_96 != 0, "data_market: not a proxy"
    assert word >> _P_EXITING_SHIFT == 0, "data_market: proxy is leaving"
    self._proxies[msg.sender] = word | (1 << _P_EXITING_SHIFT)
    log IDataMarket.ProxyLeaving(proxy=msg.sender)


@external
@nonreentrant
def withdraw_stake() -> uint256:
    """
    @dev Pays a leaving proxy its CPC stake once it has no open purchase.
    @return uint256 The stake paid.
    """
    word: uint256 = self._proxies[msg.sender]
    assert word >> _P_EXITING_SHIFT != 0, "data_market: proxy not leaving"
    assert (word >> _P_OPEN_SHIFT) & constants.MASK_32 == 0, "data_market: purchases still open"
    amount: uint256 = word & _MASK_96
    assert amount != 0, "data_market: no stake"
    # The stake goes, the record stays (reputation) and so does the leaving flag.
    self._proxies[msg.sender] = word ^ amount
    log IDataMarket.ProxyStakeWithdrawn(proxy=msg.sender, amount=amount)
    asset_transfer._pay(cpc, msg.sender, amount)
    return amount


@external
def deliver(id: bytes32, ciphertext: bytes32, ephemeral_x: uint256, ephemeral_parity: uint256):
    """
    @dev The named proxy posts the key, encrypted to the buyer's one-time
         key: `ciphertext = key XOR keccak256(abi.encode(address(e*D), id))`
         with D the buyer's public key and E = e*G posted as
         (`ephemeral_x`, `ephemeral_parity`). The dispute window opens.
    @notice A proxy checks keccak256(key) against the listing's commitment
            before it delivers: a key that does not match costs the
            seller its deposit and the proxy a lost dispute.
    @param id The purchase (paid, delivery window not over).
    @param ciphertext The encrypted key.
    @param ephemeral_x E's x coordinate (a point of the curve, below n).
    @param ephemeral_parity E's y parity (0 even, 1 odd).
    """
    head: uint256 = self._purchase_heads[id]
    route: uint256 = self._purchase_routes[id]
    assert route & constants.MASK_160 == convert(msg.sender, uint256), "data_market: caller is not the purchase's proxy"
    assert (head >> _STATE_SHIFT) & constants.MASK_8 == STATE_PAID, "data_market: purchase not awaiting delivery"
    assert block.timestamp < (head >> _DEADLINE_SHIFT) & constants.MASK_40, "data_market: delivery window over"
    assert ephemeral_parity <= 1 and ephemeral_x != 0 and ephemeral_x < _N, "data_market: bad ephemeral key"
    # 1*E: zero when E.x is not the x of a curve point.
    assert self._mul_address(ephemeral_x, ephemeral_parity, 1) != empty(address), "data_market: bad ephemeral key"
    self._deliveries[id] = keccak256(abi_encode(ciphertext, ephemeral_x, ephemeral_parity))
    deadline: uint256 = block.timestamp + self.dispute_window
    # Keeps buyer and fee rate; state and deadline replaced.
    self._purchase_heads[id] = (
        (head & ~((constants.MASK_8 << _STATE_SHIFT) | (constants.MASK_40 << _DEADLINE_SHIFT)))
        | (STATE_DELIVERED << _STATE_SHIFT)
        | (deadline << _DEADLINE_SHIFT)
    )
    self._proxies[msg.sender] = unsafe_add(self._proxies[msg.sender], 1 << _P_DELIVERIES_SHIFT)
    log IDataMarket.Delivered(
        id=id,
        proxy=msg.sender,
        ciphertext=ciphertext,
        ephemeral_x=ephemeral_x,
        ephemeral_parity=ephemeral_parity,
        deadline=deadline,
    )


@external
def decline(id: bytes32):
    """
    @dev The named proxy refuses a purchase it will not deliver: the buyer
         is refunded at once and nothing is counted against the proxy.
    @param id The purchase (paid, delivery window not over).
    """
    head: uint256 = self._purchase_heads[id]
    assert self._purchase_routes[id] & constants.MASK_160 == convert(msg.sender, uint256), \
        "data_market: caller is not the purchase's proxy"
    assert (head >> _STATE_SHIFT) & constants.MASK_8 == STATE_PAID, "data_market: purchase not awaiting delivery"
    # After the deadline the purchase is a missed delivery (`refund_undelivered`): a late decline
    # would erase the miss.
    assert block.timestamp < (head >> _DEADLINE_SHIFT) & constants.MASK_40, "data_market: delivery window over"
    self._refund(id, head, REASON_DECLINED, 0)


# Everyone


@external
@nonreentrant
def withdraw(asset: address) -> uint256:
    """
    @dev Pays the caller what it was credited in `asset`.
    @param asset The asset (empty(address): the native coin).
    @return uint256 The amount paid.
    """
    amount: uint256 = self.unclaimed[asset][msg.sender]
    assert amount != 0, "data_market: nothing to withdraw"
    self.unclaimed[asset][msg.sender] = 0
    log IDataMarket.Withdrawn(account=msg.sender, asset=asset, amount=amount)
    asset_transfer._pay(asset, msg.sender, amount)
    return amount


# Owner and parameter registry


@external
def set_asset_listed(asset: address, listed: bool):
    """
    @dev Lists or delists an asset for new listings.
    @notice Only the owner. List only tokens that deliver what is sent and
            whose balances change only by transfers.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param listed True to accept new listings in `asset`.
    """
    governed.owner_2step.ownable._check_owner()
    self._listed[asset] = listed
    log IDataMarket.AssetListed(asset=asset, listed=listed)


@external
def set_min_proxy_stake(amount: uint256):
    """
    @dev Sets the least CPC stake of a proxy that can be named.
    @param amount At most MAX_PROXY_STAKE.
    """
    governed.tunable._check_writer()
    self._set_min_proxy_stake(amount)


@external
def set_proxy_fee_bps(bps: uint256):
    """
    @dev Sets the proxy's share of a price for purchases paid from now on.
    @param bps At most MAX_FEE_BPS.
    """
    governed.tunable._check_writer()
    self._set_proxy_fee_bps(bps)


@external
def set_min_deposit_bps(bps: uint256):
    """
    @dev Sets the least deposit of new listings and price changes.
    @param bps At most MAX_DEPOSIT_BPS.
    """
    governed.tunable._check_writer()
    self._set_min_deposit_bps(bps)


@external
def set_delivery_window(seconds: uint256):
    """
    @dev Sets the delivery window of purchases paid from now on.
    @param seconds MIN_WINDOW .. MAX_WINDOW.
    """
    governed.tunable._check_writer()
    self._set_windows(seconds, self.dispute_window)


@external
def set_dispute_window(seconds: uint256):
    """
    @dev Sets the dispute window of deliveries posted from now on.
    @param seconds MIN_WINDOW .. MAX_WINDOW.
    """
    governed.tunable._check_writer()
    self._set_windows(self.delivery_window, seconds)


# Views


@external
@view
def is_listed(asset: address) -> bool:
    """
    @dev Whether new listings may be priced in `asset`.
    @param asset The ERC-20, or empty(address) for the native coin.
    @return bool True if listed.
    """
    return self._listed[asset]


@external
@view
def listing(id: uint256) -> IDataMarket.Listing:
    """
    @dev A listing as stored.
    @param id The listing.
    @return IDataMarket.Listing All zero if there is no such listing.
    """
    head: uint256 = self._listing_heads[id]
    terms: uint256 = self._listing_terms[id]
    return IDataMarket.Listing(
        seller=convert(head & constants.MASK_160, address),
        asset=convert(terms & constants.MASK_160, address),
        price=terms >> _PRICE_SHIFT,
        deposit=self._deposits[id],
        description_hash=self._descriptions[id],
        key_commitment=self._commitments[id],
        open_purchases=(head >> _OPEN_SHIFT) & constants.MASK_32,
        sales=(head >> _SALES_SHIFT) & constants.MASK_32,
        status=head >> _STATUS_SHIFT,
    )


@external
@view
def purchase(id: bytes32) -> IDataMarket.Purchase:
    """
    @dev A purchase as stored.
    @param id The purchase (`purchase_id(listing, buyer)`).
    @return IDataMarket.Purchase All zero if there is no such purchase.
    """
    head: uint256 = self._purchase_heads[id]
    route: uint256 = self._purchase_routes[id]
    terms: uint256 = self._purchase_terms[id]
    return IDataMarket.Purchase(
        listing=route >> _LISTING_SHIFT,
        buyer=convert(head & constants.MASK_160, address),
        proxy=convert(route & constants.MASK_160, address),
        buyer_key=convert(terms & constants.MASK_160, address),
        price=terms >> _PRICE_SHIFT,
        fee_bps=head >> _FEE_SHIFT,
        state=(head >> _STATE_SHIFT) & constants.MASK_8,
        deadline=(head >> _DEADLINE_SHIFT) & constants.MASK_40,
        delivery_hash=self._deliveries[id],
    )


@external
@pure
def purchase_id(listing: uint256, buyer: address) -> bytes32:
    """
    @dev The id of `buyer`'s purchase of `listing`.
    @param listing The listing.
    @param buyer The buyer.
    @return bytes32 keccak256(abi.encode(listing, buyer)).
    """
    return keccak256(abi_encode(listing, buyer))


@external
@view
def proxy(account: address) -> IDataMarket.Proxy:
    """
    @dev A proxy's stake, open purchases and reputation record.
    @param account The proxy.
    @return IDataMarket.Proxy All zero if it never staked.
    """
    word: uint256 = self._proxies[account]
    return IDataMarket.Proxy(
        stake=word & _MASK_96,
        open_purchases=(word >> _P_OPEN_SHIFT) & constants.MASK_32,
        deliveries=(word >> _P_DELIVERIES_SHIFT) & constants.MASK_40,
        disputes_lost=(word >> _P_LOST_SHIFT) & constants.MASK_40,
        missed=(word >> _P_MISSED_SHIFT) & constants.MASK_40,
        leaving=word >> _P_EXITING_SHIFT != 0,
    )


@external
@view
def is_proxy(account: address) -> bool:
    """
    @dev Whether a buyer may name `account` as its proxy now.
    @param account The account.
    @return bool True if it staked at least `min_proxy_stake` and is not leaving.
    """
    word: uint256 = self._proxies[account]
    return word & _MASK_96 >= self.min_proxy_stake and word & _MASK_96 != 0 and word >> _P_EXITING_SHIFT == 0


@external
@view
def pr_score(account: address) -> uint256:
    """
    @dev The proxy reputation score (RPT's PR dimension, 0-100) that
         reputation reporters read and sign: the share of the purchases a
         proxy handled (delivered or missed) that it delivered without
         losing a dispute.
    @param account The proxy.
    @return uint256 floor(100 * (deliveries - disputes_lost) / (deliveries
            + missed)); 0 before its first handled purchase. Rounds down:
            against the proxy.
    """
    word: uint256 = self._proxies[account]
    deliveries: uint256 = (word >> _P_DELIVERIES_SHIFT) & constants.MASK_40
    handled: uint256 = deliveries + ((word >> _P_MISSED_SHIFT) & constants.MASK_40)
    if handled == 0:
        return 0
    # A dispute is lost only on a delivery: lost <= deliveries.
    return 100 * (deliveries - ((word >> _P_LOST_SHIFT) & constants.MASK_40)) // handled


@external
@pure
def shared_address(secret: uint256, point_x: uint256, point_parity: uint256) -> address:
    """
    @dev address(secret * P) for the curve point P = (point_x, parity):
         with P = G, the address of a secret; with P = E, the address
         the pad is derived from. A dApp may compute it off-chain instead
         (`fivefold.datamarket.model`).
    @param secret The scalar (1 .. n-1).
    @param point_x P's x.
    @param point_parity P's y parity.
    @return address The address, or empty(address) for a bad input.
    """
    return self._mul_address(point_x, point_parity, secret)


# Internal


@internal
@pure
def _mul_address(x: uint256, parity: uint256, k: uint256) -> address:
    """
    @dev address(k * P), P the curve point with x-coordinate `x` and y
         parity `parity`: ecrecover(hash 0, v, r = x, s) returns
         address(r^-1 * (s*P - 0*G)), so s = x*k mod n gives k*P.
    @param x P's x (below n).
    @param parity P's y parity (0 or 1).
    @param k The scalar.
    @return address The address, empty(address) when P is no curve point.
    """
    if x == 0 or x >= _N or parity > 1:
        return empty(address)
    s: uint256 = uint256_mulmod(x, k, _N)
    if s == 0:
        return empty(address)
    return ecrecover(empty(bytes32), 27 + parity, x, s)


@internal
@payable
def _take(asset: address, amount: uint256):
    """
    @dev Receives `amount` of `asset` from the caller: the call's value
         for the native coin, a `transferFrom` that must arrive whole for
         an ERC-20.
    @param asset The asset.
    @param amount The amount.
    """
    if asset == asset_transfer.NATIVE:
        assert msg.value == amount, "data_market: value differs from amount"
    else:
        assert msg.value == 0, "data_market: value sent with a token"
        if amount != 0:
            received: uint256 = asset_transfer._pull(asset, msg.sender, amount)
            assert received == amount, "data_market: token took a fee on transfer"


@internal
@view
def _check_deposit(price: uint256, deposit: uint256):
    """
    @dev Reverts unless `deposit` covers `price` at `min_deposit_bps`.
    @param price The price.
    @param deposit The deposit.
    """
    # deposit * BPS >= price * bps, i.e. deposit >= ceil(price * bps / BPS): exact, no division.
    assert deposit * constants.BPS >= price * self.min_deposit_bps, "data_market: deposit too small"


@internal
@view
def _check_seller(id: uint256) -> uint256:
    """
    @dev Reverts unless the caller is listing `id`'s seller.
    @param id The listing.
    @return uint256 Its head word.
    """
    head: uint256 = self._listing_heads[id]
    assert head != 0, "data_market: no such listing"
    assert head & constants.MASK_160 == convert(msg.sender, uint256), "data_market: caller is not the seller"
    return head


@internal
@pure
def _check_delivered(head: uint256):
    """
    @dev Reverts unless the purchase with head word `head` is delivered.
    @param head The head word.
    """
    state: uint256 = (head >> _STATE_SHIFT) & constants.MASK_8
    assert state != STATE_SETTLED, "data_market: purchase already settled"
    assert state == STATE_DELIVERED, "data_market: purchase not delivered"


@internal
def _settle(id: bytes32, head: uint256, confirmed: bool):
    """
    @dev Credits the seller and the proxy for a delivered purchase.
    @param id The purchase.
    @param head Its head word.
    @param confirmed True if the buyer confirmed, False if finalised.
    """
    route: uint256 = self._purchase_routes[id]
    listing: uint256 = route >> _LISTING_SHIFT
    price: uint256 = self._purchase_terms[id] >> _PRICE_SHIFT
    # fee = floor(price * fee_bps / BPS): rounds down, the seller keeps the remainder (< 1 unit).
    fee: uint256 = price * (head >> _FEE_SHIFT) // constants.BPS
    self._purchase_heads[id] = (head & ~(constants.MASK_8 << _STATE_SHIFT)) | (STATE_SETTLED << _STATE_SHIFT)
    lhead: uint256 = self._listing_heads[listing]
    # One open purchase fewer, one sale more (32-bit fields, the open one is at least 1).
    self._listing_heads[listing] = unsafe_add(unsafe_sub(lhead, _ONE_OPEN), _ONE_SALE)
    proxy: address = convert(route & constants.MASK_160, address)
    self._proxies[proxy] = unsafe_sub(self._proxies[proxy], 1 << _P_OPEN_SHIFT)
    asset: address = convert(self._listing_terms[listing] & constants.MASK_160, address)
    seller: address = convert(lhead & constants.MASK_160, address)
    self.unclaimed[asset][seller] += price - fee
    if fee != 0:
        self.unclaimed[asset][proxy] += fee
    log IDataMarket.Settled(id=id, seller=seller, proxy=proxy, seller_amount=price - fee, fee=fee, confirmed=confirmed)


@internal
def _refund(id: bytes32, head: uint256, reason: uint256, proxy_add: uint256):
    """
    @dev Credits the buyer the price of a purchase that was not delivered.
    @param id The purchase.
    @param head Its head word.
    @param reason REASON_UNDELIVERED or REASON_DECLINED.
    @param proxy_add What to add to the proxy's word besides closing the
           purchase (a missed delivery, or nothing).
    """
    route: uint256 = self._purchase_routes[id]
    listing: uint256 = route >> _LISTING_SHIFT
    price: uint256 = self._purchase_terms[id] >> _PRICE_SHIFT
    buyer: address = convert(head & constants.MASK_160, address)
    self._purchase_heads[id] = (head & constants.MASK_160) | (STATE_REFUNDED << _STATE_SHIFT)
    self._listing_heads[listing] = unsafe_sub(self._listing_heads[listing], _ONE_OPEN)
    proxy: address = convert(route & constants.MASK_160, address)
    self._proxies[proxy] = unsafe_add(unsafe_sub(self._proxies[proxy], 1 << _P_OPEN_SHIFT), proxy_add)
    asset: address = convert(self._listing_terms[listing] & constants.MASK_160, address)
    self.unclaimed[asset][buyer] += price
    log IDataMarket.Refunded(id=id, buyer=buyer, amount=price, reason=reason)


@internal
def _set_min_proxy_stake(amount: uint256):
    """
    @dev Checks and stores `min_proxy_stake`.
    @param amount The value.
    """
    assert amount <= MAX_PROXY_STAKE, "data_market: min proxy stake above cap"
    self.min_proxy_stake = amount
    log IDataMarket.ParameterSet(name="min_proxy_stake", value=amount)


@internal
def _set_proxy_fee_bps(bps: uint256):
    """
    @dev Checks and stores `proxy_fee_bps`.
    @param bps The value.
    """
    assert bps <= MAX_FEE_BPS, "data_market: fee above cap"
    self.proxy_fee_bps = bps
    log IDataMarket.ParameterSet(name="proxy_fee_bps", value=bps)


@internal
def _set_min_deposit_bps(bps: uint256):
    """
    @dev Checks and stores `min_deposit_bps`.
    @param bps The value.
    """
    assert bps <= MAX_DEPOSIT_BPS, "data_market: deposit rate above cap"
    self.min_deposit_bps = bps
    log IDataMarket.ParameterSet(name="min_deposit_bps", value=bps)


@internal
def _set_windows(delivery: uint256, dispute: uint256):
    """
    @dev Checks and stores both windows.
    @param delivery The delivery window.
    @param dispute The dispute window.
    """
    assert delivery >= MIN_WINDOW and delivery <= MAX_WINDOW, "data_market: window out of bounds"
    assert dispute >= MIN_WINDOW and dispute <= MAX_WINDOW, "data_market: window out of bounds"
    if delivery != self.delivery_window:
        self.delivery_window = delivery
        log IDataMarket.ParameterSet(name="delivery_window", value=delivery)
    if dispute != self.dispute_window:
        self.dispute_window = dispute
        log IDataMarket.ParameterSet(name="dispute_window", value=dispute)
