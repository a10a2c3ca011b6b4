/** A filing document as PDF: Debian's Chromium prints the HTML (fonts embedded, Chinese text extractable). */
import { existsSync } from "node:fs";

export class PdfUnavailable extends Error {
  override name = "PdfUnavailable";
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const exe = process.env.XBORDER_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(exe))
    throw new PdfUnavailable(`PDF needs Chromium (${exe}; apt-get install chromium fonts-noto-cjk): write .docx or .html instead`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: exe,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true });
  } finally {
    await browser.close();
  }
}
