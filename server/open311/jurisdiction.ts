import { Open311Error } from "./open311-response";

/** GeoReport v2 suggests the jurisdiction's web address without "www"; one endpoint, one jurisdiction. */
export const JURISDICTION_ID = process.env.OPEN311_JURISDICTION_ID ?? "tyndau.kz";

/**
 * jurisdiction_id is optional on a single-jurisdiction endpoint; when given it must be ours, or the
 * standard's "404 - jurisdiction_id provided was not found".
 */
export function checkJurisdiction(value: string | null | undefined) {
  const given = value?.trim();
  if (given && given !== JURISDICTION_ID) {
    throw new Open311Error(
      404,
      `jurisdiction_id "${given}" was not found; this endpoint serves ${JURISDICTION_ID}.`,
    );
  }
}
