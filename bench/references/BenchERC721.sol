// SPDX-License-Identifier: AGPL-3.0-only
// fivefold `make bench`: OpenZeppelin's ERC-721 with an open mint (a bench collection, never deployed
// anywhere else): the reference for moving one NFT, what the NFT mall's buy does besides paying.
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

contract BenchERC721 is ERC721 {
    constructor() ERC721("Bench Collection", "BENCH") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }
}
