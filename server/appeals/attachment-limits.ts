/**
 * What an attachment may be, in one place for the server that enforces it and the browser that checks a
 * file before sending it (on 3G a 30 MB file takes minutes to upload only to be refused). Plain data, so
 * that client components may import it. 40 megapixels holds an A4 page scanned at 600 dpi or any ordinary
 * phone photo.
 */
export const ATTACHMENT_LIMITS = { maxFiles: 5, maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000 } as const;

/** The accepted types and the file-name endings a system gives them; the server reads the bytes. */
export const ATTACHMENT_TYPES = [
  { mimeType: "application/pdf", extensions: [".pdf"] },
  { mimeType: "image/png", extensions: [".png"] },
  { mimeType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
] as const;

/** The file input's `accept`: types and endings, as some phones' pickers know only the one or the other. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => [t.mimeType, ...t.extensions]).join(",");

export const ATTACHMENT_MEGABYTES = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

/** What the catalogue's file messages interpolate ("at most {maxMegabytes} MB"), so no text repeats a limit. */
export const ATTACHMENT_MESSAGE_VALUES = {
  maxFiles: ATTACHMENT_LIMITS.maxFiles,
  maxMegabytes: ATTACHMENT_MEGABYTES,
} as const;
