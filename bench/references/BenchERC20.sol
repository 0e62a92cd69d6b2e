// SPDX-License-Identifier: AGPL-3.0-only
// fivefold `make bench`: OpenZeppelin's ERC-20 with EIP-2612 permit, nothing added, the whole supply
// minted once to one holder (the suite's CappedToken side of the ERC-20 rows).
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

contract BenchERC20 is ERC20, ERC20Permit {
    constructor(string memory name_, string memory symbol_, address holder, uint256 supply)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
    {
        _mint(holder, supply);
    }
}
