# pragma version ~=0.4.3
"""
@title NFT mall: signed fixed-price orders and English auctions
@custom:contract-name NftMall
@license GNU Affero General Public License v3.0 only
@notice The CloudChat NFT mall (SPEC 4.2, issue 13) for ERC-721 tokens and
        ERC-1155 amounts, paid in the native coin or an ERC-20.

        Fixed price, as signed orders (Seaport, Blur). The seller signs an
        EIP-712 `Order` off-chain (no transaction) and keeps the NFT in its
        wallet, approved to the mall; a buyer submits order and signature
        with `buy`. An order is refused once filled or cancelled (tracked by
        its EIP-712 digest), after its expiry, or when the seller's nonce
        has moved on (`increment_nonce` cancels every order signed so far;
        `cancel(order)` cancels one). The digest covers every field, the
        price included, the chain id and this contract, so a price change is
        a new signature and a signature is worthless on another chain or
        mall. Contract sellers sign with EIP-1271. An ERC-1155 order sells
        its whole `amount` at once (no partial fills).

        Auctions, listed on chain: the NFT is escrowed here from `list_auction`
        until settlement. The first bid must reach the reserve, each later
        one the top bid plus 5% (rounded up); a bid in the last 15 minutes
        moves the end to 15 minutes after it. After the end anyone settles:
        the NFT goes to the top bidder, or back to the seller if nobody bid
        (a reserve not met is a bid refused, so "no bids" covers it). The
        seller may cancel an auction nobody has bid on.

        Money. An order's proceeds are pushed in the same transaction (a
        native-coin recipient that refuses them is credited instead); an
        auction's proceeds and outbid bids are credited, and each account
        takes its credit with `withdraw(asset)` (pull: no recipient can block
        a bid or a settlement). The price p of every sale is split as

            r = min(royaltyInfo(token, p).amount, floor(p * MAX_ROYALTY_BPS / BPS))
            f = floor(p * fee_bps / BPS)          (platform fee, to the treasury)
            s = p - r - f                          (the seller)

        Both floors favour the seller, by less than one wei each; r + f is at
        most 20% of p, so s never underflows. A royalty receiver that answers
        more than 10% of the price gets 10% (`MAX_ROYALTY_BPS`), one that
        reverts or answers garbage gets nothing. The fee is 0% by default
        (SPEC), at most 10% on chain (`MAX_FEE_BPS`), set only through the
        parameter registry (contracts/shared/tunable.vy); an auction keeps
        the fee rate of its listing.

        Conservation, per asset and wei-exact: this contract holds the sum of
        the credits (`pending`) plus the top bids of unsettled auctions. An
        escrowed NFT leaves only to the auction's winner or back to its seller.
@custom:security Every state-changing function but `buy` takes the reentrancy
        lock (`buy` marks the order filled first; see its note), and each
        updates state before calling out (an ERC-721 receiver, an ERC-1155
        hook, a royalty receiver or seller receiving the native coin can run
        code). An NFT that cannot be delivered at settlement (a receiver hook
        that reverts, a paused collection) stays here for its owner-to-be,
        who takes it with `claim_nft` to an address of its choice.
        Tokens that take a fee on transfer are refused: a payment must arrive
        whole. Collections and assets are not listed: a buyer checks what
        the order names (dApps show the collection).
@custom:kill Nothing pauses sales, bids or withdrawals: escrowed NFTs and
        credits always reach their owners. Sellers stop their own orders
        with `increment_nonce`. The owner can point the treasury elsewhere
        and, through the registry, lower the fee; it can never move
        escrowed NFTs or credited funds.
"""


from ethereum.ercs import IERC721
from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import governed
from interfaces import IPausable
from interfaces import INftMall
from snekmate.utils import eip712_domain_separator
from snekmate.utils import signature_checker

implements: INftMall
implements: IPausable

initializes: governed
initializes: eip712_domain_separator


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless mall could never point the fee to a new treasury again.
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
# Emergency pause of new deposits and creations by the guardian; ways out stay open
# (contracts/shared/pausable.vy).
exports: (eip712_domain_separator.eip712Domain, governed.__interface__)


