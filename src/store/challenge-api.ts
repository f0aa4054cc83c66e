// The game's client for the challenge API (docs/API.md). Same origin as the game; every failure
// comes back as {code, message, key?, params?} so the UI can show it in the trainee's language.
export interface ApiFailure {
  code: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
  status: number;
}

export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; error: ApiFailure };

export interface PublicChallenge {
  code: string;
  scenario: { id: string; title: { "zh-CN": string; en: string }; weeks?: number };
  seed: string;
  difficulty: "easy" | "standard" | "hard";
  className: string;
  deadline: string | null;
  closed: boolean;
  engineVersion: string;
  contentHash: string;
  createdAt: string;
}

export interface BoardKpis {
  gmvFen: number;
  orders: number;
  uv: number;
  conversionRate: number;
  netProfitFen: number;
  dsr: number;
  [k: string]: number;
}

export interface BoardRow {
  rank: number;
  name: string;
  score: number;
  stars: number;
  verified: boolean;
  attempts: number;
  submittedAt: string;
  kpis: BoardKpis;
}

export interface SubmissionView {
  id: number;
  name: string;
  verified: boolean;
  score: number | null;
  stars: number | null;
  kpis: BoardKpis | null;
  /** Why a run was rejected; `key` + `params` (the engine's translatable reason) when the server sends them. */
  rejected: {
    code: string | null;
    message: string | null;
    key?: string;
    params?: Record<string, string | number>;
  } | null;
  submittedAt: string;
  /** The earlier trainee whose run this repeats (same final state or decision log), if any. */
  copyOf?: { id: number; name: string; submittedAt: string } | null;
  /** Hidden from the class board by the instructor. */
  hidden?: boolean;
}

/** A trainee whose verified runs all repeat an earlier trainee's: on the board, not ranked. */
export interface CopyBoardRow {
  name: string;
  score: number;
  stars: number;
  submittedAt: string;
  copyOf: { name: string; submittedAt: string };
}

export interface TimelineWeek {
  week: number;
  decisions: { type: string; [k: string]: unknown }[];
  kpis: {
    uv: number;
    orders: number;
    gmvFen: number;
    conversionRate: number;
    netProfitFen: number;
    cashEndFen: number;
  };
}

export interface TraineeDetailView {
  name: string;
  best: (SubmissionView & { timeline: TimelineWeek[] }) | null;
  submissions: SubmissionView[];
}

export interface CreatedChallenge {
  code: string;
  secret: string;
  link: string;
  challenge: PublicChallenge;
}

export interface SubmitResult {
  duplicate: boolean;
  submission: SubmissionView;
  rank: number | null;
  /** Whether this run is the trainee's counted (best) one. */
  counted: boolean;
  /** Given with a name's first verified submission: later submissions under the name must send it. */
  claimToken?: string;
}

type Fetch = typeof fetch;

