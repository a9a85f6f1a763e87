"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Banner } from "@/components/ui/banner";
import { apiFetch } from "@/lib/api/client-fetch";
import type { SecondFactorPolicyView } from "@/lib/api/schemas/settings";
import { useStepUp } from "./step-up-form";

const policyPath = "/api/v1/settings/second-factor";
const policyKey = ["settings", "second-factor"];

/** The settings page's "admins must use a second factor" policy. */
export function SecondFactorPolicySection() {
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: policyKey, queryFn: () => apiFetch<SecondFactorPolicyView>(policyPath) });
  const { run, pending, error, prompt } = useStepUp();

  const save = (requireAdminMfa: boolean) =>
    run(async () => {
      queryClient.setQueryData(
        policyKey,
        await apiFetch<SecondFactorPolicyView>(policyPath, { method: "PATCH", body: { requireAdminMfa } }),
      );
    });

  return (
    <section aria-labelledby="second-factor-policy-title" className="mt-10 space-y-4">
      <div>
        <h2 id="second-factor-policy-title" className="text-lg font-semibold">
          Second factor
        </h2>
        <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          When required, an admin without a second factor is sent to add one before anything else. API tokens are not
          affected.
        </p>
      </div>
      {policy.isError ? (
        <Banner tone="danger" title="The second-factor policy could not be loaded">
          {policy.error.message}
        </Banner>
      ) : null}
      {error ? (
        <Banner tone="danger" title="That did not work">
          {error}
        </Banner>
      ) : null}
      {prompt}
      {policy.data ? (
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={policy.data.requireAdminMfa}
            disabled={pending}
            onChange={(e) => void save(e.target.checked)}
          />
          Admins must use a second factor
        </label>
      ) : (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading…
        </p>
      )}
    </section>
  );
}