# @dev The ERC-1155 transfer the mall calls (ethereum.ercs has no ERC-1155 interface).
interface IERC1155:
    def safeTransferFrom(
        owner: address, to: address, id: uint256, amount: uint256, data: Bytes[1_024]
    ): nonpayable


# @dev Basis points: 10,000 = 100%.
BPS: constant(uint256) = 10_000
# @dev On-chain cap of the platform fee: 10%.
MAX_FEE_BPS: constant(uint256) = 1_000
# @dev A royalty above 10% of the price is cut to 10% (a malicious royaltyInfo cannot take the sale).
MAX_ROYALTY_BPS: constant(uint256) = 1_000
# @dev Each bid after the first beats the top bid by at least 5%.
MIN_INCREMENT_BPS: constant(uint256) = 500
# @dev A bid this close to the end moves the end to this long after the bid (15 minutes).
EXTENSION: constant(uint256) = 15 * 60
# @dev Shortest and longest auction.
MIN_DURATION: constant(uint256) = 15 * 60
MAX_DURATION: constant(uint256) = 30 * 86_400
# @dev `order_status` values.
OPEN: constant(uint256) = 0
FILLED: constant(uint256) = 1
CANCELLED: constant(uint256) = 2
# @dev `auction_phase` values: no such auction, taking bids, ended (to settle), settled.
PHASE_NONE: constant(uint256) = 0
PHASE_LIVE: constant(uint256) = 1
PHASE_ENDED: constant(uint256) = 2
PHASE_SETTLED: constant(uint256) = 3
# @dev EIP-712 type hash of a signed order (the field order is the signature's).
_ORDER_TYPEHASH: constant(bytes32) = keccak256(
    "Order(address seller,address collection,uint256 token_id,uint256 amount,bool erc1155,"
    "address asset,uint256 price,uint256 nonce,uint256 salt,uint256 expiry)"
)
# @dev `royaltyInfo(uint256,uint256)` of ERC-2981.
_ROYALTY_INFO: constant(bytes4) = 0x2a55205a
# @dev `onERC1155Received(address,address,uint256,uint256,bytes)`: accepting an ERC-1155 transfer.
_ERC1155_RECEIVED: constant(bytes4) = 0xf23a6e61
# @dev Largest ERC-1155 amount and reserve of an auction (the value field of a pair word).
MAX_VALUE: constant(uint256) = 2**96 - 1

# Auction words, from bit 0 (`_pack_head` / `_unpack_head`, `_pack_pair` / `_unpack_pair`):
#   head:  seller (160) | end (40) | fee bps (16) | flags (8)
#   item:  collection (160) | amount (96)
#   terms: asset (160) | reserve (96)
# The token id, the top bidder and the top bid (any size) have words of their own: a listing
# writes four words, a bid two (three when it extends the end).
_ADDRESS_MASK: constant(uint256) = constants.MASK_160
_END_SHIFT: constant(uint256) = 160
_END_MASK: constant(uint256) = constants.MASK_40
_FEE_SHIFT: constant(uint256) = 200
_FEE_MASK: constant(uint256) = constants.MASK_16
_FLAGS_SHIFT: constant(uint256) = 216
_FLAGS_MASK: constant(uint256) = constants.MASK_8
_VALUE_SHIFT: constant(uint256) = 160
# @dev Bits of the flags field.
_FLAG_ERC1155: constant(uint256) = 1
_FLAG_SETTLED: constant(uint256) = 2
_FLAG_UNDELIVERED: constant(uint256) = 4


# @dev A head word unpacked.
struct Head:
    seller: address
    end: uint256
    fee_bps: uint256
    erc1155: bool
    settled: bool
    undelivered: bool


