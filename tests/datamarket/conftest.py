"""Data market fixtures: DataMarket with CPC (a CappedToken) and a mock USDT, two staked proxies,
actors by role, and helpers that list, buy, deliver and dispute the way a seller's, a buyer's and a
proxy's clients do (fivefold/datamarket/model.py does the cryptography).

Every fixture name starts with `datamarket_` (ape's isolation keys fixtures by name across packages)."""

import ape
import pytest

from fivefold.datamarket import model

TOKEN = 10**18
USD = 10**6
DAY = model.DAY
NATIVE = model.NATIVE
MIN_STAKE = 10_000 * TOKEN
FEE_BPS = 500  # 5% to the proxy
DEPOSIT_BPS = 5_000  # a deposit of at least half the price
DELIVERY_WINDOW = DAY
DISPUTE_WINDOW = 3 * DAY
KEY = b"\x6b" * 32  # the data's decryption key
DESCRIPTION = b"\xd5" * 32


@pytest.fixture(scope="session")
def datamarket_seller(accounts):
    """Lists data items and holds their keys."""
    return accounts[5]


@pytest.fixture(scope="session")
def datamarket_buyer(accounts):
    """Buys items; holds one-time keys."""
    return accounts[4]


@pytest.fixture(scope="session")
def datamarket_proxy(accounts):
    """A staked proxy node: delivers keys."""
    return accounts[6]


@pytest.fixture(scope="session")
def datamarket_other_proxy(accounts):
    """Another staked proxy node, not named by the purchases under test."""
    return accounts[7]


@pytest.fixture(scope="module")
def datamarket_cpc(
    project, owner, datamarket_seller, datamarket_buyer, datamarket_proxy, datamarket_other_proxy
):
    token = project.CappedToken.deploy(
        "CPChain", "CPC", 10**9 * TOKEN, owner, "CPChain", "1", ape.chain.chain_id, sender=owner
    )
    holders = [datamarket_seller, datamarket_buyer, datamarket_proxy, datamarket_other_proxy]
    token.initialize_supply(holders, [1_000_000 * TOKEN] * 4, sender=owner)
    return token


@pytest.fixture(scope="module")
def datamarket_usdt(project, deployer, datamarket_seller, datamarket_buyer):
    token = project.MockStablecoin.deploy(sender=deployer)
    for who in (datamarket_seller, datamarket_buyer):
        token.faucet(who, 10**6 * USD, sender=who)
    return token


@pytest.fixture(scope="module")
def datamarket(
    project,
    deployer,
    owner,
    datamarket_cpc,
    datamarket_usdt,
    datamarket_seller,
    datamarket_buyer,
    datamarket_proxy,
    datamarket_other_proxy,
    non_owner,
):
    """DataMarket owned by `owner` (native coin and CPC listed by the constructor, USDT by the owner),
    both proxies staked MIN_STAKE, seller and buyer approved for CPC and USDT."""
    contract = project.DataMarket.deploy(
        owner,
        datamarket_cpc,
        MIN_STAKE,
        FEE_BPS,
        DEPOSIT_BPS,
        DELIVERY_WINDOW,
        DISPUTE_WINDOW,
        sender=deployer,
    )
    contract.set_asset_listed(datamarket_usdt, True, sender=owner)
    for proxy in (datamarket_proxy, datamarket_other_proxy):
        datamarket_cpc.approve(contract, MIN_STAKE, sender=proxy)
        contract.stake_proxy(MIN_STAKE, sender=proxy)
    for who in (datamarket_seller, datamarket_buyer):
        datamarket_cpc.approve(contract, 2**256 - 1, sender=who)
        datamarket_usdt.approve(contract, 2**256 - 1, sender=who)
    return contract


class Trade:
    """One listing and what its clients know: the key, and per buyer the one-time key."""

    def __init__(self, market, listing, asset, price, deposit, key):
        self.market, self.listing, self.asset, self.price, self.deposit, self.key = (
            market,
            listing,
            asset,
            price,
            deposit,
            key,
        )
        self.buyers: dict[str, model.Buyer] = {}
        self.deliveries: dict[str, tuple] = {}

    def id(self, buyer) -> bytes:
        return model.purchase_id(self.listing, buyer.address)

    def buy(self, buyer, proxy, max_price=None, value=None, **kw):
        one_time = self.buyers.setdefault(buyer.address, model.Buyer.new())
        if value is None:
            value = self.price if self.asset == NATIVE else 0
        return self.market.buy(
            self.listing,
            proxy,
            self.price if max_price is None else max_price,
            one_time.key,
            value=value,
            sender=buyer,
            **kw,
        )

    def deliver(self, buyer, proxy, key=None, **kw):
        """The proxy encrypts `key` (default: the right one) to the buyer's one-time key."""
        one_time = self.buyers[buyer.address]
        c, x, parity = model.encrypt(key or self.key, self.id(buyer), one_time.public, model.new_secret())
        self.deliveries[buyer.address] = (c, x, parity)
        return self.market.deliver(self.id(buyer), c, x, parity, sender=proxy, **kw)

    def dispute(self, buyer, secret=None, delivery=None, **kw):
        one_time = self.buyers[buyer.address]
        c, x, parity = delivery or self.deliveries[buyer.address]
        secret = one_time.secret if secret is None else secret
        return self.market.dispute(self.id(buyer), secret, c, x, parity, sender=buyer, **kw)

    def purchase(self, buyer):
        return self.market.purchase(self.id(buyer))

    @property
    def state(self):
        return self.market.listing(self.listing)


@pytest.fixture
def datamarket_list(datamarket, datamarket_seller):
    """datamarket_list(asset=NATIVE, price=1 ether, deposit=half the price, key=KEY, seller=...)."""

    def create(asset=NATIVE, price=TOKEN, deposit=None, key=KEY, seller=None, value=None):
        seller = seller or datamarket_seller
        asset = asset if isinstance(asset, str) else asset.address
        deposit = model.min_deposit(price, DEPOSIT_BPS) if deposit is None else deposit
        if value is None:
            value = deposit if asset == NATIVE else 0
        tx = datamarket.list_item(
            asset, price, deposit, DESCRIPTION, model.commitment(key), value=value, sender=seller
        )
        return Trade(datamarket, tx.return_value, asset, price, deposit, key)

    return create


def held(market, token_by_address, asset) -> int:
    """What the market holds of `asset`."""
    if asset == NATIVE:
        return market.balance
    return token_by_address[asset].balanceOf(market)
