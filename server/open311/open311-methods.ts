import type { Db } from "@/db/client";
import { RateLimitedError } from "../rate-limit/hit-rate-limit";
import { fileServiceRequest } from "./file-service-request";
import { checkJurisdiction, JURISDICTION_ID } from "./jurisdiction";
import { getServiceRequest, listServiceRequests } from "./list-service-requests";
import { open311Translator, requestLocale } from "./open311-locale";
import {
  answerOpen311,
  Open311Error,
  type Open311Format,
  open311ErrorResponse,
  open311Response,
} from "./open311-response";
import { parseRequestFilters } from "./request-filters";
import { ATTRIBUTE_CODES, isServiceCode, listServices, serviceDefinition } from "./services";

/**
 * The HTTP side of each GeoReport v2 method: read the arguments, call the rule, answer in the requested
 * format. Every failure, a malformed request included, is answered in the standard's error format.
 */

/** Bump when the services or their definitions change: clients refresh what they cached. */
export const SERVICES_CHANGESET = "2026-11-26T00:00:00Z";
const POST_BODY_MAX = 64 * 1024;
const IDEMPOTENCY_KEY_MAX = 200;

/**
 * The arguments each method takes: GeoReport v2's own and `locale`; `api_key` everywhere, since clients
 * send it with every call. Any other, a `status` posted with a new request or a filter this endpoint does
 * not have, is a 400 that names it, never silently ignored.
 */
const EVERY_METHOD = ["jurisdiction_id", "api_key", "locale"];
const ARGUMENTS = {
  read: EVERY_METHOD,
  requests: [...EVERY_METHOD, "service_request_id", "service_code", "start_date", "end_date", "status"],
  post: [
    ...EVERY_METHOD,
    ...["service_code", "lat", "long", "address_string", "address_id", "email", "device_id", "account_id"],
    ...["first_name", "last_name", "phone", "description", "media_url"],
    ...ATTRIBUTE_CODES.map((code) => `attribute[${code}]`),
  ],
} satisfies Record<string, string[]>;

function onlyArguments(params: URLSearchParams, method: keyof typeof ARGUMENTS): URLSearchParams {
  for (const name of params.keys()) {
    if (!ARGUMENTS[method].includes(name))
      throw new Open311Error(400, `${name} is not an argument of this method.`);
  }
  return params;
}

const query = (request: Request, method: keyof typeof ARGUMENTS = "read") =>
  onlyArguments(new URL(request.url).searchParams, method);

async function localized(request: Request) {
  const locale = requestLocale(request);
  return { locale, t: await open311Translator(locale) };
}

/** Service discovery (required by GeoReport v2): where the endpoint is and what it speaks. */
export function discoveryMethod(request: Request, format: Open311Format) {
  return answerOpen311(format, async () => {
    query(request);
    const base = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
    return open311Response(format, "discovery", {
      changeset: SERVICES_CHANGESET,
      contact: `Tyndau, ${JURISDICTION_ID}: the OpenAPI description is at ${base}/api/openapi.json`,
      key_service:
        "A key for filing requests is issued by an administrator of Tyndau, tied to a citizen account.",
      endpoints: [
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: `${base}/api/open311/v2`,
          changeset: SERVICES_CHANGESET,
          type: "production",
          formats: ["text/xml", "application/json"],
        },
      ],
    });
  });
}

export function servicesMethod(request: Request, format: Open311Format) {
  return answerOpen311(format, async () => {
    checkJurisdiction(query(request).get("jurisdiction_id"));
    const { t } = await localized(request);
    return open311Response(format, "services", listServices(t));
  });
}

export function serviceDefinitionMethod(db: Db, request: Request, format: Open311Format, code: string) {
  return answerOpen311(format, async () => {
    checkJurisdiction(query(request).get("jurisdiction_id"));
    if (!isServiceCode(code)) throw new Open311Error(404, `service_code "${code}" was not found.`);
    const { locale, t } = await localized(request);
    return open311Response(format, "service_definition", await serviceDefinition(db, { code, locale, t }));
  });
}

export function requestsMethod(db: Db, request: Request, format: Open311Format) {
  return answerOpen311(format, async () => {
    const params = query(request, "requests");
    checkJurisdiction(params.get("jurisdiction_id"));
    const filters = parseRequestFilters(params, new Date());
    const requests = await listServiceRequests(db, { filters, ...(await localized(request)) });
    return open311Response(format, "service_requests", requests);
  });
}

export function requestMethod(db: Db, request: Request, format: Open311Format, id: string) {
  return answerOpen311(format, async () => {
    checkJurisdiction(query(request).get("jurisdiction_id"));
    const found = await getServiceRequest(db, { id, ...(await localized(request)) });
    if (!found) throw new Open311Error(404, `service_request_id "${id}" was not found.`);
    return open311Response(format, "service_requests", [found]);
  });
}

/** The arguments of a POST: the form body (urlencoded, as the standard says, or multipart), then the query. */
async function postedFields(request: Request): Promise<URLSearchParams> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > POST_BODY_MAX) throw new Open311Error(400, "The request body is too large.");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  let fields: URLSearchParams;
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => {
      throw new Open311Error(400, "The multipart body could not be read.");
    });
    fields = new URLSearchParams();
    for (const [name, value] of form) if (typeof value === "string") fields.append(name, value);
  } else if (type === "" || type.startsWith("application/x-www-form-urlencoded")) {
    const body = await request.text();
    if (body.length > POST_BODY_MAX) throw new Open311Error(400, "The request body is too large.");
    fields = new URLSearchParams(body);
  } else {
    throw new Open311Error(400, "Send the request as Content-Type: application/x-www-form-urlencoded.");
  }
  for (const [name, value] of new URL(request.url).searchParams)
    if (!fields.has(name)) fields.append(name, value);
  return onlyArguments(fields, "post");
}

export function postRequestMethod(db: Db, request: Request, format: Open311Format) {
  return answerOpen311(format, async () => {
    const fields = await postedFields(request);
    const token = request.headers.get("idempotency-key");
    if (token !== null && (token.trim() === "" || token.length > IDEMPOTENCY_KEY_MAX)) {
      throw new Open311Error(400, `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters.`);
    }
    const filing = await fileServiceRequest(db, {
      fields,
      idempotencyToken: token,
      ...(await localized(request)),
    }).catch((error: unknown) => {
      if (!(error instanceof RateLimitedError)) throw error;
      const refused = open311ErrorResponse(
        format,
        429,
        "Too many requests filed with this api_key: try later.",
      );
      refused.headers.set("Retry-After", String(error.retryAfterSeconds));
      return refused;
    });
    if (filing instanceof Response) return filing;
    const { request: filed, replayed } = filing;
    // A retry with the same Idempotency-Key gets the request it already made, not a second one.
    return open311Response(format, "service_requests", [filed], replayed ? 200 : 201);
  });
}
