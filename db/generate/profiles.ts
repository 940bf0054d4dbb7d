import {
  addCalendarDays,
  calendarDaysBetween,
  type IsoDate,
  type WorkingCalendar,
} from "@/server/deadlines/working-calendar";
import type { Category } from "@/server/directory/state-bodies-directory";

/** A small seeded generator (mulberry32): the same seed gives the same data set. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BodyRow = {
  id: string;
  code: string;
  level: "central" | "regional" | "district";
  parentId: string | null;
};

/** How one body behaves: what share of its appeals it answers late, never, formally, and so on. */
export type BodyProfile = {
  id: string;
  rank: number;
  /** Share of all appeals (Zipf by rank). */
  weight: number;
  late: number;
  silent: number;
  formality: number;
  extend: number;
  clarify: number;
  forwarded: number;
  satisfied: number;
  refused: number;
};

/** Zipf exponent of body sizes: the largest body gets some 8% of all appeals, the smallest a few dozen. */
const ZIPF = 0.85;

/**
 * Bodies of very different sizes (Zipf by rank: the big city akimats and the busiest ministries first,
 * then the rest in a seeded order) and of different conduct: most answer in time, some are late a third
 * of the time, a fifth write formal replies.
 */
export function bodyProfiles(bodies: readonly BodyRow[], random: () => number): BodyProfile[] {
  const levelOrder = { regional: 0, central: 1, district: 2 } as const;
  const ranked = bodies
    .map((b) => ({ b, key: levelOrder[b.level] + random() * 1.6 }))
    .sort((x, y) => x.key - y.key)
    .map((x) => x.b);
  const raw = ranked.map((_, i) => 1 / (i + 1) ** ZIPF);
  const total = raw.reduce((s, w) => s + w, 0);
  return ranked.map((b, i) => {
    const formal = random() < 0.2;
    const satisfied = 0.3 + 0.3 * random();
    return {
      id: b.id,
      rank: i + 1,
      weight: (raw[i] ?? 0) / total,
      late: 0.03 + 0.3 * random() ** 2,
      silent: 0.005 + 0.05 * random() ** 3,
      formality: formal ? 0.5 + 0.4 * random() : 0.04 * random(),
      extend: 0.02 + 0.1 * random(),
      clarify: 0.03 + 0.09 * random(),
      forwarded: 0.03 + 0.15 * random(),
      satisfied,
      refused: Math.min(0.15 + 0.25 * random(), 0.95 - satisfied),
    };
  });
}

/** Buckets of equal probability mass, so SQL picks a weighted item with one equality join. */
export function weightedBuckets<T>(items: readonly { item: T; weight: number }[], buckets: number): T[] {
  const total = items.reduce((s, i) => s + i.weight, 0);
  const out: T[] = [];
  let cumulative = 0;
  let index = 0;
  for (let b = 0; b < buckets; b++) {
    const target = ((b + 0.5) / buckets) * total;
    while (index < items.length - 1 && cumulative + (items[index]?.weight ?? 0) < target) {
      cumulative += items[index]?.weight ?? 0;
      index++;
    }
    out.push(items[index]?.item as T);
  }
  return out;
}

/**
 * How many appeals of a category arrive on a day: a service that grows (half as many at the start),
 * fewer on days off, and the seasons of Kazakhstan: heating from November to March, roads when the snow
 * melts in spring and again in the first snow, schools at the start of the school year, parks in summer.
 */
export function dayWeight(o: {
  category: Category;
  day: IsoDate;
  first: IsoDate;
  last: IsoDate;
  working: boolean;
}) {
  const span = Math.max(calendarDaysBetween(o.first, o.last), 1);
  const growth = 0.5 + 0.5 * (calendarDaysBetween(o.first, o.day) / span);
  const month = Number(o.day.slice(5, 7));
  const season =
    o.category === "housing_utilities"
      ? [11, 12, 1, 2, 3].includes(month)
        ? 2.2
        : 0.9
      : o.category === "roads_transport"
        ? [3, 4, 5].includes(month)
          ? 2
          : [12, 1].includes(month)
            ? 1.3
            : 0.9
        : o.category === "education"
          ? [8, 9].includes(month)
            ? 1.7
            : 1
          : o.category === "environment"
            ? [6, 7, 8].includes(month)
              ? 1.5
              : 0.9
            : 1;
  return growth * season * (o.working ? 1 : 0.35);
}

/** Every day of the span with its weight for a category, as equal-mass buckets of days. */
export function dayBuckets(o: {
  category: Category;
  first: IsoDate;
  last: IsoDate;
  calendar: WorkingCalendar;
  buckets: number;
}): IsoDate[] {
  const days: { item: IsoDate; weight: number }[] = [];
  for (let d = o.first; d <= o.last; d = addCalendarDays(d, 1)) {
    days.push({ item: d, weight: dayWeight({ ...o, day: d, working: o.calendar.isWorkingDay(d) }) });
  }
  return weightedBuckets(days, o.buckets);
}