# @dev Status of an order by its EIP-712 digest (OPEN, FILLED, CANCELLED).
order_status: public(HashMap[bytes32, uint256])
# @dev The nonce a seller's orders must carry; `increment_nonce` moves it on.
nonces: public(HashMap[address, uint256])
# @dev Auction words by id (1, 2, ...); see "Auction words" above.
_heads: HashMap[uint256, uint256]
_items: HashMap[uint256, uint256]
_token_ids: HashMap[uint256, uint256]
_terms: HashMap[uint256, uint256]
_top_bidders: HashMap[uint256, address]
_top_bids: HashMap[uint256, uint256]
# @dev How many auctions were listed (the last id).
auction_count: public(uint256)
# @dev Credits to withdraw: account -> asset (empty: native coin) -> amount.
pending: public(HashMap[address, HashMap[address, uint256]])
# @dev Platform fee in basis points (0 by default, at most MAX_FEE_BPS).
fee_bps: public(uint256)
# @dev Receives the platform fee (as a credit it withdraws).
treasury: public(address)


@deploy
def __init__(owner_: address, treasury_: address, name_eip712_: String[50], version_eip712_: String[20]):
    """
    @dev Deploys with a 0% fee.
    @param owner_ The governance account (the suite's timelock after deployment).
    @param treasury_ Receives the platform fee once governance sets one.
    @param name_eip712_ The EIP-712 domain name of orders.
    @param version_eip712_ The EIP-712 domain version.
    """
    assert owner_ != empty(address), "nft_mall: zero owner"
    assert treasury_ != empty(address), "nft_mall: zero treasury"
    governed.__init__(owner_)
    eip712_domain_separator.__init__(name_eip712_, version_eip712_)
    self.treasury = treasury_


# Signed orders


@external
@payable
def buy(order: INftMall.Order, signature: Bytes[65]):
    """
    @notice Buys what `order` sells at its price, for the caller. Native coin:
            send the price as value; an ERC-20: approve the price first. The
            seller must still own the NFT and have approved the mall.
    @param order The order as the seller signed it.
    @param signature The seller's 65- or 64-byte (EIP-2098) signature of the
           order's EIP-712 digest, or an EIP-1271 signature of a contract seller.
    @custom:security No reentrancy lock (it would cost every sale 2,300 gas, and
            22,100 on a mall's first call): the order is marked filled and the
            royalty (a static call) and fee are fixed before any call that can
            run code, the price arrives before the NFT moves, and after that the
            function only pays and credits those amounts (a credit is an
            addition). A receiver re-entering finds the order filled; every
            other function holds the lock itself.
    """
    assert block.timestamp <= order.expiry, "nft_mall: order expired"
    assert order.nonce == self.nonces[order.seller], "nft_mall: stale nonce"
    digest: bytes32 = self._order_digest(order)
    status: uint256 = self.order_status[digest]
    assert status != FILLED, "nft_mall: order filled"
    assert status != CANCELLED, "nft_mall: order cancelled"
    assert signature_checker._is_valid_signature_now(order.seller, digest, signature), \
        "nft_mall: bad signature"
    assert order.erc1155 or order.amount == 1, "nft_mall: erc721 amount is not one"
    self.order_status[digest] = FILLED
    receiver: address = empty(address)
    royalty: uint256 = 0
    receiver, royalty = self._royalty(order.collection, order.token_id, order.price)
    # floor: the treasury gets at most one wei less than the rate says, the seller that wei.
    fee: uint256 = order.price * self.fee_bps // BPS

    self._take(order.asset, msg.sender, order.price)
    if order.erc1155:
        extcall IERC1155(order.collection).safeTransferFrom(
            order.seller, msg.sender, order.token_id, order.amount, b""
        )
    else:
        extcall IERC721(order.collection).safeTransferFrom(order.seller, msg.sender, order.token_id, b"")
    self._send(order.asset, receiver, royalty)
    if fee != 0:
        self._credit(self.treasury, order.asset, fee)
    # r <= 10% and f <= 10% of the price: no underflow.
    self._send(order.asset, order.seller, unsafe_sub(order.price, unsafe_add(royalty, fee)))
    log INftMall.OrderFilled(
        order_hash=digest,
        seller=order.seller,
        buyer=msg.sender,
        price=order.price,
        royalty=royalty,
        fee=fee,
    )


