import { Api, type TelegramClient } from "telegram";
import type { RestrictionReason } from "@/db/schema";

export type Freeze = { since: Date; until: Date | null; appealUrl: string | null };

/** The app config's JSON object as plain values (numbers, strings, booleans; nested values are skipped). */
function configValues(config: Api.TypeJSONValue): Map<string, number | string | boolean> {
  const values = new Map<string, number | string | boolean>();
  if (!(config instanceof Api.JsonObject)) return values;
  for (const { key, value } of config.value) {
    if (value instanceof Api.JsonNumber || value instanceof Api.JsonString || value instanceof Api.JsonBool)
      values.set(key, value.value);
  }
  return values;
}

const unixDate = (value: number | string | boolean | undefined): Date | null =>
  typeof value === "number" && value > 0 ? new Date(value * 1000) : null;

/** Telegram's freeze keys (freeze_since_date, freeze_until_date, freeze_appeal_url); undefined when not frozen. */
export function freezeOf(config: Api.TypeJSONValue): Freeze | undefined {
  const values = configValues(config);
  const since = unixDate(values.get("freeze_since_date"));
  if (!since) return undefined;
  const appealUrl = values.get("freeze_appeal_url");
  return {
    since,
    until: unixDate(values.get("freeze_until_date")),
    appealUrl: typeof appealUrl === "string" && /^https?:\/\//i.test(appealUrl) ? appealUrl : null,
  };
}

export function restrictionsOf(self: Api.TypeUser | undefined): RestrictionReason[] {
  if (!(self instanceof Api.User) || !self.restricted) return [];
  return (self.restrictionReason ?? []).map((r) => ({ platform: r.platform, reason: r.reason, text: r.text }));
}

/** What the account's own user and its app config say of it: restrictions and a freeze. */
export async function readAccountState(
  client: TelegramClient,
  self: Api.TypeUser | undefined,
): Promise<{ freeze?: Freeze; restrictions: RestrictionReason[] }> {
  const answer = await client.invoke(new Api.help.GetAppConfig({ hash: 0 }));
  const freeze = answer instanceof Api.help.AppConfig ? freezeOf(answer.config) : undefined;
  return { freeze, restrictions: restrictionsOf(self) };
}
