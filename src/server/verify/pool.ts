// A fixed pool of verification worker threads. Each task goes to an idle worker; a worker that
// exceeds the time cap is terminated (and replaced), one that dies (heap cap hit, crash) fails its
// task and is replaced, so a hostile run can cost one replay's time and memory, never the server.
import { Worker } from "node:worker_threads";
import type { ChallengeTarget, VerifyOutcome } from "./verify-run";
import type { VerifyRequest } from "./worker";

export interface PoolOptions {
  /** The worker script (the bundled dist-server/verify-worker.mjs, or worker.ts under tsx). */
  workerFile: URL | string;
  size: number;
  timeoutMs: number;
  memoryMb: number;
  maxQueue: number;
  execArgv?: string[];
}

export class PoolError extends Error {
  constructor(
    readonly code: "verify_busy" | "verify_timeout" | "verify_crashed" | "shutting_down",
    message: string,
  ) {
    super(message);
  }
}

interface Task {
  id: number;
  target: ChallengeTarget;
  runText: string;
  resolve(o: VerifyOutcome): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export class VerifyPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Counters for /api/health. */
  readonly stats = { verified: 0, timeouts: 0, crashes: 0 };

  constructor(private o: PoolOptions) {
    for (let i = 0; i < o.size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.o.workerFile, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.o.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.round(this.o.memoryMb / 8)),
        stackSizeMb: 4,
      },
      execArgv: this.o.execArgv,
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on("message", (m: { id?: number; outcome?: VerifyOutcome }) => {
      if (m.id === undefined || !slot.task || slot.task.id !== m.id || !m.outcome) return;
      const t = slot.task;
      this.release(slot);
      this.stats.verified++;
      t.resolve(m.outcome);
      this.pump();
    });
    let lastError: string | null = null;
    worker.on("error", (e) => {
      lastError = e.message;
    });
    // A worker that exits while still in the pool died (heap cap, crash): fail its task, replace it.
    // Workers the pool terminated itself (timeout, close) have already left the pool.
    worker.on("exit", (code) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      const t = slot.task;
      this.release(slot);
      if (this.closed) return;
      this.slots[i] = this.spawn();
      if (t) {
        this.stats.crashes++;
        t.reject(new PoolError("verify_crashed", `verification worker stopped: ${lastError ?? `exit code ${code}`}`));
      }
      this.pump();
    });
    worker.unref();
    return slot;
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  /** Tasks waiting for a worker plus tasks running. */
  get load(): { queued: number; running: number; workers: number } {
    return { queued: this.queue.length, running: this.slots.filter((s) => s.task).length, workers: this.slots.length };
  }

  /** True when a new submission would be refused as verify_busy (checked before its body is read). */
  get full(): boolean {
    return this.closed || this.queue.length >= this.o.maxQueue;
  }

  verify(target: ChallengeTarget, runText: string): Promise<VerifyOutcome> {
    if (this.closed) return Promise.reject(new PoolError("shutting_down", "the server is shutting down"));
    if (this.queue.length >= this.o.maxQueue) {
      return Promise.reject(new PoolError("verify_busy", "too many submissions are waiting; try again shortly"));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, target, runText, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task) continue;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.timer = setTimeout(() => {
        if (slot.task !== task) return;
        this.stats.timeouts++;
        this.release(slot);
        const i = this.slots.indexOf(slot);
        void slot.worker.terminate();
        if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
        task.reject(new PoolError("verify_timeout", `verification took longer than ${this.o.timeoutMs} ms`));
        this.pump();
      }, this.o.timeoutMs);
      const msg: VerifyRequest = { id: task.id, target: task.target, runText: task.runText };
      slot.worker.postMessage(msg);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    for (const t of this.queue.splice(0)) t.reject(new PoolError("shutting_down", "the server is shutting down"));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
