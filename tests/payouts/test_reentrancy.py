"""Claimer and creator contracts that reenter on receiving the native coin or via token hooks."""

import pytest
from eth_abi import decode

from fivefold.payouts import model as payouts

from .conftest import DAY, NATIVE, NO_FEE_LIMIT, TOKEN


def reason(attacker) -> str:
    """The revert reason of the attacker's reentrant call ("" for a bare revert, e.g. the lock)."""
    data = bytes(attacker.reentry_result())
    return decode(["string"], data[4:])[0] if data[:4] == bytes.fromhex("08c379a0") else ""


@pytest.fixture
def attacker(project, deployer):
    return project.ReentrantAttacker.deploy(sender=deployer)


@pytest.fixture
def hook_token(project, deployer):
    return project.MockQuirkyToken.deploy(0, sender=deployer)


def _claim_calldata(redpacket, p, attacker):
    r, vs = payouts.sign_claim(p.key.key, p.chain_id, redpacket.address, p.id, attacker.address)
    return redpacket.claim.encode_input(p.creator, p.signer, p.token, p.salt, r, vs)


def test_claim__native_claimer_reenters_claim__gets_one_share(
    redpacket, create_packet, creator, attacker, stranger
):
    p = create_packet(creator, None, TOKEN // 100, shares=3)
    data = _claim_calldata(redpacket, p, attacker)
    attacker.arm(redpacket, data, sender=stranger)
    attacker.execute(redpacket, data, 0, sender=stranger)
    assert attacker.attempted() and not attacker.succeeded()
    assert reason(attacker) == "red_packet: already claimed"
    share = redpacket.claimed_amount(p.id, attacker)
    assert share > 0 and attacker.balance == share and p.state.claims == 1


def test_claim__hook_token_claimer_reenters_claim__gets_one_share(redpacket, create_packet, creator, attacker,
                                                                  hook_token, stranger):
    hook_token.mint(creator, 100 * TOKEN, sender=creator)
    p = create_packet(creator, hook_token, 10 * TOKEN, shares=3)
    attacker.hook_into(hook_token, redpacket, 0, sender=stranger)
    data = _claim_calldata(redpacket, p, attacker)
    attacker.arm(redpacket, data, sender=stranger)
    attacker.execute(redpacket, data, 0, sender=stranger)
    assert attacker.attempted() and not attacker.succeeded()
    assert reason(attacker) == "red_packet: already claimed"
    assert hook_token.balanceOf(attacker) == redpacket.claimed_amount(p.id, attacker) and p.state.claims == 1


def test_create__hook_token_sender_reenters_create__lock_refuses(
    redpacket, attacker, hook_token, stranger, chain
):
    """The balance measured around `transferFrom` must not count a nested deposit twice."""
    hook_token.mint(attacker, 100 * TOKEN, sender=stranger)
    attacker.hook_into(hook_token, redpacket, 100 * TOKEN, sender=stranger)
    inner = redpacket.create.encode_input(hook_token, 10 * TOKEN, NO_FEE_LIMIT, 1, False, DAY, NATIVE, 2, 0)
    outer = redpacket.create.encode_input(hook_token, 10 * TOKEN, NO_FEE_LIMIT, 1, False, DAY, NATIVE, 1, 0)
    attacker.arm(redpacket, inner, sender=stranger)
    attacker.execute(redpacket, outer, 0, sender=stranger)
    assert attacker.attempted() and not attacker.succeeded() and reason(attacker) == ""  # the lock
    pid = payouts.packet_id(attacker.address, None, hook_token.address, 1)
    assert (
        redpacket.packet(pid).remaining + redpacket.fees(hook_token)
        == hook_token.balanceOf(redpacket)
        == 10 * TOKEN
    )
    assert redpacket.packet(payouts.packet_id(attacker.address, None, hook_token.address, 2)).shares == 0


def test_refund__native_creator_reenters_refund__refunded_once(redpacket, attacker, stranger, chain):
    amount = TOKEN // 100
    create = redpacket.create.encode_input(NATIVE, amount, NO_FEE_LIMIT, 2, False, DAY, NATIVE, 1, 0)
    attacker.execute(redpacket, create, amount, value=amount, sender=stranger)
    pid = payouts.packet_id(attacker.address, None, NATIVE, 1)
    rest = redpacket.packet(pid).remaining
    refund = redpacket.refund.encode_input(NATIVE, NATIVE, 1)
    attacker.arm(redpacket, refund, sender=stranger)
    chain.pending_timestamp += DAY
    attacker.execute(redpacket, refund, 0, sender=stranger)
    assert attacker.attempted() and not attacker.succeeded() and reason(attacker) == ""  # the lock
    assert attacker.balance == rest and redpacket.packet(pid).remaining == 0


def test_airdrop_claim__native_recipient_reenters__paid_once(
    publish_round, attacker, accounts, chain, stranger
):
    rnd = publish_round([attacker.address, accounts[4].address], [TOKEN, TOKEN])
    rnd.draw(chain, stranger)
    rnd.wait_turn(chain, 0)
    data = rnd.contract.claim.encode_input(0, attacker, TOKEN, rnd.proof(0))
    attacker.arm(rnd.contract, data, sender=stranger)
    rnd.claim(0, sender=stranger)
    assert attacker.attempted() and not attacker.succeeded()
    assert reason(attacker) == "airdrop_round: already claimed"
    assert attacker.balance == payouts.airdrop_net(TOKEN, 500)
