import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sessions } from "telegram";
import { AuthKey } from "telegram/crypto/AuthKey.js";
import { e2eDataDir } from "./config";

type SandboxState = { authKeys: Record<string, { key: string; dcId: number }> };
type SandboxInfo = { dcs: { id: number; address: string; port: number }[] };

export type Canary = { label: string; forms: string[] };

/** A secret as it could leak: raw, hex, base64 and base64url. */
export function formsOf(value: Buffer | string): string[] {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
  const forms = [bytes.toString("hex"), bytes.toString("base64").replace(/=+$/, ""), bytes.toString("base64url")];
  if (!Buffer.isBuffer(value)) forms.unshift(value);
  return [...new Set(forms)];
}

const importedFormsFile = () => path.join(e2eDataDir, "imported-forms.jsonl");

/** Keeps the forms an imported key was uploaded in (strings, files), so the leak scan looks for each of them. */
export function recordImportedForms(label: string, forms: string[]): void {
  appendFileSync(importedFormsFile(), `${JSON.stringify({ label, forms })}\n`);
}

function importedCanaries(): Canary[] {
  if (!existsSync(importedFormsFile())) return [];
  return readFileSync(importedFormsFile(), "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Canary);
}

/**
 * Every auth key the sandbox DC issued during the run (and every form an imported one came in), and the StringSession each would make: the
 * sandbox is "Telegram" here, so its state names every key the console ever held.
 */
export async function sessionCanaries(): Promise<Canary[]> {
  const state = JSON.parse(readFileSync(path.join(e2eDataDir, "sandbox", "state.json"), "utf8")) as SandboxState;
  const info = JSON.parse(readFileSync(path.join(e2eDataDir, "sandbox.json"), "utf8")) as SandboxInfo;
  const issued = await Promise.all(
    Object.entries(state.authKeys).map(async ([id, record]) => {
      const key = Buffer.from(record.key, "hex");
      const dc = info.dcs.find((d) => d.id === record.dcId);
      const session = new sessions.StringSession("");
      if (dc) session.setDC(dc.id, dc.address, dc.port);
      const authKey = new AuthKey();
      await authKey.setKey(key);
      session.setAuthKey(authKey);
      return { label: `auth key ${id}`, forms: [...formsOf(key), session.save()] };
    }),
  );
  return [...issued, ...importedCanaries()];
}
