import { encodings } from "smpp";

/** SMPP 3.4 data_coding: the SMSC default alphabet (GSM 03.38, one septet per octet) or UCS-2. */
export const DATA_CODING = { gsm: 0x00, ucs2: 0x08 } as const;
/** esm_class bit saying short_message starts with a user data header. */
export const ESM_UDHI = 0x40;

export type Segments = { dataCoding: number; parts: Buffer[] };

// An SMS carries 140 octets. A concatenated part gives 6 of them to its header (3GPP TS 23.040 9.2.3.24.1:
// IEI 00, length 3, reference, total, sequence), leaving 153 GSM septets or 67 UCS-2 characters.
const SINGLE = { gsm: 160, ucs2: 140 };
const PART = { gsm: 153, ucs2: 134 };
const MAX_PARTS = 255;

/**
 * The SMS a text takes. Latin text in the GSM alphabet goes as it is; anything else, Kazakh and Russian
 * included, as UCS-2 (big-endian UTF-16). A long text is cut into parts that each carry a header joining
 * them on the phone; a cut never falls inside a character (a GSM escape pair or a UTF-16 surrogate pair).
 * `reference` (0–255) tells this message's parts from another's arriving at the same phone.
 */
export function segmentSms(text: string, reference: number): Segments {
  const gsm = encodings.ASCII.match(text);
  const units = [...text].map((c) => (gsm ? encodings.ASCII.encode(c) : Buffer.from(utf16be(c))));
  const total = units.reduce((n, u) => n + u.length, 0);
  const kind = gsm ? "gsm" : "ucs2";
  const dataCoding = DATA_CODING[kind];
  if (total <= SINGLE[kind]) return { dataCoding, parts: [Buffer.concat(units)] };

  const bodies: Buffer[][] = [[]];
  let used = 0;
  for (const unit of units) {
    if (used + unit.length > PART[kind]) {
      bodies.push([]);
      used = 0;
    }
    bodies.at(-1)?.push(unit);
    used += unit.length;
  }
  if (bodies.length > MAX_PARTS) throw new Error(`an SMS of ${bodies.length} parts cannot be joined`);
  return {
    dataCoding,
    parts: bodies.map((body, i) =>
      Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference & 0xff, bodies.length, i + 1]), ...body]),
    ),
  };
}

function utf16be(c: string): Uint8Array {
  const out = new Uint8Array(c.length * 2);
  for (let i = 0; i < c.length; i++) {
    const code = c.charCodeAt(i);
    out[2 * i] = code >> 8;
    out[2 * i + 1] = code & 0xff;
  }
  return out;
}
