import { and, asc, count, eq, gt, gte, inArray, isNull, like, lt, ne, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appeals, stateBodies, users } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { bodyWithDescendants } from "../directory/body-scope";
import { DomainError } from "../errors";
import { readableAppeals } from "./appeal-access";
import { appealSerial } from "./appeal-number";
import { deadlineState, dueSoonBefore } from "./deadline-state";

export const INBOX_TABS = ["new", "assigned", "due_soon", "overdue"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export const INBOX_PAGE_SIZE = { default: 25, max: 100 } as const;

export type InboxOptions = {
  viewer: SessionUser;
  tab: InboxTab;
  /** A body in the viewer's charge: their own, or one below it for a supervisor. Default: their own. */
  bodyId?: string;
  /** A supervisor's view of a body and every body below it. */
  withSubordinates?: boolean;
  /** Opaque position returned as `nextCursor` by the previous page. */
  cursor?: string | null;
  limit?: number;
  /** An appeal's number, whole ("ЖТ-2026-000123") or its last digits ("123"): found whatever its tab. */
  number?: string;
  now?: Date;
};

/** The condition for a typed number: the whole number in any case, or the serial at its end. */
function numberCondition(typed: string): SQL {
  const n = typed.trim().toUpperCase();
  if (/^\d{1,10}$/.test(n)) return like(appeals.number, `%-${appealSerial(n)}`);
  return eq(appeals.number, n);
}

const AWAITING = inArray(appeals.status, ["registered", "in_progress", "awaiting_clarification"]);
// Awaiting an answer with the clock running: a clarification request may have stopped it.
const RUNNING = and(AWAITING, or(ne(appeals.status, "awaiting_clarification"), isNull(appeals.pausedAt)));

function tabCondition(tab: InboxTab, now: Date, soon: Date): SQL | undefined {
  switch (tab) {
    case "new":
      return and(eq(appeals.status, "registered"), isNull(appeals.executorId));
    case "assigned":
      return inArray(appeals.status, ["in_progress", "awaiting_clarification"]);
    // A stopped clock (clarification pending) is neither running short nor overdue.
    case "due_soon":
      return and(RUNNING, gte(appeals.dueAt, now), lt(appeals.dueAt, soon));
    case "overdue":
      return and(RUNNING, lt(appeals.dueAt, now));
  }
}

const encodeCursor = (row: { dueAt: Date; id: string }) => `${row.dueAt.toISOString()}|${row.id}`;

function afterCursor(cursor: string): SQL | undefined {
  const [iso, id] = cursor.split("|");
  const dueAt = new Date(iso ?? "");
  if (!id || Number.isNaN(dueAt.getTime())) throw new DomainError("NOT_FOUND");
  return or(gt(appeals.dueAt, dueAt), and(eq(appeals.dueAt, dueAt), gt(appeals.id, id)));
}

/**
 * An official's inbox, by deadline, nearest first. An official of a parent body supervises the bodies
 * below it: they may open any of their inboxes (or all at once) to read, while only the body holding an
 * appeal acts on it.
 */
export async function listInbox(db: Db, o: InboxOptions) {
  const ownBodyId = o.viewer.bodyId;
  if (o.viewer.role !== "official" || !ownBodyId) throw new DomainError("NOT_FOUND");
  const now = o.now ?? new Date();
  const supervised = await bodyWithDescendants(db, ownBodyId);
  const bodyId = o.bodyId ?? ownBodyId;
  if (!supervised.includes(bodyId)) throw new DomainError("NOT_FOUND");
  const scopeIds = o.withSubordinates ? await bodyWithDescendants(db, bodyId) : [bodyId];
  const cal = await loadWorkingCalendar(db);
  const soon = dueSoonBefore(now, cal);
  const limit = Math.min(o.limit ?? INBOX_PAGE_SIZE.default, INBOX_PAGE_SIZE.max);

  const scope = and(inArray(appeals.bodyId, scopeIds), await readableAppeals(db, o.viewer));
  const executors = alias(users, "executor");
  const rows = await db
    .select({
      id: appeals.id,
      number: appeals.number,
      subject: appeals.subject,
      kind: appeals.kind,
      category: appeals.category,
      status: appeals.status,
      bodyId: appeals.bodyId,
      receivedAt: appeals.receivedAt,
      dueAt: appeals.dueAt,
      pausedAt: appeals.pausedAt,
      extendedAt: appeals.extendedAt,
      forwardCount: appeals.forwardCount,
      // The official answers in it (or in the state language): shown in the list, not only on the appeal.
      locale: appeals.locale,
      executorName: executors.fullName,
      bodyNameKk: stateBodies.nameKk,
      bodyNameRu: stateBodies.nameRu,
      bodyNameEn: stateBodies.nameEn,
    })
    .from(appeals)
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .leftJoin(executors, eq(executors.id, appeals.executorId))
    .where(
      and(
        scope,
        o.number ? numberCondition(o.number) : tabCondition(o.tab, now, soon),
        o.cursor ? afterCursor(o.cursor) : undefined,
      ),
    )
    .orderBy(asc(appeals.dueAt), asc(appeals.id))
    .limit(limit + 1);

  const counts = Object.fromEntries(
    await Promise.all(
      INBOX_TABS.map(async (tab) => {
        const [row] = await db
          .select({ n: count() })
          .from(appeals)
          .where(and(scope, tabCondition(tab, now, soon)));
        return [tab, row?.n ?? 0] as const;
      }),
    ),
  ) as Record<InboxTab, number>;

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    tab: o.tab,
    bodyId,
    withSubordinates: Boolean(o.withSubordinates),
    readOnly: bodyId !== ownBodyId || Boolean(o.withSubordinates),
    counts,
    items: page.map(({ bodyNameKk, bodyNameRu, bodyNameEn, ...row }) => ({
      ...row,
      body: { nameKk: bodyNameKk, nameRu: bodyNameRu, nameEn: bodyNameEn },
      canAct: row.bodyId === ownBodyId,
      ...deadlineState(row, now, cal),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    // The bodies a supervisor may look into; just their own for an official of a body with none below.
    supervisedBodies: await db
      .select({
        id: stateBodies.id,
        parentId: stateBodies.parentId,
        level: stateBodies.level,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
      })
      .from(stateBodies)
      .where(inArray(stateBodies.id, supervised))
      .orderBy(stateBodies.level, stateBodies.nameEn),
  };
}
