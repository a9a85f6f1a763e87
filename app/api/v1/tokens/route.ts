import { insertApiToken, listActiveApiTokens } from "@/db/queries/api-tokens";
import { auditActorId } from "@/lib/audit";
import { generateApiToken } from "@/lib/auth/actors";
import { apiRoute } from "@/lib/api/handler";
import { createTokenBody, tokenItem, type CreatedToken } from "@/lib/api/schemas/tokens";

export const GET = apiRoute({ role: "admin" }, async ({ db }) => ({
  items: (await listActiveApiTokens(db)).map(tokenItem),
}));

/** Creates a token; the reply carries it this once, the database only its hash. */
export const POST = apiRoute(
  {
    role: "admin",
    body: createTokenBody,
    status: 201,
    audit: {
      action: "api_token.create",
      target: ({ body }) => body.name,
      detail: ({ body }) => ({ scope: body.scope, expiresInDays: body.expiresInDays ?? null }),
    },
  },
  async ({ db, actor, body, note }): Promise<CreatedToken> => {
    const { token, hash, prefix } = generateApiToken();
    const { expiresInDays, ...fields } = body;
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const created = await insertApiToken(db, {
      ...fields,
      tokenHash: hash,
      prefix,
      createdById: auditActorId(actor),
      expiresAt,
    });
    note({ detail: { id: created.id, prefix } });
    return { item: tokenItem(created), token };
  },
);
