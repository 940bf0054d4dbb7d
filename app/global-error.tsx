"use client";
import { usePathname } from "next/navigation";
import en from "@/messages/en/common.json";
import kk from "@/messages/kk/common.json";
import ru from "@/messages/ru/common.json";

type Props = { error: Error & { digest?: string } };

const CATALOGUES = { kk, ru, en };

/**
 * When the root layout itself fails (the database is down while it reads the session), there is no
 * layout and no translation provider left: this page stands alone, in the language of the address, with
 * the same generic words as app/[locale]/error.tsx and never the error's message or stack.
 */
export default function GlobalError({ error }: Props) {
  const segment = usePathname()?.split("/")[1];
  const locale = segment === "ru" || segment === "en" ? segment : "kk";
  const t = CATALOGUES[locale].errors;
  return (
    <html lang={locale}>
      <body>
        <main id="main">
          <h1>{t.errorTitle}</h1>
          <p role="alert">{t.errorText}</p>
          {error.digest ? <p>{t.errorCode.replace("{code}", error.digest)}</p> : null}
        </main>
      </body>
    </html>
  );
}
