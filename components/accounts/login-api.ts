import { apiFetch } from "@/lib/api/client-fetch";
import type { LoginView } from "@/lib/api/schemas/logins";

const base = "/api/v1/telegram/logins";

export const loginApi = {
  get: (id: string) => apiFetch<LoginView>(`${base}/${id}`),
  startPhone: (phone: string) => apiFetch<LoginView>(base, { method: "POST", body: { phone } }),
  startQr: () => apiFetch<LoginView>(`${base}/qr`, { method: "POST" }),
  submitCode: (id: string, code: string) =>
    apiFetch<LoginView>(`${base}/${id}/code`, { method: "POST", body: { code } }),
  submitPassword: (id: string, password: string) =>
    apiFetch<LoginView>(`${base}/${id}/password`, { method: "POST", body: { password } }),
  resend: (id: string) => apiFetch<LoginView>(`${base}/${id}/resend`, { method: "POST" }),
  refreshQr: (id: string) => apiFetch<LoginView>(`${base}/${id}/qr`, { method: "POST" }),
  cancel: (id: string) => apiFetch<LoginView>(`${base}/${id}`, { method: "DELETE" }),
};
