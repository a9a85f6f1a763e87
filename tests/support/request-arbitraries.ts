import fc from "fast-check";

/** Whose credentials a generated request carries; the fuzz suite maps each to a real header value. */
export const credentials = [
  "none",
  "garbage-authorization",
  "bearer-random",
  "garbage-cookie",
  "viewer-token",
  "admin-token",
  "viewer-cookie",
  "admin-cookie",
] as const;
export type Credential = (typeof credentials)[number];

export type GeneratedBody = { kind: "none" } | { kind: "text"; text: string };

export type GeneratedRequest = {
  credential: Credential;
  bearerGarbage: string;
  contentType: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  params: string[];
  query: string;
  body: GeneratedBody;
};

export const sameOrigin = "http://console.test";

// Field names the API's bodies and queries use, so generated objects often come close to valid input.
const fieldNames = [
  "email",
  "role",
  "disabled",
  "phone",
  "code",
  "password",
  "name",
  "scope",
  "expiresInDays",
  "status",
  "q",
  "cursor",
  "limit",
  "kind",
  "sort",
  "order",
  "actor",
  "action",
  "csrfToken",
  "callbackUrl",
];
const fieldValues = fc.oneof(
  fc.constantFrom(
    "admin",
    "viewer",
    "read",
    "active",
    "revoked",
    "created",
    "desc",
    "check",
    "+9996621234",
    "9996621234",
    "22222",
    "member@example.com",
    "",
    " ",
  ),
  fc.emailAddress(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
);

const nearValidObject = fc.dictionary(fc.constantFrom(...fieldNames), fieldValues, { maxKeys: 4 });
const deepNesting = fc
  .integer({ min: 1, max: 20_000 })
  .chain((depth) =>
    fc.constantFrom(`${"[".repeat(depth)}${"]".repeat(depth)}`, `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  );
const hugeString = fc
  .constantFrom(1_000, 65_000, 70_000, 300_000)
  .map((size) => JSON.stringify({ email: "x".repeat(size), name: "y".repeat(size) }));

const bodyText = fc.oneof(
  { weight: 4, arbitrary: nearValidObject.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme", maxLength: 200 })
      .map((text) => JSON.stringify({ email: text, name: text, phone: text })),
  },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "email=a%40b.c&role=admin",
      '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--x--',
      "null",
      "[]",
      '"text"',
      "1e999",
      "{",
      "",
    ),
  },
);

const body: fc.Arbitrary<GeneratedBody> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 6, arbitrary: bodyText.map((text) => ({ kind: "text" as const, text })) },
);

const pathParam = (knownIds: string[]) =>
  fc.oneof(
    fc.constantFrom(...knownIds),
    fc.uuid(),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.constantFrom(
      "../../etc/passwd",
      "..%2f..%2fetc%2fpasswd",
      "%00",
      "..",
      ".",
      "' or 1=1 --",
      "00000000-0000-0000-0000-000000000000",
      "signin",
      "callback",
      "credentials",
      "session",
      "csrf",
      "providers",
      "signout",
      "error",
    ),
  );

const queryPart = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...fieldNames),
      fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 30 }),
        fc.integer().map(String),
        fc.constantFrom("active,revoked", "-1", "101", "1e3", "NaN"),
      ),
    )
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`),
  fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent),
);
const query = fc.array(queryPart, { maxLength: 4 }).map((parts) => (parts.length ? `?${parts.join("&")}` : ""));

/** Requests as a careless, confused or hostile client might send them; path params are filled per route. */
export function generatedRequest(paramCount: number, knownIds: string[]): fc.Arbitrary<GeneratedRequest> {
  return fc.record({
    credential: fc.constantFrom(...credentials),
    bearerGarbage: fc.string({ maxLength: 80 }),
    contentType: fc.constantFrom(
      undefined,
      "application/json",
      "application/json; charset=utf-8",
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/vnd.api+json",
      "json",
    ),
    origin: fc.constantFrom(undefined, "null", "https://evil.example", sameOrigin, "http://console.test.evil.example"),
    secFetchSite: fc.constantFrom(undefined, "same-origin", "same-site", "cross-site", "none"),
    params: fc.array(pathParam(knownIds), { minLength: paramCount, maxLength: paramCount }),
    query,
    body,
  });
}
