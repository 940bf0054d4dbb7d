import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { APPEAL_KIND_VALUES, stateBodies } from "@/db/schema";
import { isLocale, type Locale, routing } from "@/i18n/routing";
import { fileAppeal } from "../appeals/file-appeal";
import { openIdOf } from "../appeals/open-id";
import { TEXT_LIMITS } from "../appeals/text-limits";
import type { AppealKind } from "../deadlines/deadline-policy";
import { REGION_CODES, type RegionCode } from "../directory/regions";
import type { Category } from "../directory/state-bodies-directory";
import { suggestBodies } from "../directory/suggest-body";
import { DomainError } from "../errors";
import { formatAlmatyTime } from "../notifications/notify";
import { enforceRateLimit } from "../rate-limit/hit-rate-limit";
import { verifyApiKey } from "./api-keys";
import { checkJurisdiction } from "./jurisdiction";
import { locateRegion } from "./locate-region";
import type { Translate } from "./open311-locale";
import { Open311Error } from "./open311-response";
import { isServiceCode } from "./services";

/** GeoReport v2: a description is "free form text limited to 4,000 characters". */
const DESCRIPTION_MAX = 4000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{5,30}$/;
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYRILLIC = /[а-яёА-ЯЁ]/;

const bad = (description: string) => new Open311Error(400, description);

/** The language the applicant wrote in, so that notices reach them in it: Kazakh letters, Cyrillic, or English. */
export function guessLocale(text: string): Locale {
  if (KAZAKH_LETTERS.test(text)) return "kk";
  return CYRILLIC.test(text) ? "ru" : "en";
}

