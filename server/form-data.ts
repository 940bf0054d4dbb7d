/**
 * A FormData as a plain object, for a strict schema to check: one value per field (a repeated field stays
 * a list, which the schema then refuses), a list for the fields named in `lists`, an empty text field as
 * absent, and the empty file a browser sends for a file input left empty dropped.
 */
export function formDataObject(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form
      .getAll(key)
      .filter((v) => (typeof v === "string" ? v.trim() !== "" : v.size > 0 || v.name !== ""));
    if (lists.includes(key)) out[key] = values;
    else if (values.length === 1) out[key] = values[0];
    else if (values.length > 1) out[key] = values;
  }
  return out;
}
