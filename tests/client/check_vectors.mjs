// Derives every vector of tests/client/redpacket_vectors.json (written from the Python helper) with
// tests/client/redpacket.mjs and compares each step.  node tests/client/check_vectors.mjs [file]
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { hexlify, toUtf8Bytes } from "ethers";

import {
  PASSWORD_ROUNDS,
  claimDigest,
  normalizePassword,
  packetId,
  passwordKey,
  passwordSalt,
  signClaim,
} from "./redpacket.mjs";

const file = process.argv[2] ?? new URL("./redpacket_vectors.json", import.meta.url);
const data = JSON.parse(readFileSync(file, "utf8"));
assert.equal(data.pbkdf2.rounds, PASSWORD_ROUNDS);

let passed = 0;
let failed = 0;
function check(name, body) {
  try {
    body();
    passed += 1;
  } catch (error) {
    failed += 1;
    console.error(`FAIL ${name}: ${error.message}`);
  }
}

for (const v of data.vectors) {
  check(v.name, () => {
    const packet = { chainId: v.chain_id, contract: v.contract, creator: v.creator, salt: BigInt(v.salt) };
    const text = normalizePassword(v.password);
    assert.equal(text, v.password_normalized, "normalized password");
    assert.equal(hexlify(toUtf8Bytes(text)), v.password_utf8, "UTF-8");
    assert.equal(passwordSalt(packet), v.pbkdf2_salt, "PBKDF2 salt");
    const key = passwordKey(v.password, packet);
    assert.equal(key.derived, v.pbkdf2_output, "PBKDF2 output");
    assert.equal(key.privateKey, v.private_key, "private key");
    assert.equal(key.signer, v.signer, "signer");
    for (const c of v.claims) {
      const id = packetId(v.creator, key.signer, c.token, packet.salt);
      assert.equal(id, c.packet_id, "packet id");
      assert.equal(claimDigest(v.chain_id, v.contract, id, c.claimer), c.digest, "digest");
      const { r, vs } = signClaim(key.privateKey, v.chain_id, v.contract, id, c.claimer);
      assert.equal(r, c.r, "r");
      assert.equal(vs, c.vs, "vs");
    }
  });
}
for (const c of data.invalid) {
  check(`invalid: ${c.name}`, () => assert.throws(() => normalizePassword(c.password)));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
