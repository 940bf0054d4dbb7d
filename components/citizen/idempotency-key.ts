"use client";
import { useState } from "react";

// crypto.randomUUID exists only in secure contexts; getRandomValues everywhere, so a plain-http
// deployment on a local network still gets a proper random (v4) key.
function randomUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key a form sends with every attempt: made once when the form first renders and kept across retries,
 * so a double click, a retry after a network error or a resubmission files one thing, not two.
 */
export function useIdempotencyKey(): string {
  const [key] = useState(randomUuid);
  return key;
}
