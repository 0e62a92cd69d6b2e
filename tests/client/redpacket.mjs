// Red-packet passwords for dApps (ethers v6): the derivation docs/integration.md specifies, step by
// step. tests/client/check_vectors.mjs checks it against the Python helper's vectors.
import {
  AbiCoder,
  SigningKey,
  computeAddress,
  concat,
  keccak256,
  pbkdf2,
  toBeHex,
  toUtf8Bytes,
} from "ethers";

export const PASSWORD_ROUNDS = 100_000;
export const SALT_PREFIX = toUtf8Bytes("fivefold.redpacket");
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
// Unicode White_Space and U+FEFF: trimmed from both ends (what a paste adds), inner ones kept.
const TRIM = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
const TRIM_ENDS = new RegExp(`^[${TRIM}]+|[${TRIM}]+$`, "gu");
const coder = AbiCoder.defaultAbiCoder();

/** Step 1: NFC, then trim; refuses a password that is empty or not valid Unicode. */
export function normalizePassword(password) {
  if (!password.isWellFormed()) throw new Error("red packet password is not valid Unicode (lone surrogate)");
  const text = password.normalize("NFC").replace(TRIM_ENDS, "");
  if (text === "") throw new Error("red packet password is empty once white space is trimmed");
  return text;
}

/** Step 2: "fivefold.redpacket" || abi.encode(chainId, redPacket, creator, salt). */
export function passwordSalt({ chainId, contract, creator, salt }) {
  const coords = coder.encode(["uint256", "address", "address", "uint256"], [chainId, contract, creator, salt]);
  return concat([SALT_PREFIX, coords]);
}

/** Steps 3-4: PBKDF2-HMAC-SHA256 (100,000 rounds, 32 bytes), reduced to a key in [1, n-1]. */
export function passwordKey(password, packet, rounds = PASSWORD_ROUNDS) {
  const derived = pbkdf2(toUtf8Bytes(normalizePassword(password)), passwordSalt(packet), rounds, 32, "sha256");
  const privateKey = toBeHex((BigInt(derived) % (SECP256K1_N - 1n)) + 1n, 32);
  return { derived, privateKey, signer: computeAddress(privateKey) };
}

/** keccak256(abi.encode(creator, signer, token, salt)): RedPacket.packet_id. */
export function packetId(creator, signer, token, salt) {
  return keccak256(coder.encode(["address", "address", "address", "uint256"], [creator, signer, token, salt]));
}

/** keccak256(abi.encode(chainId, redPacket, packetId, claimer)): what the password key signs. */
export function claimDigest(chainId, contract, id, claimer) {
  return keccak256(coder.encode(["uint256", "address", "bytes32", "address"], [chainId, contract, id, claimer]));
}

/** The raw digest signed (no EIP-191 prefix), as EIP-2098 (r, vs): claim's last two arguments. */
export function signClaim(privateKey, chainId, contract, id, claimer) {
  const signature = new SigningKey(privateKey).sign(claimDigest(chainId, contract, id, claimer));
  return { r: signature.r, vs: signature.yParityAndS };
}
