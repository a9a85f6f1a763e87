export { requestMeta, type RequestMeta } from "@/lib/audit";
