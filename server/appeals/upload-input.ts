import { z } from "zod";
import { formDataObject } from "../form-data";
import { ATTACHMENT_MESSAGE_VALUES } from "./attachment-limits";
import { ATTACHMENT_LIMITS, inspectFile } from "./attachment-rules";

/**
 * Files as a form sends them, checked field by field so that the form can say what is wrong with which
 * file: the size before reading, then everything inspectFile looks for in the bytes read (never the name
 * or the browser's claim).
 */
const Upload = z
  .instanceof(File)
  .refine((f) => f.size > 0, { params: { key: "fileEmpty" }, abort: true })
  .refine((f) => f.size <= ATTACHMENT_LIMITS.maxBytes, {
    params: { key: "fileTooBig", values: ATTACHMENT_MESSAGE_VALUES },
    abort: true,
  })
  .transform(async (f, ctx) => {
    const file = { fileName: f.name, bytes: Buffer.from(await f.arrayBuffer()) };
    const { problem } = await inspectFile(file);
    if (!problem) return file;
    ctx.addIssue({
      code: "custom",
      message: problem,
      params: { key: problem, values: ATTACHMENT_MESSAGE_VALUES },
    });
    return z.NEVER;
  });

export const Uploads = z
  .array(z.instanceof(File))
  .refine((files) => files.length <= ATTACHMENT_LIMITS.maxFiles, {
    params: { key: "tooManyFiles", values: ATTACHMENT_MESSAGE_VALUES },
  })
  .pipe(z.array(Upload));

/** The input schemas that take files: only their procedures may receive a body of upload size. */
export const UPLOAD_SCHEMAS = new WeakSet<object>();

/** A multipart form checked by a strict schema; `attachments` is its list of files. */
export function formInput<T extends z.ZodType<unknown, Record<string, unknown>>>(fields: T) {
  const schema = z
    .instanceof(FormData)
    .transform((form) => formDataObject(form, ["attachments"]))
    .pipe(fields);
  UPLOAD_SCHEMAS.add(schema);
  return schema;
}
