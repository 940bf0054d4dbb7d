import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { routing } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCaller } from "@/server/caller";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("title"), description: t("description") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const user = await getCurrentUser();
  const unread = user ? await (await getCaller()).notification.unreadCount() : 0;
  return (
    <html lang={locale}>
      <body>
        {/* No translation provider here: each route group whose client components translate has its own
            (ClientMessages), so the pages that only read carry neither it nor its message formatter. */}
        <SiteHeader user={user} unread={unread} locale={locale} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
