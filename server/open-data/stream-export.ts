import { CSV_BOM, csvField, csvLine } from "./csv";
import {
  EXPORT_COLUMNS,
  ExportFilters,
  type ExportRow,
  exportFileName,
  FREE_TEXT_COLUMNS,
} from "./export-public-appeals";

/** A stream that pulls the next chunk only when the client reads: a slow download holds one page, not all. */
function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* csvChunks(pages: AsyncGenerator<ExportRow[]>) {
  yield CSV_BOM + csvLine([...EXPORT_COLUMNS]);
  for await (const rows of pages) {
    yield rows
      .map((row) => csvLine(EXPORT_COLUMNS.map((c) => csvField(row[c], { text: FREE_TEXT_COLUMNS.has(c) }))))
      .join("");
  }
}

async function* jsonChunks(pages: AsyncGenerator<ExportRow[]>) {
  yield "[";
  let separator = "\n";
  for await (const rows of pages) {
    yield separator + rows.map((row) => JSON.stringify(row)).join(",\n");
    separator = ",\n";
  }
  yield "\n]\n";
}

const HEADERS = {
  "Cache-Control": "public, max-age=300",
  // The suggested licence of the data set (docs/open-data.md).
  Link: '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
  "X-Content-Type-Options": "nosniff",
};

/** The whole filtered set as one CSV or JSON download, streamed page by page. */
export function exportResponse(format: "csv" | "json", pages: AsyncGenerator<ExportRow[]>): Response {
  const body = format === "csv" ? streamOf(csvChunks(pages)) : streamOf(jsonChunks(pages));
  return new Response(body, {
    headers: {
      ...HEADERS,
      "Content-Type":
        format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(format)}"`,
    },
  });
}

/** The filters from the address; a wrong one is a 400 that names it, not a silently wider download. */
export function exportFiltersOf(url: string): { filters: ExportFilters } | { error: Response } {
  const params = new URL(url).searchParams;
  const parsed = ExportFilters.safeParse(Object.fromEntries(params));
  if (parsed.success) return { filters: parsed.data };
  return {
    error: Response.json(
      { error: "bad filter", fields: parsed.error.issues.map((i) => i.path.join(".") || "query") },
      { status: 400 },
    ),
  };
}
