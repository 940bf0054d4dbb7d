import sharp from "sharp";

// Pixels decoded from strangers' files are not kept in libvips' cache after the request.
sharp.cache(false);

export type ImageFormat = "jpeg" | "png";
export type ImageProblem = "fileType" | "fileTooManyPixels" | "fileDamaged";

/**
 * Decodes an image and encodes it afresh, so that only its pixels are kept: no EXIF (GPS position, camera,
 * time), XMP, IPTC, ICC profile or comment, and nothing hidden after the image's end. sharp writes no
 * metadata unless asked to (`keepMetadata`/`withMetadata`), and this never asks. The EXIF orientation is
 * applied first, so that a photo taken sideways still reads the right way up once its EXIF is gone.
 */
export async function reencodeImage(
  bytes: Buffer,
  o: { format: ImageFormat; maxPixels: number },
): Promise<{ bytes: Buffer } | { problem: ImageProblem }> {
  // The header alone says how many pixels decoding would allocate; a pixel flood stops here.
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!header) return { problem: "fileDamaged" };
  // The loader is libvips' own choice: an SVG or a TIFF behind a PNG signature is refused, not decoded.
  if (header.format !== o.format) return { problem: "fileType" };
  if (header.width * header.height > o.maxPixels) return { problem: "fileTooManyPixels" };
  try {
    // failOn "error": a truncated or corrupt image is refused; a mere warning (a stray byte between
    // markers, common from some cameras) is not.
    const image = sharp(bytes, { limitInputPixels: o.maxPixels, failOn: "error" }).autoOrient();
    const encoded = o.format === "jpeg" ? image.jpeg({ quality: 90 }) : image.png();
    return { bytes: await encoded.toBuffer() };
  } catch {
    return { problem: "fileDamaged" };
  }
}
