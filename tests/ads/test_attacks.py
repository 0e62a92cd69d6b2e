"""Attacks on AdCampaigns, each performed and shown to fail: copying a revealed keyword, replaying an
attestation, claiming twice, a reentrant native-coin receiver, a fee-on-transfer token (in
test_create.py) and withdrawing early (in test_withdraw.py)."""

import ape
import pytest
from eth_abi import decode

from fivefold.ads import model

from .conftest import DAY, TOKEN, USD


def reason(attacker) -> str:
    """The revert reason of the attacker's reentrant call ("" for a bare revert, e.g. the lock)."""
    data = bytes(attacker.reentry_result())
    return decode(["string"], data[4:])[0] if data[:4] == bytes.fromhex("08c379a0") else ""


# --- copying a revealed keyword


def test_claim__front_runner_copies_the_reveal__no_commitment(
    ads, ads_create, ads_usdt, ads_consumer, ads_front_runner
):
    """The front-runner replays the consumer's pending reveal as its own: its address has no
    commitment, so it gets nothing; the consumer is still paid."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer, salt=b"\x11" * 32)
    with ape.reverts("ad_campaigns: no commitment"):
        ads.claim(c.id, c.digest, b"\x11" * 32, sender=ads_front_runner)
    assert c.reveal(ads_consumer, salt=b"\x11" * 32).return_value == USD


def test_claim__front_runner_copies_the_commitment__reveal_does_not_match(
    ads, ads_create, ads_usdt, ads_consumer, ads_front_runner
):
    """Copying the consumer's commit transaction too (same hash, earlier block) does not help: the
    commitment binds the consumer's address, so the copier's reveal opens a different one."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    honest = model.commitment(c.id, ads_consumer.address, c.digest, b"\x11" * 32)
    ads.commit(c.id, honest, sender=ads_consumer)
    ads.commit(c.id, honest, sender=ads_front_runner)  # the copy
    with ape.reverts("ad_campaigns: reveal does not match the commitment"):
        ads.claim(c.id, c.digest, b"\x11" * 32, sender=ads_front_runner)
    assert c.reveal(ads_consumer, salt=b"\x11" * 32).return_value == USD
    assert ads_usdt.balanceOf(ads_front_runner) == 0


def test_claim__bot_commits_and_reveals_a_seen_keyword_in_one_block__refused(
    ads, project, deployer, ads_create, ads_usdt, ads_front_runner
):
    """A keyword read from a pending reveal, committed to and revealed at once (one transaction, so
    the same block, ahead of the copied reveal): the commitment must be in an earlier block."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    bot = project.AdsSameBlockBot.deploy(sender=deployer)
    with ape.reverts("ad_campaigns: commitment in this block"):
        bot.commit_and_claim(ads, c.id, c.digest, b"\x22" * 32, sender=ads_front_runner)


# --- replaying an attestation


def test_claim_attested__replayed__already_rewarded(
    ads, ads_create, ads_usdt, ads_consumer, ads_front_runner
):
    """The same signed attestation submitted again pays nothing more."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    deadline = 2**40
    signature = c.attestation(ads_consumer, deadline)
    c.attest(ads_consumer, sender=ads_front_runner, deadline=deadline, signature=signature)
    with ape.reverts("ad_campaigns: already rewarded"):
        c.attest(ads_consumer, sender=ads_front_runner, deadline=deadline, signature=signature)
    assert ads.stats(c.id).interactions == 1


def test_claim_attested__replayed_on_another_campaign__bad_attestation(
    ads, ads_create, ads_usdt, ads_consumer
):
    """An attestation names its campaign: the same verifier's other campaign refuses it."""
    first = ads_create(ads_usdt, USD, 5 * USD)
    second = ads_create(ads_usdt, USD, 5 * USD)
    signature = first.attestation(ads_consumer, 2**40)
    with ape.reverts("ad_campaigns: bad attestation"):
        second.attest(ads_consumer, sender=ads_consumer, deadline=2**40, signature=signature)


