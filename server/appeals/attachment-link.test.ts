import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { attachmentLink, checkAttachmentLink } from "./attachment-link";

const FILE = "0b6f6d2a-6f0e-4c57-9d0a-3f3d2f5b8a11";
const ALICE = { id: "5f1c7a52-3f7e-4a3e-8a55-2b0f9e1c4d10" };
const BOB = { id: "9a2e3c11-0d4b-4f6a-b1c2-7e8f9a0b1c2d" };
const issuedAt = new Date("2026-11-10T10:00:00Z");
const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

function parts(link: string) {
  const url = new URL(link, "http://localhost");
  return { path: url.pathname, exp: url.searchParams.get("exp"), sig: url.searchParams.get("sig") };
}

const check = (link: string, viewerId: string, now: Date, change: Partial<ReturnType<typeof parts>> = {}) => {
  const p = { ...parts(link), ...change };
  return checkAttachmentLink({ attachmentId: FILE, viewerId, exp: p.exp, sig: p.sig, now });
};

describe("short-lived attachment links", () => {
  const secret = process.env.AUTH_SECRET;
  afterEach(() => {
    if (secret === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = secret;
  });

  it("carries the file, an expiry ten minutes on and a signature", () => {
    const link = attachmentLink(FILE, ALICE, issuedAt);
    const p = parts(link);
    expect(p.path).toBe(`/api/attachments/${FILE}`);
    // 2026-11-10T10:10:00Z as a Unix time, worked out by hand.
    expect(p.exp).toBe("1794305400");
    expect(p.sig).toMatch(/^[\w-]{43}$/);
  });

  it("is valid for its viewer until it expires, and then only expired", () => {
    const link = attachmentLink(FILE, ALICE, issuedAt);
    expect(check(link, ALICE.id, issuedAt)).toBe("valid");
    expect(check(link, ALICE.id, later(599))).toBe("valid");
    expect(check(link, ALICE.id, later(600))).toBe("expired");
    expect(check(link, ALICE.id, later(86_400))).toBe("expired");
  });

  it("is worth nothing to anyone else, nor once changed", () => {
    const link = attachmentLink(FILE, ALICE, issuedAt);
    const { sig } = parts(link);
    expect(check(link, BOB.id, issuedAt)).toBe("invalid");
    expect(check(link, BOB.id, later(700))).toBe("invalid");
    // A later expiry is not the one signed.
    expect(check(link, ALICE.id, later(700), { exp: "1794309000" })).toBe("invalid");
    expect(
      check(link, ALICE.id, issuedAt, { sig: `${sig?.slice(0, 42)}${sig?.endsWith("A") ? "B" : "A"}` }),
    ).toBe("invalid");
    // The same 32 bytes spelled with the last character's two spare bits set: every spelling but the
    // one issued is refused (decoding alone would accept them: a changed link that still opens).
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(sig?.at(-1) ?? "");
    for (const spare of [1, 2, 3]) {
      const respelled = `${sig?.slice(0, 42)}${alphabet[last + spare]}`;
      expect(Buffer.from(respelled, "base64url")).toEqual(Buffer.from(sig ?? "", "base64url"));
      expect(check(link, ALICE.id, issuedAt, { sig: respelled })).toBe("invalid");
    }
    expect(check(link, ALICE.id, issuedAt, { sig: null })).toBe("invalid");
    expect(check(link, ALICE.id, issuedAt, { exp: null })).toBe("invalid");
    expect(check(link, ALICE.id, issuedAt, { exp: "1e12" })).toBe("invalid");
    expect(check(link, ALICE.id, issuedAt, { sig: `${sig}=` })).toBe("invalid");
    // For another file.
    expect(
      checkAttachmentLink({ attachmentId: BOB.id, viewerId: ALICE.id, ...parts(link), now: issuedAt }),
    ).toBe("invalid");
  });

  it("is signed with a key derived from the secret, not with the secret itself", () => {
    const link = attachmentLink(FILE, ALICE, issuedAt);
    const { exp, sig } = parts(link);
    const withSecret = createHmac("sha256", process.env.AUTH_SECRET ?? "")
      .update(`${FILE}|${ALICE.id}|${exp}`)
      .digest("base64url");
    expect(sig).not.toBe(withSecret);
    // Another deployment's secret makes another signature.
    process.env.AUTH_SECRET = "another-secret-of-another-deployment-0123456789";
    expect(check(link, ALICE.id, issuedAt)).toBe("invalid");
  });
});
