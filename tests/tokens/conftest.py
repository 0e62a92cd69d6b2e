import pytest
from eth_account import Account

from fivefold import units

CAP = units.to_wei(1_000)


@pytest.fixture
def capped(create_token):
    """A token with a small cap (1,000 tokens) for cap arithmetic."""
    return create_token(symbol="CAP", cap=CAP)


@pytest.fixture
def minted(capped, owner, minter_contract, holder):
    """`capped` with the probe as minter and 100 tokens held by `holder`."""
    capped.set_minter(minter_contract, True, sender=owner)
    minter_contract.mint(capped, holder, units.to_wei(100), sender=owner)
    return capped


@pytest.fixture
def delegated_eoa(chain, minter_contract, stranger):
    """A fresh EOA that delegated its code to `minter_contract` with a real EIP-7702 authorization,
    carried by a type-4 transaction that `stranger` signs and sends (the local anvil runs Prague)."""
    eoa = Account.create()
    authorization = Account.sign_authorization(
        {"chainId": chain.chain_id, "address": minter_contract.address, "nonce": 0}, eoa.key
    )
    web3 = chain.provider.web3
    fee = 2 * web3.eth.get_block("latest")["baseFeePerGas"] + 10**9
    transaction = {
        "type": 4,
        "chainId": chain.chain_id,
        "nonce": stranger.nonce,
        "to": stranger.address,  # a plain transfer: the authorization list is the point
        "value": 0,
        "data": b"",
        "gas": 100_000,
        "maxFeePerGas": fee,
        "maxPriorityFeePerGas": 10**9,
        "accessList": [],
        "authorizationList": [authorization],
    }
    signed = Account.sign_transaction(transaction, stranger.private_key)
    receipt = web3.eth.wait_for_transaction_receipt(web3.eth.send_raw_transaction(signed.raw_transaction))
    assert receipt["status"] == 1 and receipt["type"] == 4
    return eoa


# ERC-7281 (tests/tokens/test_xerc20*.py): a bridge's daily limits and a chain that is not the home.
LIMIT = units.to_wei(1_000)
AWAY_HOME = 56  # any chain id but the test chain's: a token whose home is elsewhere


@pytest.fixture
def bridge_probe(project, owner):
    """A contract acting as an ERC-7281 bridge adapter (mint, burn, burn_from on a token)."""
    return project.BridgeProbe.deploy(sender=owner)


@pytest.fixture
def home_token(project, owner, bridge_probe, minter_contract, holder, chain):
    """A token at home on this chain (cap 1,000 tokens): 100 minted to `holder` by a minter, the
    bridge probe given LIMIT to mint and to burn per day."""
    token = project.CappedToken.deploy("Home", "HOME", CAP, owner, "Home", "1", chain.chain_id, sender=owner)
    token.set_minter(minter_contract, True, sender=owner)
    minter_contract.mint(token, holder, units.to_wei(100), sender=owner)
    token.setLimits(bridge_probe, LIMIT, LIMIT, sender=owner)
    return token


@pytest.fixture
def away_token(project, owner, bridge_probe):
    """The same token on a chain that is not its home (cap 1,000 tokens, no supply, initial mint
    closed as deployment does), the bridge probe given LIMIT to mint and to burn per day."""
    token = project.CappedToken.deploy("Away", "AWAY", CAP, owner, "Away", "1", AWAY_HOME, sender=owner)
    token.close_initial_supply(sender=owner)
    token.setLimits(bridge_probe, LIMIT, LIMIT, sender=owner)
    return token