@external
@nonreentrant
def cancel(order: INftMall.Order):
    """
    @notice Cancels one of the caller's orders for good.
    @param order The order as signed.
    """
    assert msg.sender == order.seller, "nft_mall: caller is not the seller"
    digest: bytes32 = self._order_digest(order)
    assert self.order_status[digest] == OPEN, "nft_mall: order not open"
    self.order_status[digest] = CANCELLED
    log INftMall.OrderCancelled(order_hash=digest, seller=msg.sender)


@external
@nonreentrant
def increment_nonce() -> uint256:
    """
    @notice Cancels every order the caller signed so far: only orders with
            the new nonce are valid from now on.
    @return uint256 The new nonce.
    """
    nonce: uint256 = self.nonces[msg.sender] + 1
    self.nonces[msg.sender] = nonce
    log INftMall.NonceIncremented(seller=msg.sender, nonce=nonce)
    return nonce


# Auctions


@external
@nonreentrant
def list_auction(
    collection: address,
    token_id: uint256,
    amount: uint256,
    erc1155: bool,
    asset: address,
    reserve: uint256,
    duration: uint256,
) -> uint256:
    """
    @notice Escrows the caller's NFT (approved to the mall) and opens an
            English auction from now for `duration` seconds.
    @param collection The ERC-721 or ERC-1155 contract.
    @param token_id The token id.
    @param amount 1 for an ERC-721; the quantity of an ERC-1155 id (below 2**96).
    @param erc1155 True for an ERC-1155, False for an ERC-721.
    @param asset What bids are paid in: an ERC-20, or empty(address) for the native coin.
    @param reserve The lowest first bid (below 2**96; at least 1 wei is always required).
    @param duration Seconds until the end (15 minutes to 30 days), before extensions.
    @return uint256 The auction id.
    """
    governed.pausable._check_not_paused()
    assert duration >= MIN_DURATION and duration <= MAX_DURATION, "nft_mall: bad duration"
    assert amount != 0, "nft_mall: zero amount"
    assert erc1155 or amount == 1, "nft_mall: erc721 amount is not one"
    assert amount <= MAX_VALUE, "nft_mall: amount too large"
    assert reserve <= MAX_VALUE, "nft_mall: reserve too large"
    id: uint256 = self.auction_count + 1
    self.auction_count = id
    end: uint256 = block.timestamp + duration
    self._heads[id] = self._pack_head(
        Head(
            seller=msg.sender,
            end=end,
            fee_bps=self.fee_bps,
            erc1155=erc1155,
            settled=False,
            undelivered=False,
        )
    )
    self._items[id] = self._pack_pair(collection, amount)
    if token_id != 0:
        self._token_ids[id] = token_id
    self._terms[id] = self._pack_pair(asset, reserve)
    if erc1155:
        extcall IERC1155(collection).safeTransferFrom(msg.sender, self, token_id, amount, b"")
    else:
        extcall IERC721(collection).transferFrom(msg.sender, self, token_id)
    log INftMall.AuctionListed(
        id=id,
        seller=msg.sender,
        collection=collection,
        token_id=token_id,
        amount=amount,
        asset=asset,
        reserve=reserve,
        end=end,
    )
    return id


@external
@payable
@nonreentrant
def bid(id: uint256, amount: uint256):
    """
    @notice Bids `amount` on auction `id` (native coin: send it as value; an
            ERC-20: approve it first). The previous top bid is credited to
            its bidder, who withdraws it.
    @param id The auction id.
    @param amount The bid: at least the reserve (first bid) or the top bid
           plus 5% (`min_bid`).
    """
    head: Head = self._unpack_head(self._heads[id])
    assert self._phase(head) == PHASE_LIVE, "nft_mall: auction not live"
    assert msg.sender != head.seller, "nft_mall: seller cannot bid"
    asset: address = empty(address)
    reserve: uint256 = 0
    asset, reserve = self._unpack_pair(self._terms[id])
    leader: address = self._top_bidders[id]
    top: uint256 = self._top_bids[id]
    assert amount >= self._min_bid(reserve, leader, top), "nft_mall: bid too low"
    self._take(asset, msg.sender, amount)
    if leader != empty(address):
        self._credit(leader, asset, top)
    self._top_bidders[id] = msg.sender
    self._top_bids[id] = amount
    # `end > now` (live), so no underflow.
    if unsafe_sub(head.end, block.timestamp) < EXTENSION:
        head.end = block.timestamp + EXTENSION
        self._heads[id] = self._pack_head(head)
    log INftMall.BidPlaced(id=id, bidder=msg.sender, amount=amount, end=head.end)


