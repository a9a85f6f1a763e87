import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two builds of one checkout live side by side (a benchmark beside a test run).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Production runs behind a TLS-terminating proxy (the cookies are Secure), which compresses better and off
  // this process's event loop; HTTP_COMPRESSION=on when nothing in front does.
  compress: process.env.HTTP_COMPRESSION === "on",
  // forbidden() in requirePage answers 403 to a signed-in member whose role is too weak.
  experimental: { authInterrupts: true },
  // @mtcute/convert loads its crypto provider (@mtcute/node, with WebAssembly) by a computed import at run time,
  // which only Node's own resolution can follow.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "telegram",
    "pino",
    "ws",
    "sql.js",
    "@mtcute/convert",
    "@mtcute/node",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
