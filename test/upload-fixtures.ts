import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** Where the GPS fixtures put the camera: the Baiterek tower in Astana, as EXIF rationals. */
export const GPS = {
  GPSLatitudeRef: "N",
  GPSLatitude: "51/1 7/1 42/1",
  GPSLongitudeRef: "E",
  GPSLongitude: "71/1 25/1 50/1",
};

/**
 * A 40×20 JPEG photo as a phone writes one: EXIF with its GPS position and an orientation of 6 (the camera
 * was turned, the picture is to be shown rotated 90° clockwise, i.e. as 20×40), an sRGB ICC profile and XMP.
 */
export function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "Tyndau phone" }, IFD3: GPS })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export function plainPng(width = 16, height = 16): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .png()
    .toBuffer();
}

export function plainJpeg(width = 64, height = 64): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A 60-byte PNG whose header (with a correct CRC) claims `width`×`height` RGB pixels: decoding 50000×50000
 * would allocate 7.5 GB. Its single IDAT holds no pixels at all.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.alloc(0))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real JPEG whose start-of-frame is rewritten to claim `width`×`height`. */
export async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(await plainJpeg(16, 16));
  for (let at = 2; at < jpeg.length; at += 2 + jpeg.readUInt16BE(at + 2)) {
    if (jpeg[at + 1] === 0xc0) {
      jpeg.writeUInt16BE(height, at + 5);
      jpeg.writeUInt16BE(width, at + 7);
      return jpeg;
    }
  }
  throw new Error("no baseline start-of-frame");
}

/** A JPEG with a comment segment (COM) right after its start: where a GIFAR-era polyglot puts its HTML. */
export function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, "latin1");
  const length = Buffer.alloc(2);
  length.writeUInt16BE(text.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, jpeg.subarray(2)]);
}

/** A ZIP archive with one stored file, as a JAR appended to a picture (GIFAR) would be. */
export function zipOf(name: string, content: string): Buffer {
  const fileName = Buffer.from(name);
  const data = Buffer.from(content);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralAt = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** A stream object: its dictionary entries and its data, compressed when `deflate` is set. */
export function pdfStream(id: number, entries: string, data: Buffer, deflate = false): Buffer {
  const body = deflate ? deflateSync(data) : data;
  const filter = deflate ? "/Filter /FlateDecode " : "";
  return Buffer.concat([
    Buffer.from(`${id} 0 obj\n<< ${entries} ${filter}/Length ${body.length} >>\nstream\n`, "latin1"),
    body,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
}

/**
 * A one-page PDF (catalog, pages, page) with `extra` objects after it and the end-of-file marker last.
 * No cross-reference table: readers rebuild it, and nothing here depends on one.
 */
export function pdfWith(...extra: (string | Buffer)[]): Buffer {
  return Buffer.concat([
    Buffer.from(
      "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" +
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n",
      "latin1",
    ),
    ...extra.map((e) => (typeof e === "string" ? Buffer.from(e, "latin1") : e)),
    Buffer.from("trailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1"),
  ]);
}
