/**
 * The first setup's progress, without JavaScript: when the demo organisation is asked for, the
 * answer is one HTML page sent as the work goes (the browser shows each step as it arrives), and
 * ends by moving on to the new organisation (a refresh, and a link to follow).
 */
import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { Lang } from "../law/index.js";
import type { DemoStep } from "./demo.js";
import { page } from "./pages/layout.js";

const STEP: Record<DemoStep, Record<Lang, string>> = {
  org: { zh: "已创建演示组织", en: "Demo organisation created" },
  datamap: { zh: "已保存数据地图（深圳电商示例）", en: "Data map saved (the Shenzhen e-commerce example)" },
  ledger: { zh: "已准备台账", en: "Ledger ready" },
  events: { zh: "已记录 3,000 条虚构出境事件", en: "3,000 invented transfer events recorded" },
};

const MARK = "<!--xborder:progress-->";

/**
 * Answer `c` with the progress page of `work` (which reports its steps), then a move to `next`.
 * A failure of `work` is shown on the page; the account and the organisation made before stay.
 */
export async function progressPage(
  c: Context,
  lang: Lang,
  next: string,
  work: (step: (s: DemoStep) => void) => Promise<unknown>,
): Promise<Response> {
  const title = lang === "zh" ? "正在准备演示组织" : "Preparing the demo organisation";
  const whole = String(
    await page(
      { lang, path: c.req.path },
      title,
      html`<section class="card" aria-live="polite">
        <p>${lang === "zh" ? "账户和组织已创建。正在载入演示数据：" : "Your account and organisation are made. Loading the demo:"}</p>
        ${raw(MARK)}
      </section>`,
    ),
  );
  const [head, tail] = [whole.slice(0, whole.indexOf(MARK)), whole.slice(whole.indexOf(MARK) + MARK.length)];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A person who leaves the page stops the stream, not the work: the demo is still made whole.
      let open = true;
      const send = (s: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(s));
        } catch {
          open = false;
        }
      };
      send(`${head}<ol>`);
      try {
        await work((s) => send(String(html`<li>✓ ${STEP[s][lang]}</li>`)));
        send(String(html`<li><strong>${lang === "zh" ? "完成" : "Done"}</strong></li>`));
      } catch (e) {
        send(
          String(
            html`<li role="alert">${lang === "zh" ? "演示组织未能载入：" : "The demo could not be loaded: "}${(e as Error).message}</li>`,
          ),
        );
      }
      send(
        String(
          html`</ol>
            <p><a href="${next}">${lang === "zh" ? "继续" : "Continue"}</a></p>
            <meta http-equiv="refresh" content="0; url=${next}" />`,
        ),
      );
      send(tail);
      if (open) {
        try {
          controller.close();
        } catch {
          // stopped by the reader meanwhile
        }
      }
    },
  });
  return c.body(body, 200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" });
}
