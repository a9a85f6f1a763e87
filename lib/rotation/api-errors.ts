import { errors } from "telegram";
import { ApiError } from "@/lib/api/errors";
import { sessionClientError } from "@/lib/api/session-client-errors";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { PasswordRequiredError } from "./authorize";
import { RotationMismatchError } from "./swap";

/** A failed rotation as the API answers it; 422 password_required carries the account's hint (never a secret). */
export function rotationApiError(error: unknown): unknown {
  if (error instanceof PasswordRequiredError) {
    const fields: Record<string, string> = { password: "Enter the account's two-step verification password." };
    if (error.hint) fields.hint = error.hint;
    return new ApiError(422, "password_required", error.message, undefined, fields);
  }
  if (error instanceof RotationMismatchError) return new ApiError(422, "telegram_refused", error.message);
  // The fresh key's client is not behind the connection manager: its RPC errors arrive as GramJS throws them.
  return sessionClientError(error instanceof errors.RPCError ? classifyTelegramError(error) : error);
}
