import type { ZodError } from "zod";

/** A field's first problem, as a catalogue key (`validation.<key>`) and the values it interpolates. */
export type FieldError = { key: string; values: Record<string, string | number> };

export function fieldErrorsOf(error: ZodError): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    if (out[field]) continue;
    out[field] = toFieldError(issue);
  }
  return out;
}

function toFieldError(issue: ZodError["issues"][number]): FieldError {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string"
        ? {
            key: Number(issue.minimum) <= 1 ? "required" : "tooShort",
            values: { min: Number(issue.minimum) },
          }
        : { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      return issue.origin === "string"
        ? { key: "tooLong", values: { max: Number(issue.maximum) } }
        : { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "email" : "format", values: {} };
    case "invalid_type":
      // zod 4 keeps the input off issues unless asked; its message names what was received.
      return { key: /received (undefined|null)$/.test(issue.message) ? "required" : "invalid", values: {} };
    case "unrecognized_keys":
      return { key: "unknownField", values: {} };
    case "custom":
      return {
        key: typeof issue.params?.key === "string" ? issue.params.key : "invalid",
        values: (issue.params?.values as FieldError["values"] | undefined) ?? {},
      };
    default:
      return { key: "invalid", values: {} };
  }
}
