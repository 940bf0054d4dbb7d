import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  jpegClaiming,
  pdfStream,
  pdfWith,
  phoneJpeg,
  plainJpeg,
  plainPng,
  pngClaiming,
  withJpegComment,
  zipOf,
} from "@/test/upload-fixtures";
import { checkAttachments, type FileInspection, inspectFile } from "./attachment-rules";

const inspect = (bytes: Buffer, fileName = "file") => inspectFile({ fileName, bytes });
const problemOf = async (bytes: Buffer, fileName?: string) => (await inspect(bytes, fileName)).problem;
const stored = (result: FileInspection) => {
  if (result.problem) throw new Error(`refused: ${result.problem}`);
  return result.file;
};

// EXIF entry of IFD0 pointing to the GPS IFD: tag 0x8825, type LONG, little-endian as sharp writes it.
const GPS_POINTER = Buffer.from([0x25, 0x88, 0x04, 0x00]);

describe("images are decoded and stored re-encoded, without their metadata", () => {
  it("strips EXIF with the GPS position, XMP and the ICC profile, and turns the photo upright first", async () => {
    const photo = await phoneJpeg();
    const before = await sharp(photo).metadata();
    // The fixture really carries what must go.
    expect(before.exif?.includes(GPS_POINTER)).toBe(true);
    expect([before.orientation, Boolean(before.xmp), Boolean(before.icc)]).toEqual([6, true, true]);

    const file = stored(await inspect(photo, "IMG_0001.jpg"));
    const after = await sharp(file.content).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 20, height: 40 });
    expect([after.exif, after.xmp, after.icc, after.iptc, after.orientation, after.comments]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(file.content.includes("Exif\0\0")).toBe(false);
    expect(file.content.includes("Tyndau phone")).toBe(false);
    // Size and digest are those of the bytes kept, not of the bytes sent.
    expect(file.size).toBe(file.content.length);
    expect(file.sha256).toBe(createHash("sha256").update(file.content).digest("hex"));
    expect(file.sha256).not.toBe(createHash("sha256").update(photo).digest("hex"));
    expect(file).toMatchObject({ mimeType: "image/jpeg", fileName: "IMG_0001.jpg" });
  });

  it("keeps a PNG a PNG and drops its EXIF and text chunks", async () => {
    const png = await sharp(await plainPng(30, 10))
      .withExif({ IFD0: { Make: "Scanner" } })
      .png()
      .toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const file = stored(await inspect(png, "scan.png"));
    const after = await sharp(file.content).metadata();
    expect(after).toMatchObject({ format: "png", width: 30, height: 10 });
    expect(after.exif).toBeUndefined();
    expect(file.mimeType).toBe("image/png");
  });

  it("re-encodes the same image to the same bytes", async () => {
    const photo = await phoneJpeg();
    const a = stored(await inspect(photo));
    const b = stored(await inspect(Buffer.from(photo)));
    expect(a.sha256).toBe(b.sha256);
  });

  it("refuses a pixel flood from its header, before allocating anything", async () => {
    const flood = pngClaiming(50_000, 50_000);
    expect(flood.length).toBeLessThan(100);
    // The header is valid (its CRC checks), so the refusal is the pixel limit's and not a parse error.
    expect(await sharp(flood, { limitInputPixels: false }).metadata()).toMatchObject({
      width: 50_000,
      height: 50_000,
    });
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    expect(await problemOf(flood, "flood.png")).toBe("fileTooManyPixels");
    // Decoding would have taken 7.5 GB and far longer than this.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);

    expect(await problemOf(await jpegClaiming(60_000, 60_000))).toBe("fileTooManyPixels");
    // 7000×6000 is 42 megapixels: just over the 40 allowed.
    expect(await problemOf(pngClaiming(7000, 6000))).toBe("fileTooManyPixels");
  });

  it("refuses a truncated or corrupt image as damaged", async () => {
    const jpeg = await plainJpeg(200, 200);
    expect(await problemOf(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe("fileDamaged");
    const png = await sharp(await plainJpeg(200, 200))
      .png()
      .toBuffer();
    expect(await problemOf(png.subarray(0, Math.floor(png.length / 2)))).toBe("fileDamaged");
    // A header within the limit whose pixels are missing.
    expect(await problemOf(pngClaiming(100, 100))).toBe("fileDamaged");
    expect(await problemOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe("fileDamaged");
  });
});

describe("types come from the bytes: SVG and HTML are refused whatever their names", () => {
  it("refuses SVG named .png, HTML named .pdf, and GIF, WebP and TIFF", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(await problemOf(svg, "photo.png")).toBe("fileType");
    expect(await problemOf(Buffer.from("<!doctype html><script>alert(1)</script>"), "scan.pdf")).toBe(
      "fileType",
    );
    const base = sharp(await plainPng());
    expect(await problemOf(await base.clone().gif().toBuffer(), "a.png")).toBe("fileType");
    expect(await problemOf(await base.clone().webp().toBuffer(), "a.jpg")).toBe("fileType");
    expect(await problemOf(await base.clone().tiff().toBuffer(), "a.pdf")).toBe("fileType");
  });

  it("refuses an empty file and one over 5 MB", async () => {
    expect(await problemOf(Buffer.alloc(0))).toBe("fileEmpty");
    expect(await problemOf(pdfWith(Buffer.alloc(5 * 1024 * 1024)))).toBe("fileTooBig");
  });
});

describe("polyglots are refused", () => {
  it("refuses an image with HTML at its start or its end", async () => {
    const jpeg = await plainJpeg();
    expect(await problemOf(withJpegComment(jpeg, "<html><script>alert(1)</script></html>"))).toBe(
      "fileMixedContent",
    );
    expect(await problemOf(Buffer.concat([jpeg, Buffer.from("<script>alert(1)</script>")]))).toBe(
      "fileMixedContent",
    );
    expect(await problemOf(Buffer.concat([await plainPng(), Buffer.from("<svg onload=alert(1)>")]))).toBe(
      "fileMixedContent",
    );
  });

  it("refuses a picture or a PDF with a ZIP archive (a JAR) appended: GIFAR", async () => {
    const jar = zipOf("Evil.class", "\xca\xfe\xba\xbe");
    expect(await problemOf(Buffer.concat([await plainPng(), jar]))).toBe("fileMixedContent");
    expect(await problemOf(Buffer.concat([await plainJpeg(), jar]))).toBe("fileMixedContent");
    expect(await problemOf(Buffer.concat([pdfWith(), jar, Buffer.from("%%EOF\n")]))).toBe("fileMixedContent");
  });

  it("refuses a PDF with HTML in its head", async () => {
    const pdf = pdfWith();
    const polyglot = Buffer.concat([
      pdf.subarray(0, 9),
      Buffer.from("<html><body onload=alert(1)>\n"),
      pdf.subarray(9),
    ]);
    expect(await problemOf(polyglot, "letter.pdf")).toBe("fileMixedContent");
  });

  it("accepts an image whose trailing data is harmless, and stores it without the trailer", async () => {
    const jpeg = await plainJpeg();
    const file = stored(await inspect(Buffer.concat([jpeg, Buffer.from("MotionPhoto_Data trailer")])));
    expect(file.content.includes("MotionPhoto_Data")).toBe(false);
  });
});

describe("PDFs are kept as sent, unless damaged or active", () => {
  it("stores a plain PDF byte for byte, compressed content included", async () => {
    const pdf = pdfWith(pdfStream(4, "", Buffer.from("BT /F1 12 Tf 72 712 Td (Hello) Tj ET"), true));
    const file = stored(await inspect(pdf, "letter.pdf"));
    expect(Buffer.compare(file.content, pdf)).toBe(0);
    expect(file).toMatchObject({ mimeType: "application/pdf", size: pdf.length });
    expect(file.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
  });

  it("refuses a PDF without its end-of-file marker near the end: cut short", async () => {
    const pdf = pdfWith();
    expect(await problemOf(pdf.subarray(0, pdf.length - 8))).toBe("fileDamaged");
    expect(await problemOf(Buffer.concat([pdf, Buffer.alloc(2000, 0x20)]))).toBe("fileDamaged");
    // Some scanners add a few bytes after the marker; readers accept that, and so does this.
    expect(await problemOf(Buffer.concat([pdf, Buffer.alloc(100, 0x20)]))).toBeUndefined();
  });

  it("refuses scripts, launch actions and embedded files, however they are spelled", async () => {
    const active = [
      "5 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n",
      "5 0 obj\n<< /S /JavaScript /JS 6 0 R >>\nendobj\n",
      "5 0 obj\n<< /JS (app.alert(1)) >>\nendobj\n",
      "5 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n",
      "5 0 obj\n<< /Type /EmbeddedFile >>\nendobj\n",
      "5 0 obj\n<< /Names << /EmbeddedFiles 6 0 R >> >>\nendobj\n",
      // "#xx" in a name stands for a byte: these are /JavaScript and /JS.
      "5 0 obj\n<< /S /J#61vaScript >>\nendobj\n",
      "5 0 obj\n<< /J#53 (app.alert(1)) >>\nendobj\n",
      "1 0 obj\n<< /Type /Catalog /AcroForm << /XFA 6 0 R >> >>\nendobj\n",
      "5 0 obj\n<< /Type /Annot /Subtype /RichMedia /RichMediaContent 6 0 R >>\nendobj\n",
    ];
    for (const object of active) expect(await problemOf(pdfWith(object)), object).toBe("fileActiveContent");
  });

  it("finds a script inside a compressed object stream, where no byte search would", async () => {
    const objects = (body: string) => Buffer.from(`5 0 ${body}`);
    for (const hidden of [
      "<< /S /JavaScript /JS (app.alert(1)) >>",
      "<< /JS (app.alert(1)) >>",
      "<< /Lau#6Ech >>",
    ]) {
      const pdf = pdfWith(pdfStream(7, "/Type /ObjStm /N 1 /First 4", objects(hidden), true));
      expect(pdf.includes("JavaScript")).toBe(false);
      expect(await problemOf(pdf), hidden).toBe("fileActiveContent");
    }
  });

  it("refuses an object stream in an encoding it cannot read, rather than pass what it hides", async () => {
    const hex = Buffer.from(`${Buffer.from("5 0 << /S /JavaScript /JS (app.alert(1)) >>").toString("hex")}>`);
    const hidden = pdfStream(7, "/Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode", hex);
    expect(await problemOf(pdfWith(hidden))).toBe("fileDamaged");
    const spelled = pdfStream(7, "/Type /Obj#53tm /N 1 /First 4 /Filter /ASCIIHexDecode", hex);
    expect(await problemOf(pdfWith(spelled))).toBe("fileDamaged");
  });

  it("does not mistake image data that happens to hold /JS for a script", async () => {
    const pixels = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00]),
      Buffer.from("/JS "),
      Buffer.alloc(64, 7),
    ]);
    const pdf = pdfWith(pdfStream(4, "/Type /XObject /Subtype /Image /Filter /DCTDecode", pixels));
    expect(await problemOf(pdf)).toBeUndefined();
  });

  it("refuses a decompression bomb in an object stream", async () => {
    const bomb = Buffer.concat([Buffer.from("5 0 << >> "), Buffer.alloc(65 * 1024 * 1024, 0x20)]);
    expect(await problemOf(pdfWith(pdfStream(7, "/Type /ObjStm /N 1 /First 4", bomb, true)))).toBe(
      "fileDamaged",
    );
  });
});

describe("checkAttachments", () => {
  it("refuses the whole lot for one bad file, and more than five files", async () => {
    const good = { fileName: "a.pdf", bytes: pdfWith() };
    await expect(
      checkAttachments([good, { fileName: "b.png", bytes: pngClaiming(50_000, 50_000) }]),
    ).rejects.toMatchObject({ code: "BAD_ATTACHMENT" });
    await expect(checkAttachments(Array.from({ length: 6 }, () => good))).rejects.toMatchObject({
      code: "BAD_ATTACHMENT",
    });
    expect((await checkAttachments([good])).map((f) => f.fileName)).toEqual(["a.pdf"]);
  });
});
