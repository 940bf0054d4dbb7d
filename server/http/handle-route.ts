import { unstable_rethrow } from "next/navigation";
import { requestLog, withRequestId } from "../observability/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "../observability/request-id";
import { BODY_LIMITS, withinBodyLimit } from "./body-limit";

type RouteHandler<A extends unknown[]> = (request: Request, ...rest: A) => Response | Promise<Response>;

/** The body of every unexpected failure: the same words whatever failed, and the id support can look up. */
export function internalErrorResponse(requestId: string): Response {
  return Response.json({ error: "INTERNAL", message: "Internal error", requestId }, { status: 500 });
}

/**
 * Wraps a route handler under app/api. The request gets an id (kept from a proxy in front, or new), which
 * every line logged while it runs carries and the response returns in X-Request-Id; the request leaves one
 * line in the log; and whatever the handler did not foresee is logged with its stack and answered with a
 * generic 500: no stack, no SQL, no constraint name reaches the client (OWASP ASVS 5.0 V16.5.1). `route`
 * names the route in the log instead of its address, whose query may hold what a person typed.
 *
 * The body is read here, within `bodyLimit` bytes (1 MB of JSON unless the route says otherwise), before
 * the handler runs: a larger one, declared or chunked, is answered 413 as soon as it passes the limit.
 */
export function handleRoute<A extends unknown[]>(
  route: string,
  handler: RouteHandler<A>,
  bodyLimit: number | ((request: Request) => number) = BODY_LIMITS.json,
) {
  return (request: Request, ...rest: A): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    return withRequestId(requestId, async () => {
      const log = requestLog();
      const started = performance.now();
      let response: Response;
      try {
        const limit = typeof bodyLimit === "number" ? bodyLimit : bodyLimit(request);
        const limited = await withinBodyLimit(request, limit);
        if (limited instanceof Response) {
          log.warn(
            { event: "body-limit", route, method: request.method, limitBytes: limit },
            "body too large",
          );
          response = limited;
        } else response = await handler(limited, ...rest);
      } catch (error) {
        // Next.js signals notFound(), redirect() and the like by throwing; those are not failures.
        unstable_rethrow(error);
        log.error({ err: error, route, method: request.method }, "route failed");
        response = internalErrorResponse(requestId);
      }
      const durationMs = Math.round(performance.now() - started);
      log.info({ route, method: request.method, status: response.status, durationMs }, "request");
      return withRequestIdHeader(response, requestId);
    });
  };
}

function withRequestIdHeader(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    // Response.redirect() and responses passed through from fetch() have immutable headers.
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}
