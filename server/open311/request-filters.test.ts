import { describe, expect, it } from "vitest";
import { Open311Error } from "./open311-response";
import { parseRequestFilters, parseW3Datetime, w3Datetime } from "./request-filters";

const NOW = new Date("2026-11-20T10:00:00Z");
const parse = (query: string) => parseRequestFilters(new URLSearchParams(query), NOW);
const refusal = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(Open311Error);
    return (error as Open311Error).status;
  }
  throw new Error(`accepted: ${query}`);
};

describe("GET requests arguments", () => {
  it("reads W3C datetimes, a bare date as a whole day in Kazakhstan (UTC+5)", () => {
    expect(parseW3Datetime("2010-01-01T00:00:00Z", "start")?.toISOString()).toBe("2010-01-01T00:00:00.000Z");
    expect(parseW3Datetime("1994-11-05T08:15:30-05:00", "start")?.toISOString()).toBe(
      "1994-11-05T13:15:30.000Z",
    );
    expect(parseW3Datetime("2026-03-01", "start")?.toISOString()).toBe("2026-02-28T19:00:00.000Z");
    expect(parseW3Datetime("2026-03-01", "end")?.toISOString()).toBe("2026-03-01T18:59:59.999Z");
    // An unencoded '+' of the offset arrives as a space.
    expect(parseW3Datetime("2026-03-01T10:00:00 05:00", "start")?.toISOString()).toBe(
      "2026-03-01T05:00:00.000Z",
    );
    for (const bad of [
      "2026-02-30",
      "2026-03-01T10:00:00",
      "2026-03-01T25:00:00Z",
      "yesterday",
      "2026-3-1",
    ]) {
      expect(parseW3Datetime(bad, "start"), bad).toBeNull();
    }
  });

  it("writes datetimes in Kazakhstan time with the offset", () => {
    expect(w3Datetime(new Date("2026-03-05T05:15:00.123Z"))).toBe("2026-03-05T10:15:00+05:00");
  });

  it("defaults to the most recent 90 days, every service and status", () => {
    expect(parse("")).toEqual({
      kind: "search",
      serviceCodes: null,
      statuses: null,
      from: new Date("2026-08-22T10:00:00Z"),
      to: NOW,
    });
    // An empty argument is the same as none.
    expect(parse("service_code=&status=&start_date=")).toEqual(parse(""));
  });

  it("takes comma-separated service codes and statuses, and 90 days from a start date", () => {
    expect(parse("service_code=land,education&status=open&start_date=2026-01-01T00:00:00Z")).toEqual({
      kind: "search",
      serviceCodes: ["land", "education"],
      statuses: ["open"],
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-04-01T00:00:00Z"),
    });
  });

  it("lets service_request_id override everything else", () => {
    expect(parse("service_request_id=ЖТ-2026-000001, ЖТ-2026-000002&status=bogus")).toEqual({
      kind: "ids",
      numbers: ["ЖТ-2026-000001", "ЖТ-2026-000002"],
    });
  });

  it("answers 400 to a wrong argument instead of guessing", () => {
    expect(refusal("service_code=potholes")).toBe(400);
    expect(refusal("status=pending")).toBe(400);
    expect(refusal("start_date=last+week")).toBe(400);
    expect(refusal("start_date=2026-01-01T00:00:00Z&end_date=2025-12-01T00:00:00Z")).toBe(400);
    expect(refusal("start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z")).toBe(400);
  });
});
