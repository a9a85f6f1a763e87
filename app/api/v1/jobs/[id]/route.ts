import { countDoneItems, findJob, listJobItems } from "@/db/queries/jobs";
import { apiRoute } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { idParams } from "@/lib/api/schemas/common";
import { jobView, toJobView, type JobView } from "@/lib/api/schemas/imports";

/** A job the API queued (an import of many sessions): its status, progress and the results of its settled items. */
export const GET = apiRoute(
  {
    summary: "Read a queued job (an import): status, progress and results",
    response: jobView,
    role: "admin",
    params: idParams,
  },
  async ({ db, params }): Promise<JobView> => {
    const job = await findJob(db, params.id);
    if (!job) throw new ApiError("not_found", "No such job.");
    const items = await listJobItems(db, job.id);
    const results = items.flatMap((item) => (item.result ? [item.result] : []));
    return toJobView(job, await countDoneItems(db, job.id), results);
  },
);
