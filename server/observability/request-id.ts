/** The header that carries a request's id in, to the app behind the proxy, and back out to the client. */
export const REQUEST_ID_HEADER = "x-request-id";

// An id from a reverse proxy in front of us is kept, so one id follows the request through both logs; it
// must look like an id (a UUID, nginx's 32 hex digits…), never free text that could forge a log line.
const ACCEPTED = /^[A-Za-z0-9-]{16,64}$/;

export const isRequestId = (value: unknown): value is string =>
  typeof value === "string" && ACCEPTED.test(value);

/** The id of a request: the one it arrived with if that one is well-formed, a fresh UUID otherwise. */
export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return isRequestId(incoming) ? incoming : crypto.randomUUID();
}
