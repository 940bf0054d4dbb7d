import type { FormErrors } from "@/components/form-errors";

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
