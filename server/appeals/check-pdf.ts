import { constants, inflateSync } from "node:zlib";

/**
 * PDF names a citizen's scan or letter never needs: each runs a script, starts a program, carries another
 * file inside the document, or plays media or an XFA form (which carries scripts of its own). A PDF is kept
 * as sent (there is no re-encoding it), so one that names any of them is refused.
 */
const ACTIVE = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"]);
// Inside binary stream data "/JS" and a delimiter turn up by chance about once in fifty 5 MB scans, and
// "/XFA" about once in ten thousand; the longer names never do. A script action needs "/S /JavaScript"
// anyway, and an XFA form is named in the document's catalog, outside the data, so these are enough there.
const ACTIVE_LONG = new Set(["JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia"]);
const OBJECT_STREAM = new Set(["ObjStm"]);

// A name token: "/" and regular characters, where "#xx" stands for any byte ("/J#53" is "/JS").
const NAME = /\/((?:[^\0\t\n\f\r ()<>[\]{}/%#]|#[0-9A-Fa-f]{2})+)/g;
const STREAM_START = />>\s*stream(?:\r\n|\n|\r)/g;
// Compressed object streams (PDF 1.5) hide whole dictionaries from a plain byte search; their data
// starts with pairs of integers (object number, offset), which is how one is told from an image.
const OBJECT_STREAM_HEAD = /^(?:\s|%[^\r\n]*[\r\n])*\d+\s+\d+\s/;
// Decoded object streams are small; this much of them is a decompression bomb, not a letter.
const DECODED_LIMIT = 64 * 1024 * 1024;

export type PdfProblem = "fileDamaged" | "fileActiveContent";

export function checkPdf(bytes: Buffer): PdfProblem | null {
  // Readers look for the end-of-file marker only in the last 1024 bytes (Adobe's implementation note to
  // ISO 32000, 7.5.5); without one the file was cut short.
  if (!bytes.subarray(-1024).includes("%%EOF")) return "fileDamaged";
  const text = bytes.toString("latin1");
  if (hasName(text, ACTIVE_LONG)) return "fileActiveContent";

  let clear = "";
  let from = 0;
  let budget = DECODED_LIMIT;
  for (const m of text.matchAll(STREAM_START)) {
    if (m.index < from) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) return "fileDamaged";
    clear += text.slice(from, start);
    from = end;
    const body = bytes.subarray(start, end);
    const compressedHead = inflated(body.subarray(0, 1024), 2 * 1024 * 1024);
    const head = compressedHead ?? body.subarray(0, 64);
    if (!OBJECT_STREAM_HEAD.test(head.toString("latin1"))) {
      // An object stream this cannot read (LZW, ASCII85, a predictor) would hide the objects in it: a
      // reader would find a script there that this check never saw.
      const dictionary = text.slice(Math.max(text.lastIndexOf("obj", m.index), 0), m.index);
      if (hasName(dictionary, OBJECT_STREAM)) return "fileDamaged";
      continue;
    }
    const objects = compressedHead ? inflated(body, budget) : body;
    if (!objects) return "fileDamaged";
    budget -= objects.length;
    if (hasName(objects.toString("latin1"), ACTIVE)) return "fileActiveContent";
  }
  clear += text.slice(from);
  return hasName(clear, ACTIVE) ? "fileActiveContent" : null;
}

// Tolerates a cut-off end as readers do; null when the data is not zlib at all or decodes beyond `limit`.
function inflated(data: Buffer, limit: number): Buffer | null {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(limit, 1) });
  } catch {
    return null;
  }
}

function hasName(text: string, names: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(NAME)) {
    const raw = m[1] ?? "";
    const name = raw.includes("#")
      ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      : raw;
    if (names.has(name)) return true;
  }
  return false;
}