export function createChallengeApi(base = "", fetchImpl: Fetch = (...a) => fetch(...a)) {
  async function call<T>(method: string, path: string, body?: unknown, secret?: string): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (secret) headers["x-instructor-secret"] = secret;
    let res: Response;
    try {
      res = await fetchImpl(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
      });
    } catch (e) {
      return { ok: false, error: { code: "offline", message: (e as Error).message, status: 0 } };
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    if (res.ok && json !== null) return { ok: true, data: json as T, status: res.status };
    const err = (json as { error?: Partial<ApiFailure> } | null)?.error;
    return {
      ok: false,
      error: {
        code: err?.code ?? (res.status === 404 ? "not_found" : "offline"),
        message: err?.message ?? `HTTP ${res.status}`,
        ...(err?.key ? { key: err.key, params: err.params ?? {} } : {}),
        status: res.status,
      },
    };
  }
  const c = (code: string) => `/api/challenges/${encodeURIComponent(code)}`;
  return {
    getChallenge: (code: string) => call<{ challenge: PublicChallenge }>("GET", c(code)),
    create: (body: {
      scenario: string;
      seed: string;
      difficulty: string;
      deadline: string | null;
      className: string;
    }) => call<CreatedChallenge>("POST", "/api/challenges", body),
    submit: (code: string, name: string, run: unknown, claimToken?: string) =>
      call<SubmitResult>("POST", `${c(code)}/submissions`, { name, run, ...(claimToken ? { claimToken } : {}) }),
    leaderboard: (code: string) =>
      call<{ challenge: PublicChallenge; rows: BoardRow[]; copies?: CopyBoardRow[]; updatedAt: string }>(
        "GET",
        `${c(code)}/leaderboard`,
      ),
    /** Every page of the instructor's list (the server pages by id; see docs/API.md). */
    async submissions(
      code: string,
      secret: string,
    ): Promise<ApiResult<{ challenge: PublicChallenge; submissions: SubmissionView[] }>> {
      type Page = { challenge: PublicChallenge; submissions: SubmissionView[]; next?: number | null };
      const all: SubmissionView[] = [];
      let after = 0;
      for (let i = 0; i < 100; i++) {
        const r = await call<Page>("GET", `${c(code)}/submissions?after=${after}&limit=1000`, undefined, secret);
        if (!r.ok) return r;
        all.push(...r.data.submissions);
        if (r.data.next === null || r.data.next === undefined) {
          return { ok: true, status: r.status, data: { challenge: r.data.challenge, submissions: all } };
        }
        after = r.data.next;
      }
      return { ok: false, error: { code: "too_many", message: "more than 100 000 submissions", status: 0 } };
    },
    trainee: (code: string, name: string, secret: string) =>
      call<TraineeDetailView>("GET", `${c(code)}/trainees/${encodeURIComponent(name)}`, undefined, secret),
    close: (code: string, secret: string) =>
      call<{ challenge: PublicChallenge }>("POST", `${c(code)}/close`, undefined, secret),
    /** Hides a submission from the board (`hidden: false` shows it again); audited on the server. */
    hide: (code: string, id: number, hidden: boolean, secret: string) =>
      call<{ submission: SubmissionView }>("POST", `${c(code)}/submissions/${id}/hide`, { hidden }, secret),
    /** Removes a submission from the board and the list; audited. */
    remove: (code: string, id: number, secret: string) =>
      call<{ removed: number }>("POST", `${c(code)}/submissions/${id}/remove`, {}, secret),
    /** Lets the next submission under the name claim it again; audited. */
    resetClaim: (code: string, name: string, secret: string) =>
      call<{ reset: string }>("POST", `${c(code)}/trainees/${encodeURIComponent(name)}/reset-claim`, {}, secret),
    getRoster: (code: string, secret: string) =>
      call<{ names: string[] | null }>("GET", `${c(code)}/roster`, undefined, secret),
    /** Only these names may submit; `null` drops the roster. */
    setRoster: (code: string, names: string[] | null, secret: string) =>
      call<{ names: string[] | null }>("PUT", `${c(code)}/roster`, { names }, secret),
    /** Where the server listens (`listen.loopback`: only this computer can reach it). */
    /** True when the page came from a ShopSim server (it sets `Server-Timing: shopsim` on the HTML). */
    servedByShopsim: () => servedByShopsimServer(),
    health: () => call<{ ok: boolean; listen?: { host: string; loopback: boolean } }>("GET", "/api/health"),
    /** Undoes a close (refused once the deadline has passed). */
    reopen: (code: string, secret: string) =>
      call<{ challenge: PublicChallenge }>("POST", `${c(code)}/reopen`, undefined, secret),
    /** The CSV export as text (UTF-8 with BOM), for a download. */
    async exportCsv(code: string, secret: string): Promise<ApiResult<Blob>> {
      try {
        const res = await fetchImpl(`${base}${c(code)}/export.csv`, {
          headers: { "x-instructor-secret": secret },
          cache: "no-store",
        });
        if (!res.ok)
          return { ok: false, error: { code: "export_failed", message: `HTTP ${res.status}`, status: res.status } };
        return { ok: true, data: await res.blob(), status: res.status };
      } catch (e) {
        return { ok: false, error: { code: "offline", message: (e as Error).message, status: 0 } };
      }
    },
  };
}

export type ChallengeApi = ReturnType<typeof createChallengeApi>;

/** True when the page was served by a ShopSim server (Navigation Timing's serverTiming has `shopsim`). */
export function servedByShopsimServer(): boolean {
  if (typeof performance === "undefined" || typeof performance.getEntriesByType !== "function") return false;
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return nav?.serverTiming?.some((e) => e.name === "shopsim") ?? false;
}