@external
@nonreentrant
def settle(id: uint256):
    """
    @notice Ends auction `id` after its end time (anyone may): the NFT goes to
            the top bidder and the bid is credited to the seller, the royalty
            receiver and the treasury; without bids the NFT goes back to the
            seller.
    @param id The auction id.
    """
    head: Head = self._unpack_head(self._heads[id])
    assert self._phase(head) == PHASE_ENDED, "nft_mall: auction not ended"
    head.settled = True
    self._heads[id] = self._pack_head(head)
    a: INftMall.Auction = self._auction(id)
    royalty: uint256 = 0
    fee: uint256 = 0
    if a.top_bidder == empty(address):
        self._deliver(id, head, a, a.seller)
    else:
        receiver: address = empty(address)
        receiver, royalty = self._royalty(a.collection, a.token_id, a.top_bid)
        # floor, as in `buy`
        fee = a.top_bid * a.fee_bps // BPS
        if royalty != 0:
            self._credit(receiver, a.asset, royalty)
        if fee != 0:
            self._credit(self.treasury, a.asset, fee)
        # r <= 10% and f <= 10% of the bid: no underflow.
        self._credit(a.seller, a.asset, unsafe_sub(a.top_bid, unsafe_add(royalty, fee)))
        self._deliver(id, head, a, a.top_bidder)
    log INftMall.AuctionSettled(id=id, winner=a.top_bidder, price=a.top_bid, royalty=royalty, fee=fee)


@external
@nonreentrant
def cancel_auction(id: uint256):
    """
    @notice Ends the caller's auction before anyone bid; the NFT goes back.
    @param id The auction id.
    """
    head: Head = self._unpack_head(self._heads[id])
    assert msg.sender == head.seller, "nft_mall: caller is not the seller"
    assert self._phase(head) == PHASE_LIVE, "nft_mall: auction not live"
    assert self._top_bidders[id] == empty(address), "nft_mall: auction has bids"
    head.settled = True
    self._heads[id] = self._pack_head(head)
    self._deliver(id, head, self._auction(id), head.seller)
    log INftMall.AuctionCancelled(id=id)


@external
@nonreentrant
def claim_nft(id: uint256, to: address):
    """
    @notice Takes the NFT of a settled auction that could not be delivered
            (its receiver refused it) to `to`: the winner, or the seller of an
            auction without bids.
    @param id The auction id.
    @param to Where the NFT goes.
    """
    head: Head = self._unpack_head(self._heads[id])
    assert head.undelivered, "nft_mall: nothing to claim"
    owner: address = self._top_bidders[id]
    if owner == empty(address):
        owner = head.seller
    assert msg.sender == owner, "nft_mall: caller is not the nft's owner"
    head.undelivered = False
    self._heads[id] = self._pack_head(head)
    self._move_out(self._auction(id), to)
    log INftMall.NftClaimed(id=id, to=to)


# Pull payments


@external
@nonreentrant
def withdraw(asset: address) -> uint256:
    """
    @notice Sends the caller everything credited to it in `asset`.
    @param asset An ERC-20, or empty(address) for the native coin.
    @return uint256 The amount sent.
    """
    amount: uint256 = self.pending[msg.sender][asset]
    assert amount != 0, "nft_mall: nothing to withdraw"
    self.pending[msg.sender][asset] = 0
    log INftMall.Withdrawn(account=msg.sender, asset=asset, amount=amount)
    asset_transfer._pay(asset, msg.sender, amount)
    return amount


