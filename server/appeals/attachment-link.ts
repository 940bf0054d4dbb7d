import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/options";

/** Long enough to click a link on a page just opened; a link copied out of the page soon stops working. */
export const ATTACHMENT_LINK_SECONDS = 10 * 60;

// A key of its own, derived from the application secret, so that a link signature can never stand in
// for a session token or anything else signed with that secret.
function linkKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "", "tyndau attachment links v1", 32));
}

function signature(attachmentId: string, viewerId: string, expires: number): Buffer {
  return createHmac("sha256", linkKey()).update(`${attachmentId}|${viewerId}|${expires}`).digest();
}

/**
 * The address of a file for one signed-in viewer, valid for ten minutes. The route still checks that the
 * viewer may read the appeal: the signature only keeps a leaked or logged address from outliving the
 * page, and from working for anyone else.
 */
export function attachmentLink(attachmentId: string, viewer: { id: string }, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + ATTACHMENT_LINK_SECONDS;
  const sig = signature(attachmentId, viewer.id, expires).toString("base64url");
  return `/api/attachments/${attachmentId}?exp=${expires}&sig=${sig}`;
}

export type LinkCheck = "valid" | "expired" | "invalid";

/** "expired" only for a link this very viewer was given; any other wrong link is just "invalid". */
export function checkAttachmentLink(o: {
  attachmentId: string;
  viewerId: string;
  exp: string | null;
  sig: string | null;
  now?: Date;
}): LinkCheck {
  if (!o.exp || !/^\d{1,12}$/.test(o.exp) || !o.sig || !/^[\w-]{43}$/.test(o.sig)) return "invalid";
  const expires = Number(o.exp);
  // Compared as text: decoding would accept another spelling of the same bytes (the last character's two
  // spare bits), so a changed link would still open.
  const expected = Buffer.from(signature(o.attachmentId, o.viewerId, expires).toString("base64url"));
  if (!timingSafeEqual(Buffer.from(o.sig), expected)) return "invalid";
  return expires * 1000 > (o.now ?? new Date()).getTime() ? "valid" : "expired";
}
