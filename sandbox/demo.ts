import type { SandboxControl } from "./control/operations";
import { loginCodeFor } from "./server/accounts";

/** Demo fixtures, not secrets: printed at start so a newcomer can log in straight away. */
const DEMO_ACCOUNTS = [
  { phone: "9996621111", firstName: "Demo", lastName: "Support" },
  {
    phone: "9996622222",
    firstName: "Demo",
    lastName: "Two-Factor",
    password: "sandbox-2fa",
    hint: "printed by npm run sandbox",
  },
  { phone: "9996611111", firstName: "Demo", lastName: "DC1 (migrates)" },
  { phone: "9996631111", firstName: "Demo", lastName: "DC3 (migrates)" },
];

export interface DemoAccount {
  phone: string;
  name: string;
  code: string;
  password: string | null;
}

/** The demo accounts as a newcomer needs them: number, name, code and 2FA password. */
export function describeDemoAccounts(): DemoAccount[] {
  return DEMO_ACCOUNTS.map((demo) => ({
    phone: demo.phone,
    name: `${demo.firstName} ${demo.lastName}`,
    code: loginCodeFor(demo.phone),
    password: demo.password ?? null,
  }));
}

/** Creates the demo accounts that do not exist yet and describes all of them. */
export function seedDemoAccounts(control: SandboxControl): DemoAccount[] {
  for (const demo of DEMO_ACCOUNTS) if (!control.getAccount(demo.phone)) control.createAccount(demo);
  return describeDemoAccounts();
}
