import { vi } from "vitest";
import { describeBadInput } from "@/tests/support/bad-input-suite";

vi.mock("@/db", async () => (await import("@/lib/api/test-database")).testDbModule);

await describeBadInput(0, 2);
