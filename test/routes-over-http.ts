import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A route module's handler as Next.js calls it: the request and the dynamic segments of its path. */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** One route: a path pattern with `:name` segments, and the handlers of its methods. */
export type Route = { path: string; handlers: Partial<Record<"GET" | "POST", Handler>> };

function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The route handlers behind a real HTTP server on a free port of 127.0.0.1: a client under test speaks
 * TCP and HTTP/1.1 to them as it would to the deployed service, with its own URL building, encoding and
 * parsing, while the handlers run exactly as the app's route modules export them. Routes are tried in
 * order; the first whose pattern matches answers.
 */
export async function serveRoutes(routes: Route[]): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const found = routes
        .map((route) => ({ route, params: match(route.path, url.pathname) }))
        .find((r) => r.params !== null);
      const handler = found?.route.handlers[req.method as "GET" | "POST"];
      if (!found?.params || !handler) {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const body = await bodyOf(req);
      const response = await handler(
        new Request(url, {
          method: req.method,
          headers,
          body: body?.length ? new Uint8Array(body) : undefined,
        }),
        { params: Promise.resolve(found.params) },
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
