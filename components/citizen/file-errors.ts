import type { FormErrors } from "@/components/form-errors";
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from "@/server/appeals/attachment-limits";

/**
 * The server names a bad file by its place in the list ("attachments.2"); the form names it by its file
 * name, beside the file input, since that is how the citizen knows it.
 */
export function attachmentError(errors: FormErrors, files: File[]): string | undefined {
  const messages = Object.entries(errors.fields)
    .filter(([field]) => field === "attachments" || field.startsWith("attachments."))
    .map(([field, message]) => {
      const index = Number(field.split(".")[1]);
      const file = Number.isInteger(index) ? files[index] : undefined;
      return file ? `${file.name}: ${message}` : message;
    });
  return messages.length > 0 ? messages.join(" ") : undefined;
}

/** Files chosen in a form, without the empty entry a browser sends for an input left empty. */
export function chosenFiles(form: FormData, name = "attachments"): File[] {
  return form.getAll(name).filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
}

const TYPES: readonly string[] = ATTACHMENT_TYPES.map((t) => t.mimeType);
const EXTENSIONS: readonly string[] = ATTACHMENT_TYPES.flatMap((t) => t.extensions);
const knownEnding = (name: string) => EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));

/**
 * What is wrong with the chosen files, found in the browser before any byte is sent: on 3G a 30 MB file
 * takes minutes to upload only to be refused. Only what the browser knows without reading the file: the
 * count, the size, and the type as the file's name and the system tell it. The server still reads every
 * file's first bytes and refuses a file that is not what it says. Keys are the server's own
 * (`validation.<key>`), under the same field names, so the form shows them as it shows the server's.
 */
export function fileProblemsBeforeUpload(files: File[], name = "attachments"): Record<string, string> {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) return { [name]: "tooManyFiles" };
  const problems: Record<string, string> = {};
  for (const [i, file] of files.entries()) {
    if (file.size === 0) problems[`${name}.${i}`] = "fileEmpty";
    else if (file.size > ATTACHMENT_LIMITS.maxBytes) problems[`${name}.${i}`] = "fileTooBig";
    else if (!TYPES.includes(file.type) && !knownEnding(file.name)) problems[`${name}.${i}`] = "fileType";
  }
  return problems;
}
