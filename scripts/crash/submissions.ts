// What the crash test's clients file: varied, unicode-rich appeals with files whose hashes the client keeps,
// so that what the server acknowledged can be compared with what it stored, byte for byte.
import { createHash, randomUUID } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

export type SentFile = { fileName: string; bytes: Buffer; sha256: string; imageVariant: number | null };

export type Submission = {
  key: string;
  citizenId: string;
  fields: {
    kind: string;
    bodyId: string;
    category: string;
    region: string;
    subject: string;
    text: string;
    publishConsent: boolean;
    locale: string;
  };
  files: SentFile[];
  attempts: number;
  failedAttempts: number;
  lastAttemptAt: Date | null;
  ack: { id: string; number: string } | null;
  refused: string | null;
};

/** A seeded generator (mulberry32): a failing run can be repeated with its --seed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const SUBJECTS = [
  "Ауладағы балалар алаңын жөндеу",
  "Нет горячей воды в доме",
  "Street lights are out on Abai Avenue",
  "Көшедегі шұңқырлар — жол жөндеу қажет",
  "Вывоз мусора «не производится» третью неделю",
];
const SENTENCES = [
  "Біздің үйдің кіреберісінде жарық екі аптадан бері жоқ.",
  "Жители дома № 12 по ул. Сәтбаев просят принять меры.",
  "The pavement near school No. 7 is broken & children walk on the road.",
  "Өтініш: мәселені заңда белгіленген мерзімде қарауды сұраймын (ӘПК 76-бап).",
  "Ответ прошу направить на электронную почту; копия — в акимат района.",
  "Quotes \"double\", 'single', <angle brackets> and a tab\tstay as written.",
];
const CHOICES = {
  kind: ["application", "proposal", "request", "response"],
  category: ["housing_utilities", "roads_transport", "environment"],
  region: ["almaty_city", "astana", "shymkent"],
  locale: ["kk", "ru", "en"],
} as const;

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

// A PDF unique to the submission (its key inside), of a random size: larger bodies keep the request, and
// the transaction that stores it, open longer, so kills land inside them more often.
function pdfOf(key: string, rnd: Random): Buffer {
  const pad = Buffer.alloc(rnd.int(1, 300) * 1024);
  for (let i = 0; i < pad.length; i++) pad[i] = 0x20 + ((i * 31 + key.charCodeAt(i % key.length)) % 90);
  return Buffer.concat([Buffer.from(`%PDF-1.4\n%${key}\n%`), pad, Buffer.from("\n%%EOF\n")]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 16×16 RGB PNG of one of four colours, decodable by any image library. */
export function pngOf(variant: number): Buffer {
  const [r, g, b] = [
    [200, 30, 30],
    [30, 160, 60],
    [40, 70, 200],
    [230, 200, 40],
  ][variant % 4] as [number, number, number];
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: 16 }, () => [r, g, b]).flat()),
  ]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16, 0);
  header.writeUInt32BE(16, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: 16 }, () => row)))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export function newSubmission(o: {
  citizenId: string;
  bodyIds: readonly string[];
  label: string;
  rnd: Random;
}) {
  const { rnd } = o;
  const key = randomUUID();
  const sentences = Array.from({ length: rnd.int(1, 40) }, () => rnd.pick(SENTENCES));
  const files: SentFile[] = [];
  const shape = rnd.next();
  if (shape > 0.15) {
    const bytes = pdfOf(key, rnd);
    files.push({ fileName: `өтініш-${o.label}.pdf`, bytes, sha256: sha256(bytes), imageVariant: null });
  }
  if (shape > 0.65) {
    const variant = rnd.int(0, 3);
    const bytes = pngOf(variant);
    files.push({ fileName: `photo ${o.label}.png`, bytes, sha256: sha256(bytes), imageVariant: variant });
  }
  const submission: Submission = {
    key,
    citizenId: o.citizenId,
    fields: {
      kind: rnd.pick(CHOICES.kind),
      bodyId: rnd.pick(o.bodyIds),
      category: rnd.pick(CHOICES.category),
      region: rnd.pick(CHOICES.region),
      subject: `${rnd.pick(SUBJECTS)} (${o.label})`,
      text: `${sentences.join(" ")} [${key}]`,
      publishConsent: rnd.next() < 0.3,
      locale: rnd.pick(CHOICES.locale),
    },
    files,
    attempts: 0,
    failedAttempts: 0,
    lastAttemptAt: null,
    ack: null,
    refused: null,
  };
  return submission;
}

/** The multipart form the filing page sends for the submission, built afresh for every attempt. */
export function formOf(s: Submission, override: Partial<Submission["fields"]> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...s.fields, ...override })) form.append(name, String(value));
  form.append("idempotencyKey", s.key);
  for (const f of s.files) form.append("attachments", new File([new Uint8Array(f.bytes)], f.fileName));
  return form;
}
