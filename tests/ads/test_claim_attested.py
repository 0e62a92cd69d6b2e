"""AdCampaigns.claim_attested: the campaign's verifier attests an interaction (EIP-712)."""

import ape
from eth_account import Account

from fivefold.ads import model

from .conftest import DAY, TOKEN, USD


def test_claim_attested__relayed__consumer_paid(ads, ads_create, ads_usdt, ads_consumer, ads_front_runner):
    """Anyone may submit the attestation (a relayer pays the gas); the reward goes to the consumer."""
    c = ads_create(ads_usdt, 3 * USD, 9 * USD)
    tx = c.attest(ads_consumer, sender=ads_front_runner)
    assert ads_usdt.balanceOf(ads_consumer) == 3 * USD and ads_usdt.balanceOf(ads_front_runner) == 0
    [log] = tx.decode_logs(ads.Rewarded)
    assert (log.consumer, log.amount, log.attested) == (ads_consumer.address, 3 * USD, True)
    assert ads.is_rewarded(c.id, ads_consumer)


def test_claim_attested__digest__matches_eip712_model(ads, ads_create, ads_usdt, ads_consumer, chain):
    """The digest a verifier signs is the standard EIP-712 one of the model (any wallet can sign it)."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    typed = model.typed_attestation(chain.chain_id, ads.address, c.id, ads_consumer.address, 1234)
    from eth_account.messages import _hash_eip191_message

    assert bytes(ads.attestation_digest(c.id, ads_consumer, 1234)) == _hash_eip191_message(typed)
    domain = ads.eip712Domain()
    assert (domain[1], domain[2], domain[3], domain[4]) == (
        model.EIP712_NAME,
        model.EIP712_VERSION,
        chain.chain_id,
        ads.address,
    )


def test_claim_attested__expired__reverts(ads_create, ads_usdt, ads_consumer, chain):
    c = ads_create(ads_usdt, USD, 5 * USD)
    deadline = chain.pending_timestamp + 60
    signature = c.attestation(ads_consumer, deadline)
    chain.pending_timestamp += 120
    with ape.reverts("ad_campaigns: attestation expired"):
        c.attest(ads_consumer, sender=ads_consumer, deadline=deadline, signature=signature)


def test_claim_attested__other_signer__reverts(ads_create, ads_usdt, ads_consumer):
    """Only the campaign's verifier attests: a consumer signing for itself is refused."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    forger = Account.from_key(b"\x07" * 32)
    deadline = 2**40
    signature = c.attestation(ads_consumer, deadline, key=forger.key)
    with ape.reverts("ad_campaigns: bad attestation"):
        c.attest(ads_consumer, sender=ads_consumer, deadline=deadline, signature=signature)


def test_claim_attested__altered_deadline__reverts(ads_create, ads_usdt, ads_consumer):
    """The deadline is signed: extending it breaks the signature."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    signature = c.attestation(ads_consumer, 2**40)
    with ape.reverts("ad_campaigns: bad attestation"):
        c.attest(ads_consumer, sender=ads_consumer, deadline=2**41, signature=signature)


def test_claim_attested__keyword_only_campaign__reverts(ads_create, ads_usdt, ads_consumer):
    """A campaign without a verifier takes no attestation (an invalid signature recovers to zero)."""
    c = ads_create(ads_usdt, USD, 5 * USD, verifier=None)
    with ape.reverts("ad_campaigns: campaign takes no attestation"):
        c.attest(ads_consumer, sender=ads_consumer, signature=b"\0" * 65)


def test_claim_attested__twice__second_reverts(ads, ads_create, ads_cmdt, ads_consumer):
    """One reward per consumer per campaign: a second attestation (even a fresh one) is refused."""
    c = ads_create(ads_cmdt, TOKEN, 5 * TOKEN)
    c.attest(ads_consumer, sender=ads_consumer)
    with ape.reverts("ad_campaigns: already rewarded"):
        c.attest(ads_consumer, sender=ads_consumer, deadline=2**40)
    assert ads.stats(c.id).interactions == 1


def test_claim_attested__ended__reverts(ads_create, ads_usdt, ads_consumer, chain):
    c = ads_create(ads_usdt, USD, 5 * USD)
    signature = c.attestation(ads_consumer, 2**40)
    chain.pending_timestamp += DAY
    with ape.reverts("ad_campaigns: campaign ended"):
        c.attest(ads_consumer, sender=ads_consumer, deadline=2**40, signature=signature)


def test_claim_attested__contract_verifier__erc1271_accepted(
    project, deployer, ads_create, ads_usdt, ads_consumer, ads_verifier
):
    """A verifier may be a contract wallet (ERC-1271) whose key signs for it."""
    wallet = project.MallActor.deploy(ads_verifier.address, sender=deployer)
    c = ads_create(ads_usdt, USD, 5 * USD, verifier=wallet.address)
    assert c.attest(ads_consumer, sender=ads_consumer).return_value == USD
