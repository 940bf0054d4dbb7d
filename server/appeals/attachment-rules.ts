import { createHash } from "node:crypto";
import { DomainError } from "../errors";

export const ATTACHMENT_LIMITS = { maxFiles: 5, maxBytes: 5 * 1024 * 1024 } as const;

const SIGNATURES: { mimeType: string; magic: number[] }[] = [
  { mimeType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mimeType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mimeType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

export type IncomingFile = { fileName: string; bytes: Buffer };
export type CheckedFile = {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
};

/** The type comes from the file's first bytes, never from its name or the browser's claim. */
export function sniffMimeType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.mimeType ?? null;
}

// Keeps a name safe to show and to send in a Content-Disposition header.
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/[\p{Cc}"<>:|?*]/gu, "_").trim();
  return (cleaned || "file").slice(0, 120);
}

export function checkAttachments(files: readonly IncomingFile[]): CheckedFile[] {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) throw new DomainError("BAD_ATTACHMENT");
  return files.map((f) => {
    const mimeType = sniffMimeType(f.bytes);
    if (!mimeType || f.bytes.length === 0 || f.bytes.length > ATTACHMENT_LIMITS.maxBytes) {
      throw new DomainError("BAD_ATTACHMENT");
    }
    return {
      fileName: cleanFileName(f.fileName),
      mimeType,
      size: f.bytes.length,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
      content: f.bytes,
    };
  });
}
