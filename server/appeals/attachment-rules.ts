import { createHash } from "node:crypto";
import { DomainError } from "../errors";
import { ATTACHMENT_LIMITS } from "./attachment-limits";
import { checkPdf } from "./check-pdf";
import { type ImageFormat, reencodeImage } from "./reencode-image";

export { ATTACHMENT_LIMITS };

const SIGNATURES: { mimeType: string; magic: number[]; image?: ImageFormat }[] = [
  { mimeType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mimeType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], image: "png" },
  { mimeType: "image/jpeg", magic: [0xff, 0xd8, 0xff], image: "jpeg" },
];

export type IncomingFile = { fileName: string; bytes: Buffer };
export type CheckedFile = {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
};
/** What is wrong with a file, as a catalogue key (`validation.<key>`). */
export type FileProblem =
  | "fileEmpty"
  | "fileTooBig"
  | "fileType"
  | "fileMixedContent"
  | "fileTooManyPixels"
  | "fileDamaged"
  | "fileActiveContent";
export type FileInspection = { file: CheckedFile; problem?: undefined } | { problem: FileProblem };

/** The type comes from the file's first bytes, never from its name or the browser's claim. */
export function sniffMimeType(bytes: Buffer): string | null {
  return signatureOf(bytes)?.mimeType ?? null;
}

function signatureOf(bytes: Buffer) {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
}

// Browsers sniff at most this many bytes (WHATWG MIME Sniffing, "resource header"). Markup there, or at
// the end where HTML is usually appended, makes a file that some program would open as a page. Tags of
// one letter (<a, <b, <p) are left out: in compressed image data they occur by chance.
const SNIFF_WINDOW = 1445;
const MARKUP =
  /<(?:!doctype|html|head|body|script|iframe|svg|style|title|object|embed|meta|link|img|div|table|font|br|h1)[\s/>]|<!--|<\?xml/i;
// The end-of-central-directory record: ZIP readers (and Java, which made GIFAR work) find an archive from
// the end of the file, within its last 64 KiB. A local file header further in would be found by chance in
// one compressed scan in a thousand, so that is not what is looked for.
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_WINDOW = 65_557;

/** True for a file that is also a page or an archive to some reader: a polyglot. */
function hasSecondType(bytes: Buffer): boolean {
  const head = bytes.subarray(0, SNIFF_WINDOW).toString("latin1");
  const tail = bytes.subarray(-SNIFF_WINDOW).toString("latin1");
  return MARKUP.test(head) || MARKUP.test(tail) || bytes.subarray(-ZIP_WINDOW).includes(ZIP_END);
}

// Keeps a name safe to show and to send in a Content-Disposition header.
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/[\p{Cc}"<>:|?*]/gu, "_").trim();
  return (cleaned || "file").slice(0, 120);
}

async function inspect(f: IncomingFile): Promise<FileInspection> {
  if (f.bytes.length === 0) return { problem: "fileEmpty" };
  if (f.bytes.length > ATTACHMENT_LIMITS.maxBytes) return { problem: "fileTooBig" };
  const signature = signatureOf(f.bytes);
  if (!signature) return { problem: "fileType" };
  if (hasSecondType(f.bytes)) return { problem: "fileMixedContent" };
  let content = f.bytes;
  if (signature.image) {
    const image = await reencodeImage(f.bytes, {
      format: signature.image,
      maxPixels: ATTACHMENT_LIMITS.maxPixels,
    });
    if ("problem" in image) return image;
    content = image.bytes;
  } else {
    const problem = checkPdf(f.bytes);
    if (problem) return { problem };
  }
  return {
    file: {
      fileName: cleanFileName(f.fileName),
      mimeType: signature.mimeType,
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    },
  };
}

// A form's schema inspects each file to name its problem; the domain function then gets the very same
// object and finds the result here instead of decoding the image a second time.
const inspected = new WeakMap<IncomingFile, Promise<FileInspection>>();

/**
 * Checks one file and gives what is to be stored: an image re-encoded without its metadata, a PDF as
 * sent. Refused: anything but PDF, PNG and JPEG by its bytes (so SVG and HTML, whatever their names),
 * polyglots, pixel floods, damaged files and PDFs with scripts, launch actions or embedded files.
 */
export function inspectFile(f: IncomingFile): Promise<FileInspection> {
  const known = inspected.get(f);
  if (known) return known;
  const result = inspect(f);
  inspected.set(f, result);
  return result;
}

export async function checkAttachments(files: readonly IncomingFile[]): Promise<CheckedFile[]> {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) throw new DomainError("BAD_ATTACHMENT");
  const checked: CheckedFile[] = [];
  // One after the other: five 40-megapixel images decoded at once would hold some 600 MB.
  for (const f of files) {
    const result = await inspectFile(f);
    if (result.problem) throw new DomainError("BAD_ATTACHMENT");
    checked.push(result.file);
  }
  return checked;
}
