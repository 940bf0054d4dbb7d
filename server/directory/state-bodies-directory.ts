// The directory of Kazakhstan's state bodies (hierarchy, region, competence), used to suggest where an appeal
// goes and to find the superior body a complaint goes to. The bodies are data with their sources, in
// db/seed/data/state-bodies.json; this module reads and checks them once.
import { z } from "zod";
import directoryData from "@/db/seed/data/state-bodies.json";
import { type LocalizedName, REGION_CODES, type RegionCode } from "./regions";

export const CATEGORIES = [
  "healthcare",
  "education",
  "social_protection",
  "public_safety",
  "housing_utilities",
  "roads_transport",
  "land",
  "environment",
  "corruption",
  "other",
] as const;

export type Category = (typeof CATEGORIES)[number];

export type BodyLevel = "central" | "regional" | "district";

export type DirectorySource = {
  title: string;
  issuer: string;
  number?: string;
  published: string | null;
  url: string;
};

export type DirectoryBody = {
  code: string;
  /** The superior body a complaint about this one goes to; null: none in the directory. */
  parentCode: string | null;
  level: BodyLevel;
  region: RegionCode | null;
  name: LocalizedName;
  categories: readonly Category[];
  /** Keys of DIRECTORY_SOURCES confirming the name or the placement. */
  sources: readonly string[];
  note?: string;
};

const text = z.string().trim().min(1);
const Directory = z.object({
  sources: z.record(
    z.string(),
    z.object({
      title: text,
      issuer: text,
      number: text.optional(),
      published: z.iso.date().nullable(),
      url: z.url(),
    }),
  ),
  bodies: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9-]+$/),
      parentCode: z.string().nullable(),
      level: z.enum(["central", "regional", "district"]),
      region: z.enum(REGION_CODES).nullable(),
      name: z.object({ kk: text, ru: text, en: text }),
      categories: z.array(z.enum(CATEGORIES)).min(1),
      sources: z.array(z.string()),
      note: z.string().optional(),
    }),
  ),
});

const directory = Directory.parse(directoryData);

export const DIRECTORY_SOURCES: Readonly<Record<string, DirectorySource>> = directory.sources;
export const STATE_BODIES: readonly DirectoryBody[] = directory.bodies;
