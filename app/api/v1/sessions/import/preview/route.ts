import { apiRoute } from "@/lib/api/handler";
import { readImportInput } from "@/lib/api/import-input";
import { itemsOf } from "@/lib/api/import-items";
import {
  importFormBody,
  importJsonBody,
  previewReply,
  toPreviewItem,
  type PreviewReply,
} from "@/lib/api/schemas/imports";

/** What an import would bring in, read without connecting anywhere: format, DC and masked user of each item. */
export const POST = apiRoute(
  {
    summary: "Read what an import would bring in, without connecting",
    response: previewReply,
    documentedBody: { "application/json": importJsonBody, "multipart/form-data": importFormBody },
    role: "admin",
    transaction: "manual",
    audit: { action: "session.import_preview" },
  },
  async ({ request, note }): Promise<PreviewReply> => {
    const items = await itemsOf(await readImportInput(request));
    note({ quiet: true });
    return { items: items.map(toPreviewItem) };
  },
);
