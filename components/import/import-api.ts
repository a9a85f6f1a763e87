import { apiFetch, apiUpload } from "@/lib/api/client-fetch";
import type {
  ImportQueuedReply,
  ImportReply,
  ImportResultItem,
  JobView,
  PreviewReply,
} from "@/lib/api/schemas/imports";

/** What the form holds: pasted strings (one per line) and dropped files, with the import's choices. */
export type ImportDraft = { text: string; files: File[]; rotate: boolean; labels: string; passcode: string };

export const pastedLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const labelsOf = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Strings alone go as JSON; with files, the pasted strings travel as one more .txt file. */
function send<T>(path: string, draft: ImportDraft): Promise<T> {
  const labels = labelsOf(draft.labels);
  if (draft.files.length === 0) {
    return apiFetch<T>(path, {
      method: "POST",
      body: {
        items: pastedLines(draft.text).map((data) => ({ data, ...(labels.length && { labels }) })),
        rotate: draft.rotate,
        ...(draft.passcode && { passcode: draft.passcode }),
      },
    });
  }
  const form = new FormData();
  for (const file of draft.files) form.append("files", file, file.name);
  if (pastedLines(draft.text).length) form.append("files", new File([draft.text], "pasted.txt"), "pasted.txt");
  form.append("rotate", String(draft.rotate));
  if (labels.length) form.append("labels", labels.join(","));
  if (draft.passcode) form.append("passcode", draft.passcode);
  return apiUpload<T>(path, form);
}

export const importApi = {
  preview: (draft: ImportDraft) => send<PreviewReply>("/api/v1/sessions/import/preview", draft),
  start: (draft: ImportDraft) => send<ImportReply | ImportQueuedReply>("/api/v1/sessions/import", draft),
  job: (id: string) => apiFetch<JobView>(`/api/v1/jobs/${id}`),
};

/** Runs an import to its end (following its job when it was queued) and answers its results. */
export async function importToEnd(draft: ImportDraft): Promise<ImportResultItem[]> {
  const reply = await importApi.start(draft);
  if ("results" in reply) return reply.results;
  for (;;) {
    const job = await importApi.job(reply.jobId);
    if (job.status === "done" || job.status === "failed") return job.results as ImportResultItem[];
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
