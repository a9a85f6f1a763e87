import { listActiveApiTokens } from "@/db/queries/api-tokens";
import { auditActorId } from "@/lib/audit";
import { issueApiToken } from "@/lib/auth/actors";
import { apiRoute } from "@/lib/api/handler";
import {
  createTokenBody,
  tokenItem,
  tokenRequestOf,
  type CreatedToken,
  createdToken,
  tokenList,
} from "@/lib/api/schemas/tokens";

export const GET = apiRoute({ summary: "List API tokens", response: tokenList, role: "admin" }, async ({ db }) => ({
  items: (await listActiveApiTokens(db)).map(tokenItem),
}));

/** Creates a token; the reply carries it this once, the database only its hash. Asks for a recent factor proof. */
export const POST = apiRoute(
  {
    summary: "Create an API token: the token, shown once",
    response: createdToken,
    role: "admin",
    body: createTokenBody,
    status: 201,
    stepUp: true,
    audit: {
      action: "api_token.create",
      target: ({ body }) => body.name,
      detail: ({ body }) => ({
        scope: body.scope,
        expiresInDays: body.expiresInDays ?? null,
        ...(body.scope === "use" && {
          methods: body.methods,
          sessionIds: body.sessions?.ids ?? null,
          lease: !!body.lease,
        }),
      }),
    },
  },
  async ({ db, actor, body, note }): Promise<CreatedToken> => {
    const { created, token } = await issueApiToken(db, { ...tokenRequestOf(body), createdById: auditActorId(actor) });
    note({ detail: { id: created.id, prefix: created.prefix } });
    return { item: tokenItem(created), token };
  },
);
