// The load balancer of the cluster test: each request goes to the next web process in turn. A process that
// refuses the connection never saw the request, so it is sent to the next one; a process that dies with the
// request in flight takes the client's connection with it, as a real balancer's upstream reset would.
import { createServer, request, type Server } from "node:http";

export type RoundRobinProxy = {
  base: string;
  close(): Promise<void>;
  served: Map<string, number>;
  /** Each client connection it cut, with the time and the upstream's error: to read when a test fails. */
  cuts: string[];
};

export async function roundRobinProxy(o: {
  port: number;
  upstreams: readonly string[];
}): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map<string, number>(o.upstreams.map((u) => [u, 0]));
  const cuts: string[] = [];
  const cut = (res: import("node:http").ServerResponse, upstream: string, why: string, received: string) => {
    cuts.push(`${new Date().toISOString()} ${upstream} ${why} (request received ${received})`);
    res.destroy();
  };

  const server: Server = createServer(async (req, res) => {
    const received = new Date().toISOString();
    // Read whole so that a refused attempt can be sent again.
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const start = next++;
    const attempt = (tried: number) => {
      if (tried === o.upstreams.length) {
        res.writeHead(503).end();
        return;
      }
      const upstream = o.upstreams[(start + tried) % o.upstreams.length] as string;
      const url = new URL(req.url ?? "/", upstream);
      // A fresh connection each time, closed after its answer: a pooled one to a process since killed would
      // fail as a reset, not as a refusal, and a request that never reached anyone would be lost instead of
      // sent to the other. Hop-by-hop headers stay on their hop: the client's "keep-alive" passed upstream
      // kept each finished upstream connection open, and when a kill reset them all, their errors cut the
      // client connections, which by then carried newer requests that no kill had touched.
      const { "keep-alive": _hop, ...clientHeaders } = req.headers as Record<string, string | string[]>;
      const headers = { ...clientHeaders, connection: "close" };
      const forward = request(url, { method: req.method, headers, agent: false }, (answer) => {
        served.set(upstream, (served.get(upstream) ?? 0) + 1);
        const { connection: _connection, "keep-alive": _keepAlive, ...answerHeaders } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, answerHeaders);
        answer.pipe(res);
        answer.on("error", (error: NodeJS.ErrnoException) =>
          cut(res, upstream, `answer ${error.code}`, received),
        );
      });
      forward.on("error", (error: NodeJS.ErrnoException) => {
        // This request is answered: its connection's later fate is no one's concern.
        if (res.writableEnded) return;
        if (error.code === "ECONNREFUSED" && !res.headersSent) attempt(tried + 1);
        else cut(res, upstream, `request ${error.code} ${error.message}`, received);
      });
      forward.end(body);
    };
    attempt(0);
  });
  // Longer than any client keeps an idle connection: a balancer that closes one just as a client reuses it
  // would fail a request that no kill cut.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(o.port, resolve));
  return {
    base: `http://localhost:${o.port}`,
    served,
    cuts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
