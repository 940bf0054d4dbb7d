import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_MESSAGES, type ClientMessagesArea, pickMessages } from "@/i18n/client-messages";

/**
 * Gives the client components below the messages of one audience's pages and those every page needs.
 * A nested provider replaces its parent's messages rather than adding to them, hence both lists here.
 */
export async function ClientMessages({ area, children }: { area?: ClientMessagesArea; children: ReactNode }) {
  const paths = [...CLIENT_MESSAGES.everyPage, ...(area ? CLIENT_MESSAGES[area] : [])];
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), paths)}>
      {children}
    </NextIntlClientProvider>
  );
}