def test_claim_attested__replayed_for_another_consumer__bad_attestation(
    ads_create, ads_usdt, ads_consumer, ads_front_runner
):
    """An attestation names its consumer: the front-runner cannot redirect it to itself."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    signature = c.attestation(ads_consumer, 2**40)
    with ape.reverts("ad_campaigns: bad attestation"):
        c.attest(ads_front_runner, sender=ads_front_runner, deadline=2**40, signature=signature)


def test_claim_attested__replayed_on_another_deployment__bad_attestation(
    project, deployer, owner, ads_usdt, ads_create, ads_advertiser, ads_verifier, ads_consumer, chain
):
    """The EIP-712 domain names the contract (and the chain): a twin deployment with a campaign of the
    same id refuses an attestation signed for this one."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    twin = project.AdCampaigns.deploy(owner, sender=deployer)
    now = chain.pending_timestamp
    twin.create(
        model.NATIVE, 1, 5, now, now + DAY, ads_verifier.address, b"\0" * 32, value=5, sender=ads_advertiser
    )
    signature = c.attestation(ads_consumer, 2**40)
    with ape.reverts("ad_campaigns: bad attestation"):
        twin.claim_attested(c.id, ads_consumer, 2**40, signature, sender=ads_consumer)


# --- claiming twice, by either path


def test_claim__revealed_then_attested__second_refused(ads, ads_create, ads_usdt, ads_consumer):
    """One reward per consumer per campaign across both proofs."""
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer)
    c.reveal(ads_consumer)
    with ape.reverts("ad_campaigns: already rewarded"):
        c.attest(ads_consumer, sender=ads_consumer)


def test_claim__attested_then_revealed__second_refused(ads, ads_create, ads_usdt, ads_consumer):
    c = ads_create(ads_usdt, USD, 5 * USD)
    c.commit(ads_consumer)
    c.attest(ads_consumer, sender=ads_consumer)
    with ape.reverts("ad_campaigns: already rewarded"):
        c.reveal(ads_consumer)
    assert ads_usdt.balanceOf(ads_consumer) == USD


# --- a reentrant native-coin receiver


@pytest.fixture
def ads_attacker(project, deployer):
    return project.ReentrantAttacker.deploy(sender=deployer)


def test_claim_attested__native_receiver_reenters__paid_once(ads, ads_create, ads_attacker, ads_front_runner):
    """A consumer contract that re-submits its attestation when paid finds itself rewarded already."""
    c = ads_create(None, TOKEN // 1000, TOKEN // 100)
    deadline = 2**40
    data = ads.claim_attested.encode_input(
        c.id, ads_attacker.address, deadline, c.attestation(ads_attacker.address, deadline)
    )
    ads_attacker.arm(ads, data, sender=ads_front_runner)
    ads_attacker.execute(ads, data, 0, sender=ads_front_runner)
    assert ads_attacker.attempted() and not ads_attacker.succeeded()
    assert reason(ads_attacker) == "ad_campaigns: already rewarded"
    assert ads_attacker.balance == TOKEN // 1000 and ads.stats(c.id).interactions == 1
    assert ads.balance == TOKEN // 100 - TOKEN // 1000


def test_claim__native_receiver_reenters_reveal__paid_once(ads, ads_create, ads_attacker, ads_front_runner):
    """The same through the keyword path: the reentrant reveal is refused."""
    c = ads_create(None, TOKEN // 1000, TOKEN // 100)
    salt = b"\x33" * 32
    commit = ads.commit.encode_input(c.id, model.commitment(c.id, ads_attacker.address, c.digest, salt))
    ads_attacker.execute(ads, commit, 0, sender=ads_front_runner)
    reveal = ads.claim.encode_input(c.id, c.digest, salt)
    ads_attacker.arm(ads, reveal, sender=ads_front_runner)
    ads_attacker.execute(ads, reveal, 0, sender=ads_front_runner)
    assert reason(ads_attacker) == "ad_campaigns: already rewarded"
    assert ads_attacker.balance == TOKEN // 1000


def test_withdraw__native_advertiser_reenters__withdrawn_once(
    ads, ads_attacker, ads_front_runner, ads_verifier, chain
):
    """An advertiser contract re-entering `withdraw` from its receive hook hits the lock."""
    now = chain.pending_timestamp
    create = ads.create.encode_input(model.NATIVE, 10, 100, now, now + DAY, ads_verifier.address, b"\0" * 32)
    ads_attacker.execute(ads, create, 100, value=100, sender=ads_front_runner)
    cid = ads.campaign_count()
    chain.pending_timestamp += DAY
    withdraw = ads.withdraw.encode_input(cid)
    ads_attacker.arm(ads, withdraw, sender=ads_front_runner)
    ads_attacker.execute(ads, withdraw, 0, sender=ads_front_runner)
    assert ads_attacker.attempted() and not ads_attacker.succeeded() and reason(ads_attacker) == ""
    assert ads_attacker.balance == 100 and ads.balance == 0 and ads.stats(cid).left == 0
