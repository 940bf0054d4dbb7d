"use client";
import { usePathname } from "next/navigation";
import en from "@/messages/en/page-error.json";
import kk from "@/messages/kk/page-error.json";
import ru from "@/messages/ru/page-error.json";

type Props = { error: Error & { digest?: string } };

// Only the page-error area: every page downloads this boundary, and the whole common catalogue of the
// three languages made it 11.5 KB gzip of JavaScript for three sentences.
const CATALOGUES = { kk, ru, en };

/**
 * When the root layout itself fails (the database is down while it reads the session), there is no
 * layout and no translation provider left: this page stands alone, in the language of the address, with
 * the same generic words as app/[locale]/error.tsx and never the error's message or stack.
 */
export default function GlobalError({ error }: Props) {
  const segment = usePathname()?.split("/")[1];
  const locale = segment === "ru" || segment === "en" ? segment : "kk";
  const t = CATALOGUES[locale].pageError;
  return (
    <html lang={locale}>
      <body>
        <main id="main">
          <h1>{t.title}</h1>
          <p role="alert">{t.text}</p>
          {error.digest ? <p>{t.code.replace("{code}", error.digest)}</p> : null}
        </main>
      </body>
    </html>
  );
}
