import { describe, expect, it } from "vitest";
import { pdfWith, phoneJpeg, plainPng, pngClaiming, zipOf } from "@/test/upload-fixtures";
import { fieldErrorsOf } from "../validation";
import { Uploads } from "./upload-input";

const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);

describe("Uploads, the files of a form", () => {
  it("names each bad file's own problem by its place in the list", async () => {
    const parsed = await Uploads.safeParseAsync([
      file(pdfWith(), "letter.pdf"),
      file(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "photo.png"),
      file(pngClaiming(50_000, 50_000), "flood.png"),
      file(pdfWith("5 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n"), "form.pdf"),
      file(pdfWith().subarray(0, 40), "cut.pdf"),
    ]);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const keys = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, e]) => [k, e.key]));
    expect(keys).toEqual({
      "1": "fileType",
      "2": "fileTooManyPixels",
      "3": "fileActiveContent",
      "4": "fileDamaged",
    });
  });

  it("names a polyglot and an empty file", async () => {
    const parsed = await Uploads.safeParseAsync([
      file(Buffer.concat([await plainPng(), zipOf("a.class", "x")]), "gifar.png"),
      file(Buffer.alloc(0), "empty.pdf"),
    ]);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const keys = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, e]) => [k, e.key]));
    expect(keys).toEqual({ "0": "fileMixedContent", "1": "fileEmpty" });
  });

  it("passes good files on with their bytes as sent", async () => {
    const photo = await phoneJpeg();
    const parsed = await Uploads.parseAsync([file(photo, "photo.jpg"), file(pdfWith(), "letter.pdf")]);
    expect(parsed.map((f) => f.fileName)).toEqual(["photo.jpg", "letter.pdf"]);
    expect(Buffer.compare(parsed[0]?.bytes ?? Buffer.alloc(0), photo)).toBe(0);
  });
});
