"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { ImportResultItem, PreviewItem } from "@/lib/api/schemas/imports";
import { importApi, importToEnd, pastedLines, type ImportDraft } from "./import-api";

const formatNames: Record<string, string> = {
  gramjs: "GramJS string",
  telethon: "Telethon string",
  pyrogram: "Pyrogram string",
  mtkruto: "mtkruto string",
  telethon_file: "Telethon .session",
  pyrogram_file: "Pyrogram .session",
  tdata: "Telegram Desktop tdata",
};

const statusNames: Record<ImportResultItem["status"], string> = {
  imported: "Imported",
  duplicate: "Already managed",
  dead: "Dead key",
  invalid: "Not readable",
  unreachable: "Telegram unreachable",
  failed: "Failed",
};

const takeoverNames: Record<NonNullable<ImportResultItem["takeover"]>, string> = {
  rotated: "Taken over (new key)",
  shared: "Shared key (not rotated)",
  password_required: "Needs the 2FA password",
  failed: "Take-over failed",
};

const emptyDraft: ImportDraft = { text: "", files: [], rotate: true, labels: "", passcode: "" };

/**
 * Paste strings or drop files → a preview of what was detected (nothing connects yet) → the import, with a
 * progress bar while its job runs → a results table linking each new session, with a retry for unreachable ones.
 */
