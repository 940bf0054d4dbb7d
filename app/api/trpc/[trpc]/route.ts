import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/context";
import { RateLimitedError } from "@/server/rate-limit/hit-rate-limit";
import { appRouter } from "@/server/routers/_app";
import { isCrossOriginWrite } from "@/server/security/same-origin";

const handler = (req: Request) => {
  // Cookies ride along with any site's request: a mutation from another origin is refused outright.
  if (isCrossOriginWrite(req))
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    responseMeta({ errors }) {
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitedError);
      return limited ? { headers: new Headers({ "Retry-After": String(limited.retryAfterSeconds) }) } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
