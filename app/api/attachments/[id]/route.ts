import { getDatabase } from "@/db/client";
import en from "@/messages/en/common.json";
import kk from "@/messages/kk/common.json";
import ru from "@/messages/ru/common.json";
import { checkAttachmentLink } from "@/server/appeals/attachment-link";
import { getAttachmentOrThrow } from "@/server/appeals/get-attachment";
import { getCurrentUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const notFound = () => text(404, "Not found");
// The address has no locale, so the one who was given it reads it in all three languages.
const expired = () => text(410, [kk, ru, en].map((m) => m.errors.linkExpired).join("\n"));

// The original name for browsers that read RFC 5987, and a plain-ASCII one for those that do not.
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A file of an appeal, through a link signed for the signed-in viewer (server/appeals/attachment-link.ts),
 * for those who may read the appeal. A link that is missing, forged or signed for someone else and a file
 * the viewer may not read all answer 404, alike. A link the viewer was given that has run out answers
 * 410, which tells them nothing new and to reload the page. Always a download with the type sniffed at
 * upload and nosniff, so that no file is ever rendered as a page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await getCurrentUser();
  if (!viewer || !UUID.test(id)) return notFound();
  const query = new URL(request.url).searchParams;
  const link = checkAttachmentLink({
    attachmentId: id,
    viewerId: viewer.id,
    exp: query.get("exp"),
    sig: query.get("sig"),
  });
  if (link === "invalid") return notFound();
  if (link === "expired") return expired();
  try {
    const file = await getAttachmentOrThrow(getDatabase(), { attachmentId: id, viewer });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.content.length),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