export function ImportSessions() {
  const [draft, setDraft] = useState<ImportDraft>(emptyDraft);
  const [results, setResults] = useState<ImportResultItem[] | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const empty = pastedLines(draft.text).length === 0 && draft.files.length === 0;

  const preview = useMutation({ mutationFn: importApi.preview });
  const start = useMutation({
    mutationFn: importApi.start,
    onSuccess: (reply) => ("results" in reply ? setResults(reply.results) : setJobId(reply.jobId)),
  });
  const job = useQuery({
    queryKey: ["import-job", jobId],
    queryFn: () => importApi.job(jobId!),
    enabled: jobId !== null && results === null,
    refetchInterval: (query) => (["done", "failed"].includes(query.state.data?.status ?? "") ? false : 1000),
  });
  const finished = job.data && ["done", "failed"].includes(job.data.status) ? job.data : null;
  const shown = results ?? (finished ? (finished.results as ImportResultItem[]) : null);

  const update = (change: Partial<ImportDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    preview.reset();
  };
  const addFiles = (list: FileList | null) => {
    if (list?.length) update({ files: [...draft.files, ...Array.from(list)] });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };
  const startOver = () => {
    setDraft(emptyDraft);
    setResults(null);
    setJobId(null);
    preview.reset();
    start.reset();
  };

  if (shown)
    return (
      <ImportResults results={shown} draft={draft} onStartOver={startOver} failed={finished?.status === "failed"} />
    );

  if (jobId) {
    const progress = job.data?.progress ?? { done: 0, total: 0 };
    return (
      <section aria-labelledby="import-progress" className="space-y-3">
        <h2 id="import-progress" className="text-lg font-semibold">
          Importing…
        </h2>
        <progress
          className="h-3 w-full"
          max={progress.total || 1}
          value={progress.done}
          aria-label="Import progress"
          aria-valuetext={`${progress.done} of ${progress.total} items`}
        />
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {progress.done} of {progress.total || "…"} items done. Each key is probed, stored encrypted and, if chosen,
          taken over.
        </p>
        {job.error ? (
          <Banner tone="danger" title="The progress could not be read">
            {job.error.message} It is retried every second.
          </Banner>
        ) : null}
      </section>
    );
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="import-input" className="space-y-4">
        <h2 id="import-input" className="sr-only">
          What to import
        </h2>
        <div>
          <label htmlFor="import-strings" className="mb-1 block text-sm font-medium">
            Session strings, one per line
          </label>
          <textarea
            id="import-strings"
            rows={6}
            value={draft.text}
            onChange={(event) => update({ text: event.target.value })}
            spellCheck={false}
            autoComplete="off"
            className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
            aria-describedby="import-strings-hint"
          />
          <p id="import-strings-hint" className="mt-1 text-xs text-zinc-500">
            GramJS, Telethon, Pyrogram and mtkruto strings are recognised by their shape.
          </p>
        </div>
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`rounded-md border-2 border-dashed p-4 text-sm ${dragging ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-zinc-300 dark:border-zinc-700"}`}
        >
          <label htmlFor="import-files" className="block font-medium">
            Files: .session, .txt (one string per line) or a Telegram Desktop tdata folder as .zip
          </label>
          <p className="mt-1 text-xs text-zinc-500">Drop them here, or choose them:</p>
          <input
            ref={fileInput}
            id="import-files"
            type="file"
            multiple
            accept=".session,.txt,.zip"
            onChange={(event) => {
              addFiles(event.target.files);
              event.target.value = "";
            }}
            className="mt-2 text-sm"
          />
          {draft.files.length ? (
            <ul aria-label="Chosen files" className="mt-2 space-y-1">
              {draft.files.map((file, i) => (
                <li key={`${file.name}-${i}`} className="flex items-center gap-2">
                  <span className="font-mono text-xs">{file.name}</span>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove ${file.name}`}
                    onClick={() => update({ files: draft.files.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="Labels (comma-separated, optional)"
            value={draft.labels}
            onChange={(event) => update({ labels: event.target.value })}
            autoComplete="off"
          />
          <Input
            label="tdata local passcode (if set)"
            type="password"
            value={draft.passcode}
            onChange={(event) => update({ passcode: event.target.value })}
            autoComplete="off"
          />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.rotate}
            onChange={(event) => update({ rotate: event.target.checked })}
            className="mt-1"
          />
          <span>
            Take over right away: the console mints its own key from each imported one and logs the imported key out, so
            the old copy stops working. Without it, sessions are marked &ldquo;shared key&rdquo; until rotated.
          </span>
        </label>
        <Button onClick={() => preview.mutate(draft)} pending={preview.isPending} disabled={empty}>
          Preview
        </Button>
        {preview.error ? (
          <Banner tone="danger" title="Could not read the import">
            {preview.error.message}
          </Banner>
        ) : null}
      </section>
      {preview.data ? (
        <PreviewTable
          items={preview.data.items}
          pending={start.isPending}
          error={start.error}
          onImport={() => start.mutate(draft)}
        />
      ) : null}
    </div>
  );
}

function PreviewTable({
  items,
  pending,
  error,
  onImport,
}: {
  items: PreviewItem[];
  pending: boolean;
  error: Error | null;
  onImport(): void;
}) {
  const readable = items.filter((item) => !item.error).length;
  return (
    <section aria-labelledby="import-preview" className="space-y-3">
      <h2 id="import-preview" className="text-lg font-semibold">
        Preview: {readable} of {items.length} readable
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing has connected to Telegram yet.</p>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">What each item was read as</caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-2">
                #
              </th>
              <th scope="col" className="px-3 py-2">
                Source
              </th>
              <th scope="col" className="px-3 py-2">
                Format
              </th>
              <th scope="col" className="px-3 py-2">
                DC
              </th>
              <th scope="col" className="px-3 py-2">
                User
              </th>
              <th scope="col" className="px-3 py-2">
                Problem
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.index} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="px-3 py-2">{item.index + 1}</td>
                <td className="px-3 py-2 font-mono text-xs">{item.name ?? "pasted"}</td>
                <td className="px-3 py-2">{item.format ? (formatNames[item.format] ?? item.format) : "—"}</td>
                <td className="px-3 py-2">{item.dcId ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{item.userIdMasked ?? "—"}</td>
                <td className="px-3 py-2 text-red-800 dark:text-red-300">{item.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button onClick={onImport} pending={pending} disabled={readable === 0}>
        Import {readable} {readable === 1 ? "session" : "sessions"}
      </Button>
      {error ? (
        <Banner tone="danger" title="The import was refused">
          {error.message}
        </Banner>
      ) : null}
    </section>
  );
}

/** The draft that imports one result's item again: its line, or the file it came from. */
async function retryDraft(draft: ImportDraft, row: ImportResultItem): Promise<ImportDraft | null> {
  const single = { ...draft, files: [] as File[] };
  if (!row.name) {
    const line = pastedLines(draft.text)[row.index];
    return line ? { ...single, text: line } : null;
  }
  const lineOf = /^(.*):(\d+)$/.exec(row.name);
  if (lineOf) {
    const source =
      lineOf[1] === "pasted.txt" ? draft.text : await draft.files.find((f) => f.name === lineOf[1])?.text();
    const line = source?.split(/\r?\n/)[Number(lineOf[2]) - 1];
    return line ? { ...single, text: line } : null;
  }
  const file = draft.files.find((f) => f.name === row.name || row.name?.startsWith(`${f.name} #`));
  return file ? { ...single, text: "", files: [file] } : null;
}

function ImportResults({
  results,
  draft,
  failed,
  onStartOver,
}: {
  results: ImportResultItem[];
  draft: ImportDraft;
  failed: boolean;
  onStartOver(): void;
}) {
  const [rows, setRows] = useState(results);
  const [retrying, setRetrying] = useState<number | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  const imported = rows.filter((row) => row.status === "imported").length;

  const retry = async (row: ImportResultItem) => {
    setRetrying(row.index);
    setRetryError(null);
    try {
      const again = await retryDraft(draft, row);
      if (!again) throw new Error("The item's input is no longer here; add it again.");
      const answers = await importToEnd(again);
      const answer = row.name && answers.length > 1 ? answers.find((a) => a.name === row.name) : answers[0];
      if (answer)
        setRows((current) =>
          current.map((r) => (r.index === row.index ? { ...answer, index: row.index, name: row.name } : r)),
        );
    } catch (error) {
      setRetryError(error instanceof Error ? error.message : "The retry failed.");
    } finally {
      setRetrying(null);
    }
  };

  return (
    <section aria-labelledby="import-results" className="space-y-3">
      <h2 id="import-results" className="text-lg font-semibold">
        Results: {imported} of {rows.length} imported
      </h2>
      {failed ? <Banner tone="warning" title="Some items could not be processed" /> : null}
      {rows.length === 0 ? <p className="text-sm">The import held no items.</p> : null}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">The outcome of each imported item</caption>
          <thead>
            <tr>
              {["#", "Source", "Outcome", "Take-over", "Session", "Details"].map((title) => (
                <th key={title} scope="col" className="px-3 py-2">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.index} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="px-3 py-2">{row.index + 1}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.name ?? "pasted"}</td>
                <td className="px-3 py-2">{statusNames[row.status]}</td>
                <td className="px-3 py-2">{row.takeover ? takeoverNames[row.takeover] : "—"}</td>
                <td className="px-3 py-2">
                  {row.sessionId ? (
                    <Link href={`/sessions/${row.sessionId}`} className="text-sky-700 underline dark:text-sky-400">
                      Open session {row.index + 1}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  {row.error ?? ""}
                  {row.status === "unreachable" ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      className="ml-2"
                      pending={retrying === row.index}
                      disabled={retrying !== null}
                      onClick={() => void retry(row)}
                    >
                      Retry item {row.index + 1}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {retryError ? (
        <Banner tone="danger" title="The retry failed">
          {retryError}
        </Banner>
      ) : null}
      <div className="flex gap-3">
        <Link href="/sessions" className="text-sm text-sky-700 underline dark:text-sky-400">
          Go to the sessions
        </Link>
        <Button variant="secondary" onClick={onStartOver}>
          Import more
        </Button>
      </div>
    </section>
  );
}
