import { vi } from "vitest";
import { describeBadInput } from "@/tests/support/bad-input-suite";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

await describeBadInput(0, 2);
