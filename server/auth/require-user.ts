import "server-only";
import { headers } from "next/headers";
import { redirect } from "@/i18n/navigation";
import { getCurrentUser } from "./current-user";
import { safeReturnPath } from "./return-to";

/**
 * For pages that only make sense signed in: sends the visitor to sign in instead of rendering empty, and
 * from there back to this page (the appeal linked from an e-mail, say). The proxy passes the page asked for.
 */
export async function requireUser(locale: string) {
  const user = await getCurrentUser();
  if (user) return user;
  const back = safeReturnPath((await headers()).get("x-return-to"));
  return redirect({
    href: back ? { pathname: "/sign-in", query: { callbackUrl: back } } : "/sign-in",
    locale,
  });
}
