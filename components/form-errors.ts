"use client";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import type { FieldError } from "@/server/validation";

export type FormErrors = { form: string | null; fields: Record<string, string> };

export const NO_ERRORS: FormErrors = { form: null, fields: {} };

type ErrorData = {
  code?: string;
  domainCode?: string | null;
  fieldErrors?: Record<string, FieldError> | null;
  requestId?: string | null;
};

/** Turns whatever a mutation threw into translated messages: one per field, and one for the form. */
export function useErrorMessages() {
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const tf = useTranslations("formErrors");
  return (error: unknown): FormErrors => {
    if (!(error instanceof TRPCClientError)) return { form: te("network"), fields: {} };
    const data = (error.data ?? {}) as ErrorData;
    if (data.fieldErrors) {
      const fields: Record<string, string> = {};
      for (const [name, e] of Object.entries(data.fieldErrors)) {
        // A field left empty or unchosen: say what to do there ("Choose a decision"), not that it is wrong.
        const missing = (e.key === "required" || e.key === "invalid") && tf.has(`missing.${name}`);
        fields[name] = missing ? tf(`missing.${name}`) : tv(e.key, e.values);
      }
      return { form: tv("summary"), fields };
    }
    // A fault of ours: the same words whatever failed, and the code that finds it in the log.
    if (data.code === "INTERNAL_SERVER_ERROR") {
      const reference = data.requestId ? ` ${te("reference", { requestId: data.requestId })}` : "";
      return { form: te("generic") + reference, fields: {} };
    }
    const key = data.domainCode ?? data.code;
    if (key && te.has(key)) return { form: te(key), fields: {} };
    return { form: te(data.code ? "generic" : "network"), fields: {} };
  };
}

/** Problems the browser found before sending (field → `validation.<key>`), as the form shows the server's. */
export function useLocalErrors() {
  const tv = useTranslations("validation");
  return (problems: Record<string, string>, values: Record<string, number> = {}): FormErrors | null => {
    const entries = Object.entries(problems);
    if (entries.length === 0) return null;
    return {
      form: tv("summary"),
      fields: Object.fromEntries(entries.map(([name, key]) => [name, tv(key, values)])),
    };
  };
}
