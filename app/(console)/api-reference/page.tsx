import type { Metadata } from "next";
import { servedDocument } from "@/app/api/v1/openapi.json/document";
import { ApiReference, type ReferenceDocument } from "@/components/api-reference/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "API reference" };

/** Every /api/v1 route, from the same OpenAPI document GET /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requirePage("viewer");
  const document = servedDocument() as unknown as ReferenceDocument;
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {document.info.description} The machine-readable document is at{" "}
            <a href="/api/v1/openapi.json" className="underline">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <ApiReference document={document} />
    </>
  );
}
