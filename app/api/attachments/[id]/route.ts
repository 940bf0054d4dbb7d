import { getDatabase } from "@/db/client";
import { getAttachmentOrThrow } from "@/server/appeals/get-attachment";
import { getCurrentUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// The original name for browsers that read RFC 5987, and a plain-ASCII one for those that do not.
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A file of an appeal, for those who may read the appeal; for anyone else it does not exist (404). Always
 * a download with the type sniffed at upload and nosniff, so that no file is ever rendered as a page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await getCurrentUser();
  if (!viewer || !UUID.test(id)) return notFound();
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
