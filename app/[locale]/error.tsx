"use client";
import { useMessages } from "next-intl";

type Props = { error: Error & { digest?: string }; reset: () => void };

/**
 * What a page shows when rendering it failed: the same words whatever failed, never the error's message
 * or stack. The digest (all a server-side error sends the browser in production) is the code support
 * looks up: the log has it beside the request id (instrumentation.ts, onRequestError).
 */
export default function PageError({ error, reset }: Props) {
  // The raw texts rather than useTranslations: this boundary ships with every page, and message
  // formatting would weigh on all of them for one placeholder.
  const messages = useMessages() as { errors: Record<string, string> };
  const t = (key: string) => messages.errors[key] ?? "";
  return (
    <>
      <h1>{t("errorTitle")}</h1>
      <p role="alert">{t("errorText")}</p>
      {error.digest ? <p>{t("errorCode").replace("{code}", error.digest)}</p> : null}
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </>
  );
}
