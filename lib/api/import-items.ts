import { dcTable } from "@/lib/telegram/dc-table";
import { prepareItems, TooManyItemsError, type PreparedItem } from "@/lib/import/prepare";
import { ApiError } from "./errors";
import type { ImportInput } from "./import-input";

/** The request's strings and files as numbered items; more than the limit is a 400 before anything runs. */
export async function itemsOf(input: ImportInput): Promise<PreparedItem[]> {
  try {
    const knownDcIds = (await dcTable()).map((dc) => dc.id);
    return await prepareItems(input.entries, input.files, {
      knownDcIds,
      labels: input.labels,
      passcode: input.passcode,
    });
  } catch (error) {
    if (error instanceof TooManyItemsError) throw new ApiError("invalid_input", error.message);
    throw error;
  }
}
