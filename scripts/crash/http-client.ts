// A browser's part, over plain HTTP: next-auth's credentials sign-in and tRPC calls with its cookies.
import superjson from "superjson";

export type Session = { email: string; cookie: string };

function mergeCookies(cookie: string, res: Response): string {
  const jar = new Map(
    cookie
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c] as const),
  );
  for (const set of res.headers.getSetCookie()) {
    const pair = set.split(";")[0] ?? "";
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()].join("; ");
}

/** Signs in as the sign-in form does (see e2e/support.ts); the session cookie outlives server restarts. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = mergeCookies("", csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  cookie = mergeCookies(cookie, res);
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return { email, cookie };
}

export type TrpcAnswer = { status: number; data?: unknown; error?: { code?: string; domainCode?: string } };

/** A tRPC mutation as the site's client sends it: a form as multipart, anything else as superjson. */
export async function mutate(
  base: string,
  session: Session,
  path: string,
  input: FormData | object,
  timeoutMs: number,
): Promise<TrpcAnswer> {
  const form = input instanceof FormData;
  const res = await fetch(`${base}/api/trpc/${path}`, {
    method: "POST",
    headers: {
      cookie: session.cookie,
      origin: base,
      ...(form ? {} : { "content-type": "application/json" }),
    },
    body: form ? input : JSON.stringify(superjson.serialize(input)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body: {
    result?: { data: unknown };
    error?: { json?: { data?: { code?: string; domainCode?: string } } };
  };
  try {
    body = JSON.parse(text);
  } catch {
    return { status: res.status, error: { code: `non-JSON body: ${text.slice(0, 80)}` } };
  }
  if (body.result) return { status: res.status, data: superjson.deserialize(body.result.data as never) };
  return { status: res.status, error: body.error?.json?.data ?? {} };
}
