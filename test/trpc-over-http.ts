import superjson from "superjson";
import type { Db } from "@/db/client";
import type { SessionUser } from "@/server/auth/sessions";
import { handleRoute } from "@/server/http/handle-route";
import { answerTrpcRequest, trpcBodyLimit } from "@/server/http/trpc-handler";
import type { Context } from "@/server/trpc";

/**
 * The tRPC endpoint as app/api/trpc/[trpc]/route.ts serves it, with a context of the test's choosing in
 * place of the one read from the session cookie.
 */
export function trpcEndpoint(context: () => Context) {
  return handleRoute("trpc", (req: Request) => answerTrpcRequest(req, async () => context()), trpcBodyLimit);
}

export const trpcUrl = (path: string, input?: unknown) =>
  `http://localhost/api/trpc/${path}${
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`
  }`;

export type HttpAnswer = { status: number; body: { result?: { data: unknown }; error?: { json: unknown } } };

/**
 * Calls procedures as `user` through the endpoint: status codes and bodies are the ones a browser gets,
 * without a browser or a server. A FormData travels as multipart (the filing forms); anything else as
 * superjson.
 */
export function trpcOverHttp(db: Db, user: SessionUser | null) {
  const endpoint = trpcEndpoint(() => ({ db, user, clientIp: "203.0.113.10" }));
  async function send(req: Request): Promise<HttpAnswer> {
    const res = await endpoint(req);
    return { status: res.status, body: await res.json() };
  }
  return {
    mutate: (path: string, input: unknown) =>
      send(
        new Request(trpcUrl(path), {
          method: "POST",
          ...(input instanceof FormData
            ? { body: input }
            : {
                body: JSON.stringify(superjson.serialize(input)),
                headers: { "content-type": "application/json" },
              }),
        }),
      ),
    query: (path: string, input: unknown) => send(new Request(trpcUrl(path, input))),
  };
}

/** The data of a successful answer. */
export function dataOf<T>(answer: HttpAnswer): T {
  if (!answer.body.result) throw new Error(`no result: ${answer.status} ${JSON.stringify(answer.body)}`);
  return superjson.deserialize(answer.body.result.data as never) as T;
}
