import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Telegram Session Console", template: "%s · Telegram Session Console" },
  description: "Create, keep, watch and end Telegram user sessions.",
  robots: { index: false, follow: false },
};

// Every page, the 404 included, renders per request: proxy.ts gives each response a fresh script nonce.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
