import "server-only";
import { redirect } from "@/i18n/navigation";
import { getCurrentUser } from "./current-user";

/** For pages that only make sense signed in: sends the visitor to sign in instead of rendering empty. */
export async function requireUser(locale: string) {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/sign-in", locale });
  return user;
}
