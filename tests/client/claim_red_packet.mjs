// A dApp claim, from the exports alone (addresses.json + the ABI JSON) and ethers v6:
//
//   CLAIMER_KEY=0x... node tests/client/claim_red_packet.mjs <rpc-url> <export-dir> <creator> <salt> <token> <password>
//
// finds RedPacket on the RPC's chain in the address book, derives the password key, checks that the
// packet exists, signs the claim for the claimer, sends it and prints what happened as JSON.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { Contract, JsonRpcProvider, Wallet } from "ethers";

import { packetId, passwordKey, signClaim } from "./redpacket.mjs";

function fail(message) {
  console.error(`claim_red_packet: ${message}`);
  process.exit(1);
}

const [rpcUrl, exportDir, creator, saltText, token, password] = process.argv.slice(2);
if (password === undefined) fail("usage: claim_red_packet.mjs <rpc-url> <export-dir> <creator> <salt> <token> <password>");
if (!process.env.CLAIMER_KEY) fail("set CLAIMER_KEY to the claimer's private key");

const provider = new JsonRpcProvider(rpcUrl);
try {
  const { chainId } = await provider.getNetwork();
  const book = JSON.parse(readFileSync(join(exportDir, "addresses.json"), "utf8"));
  const deployment = book[String(chainId)];
  if (!deployment) fail(`chain ${chainId} is not in ${exportDir}/addresses.json`);
  const entry = deployment.contracts.RedPacket;
  const abi = JSON.parse(readFileSync(join(exportDir, `${entry.abi}.json`), "utf8"));
  const claimer = new Wallet(process.env.CLAIMER_KEY, provider);
  const redPacket = new Contract(entry.address, abi, claimer);

  const salt = BigInt(saltText);
  const { privateKey, signer } = passwordKey(password, { chainId, contract: entry.address, creator, salt });
  const id = packetId(creator, signer, token, salt);
  if ((await redPacket.packet_id(creator, signer, token, salt)) !== id) fail("packet id differs from the contract's");
  const packet = await redPacket.packet(id);
  if (packet.shares === 0n) fail("no such packet: wrong password, creator, token or salt");
  const expected = await redPacket.next_share(id);

  const { r, vs } = signClaim(privateKey, chainId, entry.address, id, claimer.address);
  const tx = await redPacket.claim(creator, signer, token, salt, r, vs);
  const receipt = await tx.wait();
  const claimed = receipt.logs
    .map((log) => redPacket.interface.parseLog(log))
    .find((event) => event?.name === "Claimed");
  console.log(JSON.stringify({
    chain_id: Number(chainId),
    red_packet: entry.address,
    packet_id: id,
    signer,
    claimer: claimer.address,
    expected: expected.toString(),
    amount: claimed.args.amount.toString(),
    tx: receipt.hash,
    block: receipt.blockNumber,
    status: receipt.status,
  }));
} finally {
  provider.destroy();
}
