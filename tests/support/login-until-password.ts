import { openDatabase } from "@/db";
import { loginClient } from "./login-routes";

// Run as its own process: starts a login and enters the code, then exits, like a console that restarts
// right after the code step. Prints the flow as JSON. Env: DATABASE_URL, API_TOKEN, PHONE, CODE.
const api = loginClient(process.env.API_TOKEN ?? "");
const started = await api.start(process.env.PHONE ?? "");
const afterCode = await api.code(started.body.id, process.env.CODE ?? "");
console.log(JSON.stringify(afterCode.body));
await (await openDatabase()).close();
process.exit(0);
