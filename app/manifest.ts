import type { MetadataRoute } from "next";

// Added to a phone's home screen, the service opens in Kazakh, the state language; the page offers the others.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Тыңдау",
    short_name: "Тыңдау",
    lang: "kk",
    start_url: "/kk",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#00558c",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
