import type { DueDelivery } from "@/db/queries/alert-deliveries";
import { env } from "@/lib/env";

/** The JSON body every signed webhook carries; never a secret. */
export type AlertBody = {
  type: string;
  timestamp: string;
  data: {
    eventId: string;
    session: { id: string; status: string; dcId: number; createdAt: string; expiresAt: string | null } | null;
    account: { name: string; username: string | null; phoneMasked: string; telegramId: string } | null;
    url: string;
    details: Record<string, unknown>;
    /** Events of this session and kind folded into this one by the cooldown. */
    collapsedCount: number;
  };
};

export function alertBody(delivery: Pick<DueDelivery, "event" | "session" | "account">): AlertBody {
  const { event, session, account } = delivery;
  const path = session ? `/sessions/${session.id}` : "/alerts";
  return {
    type: event.kind,
    timestamp: event.createdAt.toISOString(),
    data: {
      eventId: event.id,
      session: session && {
        id: session.id,
        status: session.status,
        dcId: session.dcId,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt?.toISOString() ?? null,
      },
      account: account && {
        name: [account.firstName, account.lastName].filter(Boolean).join(" "),
        username: account.username,
        phoneMasked: account.phoneMasked,
        telegramId: account.telegramId,
      },
      url: new URL(path, env().PUBLIC_URL ?? "http://localhost:3000").toString(),
      details: event.details,
      collapsedCount: event.collapsedCount,
    },
  };
}

/** One line a person reads: what happened, to which account, and what the evidence says. */
export function alertSummary(body: AlertBody): string {
  const { account, details, collapsedCount } = body.data;
  const who = account
    ? ` — ${account.name || account.phoneMasked}${account.username ? ` (@${account.username})` : ""}`
    : "";
  const code = typeof details.errorCode === "string" ? `: ${details.errorCode}` : "";
  const folded = collapsedCount > 0 ? ` (${collapsedCount} more since the last alert)` : "";
  return `[${body.type}]${who}${code}${folded}`;
}

export const slackBody = (body: AlertBody) => ({ text: `${alertSummary(body)}\n${body.data.url}` });

export const discordBody = (body: AlertBody) => ({
  content: `${alertSummary(body)}\n${body.data.url}`,
  allowed_mentions: { parse: [] },
});

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function emailMessage(body: AlertBody) {
  const summary = alertSummary(body);
  const facts = Object.entries(body.data.details).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  const text = [summary, "", `When: ${body.timestamp}`, ...facts, "", body.data.url].join("\n");
  const html = `<p><strong>${escapeHtml(summary)}</strong></p><p>When: ${escapeHtml(body.timestamp)}</p><ul>${facts
    .map((f) => `<li>${escapeHtml(f)}</li>`)
    .join("")}</ul><p><a href="${escapeHtml(body.data.url)}">${escapeHtml(body.data.url)}</a></p>`;
  return { subject: summary, text, html };
}