/** The first line of the description, shortened at a word, when the client sends no subject. */
export function subjectOf(description: string): string {
  const firstLine =
    description
      .split(/\r?\n/)
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  const line =
    firstLine.length >= TEXT_LIMITS.subject.min ? firstLine : description.replace(/\s+/g, " ").trim();
  if (line.length <= TEXT_LIMITS.subject.max) return line;
  const cut = line.slice(0, TEXT_LIMITS.subject.max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > TEXT_LIMITS.subject.max / 2 ? cut.slice(0, space) : cut}…`;
}

function coordinate(raw: string, name: "lat" | "long", limit: number): number {
  const value = Number(raw);
  if (!/^[+-]?\d+(\.\d+)?$/.test(raw) || Math.abs(value) > limit) {
    throw bad(`${name} must be a WGS84 ${name === "lat" ? "latitude" : "longitude"} in decimal degrees.`);
  }
  return value;
}

async function chooseBody(db: Db, o: { code: string | null; category: Category; region: RegionCode | null }) {
  if (o.code) {
    const [body] = await db.select().from(stateBodies).where(eq(stateBodies.code, o.code));
    if (!body) throw bad(`attribute[body] "${o.code}" is not a state body; see the service definition.`);
    if (!body.categories.includes(o.category)) {
      throw bad(`attribute[body] "${o.code}" does not deal with this service; see the service definition.`);
    }
    return body.id;
  }
  const [suggested] = await suggestBodies(db, { category: o.category, region: o.region });
  if (!suggested) throw bad("No state body deals with this service in this region.");
  return suggested.id;
}

/**
 * POST requests: files an appeal for an Open311 client. It goes through fileAppeal like any other, by the
 * citizen account the key belongs to, so it gets its registration number, its legal deadline, its
 * receipt notice and, if the applicant consents, moderation before anything is published. The person
 * named in the request is the applicant: anonymous appeals are not accepted here.
 */
export async function fileServiceRequest(
  db: Db,
  o: { fields: URLSearchParams; idempotencyToken: string | null; t: Translate; locale: Locale; now?: Date },
) {
  // "Optional" in GeoReport v2: an empty argument is the same as none.
  const field = (name: string) => o.fields.get(name)?.trim() || null;
  const attribute = (code: string) => field(`attribute[${code}]`);

  const apiKey = field("api_key");
  if (!apiKey)
    throw new Open311Error(403, "api_key is missing: filing a request needs a key an administrator issued.");
  const key = await verifyApiKey(db, apiKey);
  if (!key) throw new Open311Error(403, "Invalid api_key received -- can't proceed with create_request.");
  checkJurisdiction(field("jurisdiction_id"));

  const category = field("service_code");
  if (!category) throw bad("service_code was not provided.");
  if (!isServiceCode(category)) throw new Open311Error(404, `service_code "${category}" was not found.`);

  const [latRaw, longRaw, address] = [field("lat"), field("long"), field("address_string")];
  if ((latRaw === null) !== (longRaw === null)) throw bad("lat and long must be sent together.");
  const lat = latRaw === null ? null : coordinate(latRaw, "lat", 90);
  const long = longRaw === null ? null : coordinate(longRaw, "long", 180);
  if (lat === null && address === null) {
    throw bad(
      field("address_id")
        ? "address_id is not supported here: send lat & long or address_string."
        : "A full location parameter must be submitted: lat & long, or address_string.",
    );
  }
  if (address && address.length > 500) throw bad("address_string may be at most 500 characters.");

  const text = o.fields.get("description")?.trim() ?? "";
  if (text.length < TEXT_LIMITS.text.min) {
    throw bad(
      `description is required, at least ${TEXT_LIMITS.text.min} characters: an appeal states its matter.`,
    );
  }
  if (text.length > DESCRIPTION_MAX) throw bad(`description may be at most ${DESCRIPTION_MAX} characters.`);
  const subject = attribute("subject") ?? subjectOf(text);
  if (subject.length < TEXT_LIMITS.subject.min || subject.length > TEXT_LIMITS.subject.max) {
    throw bad(
      `attribute[subject] must be ${TEXT_LIMITS.subject.min} to ${TEXT_LIMITS.subject.max} characters.`,
    );
  }

  const kind = attribute("kind") ?? "application";
  if (!(APPEAL_KIND_VALUES as readonly string[]).includes(kind)) {
    throw bad(`attribute[kind] must be one of ${APPEAL_KIND_VALUES.join(", ")}.`);
  }
  const regionGiven = attribute("region");
  if (regionGiven && !(REGION_CODES as readonly string[]).includes(regionGiven)) {
    throw bad(`attribute[region] "${regionGiven}" is not a region; see the service definition.`);
  }
  const region =
    (regionGiven as RegionCode | null) ?? (lat !== null && long !== null ? locateRegion(lat, long) : null);
  const publish = attribute("publish") ?? "false";
  if (publish !== "true" && publish !== "false") throw bad("attribute[publish] must be true or false.");
  const localeGiven = attribute("locale");
  if (localeGiven && !isLocale(localeGiven)) {
    throw bad(`attribute[locale] must be one of ${routing.locales.join(", ")}.`);
  }

  const name = [field("first_name"), field("last_name")].filter(Boolean).join(" ");
  if (!name)
    throw bad("first_name or last_name is required: an appeal without its author's name is not considered.");
  if (name.length > 200) throw bad("first_name and last_name may be at most 200 characters together.");
  const email = field("email");
  if (email && (email.length > 254 || !EMAIL.test(email))) throw bad("email is not an e-mail address.");
  const phone = field("phone");
  if (phone && !PHONE.test(phone)) throw bad("phone is not a phone number.");

  const bodyId = await chooseBody(db, { code: attribute("body"), category, region });
  try {
    const { appeal, replayed } = await fileAppeal(db, {
      kind: kind as AppealKind,
      bodyId,
      category,
      region,
      subject,
      text,
      publishConsent: publish === "true",
      locale: (localeGiven as Locale | null) ?? guessLocale(text),
      authorId: key.accountId,
      applicant: { name, email, phone },
      channel: "open311",
      location: { latitude: lat, longitude: long, text: address },
      // A client's retry token is scoped to its key, so two clients never collide.
      idempotencyKey: o.idempotencyToken
        ? `open311:${key.id}:${createHash("sha256").update(o.idempotencyToken).digest("hex")}`
        : null,
      // Each new filing counts against its key (a retry that replays one does not): a leaked or runaway
      // key cannot flood the bodies, whatever addresses its requests come from.
      admitNew: () => enforceRateLimit(db, "open311Filing", `apiKey:${key.id}`),
      now: o.now,
    });
    const request = {
      // ASCII for machines (open-id.ts); the notice gives the number as the applicant will see it.
      service_request_id: openIdOf(appeal.number),
      service_notice: o.t("open311.notice", {
        number: appeal.number,
        dueAt: formatAlmatyTime(appeal.dueAt, o.locale),
      }),
      account_id: null,
    };
    return { request, replayed };
  } catch (error) {
    if (error instanceof DomainError && error.code === "IDEMPOTENCY_MISMATCH") {
      throw new Open311Error(400, "This Idempotency-Key was already used for a different request.");
    }
    throw error;
  }
}