# Governance


@external
def set_fee_bps(fee_bps: uint256):
    """
    @dev Sets the platform fee of sales from now on (auctions keep the fee
         of their listing). The parameter registry only, once named.
    @param fee_bps The fee in basis points, at most MAX_FEE_BPS (10%).
    """
    governed.tunable._check_writer()
    assert fee_bps <= MAX_FEE_BPS, "nft_mall: fee above cap"
    self.fee_bps = fee_bps
    log INftMall.FeeSet(fee_bps=fee_bps)


@external
def set_treasury(treasury: address):
    """
    @dev Sets who receives the platform fee from now on (the owner only).
    @param treasury The treasury; not the zero address.
    """
    governed.owner_2step.ownable._check_owner()
    assert treasury != empty(address), "nft_mall: zero treasury"
    self.treasury = treasury
    log INftMall.TreasurySet(treasury=treasury)


# ERC-1155 receiver


@external
@view
def onERC1155Received(
    operator: address, sender: address, id: uint256, amount: uint256, data: Bytes[1_024]
) -> bytes4:
    """
    @dev Accepts an ERC-1155 transfer only when the mall itself moves it (a
         listing); anything sent directly is refused, so nothing gets stuck.
    @param operator Who started the transfer.
    @param sender The previous owner.
    @param id The token id.
    @param amount The quantity.
    @param data Ignored.
    @return bytes4 The ERC-1155 acceptance value.
    """
    assert operator == self, "nft_mall: direct transfers refused"
    return _ERC1155_RECEIVED


# Views


@external
@view
def auction(id: uint256) -> INftMall.Auction:
    """
    @dev An auction's state (all zero if there is none).
    @param id The auction id.
    @return Auction The auction.
    """
    return self._auction(id)


@external
@view
def auction_phase(id: uint256) -> uint256:
    """
    @dev Where auction `id` stands now: 0 none, 1 live, 2 ended (to settle), 3 settled.
    @param id The auction id.
    @return uint256 The phase.
    """
    return self._phase(self._unpack_head(self._heads[id]))


@external
@view
def min_bid(id: uint256) -> uint256:
    """
    @dev The lowest bid auction `id` accepts now.
    @param id The auction id.
    @return uint256 The reserve (at least 1) before the first bid, the top bid plus 5% after.
    """
    reserve: uint256 = self._unpack_pair(self._terms[id])[1]
    return self._min_bid(reserve, self._top_bidders[id], self._top_bids[id])


@external
@view
def order_hash(order: INftMall.Order) -> bytes32:
    """
    @dev The EIP-712 digest the seller signs, and the key of `order_status`.
    @param order The order.
    @return bytes32 The digest.
    """
    return self._order_digest(order)


@external
@view
def royalty(collection: address, token_id: uint256, price: uint256) -> (address, uint256):
    """
    @dev The royalty a sale at `price` pays, as capped by the mall.
    @param collection The NFT contract.
    @param token_id The token id.
    @param price The sale price.
    @return receiver The receiver (empty: none).
    @return amount The amount, at most 10% of the price.
    """
    return self._royalty(collection, token_id, price)


# Internal


@internal
@view
def _order_digest(order: INftMall.Order) -> bytes32:
    """
    @dev The EIP-712 digest of `order` in this contract's domain.
    @param order The order.
    @return bytes32 The digest.
    """
    return eip712_domain_separator._hash_typed_data_v4(
        keccak256(
            abi_encode(
                _ORDER_TYPEHASH,
                order.seller,
                order.collection,
                order.token_id,
                order.amount,
                order.erc1155,
                order.asset,
                order.price,
                order.nonce,
                order.salt,
                order.expiry,
            )
        )
    )


