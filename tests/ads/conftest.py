"""Ads fixtures: AdCampaigns with CMDT and a mock USDT listed, actors by role, and helpers that create
campaigns, commit and reveal keywords and sign attestations the way a dApp and a verifier do.

Every fixture name starts with `ads_` (ape's isolation keys fixtures by name across packages)."""

import ape
import pytest
from eth_account import Account

from fivefold.ads import model

TOKEN = 10**18
USD = 10**6  # the mock USDT's 6 decimals
DAY = 86_400
NATIVE = model.NATIVE
KEYWORD = "Fivefold ads"
# The verifier's key: a fixed throwaway key, so its attestations are reproducible.
VERIFIER_KEY = bytes.fromhex("a5" * 32)


@pytest.fixture(scope="session")
def ads_advertiser(accounts):
    """Funds campaigns (holds CMDT, USDT and the native coin)."""
    return accounts[5]


@pytest.fixture(scope="session")
def ads_consumer(accounts):
    """Views ads and proves it."""
    return accounts[4]


@pytest.fixture(scope="session")
def ads_other_consumer(accounts):
    return accounts[6]


@pytest.fixture(scope="session")
def ads_front_runner(accounts):
    """Watches the mempool and copies other people's transactions."""
    return accounts[7]


@pytest.fixture(scope="session")
def ads_verifier():
    """The campaign's attestation service (a plain key: it signs, never sends)."""
    return Account.from_key(VERIFIER_KEY)


# Deployments are module-scoped: ape's isolation reverts each test's transactions, so every test
# starts from the same state, and no other package's snapshot can revert them away.


@pytest.fixture(scope="module")
def ads_cmdt(project, owner, ads_advertiser):
    token = project.CappedToken.deploy(
        "CMDMAX Token",
        "CMDT",
        10**9 * TOKEN,
        owner,
        "CMDMAX Token",
        "1",
        ape.chain.chain_id,
        sender=owner,
    )
    token.initialize_supply([ads_advertiser], [10**6 * TOKEN], sender=owner)
    return token


@pytest.fixture(scope="module")
def ads_usdt(project, deployer, ads_advertiser):
    token = project.MockStablecoin.deploy(sender=deployer)
    token.faucet(ads_advertiser, 10**6 * USD, sender=ads_advertiser)
    return token


@pytest.fixture(scope="module")
def ads(
    project,
    deployer,
    owner,
    ads_cmdt,
    ads_usdt,
    ads_consumer,
    ads_other_consumer,
    ads_front_runner,
    ads_verifier,
):
    """AdCampaigns owned by `owner`, the native coin, CMDT and USDT listed. It asks for every actor, so
    ape's isolation never has to rebase a session fixture first used mid-module."""
    contract = project.AdCampaigns.deploy(owner, sender=deployer)
    contract.set_asset_listed(ads_cmdt, True, sender=owner)
    contract.set_asset_listed(ads_usdt, True, sender=owner)
    return contract


class Campaign:
    """What a dApp knows about a campaign it created: its id, terms and keyword."""

    def __init__(self, contract, id_, asset, reward, budget, keyword, verifier_key, tx):
        self.contract, self.id, self.asset, self.reward, self.budget = contract, id_, asset, reward, budget
        self.keyword, self.verifier_key, self.tx = keyword, verifier_key, tx
        self.digest = model.keyword_digest(keyword) if keyword else None

    def commit(self, consumer, salt=b"\x01" * 32, digest=None):
        c = model.commitment(self.id, consumer.address, digest or self.digest, salt)
        return self.contract.commit(self.id, c, sender=consumer)

    def reveal(self, consumer, salt=b"\x01" * 32, digest=None, **kw):
        return self.contract.claim(self.id, digest or self.digest, salt, sender=consumer, **kw)

    def attestation(self, consumer, deadline, key=None, campaign=None, contract=None, chain_id=None):
        contract = contract or self.contract
        return model.sign_attestation(
            key or self.verifier_key,
            chain_id or ape.chain.chain_id,
            contract.address,
            self.id if campaign is None else campaign,
            consumer if isinstance(consumer, str) else consumer.address,
            deadline,
        )

    def attest(self, consumer, sender, deadline=None, signature=None, **kw):
        address = consumer if isinstance(consumer, str) else consumer.address
        deadline = deadline if deadline is not None else ape.chain.pending_timestamp + DAY
        signature = signature or self.attestation(address, deadline)
        return self.contract.claim_attested(self.id, address, deadline, signature, sender=sender, **kw)

    @property
    def state(self):
        return self.contract.campaign(self.id)


@pytest.fixture
def ads_create(ads, ads_advertiser, ads_verifier, chain):
    """ads_create(token_or_None, reward, budget, start=now, duration=DAY, keyword=KEYWORD,
    verifier=the test verifier (None: no attestation path), advertiser=...)."""

    def create(
        token,
        reward,
        budget,
        start=None,
        duration=DAY,
        keyword=KEYWORD,
        verifier="default",
        advertiser=None,
        approve=True,
        value=None,
    ):
        advertiser = advertiser or ads_advertiser
        start = chain.pending_timestamp if start is None else start
        end = max(start, chain.pending_timestamp) + duration
        verifier_address = ads_verifier.address if verifier == "default" else (verifier or NATIVE)
        key_hash = model.keyword_hash(keyword) if keyword else b"\0" * 32
        if token is None:
            tx = ads.create(
                NATIVE,
                reward,
                budget,
                start,
                end,
                verifier_address,
                key_hash,
                value=budget if value is None else value,
                sender=advertiser,
            )
        else:
            if approve:
                token.approve(ads, budget, sender=advertiser)
            tx = ads.create(token, reward, budget, start, end, verifier_address, key_hash, sender=advertiser)
        asset = NATIVE if token is None else token.address
        return Campaign(ads, tx.return_value, asset, reward, budget, keyword, VERIFIER_KEY, tx)

    return create
