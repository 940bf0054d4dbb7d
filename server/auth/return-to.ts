import { isLocale } from "@/i18n/routing";

/**
 * Where to go after signing in: a path of this site only, without its language prefix (the sign-in page
 * adds the language it is in). Anything else, a full address, "//host" or "/\host" that a browser reads
 * as another site, is refused, so a link cannot send someone elsewhere after they sign in.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value?.startsWith("/") || value.startsWith("//")) return null;
  // A control character or a backslash anywhere: browsers forgive them in ways that lead off-site.
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c === "\\")) return null;
  let url: URL;
  try {
    url = new URL(value, "http://same.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://same.invalid") return null;
  const [, first, ...rest] = url.pathname.split("/");
  const path = isLocale(first) ? `/${rest.join("/")}` : url.pathname;
  if (path === "/sign-in" || path === "/register") return null;
  return `${path}${url.search}`;
}