@internal
@view
def _auction(id: uint256) -> INftMall.Auction:
    """
    @dev Every word of auction `id`, unpacked.
    @param id The auction id.
    @return INftMall.Auction The auction.
    """
    head: Head = self._unpack_head(self._heads[id])
    collection: address = empty(address)
    amount: uint256 = 0
    collection, amount = self._unpack_pair(self._items[id])
    asset: address = empty(address)
    reserve: uint256 = 0
    asset, reserve = self._unpack_pair(self._terms[id])
    return INftMall.Auction(
        seller=head.seller,
        collection=collection,
        token_id=self._token_ids[id],
        amount=amount,
        erc1155=head.erc1155,
        asset=asset,
        reserve=reserve,
        fee_bps=head.fee_bps,
        end=head.end,
        top_bidder=self._top_bidders[id],
        top_bid=self._top_bids[id],
        settled=head.settled,
        undelivered=head.undelivered,
    )


@internal
@view
def _phase(head: Head) -> uint256:
    """
    @dev The phase of an auction, from its head word and the clock alone.
    @param head The auction's head.
    @return uint256 PHASE_NONE, PHASE_LIVE, PHASE_ENDED or PHASE_SETTLED.
    """
    if head.seller == empty(address):
        return PHASE_NONE
    if head.settled:
        return PHASE_SETTLED
    if block.timestamp < head.end:
        return PHASE_LIVE
    return PHASE_ENDED


@internal
@pure
def _min_bid(reserve: uint256, leader: address, top: uint256) -> uint256:
    """
    @dev The lowest acceptable bid: max(reserve, 1) first, then
         top + ceil(top * MIN_INCREMENT_BPS / BPS) (rounded up: the seller's favour).
    @param reserve The auction's reserve.
    @param leader The top bidder (empty: no bid yet).
    @param top The top bid.
    @return uint256 The bid.
    """
    if leader == empty(address):
        return max(reserve, 1)
    return top + (top * MIN_INCREMENT_BPS + BPS - 1) // BPS


