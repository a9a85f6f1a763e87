import { Api } from "telegram";

/** "auth.SentCodeTypeFlashCall" → "flash_call": how the code travels, for the wizard to explain. */
function typeName(type: { className: string } | undefined, prefix: string): string | null {
  if (!type) return null;
  const name = type.className.replace(`auth.${prefix}`, "");
  return name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}

export type SentCodeFacts = {
  phoneCodeHash: string;
  codeType: string | null;
  nextCodeType: string | null;
  codeLength: number | null;
  resendAvailableAt: Date;
};

export function sentCodeFacts(sent: Api.auth.TypeSentCode): SentCodeFacts {
  if (!(sent instanceof Api.auth.SentCode)) throw new Error(`unexpected answer to sendCode: ${sent.className}`);
  const length = "length" in sent.type && typeof sent.type.length === "number" ? sent.type.length : null;
  return {
    phoneCodeHash: sent.phoneCodeHash,
    codeType: typeName(sent.type, "SentCodeType"),
    nextCodeType: typeName(sent.nextType, "CodeType"),
    codeLength: length,
    // Telegram names the wait before another code may be asked for; without one, a minute is polite.
    resendAvailableAt: new Date(Date.now() + (sent.timeout ?? 60) * 1000),
  };
}
