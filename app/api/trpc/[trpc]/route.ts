import { createContext } from "@/server/context";
import { handleRoute } from "@/server/http/handle-route";
import { answerTrpcRequest, trpcBodyLimit } from "@/server/http/trpc-handler";
import { isCrossOriginWrite } from "@/server/security/same-origin";

const handler = handleRoute(
  "trpc",
  (req: Request) => {
    // Cookies ride along with any site's request: a mutation from another origin is refused outright.
    if (isCrossOriginWrite(req))
      return Response.json({ error: "cross-origin request refused" }, { status: 403 });
    return answerTrpcRequest(req, createContext);
  },
  trpcBodyLimit,
);

export { handler as GET, handler as POST };
