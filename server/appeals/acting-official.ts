import type { Actor } from "./lifecycle";

/** The official taking an action: they act only for the one body they belong to. */
export type ActingOfficial = { id: string; bodyId: string };

export const officialActor = (o: ActingOfficial): Actor => ({ id: o.id, role: "official", bodyId: o.bodyId });
