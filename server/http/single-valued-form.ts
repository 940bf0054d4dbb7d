/**
 * An urlencoded form in which every field appears once. Parsers disagree on a repeated field (the first
 * value, the last, a list), so a form that repeats one is refused instead of read two ways.
 */
export function parseSingleValuedForm(
  body: string,
): { ok: true; fields: Record<string, string> } | { ok: false; duplicate: string } {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(fields, name)) return { ok: false, duplicate: name };
    fields[name] = value;
  }
  return { ok: true, fields };
}
