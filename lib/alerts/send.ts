import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import { Webhook } from "standardwebhooks";
import { env } from "@/lib/env";
import { parseWebhookUrl, resolveWebhookHost, UnsafeUrlError } from "./address";

/** What a receiver answered, or why there was no answer; `refused`: the address may not be reached at all. */
export type SendResult = { statusCode: number | null; error: string | null; refused?: boolean };

/**
 * POSTs JSON to `target` over a connection to the address resolveWebhookHost checked (never a second lookup),
 * with a deadline for the whole attempt; a redirect is an answer like any other, never followed.
 */
export async function postJson(
  target: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SendResult> {
  let url: URL;
  let pinned: { address: string; family: 4 | 6 };
  try {
    url = parseWebhookUrl(target);
    pinned = await resolveWebhookHost(url);
  } catch (error) {
    if (error instanceof UnsafeUrlError) return { statusCode: null, error: error.message, refused: true };
    return { statusCode: null, error: (error as Error).message };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: (typeof pinned)[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        headers: { "content-type": "application/json", "user-agent": "telegram-session-console", ...headers },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ statusCode: response.statusCode ?? null, error: null }));
        response.on("error", () => resolve({ statusCode: response.statusCode ?? null, error: null }));
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("error", (error) => resolve({ statusCode: null, error: error.message }));
    request.on("close", () => clearTimeout(deadline));
    request.end(body);
  });
}

/** The Standard Webhooks headers for a body: the delivery's stable id, now, and the signature. */
export function signedHeaders(secret: string, messageId: string, body: string, now = new Date()) {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, now, body),
  };
}

const transports = new Map<string, nodemailer.Transporter>();

/** Sends one email through SMTP_URL; a refusal or an unreachable server comes back as an error. */
export async function sendEmail(
  to: string[],
  message: { subject: string; text: string; html: string },
  timeoutMs: number,
): Promise<SendResult> {
  const smtp = env().SMTP_URL;
  if (!smtp) return { statusCode: null, error: "SMTP_URL is not set" };
  let transport = transports.get(smtp);
  if (!transport) {
    transport = nodemailer.createTransport(smtp, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    transports.set(smtp, transport);
  }
  try {
    await transport.sendMail({ from: env().ALERT_EMAIL_FROM, to, ...message });
    return { statusCode: 250, error: null };
  } catch (error) {
    const smtpCode = (error as { responseCode?: number }).responseCode;
    return { statusCode: smtpCode ?? null, error: (error as Error).message };
  }
}
