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
