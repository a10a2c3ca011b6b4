/**
 * Debian's Chromium, driven by playwright-core (no browser download): where it is, and how it is
 * started — headless, and without the background networking this machine's closed network refuses.
 * The PDF writer, the browser tests and the workspace benchmark share it.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const chromiumPath = () => process.env.XBORDER_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = () => existsSync(chromiumPath());

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export class ChromiumBusy extends Error {
  override name = "ChromiumBusy";
}

/**
 * One Chromium for a long-running process (the workspace): started on first use and kept, at most
 * `pages` pages at a time, at most `waiting` callers queued behind them (more are refused with
 * ChromiumBusy rather than piling up); restarted if it dies.
 */
export class SharedChromium {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private readonly queue: (() => void)[] = [];
  /** How many times a browser was started (tests, logs). */
  launches = 0;

  constructor(
    readonly pages = 2,
    readonly waiting = 16,
  ) {}

  async run<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
    if (this.active >= this.pages) {
      if (this.queue.length >= this.waiting) throw new ChromiumBusy("the PDF printer is busy: try again in a moment");
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.active++;
    try {
      return await work(await this.start());
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  private start(): Promise<Browser> {
    if (!this.browser) {
      this.launches++;
      const started = launchChromium();
      this.browser = started;
      started.then(
        (b) => b.on("disconnected", () => this.browser === started && (this.browser = undefined)),
        () => this.browser === started && (this.browser = undefined),
      );
    }
    return this.browser;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b).close().catch(() => undefined);
  }
}
