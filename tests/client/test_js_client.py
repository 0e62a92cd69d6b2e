"""A JavaScript dApp (ethers v6, node) derives the same keys and signatures as fivefold.payouts.model and
claims a red packet on the test's local chain from the exports alone."""

import json
import os
import unicodedata

from fivefold.payouts import model as payouts
from tests.client import node, vectors

DAY = 86_400
PASSWORD = "\u606d\u559c\u53d1\u8d22 caf\u00e9"  # as the creator typed it (NFC)
PASSWORD_TYPED = "  \u606d\u559c\u53d1\u8d22 cafe\u0301\n"  # as the claimer pasted it (NFD, spaces, newline)


def _claim(chain, out, creator, salt, token, password, claimer):
    env = {**os.environ, "CLAIMER_KEY": claimer.private_key}
    return node.node(
        "claim_red_packet.mjs",
        chain.provider.uri,
        str(out),
        creator.address,
        str(salt),
        token,
        password,
        env=env,
    )


def test_js_vectors__python_vectors__same_keys_and_signatures():
    """check_vectors.mjs derives every vector (key, signer, packet ids, digests, r and vs)."""
    data = json.loads(vectors.PATH.read_text())
    result = node.node("check_vectors.mjs", str(vectors.PATH))
    n = len(data["vectors"]) + len(data["invalid"])
    assert result.returncode == 0 and f"{n} passed, 0 failed" in result.stdout, result.stdout + result.stderr


def test_js_claim__password_packet__claim_lands(deployed, chain, creator, claimer):
    """A packet created with Python is claimed by the JS client with a differently typed (NFD,
    padded) form of the password; the contract records the claim the client reports."""
    ctx, _, out = deployed
    rp = ctx["RedPacket"]
    assert unicodedata.normalize("NFC", PASSWORD_TYPED).strip() == PASSWORD != PASSWORD_TYPED
    salt, amount = 20240210, 3 * 10**16
    key = payouts.password_key(PASSWORD, creator.address, salt, chain.chain_id, rp.address)
    rp.create(
        payouts.ZERO_ADDRESS,
        amount,
        rp.quote_fee(payouts.ZERO_ADDRESS, amount),
        3,
        True,
        DAY,
        key.address,
        salt,
        0,
        value=amount,
        sender=creator,
    )
    pid = payouts.packet_id(creator.address, key.address, payouts.ZERO_ADDRESS, salt)

    result = _claim(chain, out, creator, salt, payouts.ZERO_ADDRESS, PASSWORD_TYPED, claimer)

    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert (
        report["status"] == 1 and report["packet_id"] == "0x" + pid.hex() and report["signer"] == key.address
    )
    assert report["claimer"] == claimer.address and int(report["amount"]) == int(report["expected"]) > 0
    assert rp.claimed_amount(pid, claimer) == int(report["amount"])
    assert rp.packet(pid).claims == 1
    receipt = chain.provider.get_receipt(report["tx"])
    [log] = rp.Claimed.from_receipt(receipt)
    assert log.claimer == claimer.address and log.amount == int(report["amount"])


def test_js_claim__wrong_password__finds_no_packet_and_sends_nothing(deployed, chain, creator, claimer):
    """With a wrong password the client derives another signer, finds no packet, and sends nothing."""
    ctx, _, out = deployed
    rp = ctx["RedPacket"]
    salt, amount = 20240211, 10**16
    key = payouts.password_key(PASSWORD, creator.address, salt, chain.chain_id, rp.address)
    rp.create(
        payouts.ZERO_ADDRESS,
        amount,
        rp.quote_fee(payouts.ZERO_ADDRESS, amount),
        2,
        False,
        DAY,
        key.address,
        salt,
        0,
        value=amount,
        sender=creator,
    )
    nonce = claimer.nonce

    result = _claim(chain, out, creator, salt, payouts.ZERO_ADDRESS, "gong xi fa cai", claimer)

    assert result.returncode == 1 and "no such packet" in result.stderr
    assert claimer.nonce == nonce
