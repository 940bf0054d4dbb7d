import { requestLog } from "../observability/logger";
import { toXmlDocument, type XmlValue } from "./xml";

export type Open311Format = "json" | "xml";

/** An answer in the GeoReport v2 error format; the HTTP status follows the standard's rule of thumb. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description);
    this.name = "Open311Error";
  }
}

// The XML element of each item of a list (Spark convention).
const ITEM_NAMES = {
  services: "service",
  attributes: "attribute",
  values: "value",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
} as const;

const CONTENT_TYPES: Record<Open311Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

/**
 * "requests.json" → { name: "requests", format: "json" }. The standard negotiates the format by the
 * extension of the resource; anything but .json and .xml is no resource of ours.
 */
export function parseResource(segment: string): { name: string; format: Open311Format } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const match = /^(.+)\.(json|xml)$/.exec(decoded);
  if (!match?.[1] || !match[2]) return null;
  return { name: match[1], format: match[2] as Open311Format };
}

/** The same content in either format: `root` names the XML root element, which JSON leaves out. */
export function open311Response(
  format: Open311Format,
  root: string,
  value: XmlValue,
  status = 200,
): Response {
  const body = format === "json" ? JSON.stringify(value) : toXmlDocument(root, value, ITEM_NAMES);
  return new Response(body, { status, headers: { "Content-Type": CONTENT_TYPES[format] } });
}

export function open311ErrorResponse(format: Open311Format, status: number, description: string): Response {
  return open311Response(format, "errors", [{ code: status, description }], status);
}

/**
 * Runs one Open311 method and answers whatever goes wrong in the standard's error format. A failure
 * nobody foresaw is the standard's "400 - General service error", logged here, its detail kept inside.
 */
export async function answerOpen311(format: Open311Format, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Open311Error) return open311ErrorResponse(format, error.status, error.description);
    requestLog().error({ err: error }, "Open311 request failed");
    return open311ErrorResponse(format, 400, "General service error: the request could not be processed.");
  }
}

/** For a path that names no resource; without a known format, in XML, the format every client reads. */
export const unknownResource = (format: Open311Format = "xml") =>
  open311ErrorResponse(format, 404, "No such resource here; see discovery.json for the endpoints.");
