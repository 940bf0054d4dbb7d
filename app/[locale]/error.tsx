"use client";
import { useTranslations } from "next-intl";

type Props = { error: Error & { digest?: string }; reset: () => void };

/**
 * What a page shows when rendering it failed: the same words whatever failed, never the error's message
 * or stack. The digest (all a server-side error sends the browser in production) is the code support
 * looks up: the log has it beside the request id (instrumentation.ts, onRequestError).
 */
export default function PageError({ error, reset }: Props) {
  const t = useTranslations("errors");
  return (
    <>
      <h1>{t("errorTitle")}</h1>
      <p role="alert">{t("errorText")}</p>
      {error.digest ? <p>{t("errorCode", { code: error.digest })}</p> : null}
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </>
  );
}
