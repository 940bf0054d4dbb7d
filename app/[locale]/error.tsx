"use client";
import { useParams } from "next/navigation";
import en from "@/messages/en/page-error.json";
import kk from "@/messages/kk/page-error.json";
import ru from "@/messages/ru/page-error.json";

type Props = { error: Error & { digest?: string }; reset: () => void };

// The page-error area of the three catalogues, not the provider's messages: this boundary is on every
// page, and most pages have no translation provider in the browser (their components are the server's).
const CATALOGUES = { kk, ru, en };

/**
 * What a page shows when rendering it failed: the same words whatever failed, never the error's message
 * or stack. The digest (all a server-side error sends the browser in production) is the code support
 * looks up: the log has it beside the request id (instrumentation.ts, onRequestError).
 */
export default function PageError({ error, reset }: Props) {
  const { locale } = useParams<{ locale: string }>();
  const t = CATALOGUES[locale === "ru" || locale === "en" ? locale : "kk"].pageError;
  return (
    <>
      <h1>{t.title}</h1>
      <p role="alert">{t.text}</p>
      {error.digest ? <p>{t.code.replace("{code}", error.digest)}</p> : null}
      <button type="button" onClick={reset}>
        {t.retry}
      </button>
    </>
  );
}
