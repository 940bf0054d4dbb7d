import { describe, expect, it } from "vitest";
import { canonicalize } from "./canonical-json";
import { leafHash, merkleRoot } from "./merkle-tree";

// The test vectors of Certificate Transparency's reference implementations (RFC 6962 trees of 1..8 leaves).
const LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
];
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("RFC 6962 Merkle tree hash", () => {
  it("hashes the empty tree as SHA-256 of nothing", () => {
    expect(merkleRoot([]).toString("hex")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("matches Certificate Transparency's roots for trees of one to eight leaves", () => {
    const hashes = LEAVES.map((hex) => leafHash(Buffer.from(hex, "hex")));
    ROOTS.forEach((root, i) => {
      expect(merkleRoot(hashes.slice(0, i + 1)).toString("hex"), `${i + 1} leaves`).toBe(root);
    });
  });
});

describe("RFC 8785 canonical JSON", () => {
  it("sorts keys by UTF-16 code units and drops whitespace", () => {
    // RFC 8785 §3.2.3's sorting example, reduced: "\u20ac" (€) sorts after "\r" and before the emoji's surrogates.
    expect(canonicalize({ "\u20ac": 1, "\r": 2, "\ud83d\ude00": 3, "1": 4, a: [true, null, "x"] })).toBe(
      '{"\\r":2,"1":4,"a":[true,null,"x"],"€":1,"😀":3}',
    );
  });

  it("serialises numbers as ECMAScript does", () => {
    expect(canonicalize([1e21, 0.000001, 1e-7, -0, 333333333.3333333])).toBe(
      "[1e+21,0.000001,1e-7,0,333333333.3333333]",
    );
  });
});
