import { describe, expect, it } from "vitest";
import { ATTACHMENT_LIMITS } from "@/server/appeals/attachment-rules";
import { fileProblemsBeforeUpload } from "./file-errors";

const pdf = (bytes = 100) =>
  new File([Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(bytes)])], "a.pdf");

describe("files checked in the browser before upload", () => {
  it("passes a PDF, a PNG and a JPEG within the limits", () => {
    const png = new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])], "p.png");
    const jpeg = new File([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])], "j.jpg");
    expect(fileProblemsBeforeUpload([pdf(), png, jpeg])).toEqual({});
  });

  it("refuses a 30 MB file by the server's size limit", () => {
    const big = pdf(30 * 1024 * 1024);
    expect(fileProblemsBeforeUpload([pdf(), big])).toEqual({ "attachments.1": "fileTooBig" });
    const atLimit = pdf(ATTACHMENT_LIMITS.maxBytes - 9);
    expect(fileProblemsBeforeUpload([atLimit])).toEqual({});
  });

  it("refuses a type the name and the system both deny; the server reads the bytes of the rest", () => {
    const doc = new File(["x"], "letter.docx", { type: "application/vnd.openxmlformats" });
    expect(fileProblemsBeforeUpload([doc])).toEqual({ "attachments.0": "fileType" });
    const photo = new File(["x"], "IMG_1.JPG");
    expect(fileProblemsBeforeUpload([photo])).toEqual({});
  });

  it("refuses an empty file and too many files", () => {
    expect(fileProblemsBeforeUpload([new File([], "e.pdf")])).toEqual({
      "attachments.0": "fileEmpty",
    });
    const six = Array.from({ length: ATTACHMENT_LIMITS.maxFiles + 1 }, () => pdf());
    expect(fileProblemsBeforeUpload(six)).toEqual({ attachments: "tooManyFiles" });
  });
});
