// Type-level test of the generated abi/index.ts (`@fivefold/abi`): what a viem/wagmi or ethers v6
// user gets without codegen. tsc fails if any line here stops compiling, or if a line expected to
// fail (marked for tsc) compiles: so the types are literal, not widened to string or any.
import type {
  Abi,
  AbiParametersToPrimitiveTypes,
  Address,
  ExtractAbiEventNames,
  ExtractAbiFunction,
  ExtractAbiFunctionNames,
} from "abitype";
import { Contract, Interface } from "ethers";

import {
  abis,
  addresses,
  deployments,
  MarketAbi,
  RedPacketAbi,
  VestingVaultAbi,
  type ContractName,
} from "@fivefold/abi";

const ZERO = "0x0000000000000000000000000000000000000000" as const;

// Every exported ABI is an abitype `Abi`: what viem's getContract/readContract and wagmi's hooks take.
export const everyAbi: Record<ContractName, Abi> = abis;

// Function names are inferred per state mutability.
type RedPacketReads = ExtractAbiFunctionNames<typeof RedPacketAbi, "view" | "pure">;
export const aRead: RedPacketReads = "next_share";
// @ts-expect-error `claim` writes: it is not a read
export const notARead: RedPacketReads = "claim";
// @ts-expect-error no such function
export const noSuchFunction: ExtractAbiFunctionNames<typeof RedPacketAbi> = "claim_all";
export const anEvent: ExtractAbiEventNames<typeof RedPacketAbi> = "Claimed";

// Argument types follow the Solidity types (uint256 -> bigint, address/bytes32 -> 0x strings).
type ClaimArgs = AbiParametersToPrimitiveTypes<ExtractAbiFunction<typeof RedPacketAbi, "claim">["inputs"]>;
export const claimArgs: ClaimArgs = [ZERO, ZERO, ZERO, 1n, `0x${"00".repeat(32)}`, `0x${"00".repeat(32)}`];
// @ts-expect-error salt is a uint256 (bigint), not a string
export const badClaimArgs: ClaimArgs = [ZERO, ZERO, ZERO, "1", `0x${"00".repeat(32)}`, `0x${"00".repeat(32)}`];

// A struct return is an object with named fields.
type Packet = AbiParametersToPrimitiveTypes<ExtractAbiFunction<typeof RedPacketAbi, "packet">["outputs"]>[0];
export const remaining = (p: Packet): bigint => p.remaining;
export const isRandom = (p: Packet): boolean => p.random;
type Schedule = AbiParametersToPrimitiveTypes<ExtractAbiFunction<typeof VestingVaultAbi, "schedule">["outputs"]>[0];
export const beneficiary = (s: Schedule): Address => s.beneficiary;
type Deposit = ExtractAbiFunction<typeof MarketAbi, "deposit">["stateMutability"];
export const depositWrites: Deposit = "nonpayable";

// ethers v6 takes the same arrays.
export const redPacketInterface = new Interface(RedPacketAbi);
export const redPacket = new Contract(ZERO, RedPacketAbi);

// The address book: every entry names an exported ABI, every address is a `0x${string}`.
type Book = typeof deployments;
type Entry = { [C in keyof Book]: Book[C]["contracts"][keyof Book[C]["contracts"]] }[keyof Book];
export const entriesNameExportedAbis: [Entry] extends [{ abi: ContractName }] ? true : false = true;
type Addresses = typeof addresses;
type AnAddress = { [C in keyof Addresses]: Addresses[C][keyof Addresses[C]] }[keyof Addresses];
export const addressesAreHex: [AnAddress] extends [Address] ? true : false = true;
