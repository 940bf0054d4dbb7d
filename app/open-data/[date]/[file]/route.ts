import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { getDatabase } from "@/db/client";
import { acceptsGzip } from "@/server/http/accepts-gzip";
import { handleRoute } from "@/server/http/handle-route";
import { getSignedManifest, getSnapshotFile } from "@/server/open-data/read-snapshots";
import { MANIFEST_PATH } from "@/server/open-data/snapshot-manifest";

export const dynamic = "force-dynamic";

// A snapshot never changes (a trigger refuses it), so what a cache holds stays right.
const IMMUTABLE = "public, max-age=31536000, immutable";
const notFound = () => Response.json({ error: "NOT_FOUND" }, { status: 404 });

type Params = { params: Promise<{ date: string; file: string }> };

// GET /open-data/<date>/<file>: a file of a day's snapshot, or its signed manifest.json (docs/open-data.md).
export const GET = handleRoute("open-data/{date}/{file}", async (request: Request, { params }: Params) => {
  const { date, file } = await params;
  const db = getDatabase();
  if (file === MANIFEST_PATH) {
    const signed = await getSignedManifest(db, date);
    if (!signed) return notFound();
    return Response.json(signed, { headers: { "Cache-Control": IMMUTABLE } });
  }
  const found = await getSnapshotFile(db, { date, path: file });
  if (!found) return notFound();
  const headers: Record<string, string> = {
    "Content-Type": `${found.mimeType}; charset=utf-8`,
    "Cache-Control": IMMUTABLE,
    ETag: `"${found.sha256}"`,
    "Content-Disposition": `inline; filename="tyndau-${date}-${file}"`,
  };
  let body = Readable.from(found.parts());
  if (found.contentEncoding === "gzip") {
    // Stored compressed: sent as stored to a client that takes gzip, decompressed on the way to one that
    // does not. The ETag names the bytes sent, so the two forms never answer for each other in a cache.
    headers.Vary = "Accept-Encoding";
    if (acceptsGzip(request.headers.get("accept-encoding"))) {
      headers["Content-Encoding"] = "gzip";
      headers.ETag = `"${found.sha256}.gz"`;
    } else body = body.pipe(createGunzip());
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { headers });
});
