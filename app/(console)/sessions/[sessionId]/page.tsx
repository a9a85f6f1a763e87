import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { sessionExists } from "@/db/queries/sessions";
import { SessionActions } from "@/components/session-actions/session-actions";
import { SessionDetailView } from "@/components/sessions/session-detail";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const member = await requirePage();
  const { sessionId } = await params;
  if (!z.uuid().safeParse(sessionId).success || !(await sessionExists(await getDb(), sessionId))) notFound();
  return (
    <>
      <SessionDetailView sessionId={sessionId} canManage={member.role === "admin"} />
      {member.role === "admin" ? <SessionActions sessionId={sessionId} /> : null}
    </>
  );
}
