import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const calendarDayKind = pgEnum("calendar_day_kind", ["holiday", "day_off", "working_day"]);

// Holidays and the government's transfers of days off: data an admin keeps current, not code.
export const calendarDays = pgTable("calendar_days", {
  date: date({ mode: "string" }).primaryKey(),
  kind: calendarDayKind().notNull(),
  name: text().notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const calendarYearStatus = pgEnum("calendar_year_status", ["confirmed", "provisional"]);

/**
 * Where each year's calendar comes from: confirmed against the cited decrees and announcements, or
 * provisional (computed from the rules). Kept in step with db/seed/data/kazakhstan-calendar.json on every
 * start by syncCalendarFacts; sources are { title, issuer, number?, published, url } objects.
 */
export const calendarYears = pgTable("calendar_years", {
  year: integer().primaryKey(),
  status: calendarYearStatus().notNull(),
  sources: jsonb().$type<unknown[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const APPEAL_KIND_VALUES = [
  "application",
  "message",
  "response",
  "proposal",
  "request",
  "complaint",
] as const;
export const appealKind = pgEnum("appeal_kind", APPEAL_KIND_VALUES);

// The APPC's terms per kind of appeal, editable by an admin; deadlines are computed from these.
export const deadlinePolicies = pgTable("deadline_policies", {
  kind: appealKind().primaryKey(),
  considerationWorkingDays: integer().notNull(),
  extensionMaxCalendarMonths: integer().notNull(),
  extensionNoticeWorkingDays: integer().notNull(),
  forwardingWorkingDays: integer().notNull(),
  clarificationPausesClock: boolean().notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row whose token changes, by trigger, with every write to calendar_days or deadline_policies, whoever
 * makes it (the admin's pages, the calendar sync, a restore, plain SQL). Every process keeps the calendar and
 * policies in memory under the token it read; filing checks the token in its own statement, so a process
 * never registers an appeal by rules another process has changed (server/deadlines/deadline-rules.ts).
 */
export const deadlineRulesVersion = pgTable(
  "deadline_rules_version",
  {
    one: boolean().primaryKey().default(true),
    token: uuid().notNull().defaultRandom(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("deadline_rules_version_one_row", sql`${t.one}`)],
);
