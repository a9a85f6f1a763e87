/** The console's HTTP API as an automation script calls it, with an admin API token. */
export class ConsoleApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** phone → code → 2FA password (when the account has one); the new session's id. */
  async login(phone: string, password: string): Promise<string> {
    const started = await this.post<{ id: string }>("/api/v1/telegram/logins", { phone });
    let answer = await this.post<{ step: string; sessionId?: string }>(`/api/v1/telegram/logins/${started.id}/code`, {
      code: phone.charAt(5).repeat(5),
    });
    if (answer.step === "password")
      answer = await this.post(`/api/v1/telegram/logins/${started.id}/password`, { password });
    if (answer.step !== "done" || !answer.sessionId) throw new Error(`login of ${phone} ended at ${answer.step}`);
    return answer.sessionId;
  }

  rotate(sessionId: string): Promise<unknown> {
    return this.post(`/api/v1/sessions/${sessionId}/rotate`, {});
  }

  revoke(sessionId: string): Promise<unknown> {
    return this.post(`/api/v1/sessions/${sessionId}/revoke`, {});
  }

  /** Takes an open login's next step, to show it is not stuck; its step afterwards. */
  async continueLogin(flowId: string, step: string, phone: string, password: string): Promise<string> {
    const path = step === "code" ? "code" : "password";
    const body = step === "code" ? { code: phone.charAt(5).repeat(5) } : { password };
    let answer = await this.post<{ step: string }>(`/api/v1/telegram/logins/${flowId}/${path}`, body);
    if (answer.step === "password")
      answer = await this.post(`/api/v1/telegram/logins/${flowId}/password`, { password });
    return answer.step;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}