@internal
@view
def _royalty(collection: address, token_id: uint256, price: uint256) -> (address, uint256):
    """
    @dev ERC-2981's answer for a sale at `price`, cut to MAX_ROYALTY_BPS of the
         price (floor: the seller's favour). No answer, a reverting or a
         malformed one (short data, a receiver word above 160 bits) means no
         royalty, so a collection cannot block its own sales this way.
    @param collection The NFT contract.
    @param token_id The token id.
    @param price The sale price.
    @return address The receiver (empty: none).
    @return uint256 The amount.
    """
    ok: bool = False
    data: Bytes[64] = b""
    ok, data = raw_call(
        collection,
        abi_encode(token_id, price, method_id=_ROYALTY_INFO),
        max_outsize=64,
        is_static_call=True,
        revert_on_failure=False,
    )
    if not ok or len(data) != 64:
        return empty(address), 0
    word: uint256 = extract32(data, 0, output_type=uint256)
    amount: uint256 = extract32(data, 32, output_type=uint256)
    if word == 0 or word > _ADDRESS_MASK or amount == 0:
        return empty(address), 0
    return convert(convert(word, uint160), address), min(amount, price * MAX_ROYALTY_BPS // BPS)


@internal
@payable
def _take(asset: address, payer: address, amount: uint256):
    """
    @dev Receives `amount` of `asset` from `payer`: the native coin as the
         call's value, an ERC-20 by transferFrom, which must deliver it whole.
    @param asset An ERC-20, or empty(address) for the native coin.
    @param payer The caller.
    @param amount The amount due.
    """
    if asset == asset_transfer.NATIVE:
        assert msg.value == amount, "nft_mall: value differs from price"
    else:
        assert msg.value == 0, "nft_mall: value sent with a token"
        assert asset_transfer._pull(asset, payer, amount) == amount, "nft_mall: token took a fee"


@internal
def _send(asset: address, receiver: address, amount: uint256):
    """
    @dev Pays an order's share now: an ERC-20 by transfer; the native coin by
         a call, credited to `receiver` instead if it refuses (so a seller or
         royalty receiver cannot block a sale).
    @param asset An ERC-20, or empty(address) for the native coin.
    @param receiver The recipient.
    @param amount The amount (nothing happens for 0).
    """
    if amount == 0:
        return
    if asset == asset_transfer.NATIVE:
        if not raw_call(receiver, b"", value=amount, revert_on_failure=False):
            self._credit(receiver, asset, amount)
    else:
        asset_transfer._pay(asset, receiver, amount)


@internal
def _credit(account: address, asset: address, amount: uint256):
    """
    @dev Adds `amount` of `asset` to what `account` can withdraw.
    @param account The account.
    @param asset An ERC-20, or empty(address) for the native coin.
    @param amount The amount.
    """
    self.pending[account][asset] += amount
    log INftMall.Credited(account=account, asset=asset, amount=amount)


@internal
def _deliver(id: uint256, head: Head, a: INftMall.Auction, to: address):
    """
    @dev Sends an escrowed NFT to `to` (winner or seller); if the transfer
         fails, the NFT stays escrowed for `to`'s `claim_nft`.
    @param id The auction id.
    @param head The auction's head, already marked settled.
    @param a The auction.
    @param to The winner, or the seller.
    """
    ok: bool = False
    if a.erc1155:
        ok = raw_call(
            a.collection,
            abi_encode(
                self,
                to,
                a.token_id,
                a.amount,
                b"",
                method_id=method_id("safeTransferFrom(address,address,uint256,uint256,bytes)"),
            ),
            revert_on_failure=False,
        )
    else:
        ok = raw_call(
            a.collection,
            abi_encode(self, to, a.token_id, method_id=method_id("transferFrom(address,address,uint256)")),
            revert_on_failure=False,
        )
    if not ok:
        undelivered: Head = head
        undelivered.undelivered = True
        self._heads[id] = self._pack_head(undelivered)


@internal
def _move_out(a: INftMall.Auction, to: address):
    """
    @dev Sends an escrowed NFT to `to`, reverting if the transfer fails.
    @param a The auction.
    @param to The recipient.
    """
    if a.erc1155:
        extcall IERC1155(a.collection).safeTransferFrom(self, to, a.token_id, a.amount, b"")
    else:
        extcall IERC721(a.collection).transferFrom(self, to, a.token_id)


@internal
@pure
def _pack_head(head: Head) -> uint256:
    """
    @dev An auction's head as its storage word (end below 2**40, fee at most MAX_FEE_BPS).
    @param head The head.
    @return uint256 The word.
    """
    flags: uint256 = 0
    if head.erc1155:
        flags |= _FLAG_ERC1155
    if head.settled:
        flags |= _FLAG_SETTLED
    if head.undelivered:
        flags |= _FLAG_UNDELIVERED
    return (
        convert(head.seller, uint256)
        | (head.end << _END_SHIFT)
        | (head.fee_bps << _FEE_SHIFT)
        | (flags << _FLAGS_SHIFT)
    )


@internal
@pure
def _unpack_head(word: uint256) -> Head:
    """
    @dev An auction's head word as its fields.
    @param word The word.
    @return Head The head.
    """
    flags: uint256 = (word >> _FLAGS_SHIFT) & _FLAGS_MASK
    return Head(
        seller=convert(convert(word & _ADDRESS_MASK, uint160), address),
        end=(word >> _END_SHIFT) & _END_MASK,
        fee_bps=(word >> _FEE_SHIFT) & _FEE_MASK,
        erc1155=flags & _FLAG_ERC1155 != 0,
        settled=flags & _FLAG_SETTLED != 0,
        undelivered=flags & _FLAG_UNDELIVERED != 0,
    )


@internal
@pure
def _pack_pair(account: address, amount: uint256) -> uint256:
    """
    @dev An address and a value below 2**96 as one word (an item: collection
         and amount; terms: asset and reserve).
    @param account The address.
    @param amount The value (at most MAX_VALUE).
    @return uint256 The word.
    """
    return convert(account, uint256) | (amount << _VALUE_SHIFT)


@internal
@pure
def _unpack_pair(word: uint256) -> (address, uint256):
    """
    @dev A pair word as its address and value.
    @param word The word.
    @return address The address.
    @return uint256 The value.
    """
    return convert(convert(word & _ADDRESS_MASK, uint160), address), word >> _VALUE_SHIFT
