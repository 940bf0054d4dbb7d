import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { type LocaleHref, localePath } from "@/i18n/locale-path";
import type { Locale } from "@/i18n/routing";

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: LocaleHref };

/**
 * A link in the page's language for server components. next-intl's own Link renders a client component
 * that reads the locale from its client provider, which made every page carry the provider and its message
 * formatter (12.3 KB gzip) just for links; here the address is settled on the server and the browser gets
 * Next's plain link. Client components keep @/i18n/navigation's Link, under their group's provider.
 */
export async function Link({ href, ...rest }: Props) {
  return <NextLink href={localePath((await getLocale()) as Locale, href)} {...rest} />;
}
