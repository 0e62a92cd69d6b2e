"""The red-packet password vectors (tests/client/redpacket_vectors.json) are what the Python helper
derives, are consistent on their own, and match the contract's packet id."""

import hashlib
import json
import unicodedata

import pytest
from eth_abi import encode
from eth_account import Account
from eth_keys import keys
from eth_utils import keccak, to_checksum_address

from fivefold.payouts import model as payouts
from tests.client import vectors

DATA = json.loads(vectors.PATH.read_text())
VECTORS = {v["name"]: v for v in DATA["vectors"]}


def _b(h: str) -> bytes:
    return bytes.fromhex(h[2:])


def test_vectors__python_helper__reproduces_the_file():
    """Regenerating the vectors from fivefold.payouts.model gives the committed file, byte for byte."""
    assert vectors.dumps(vectors.generate()) == vectors.PATH.read_text()


@pytest.mark.parametrize("name", VECTORS)
def test_vectors__each_step__recomputed_from_the_spec(name):
    """Each intermediate value follows from the previous one by the steps of docs/integration.md,
    computed here with the standard library and eth-keys, not with fivefold.payouts.model."""
    v = VECTORS[name]
    text = unicodedata.normalize("NFC", v["password"]).strip(payouts.PASSWORD_TRIM)
    assert text == v["password_normalized"] and text.encode("utf-8") == _b(v["password_utf8"])
    salt = b"fivefold.redpacket" + encode(
        ["uint256", "address", "address", "uint256"],
        [v["chain_id"], v["contract"], to_checksum_address(v["creator"]), int(v["salt"])],
    )
    assert salt == _b(v["pbkdf2_salt"])
    derived = hashlib.pbkdf2_hmac("sha256", _b(v["password_utf8"]), salt, DATA["pbkdf2"]["rounds"], 32)
    assert derived == _b(v["pbkdf2_output"])
    n = int(DATA["secp256k1_n"], 16)
    assert int.from_bytes(derived, "big") % (n - 1) + 1 == int(v["private_key"], 16)
    assert Account.from_key(v["private_key"]).address == v["signer"]
    for c in v["claims"]:
        pid = keccak(
            encode(
                ["address", "address", "address", "uint256"],
                [to_checksum_address(v["creator"]), v["signer"], c["token"], int(v["salt"])],
            )
        )
        assert pid == _b(c["packet_id"])
        digest = keccak(
            encode(
                ["uint256", "address", "bytes32", "address"],
                [v["chain_id"], v["contract"], pid, c["claimer"]],
            )
        )
        assert digest == _b(c["digest"])
        vs = int(c["vs"], 16)
        signature = keys.Signature(vrs=(vs >> 255, int(c["r"], 16), vs & (2**255 - 1)))
        assert signature.recover_public_key_from_msg_hash(digest).to_checksum_address() == v["signer"]
        assert vs & (2**255 - 1) <= n // 2, "low s (EIP-2)"


def test_vectors__nfd_and_nfc_input__same_key():
    """A password typed decomposed (e + combining acute) opens the packet made with the composed one."""
    assert VECTORS["NFD input"]["private_key"] == VECTORS["NFC input"]["private_key"]
    assert VECTORS["NFD input"]["password"] != VECTORS["NFC input"]["password"]


def test_vectors__case_of_creator__same_coordinates():
    """Addresses enter as 20 bytes: a lower-case creator gives the checksummed creator's salt."""
    lower, ascii_ = VECTORS["largest salt, lower-case creator"], VECTORS["ascii"]
    assert lower["creator"] == ascii_["creator"].lower()
    assert lower["pbkdf2_salt"][:-64] == ascii_["pbkdf2_salt"][:-64]


@pytest.mark.parametrize("case", DATA["invalid"], ids=lambda c: c["name"])
def test_password_key__invalid_password__refused(case):
    """An empty password (after trimming) or one that is not valid Unicode derives no key."""
    with pytest.raises((ValueError, UnicodeEncodeError)):
        payouts.password_key(case["password"], vectors.CREATOR, 1, 56, vectors.RED_PACKET, rounds=1)


def test_packet_id__vectors__equal_the_contracts(deployed):
    """RedPacket.packet_id on chain gives each vector's packet ids."""
    ctx, _, _ = deployed
    rp = ctx["RedPacket"]
    for v in DATA["vectors"]:
        for c in v["claims"]:
            assert rp.packet_id(v["creator"], v["signer"], c["token"], int(v["salt"])) == _b(
                c["packet_id"]
            ), v["name"]
