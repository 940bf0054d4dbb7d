import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { getSignedManifest, getSnapshotFile } from "@/server/open-data/read-snapshots";
import { MANIFEST_PATH } from "@/server/open-data/snapshot-manifest";

export const dynamic = "force-dynamic";

// A snapshot never changes (a trigger refuses it), so what a cache holds stays right.
const IMMUTABLE = "public, max-age=31536000, immutable";
const notFound = () => Response.json({ error: "NOT_FOUND" }, { status: 404 });

type Params = { params: Promise<{ date: string; file: string }> };

// GET /open-data/<date>/<file>: a file of a day's snapshot, or its signed manifest.json (docs/open-data.md).
export const GET = handleRoute("open-data/{date}/{file}", async (_request: Request, { params }: Params) => {
  const { date, file } = await params;
  const db = getDatabase();
  if (file === MANIFEST_PATH) {
    const signed = await getSignedManifest(db, date);
    if (!signed) return notFound();
    return Response.json(signed, { headers: { "Cache-Control": IMMUTABLE } });
  }
  const found = await getSnapshotFile(db, { date, path: file });
  if (!found) return notFound();
  // Stored compressed, sent decompressed as it is read: Next.js drops a route's Content-Encoding header
  // (send-response.js), so the stored gzip cannot be passed on as it is.
  const stored = Readable.from(found.parts());
  const body = found.contentEncoding === "gzip" ? stored.pipe(createGunzip()) : stored;
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": `${found.mimeType}; charset=utf-8`,
      "Cache-Control": IMMUTABLE,
      ETag: `"${found.sha256}"`,
      "Content-Disposition": `inline; filename="tyndau-${date}-${file}"`,
    },
  });
});
