import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";

export const metadata: Metadata = { title: "Tyndau — developer tools", robots: { index: false } };

// Developer tools live outside the localized site (proxy.ts leaves /dev alone), so they need a root
// layout of their own. They are for the people running the service and are written in English only.
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
