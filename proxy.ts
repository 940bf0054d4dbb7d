import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Locale routing only: authorization lives in the procedures, never here.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|dev|.well-known|.*\\..*).*)"],
};
