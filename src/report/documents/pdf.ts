/** A filing document as PDF: Debian's Chromium prints the HTML (fonts embedded, Chinese text extractable). */
import type { Browser } from "playwright-core";
import { chromiumPath, hasChromium, launchChromium } from "../../chromium.js";

export class PdfUnavailable extends Error {
  override name = "PdfUnavailable";
}

/** Printed by `browser` when given (the workspace's shared one: only the page is closed), else by a Chromium of its own. */
export async function htmlToPdf(html: string, browser?: Browser): Promise<Buffer> {
  if (!hasChromium())
    throw new PdfUnavailable(
      `PDF needs Chromium (${chromiumPath()}; apt-get install chromium fonts-noto-cjk): write .docx or .html instead`,
    );
  if (browser) {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      // The page number in the bottom margin ("- 1 -"), the margins the stylesheet's @page sets.
      return await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="width:100%;text-align:center;font-size:12pt;font-family:'Times New Roman',serif">- <span class="pageNumber"></span> -</div>`,
      });
    } finally {
      await page.close();
    }
  }
  const own = await launchChromium();
  try {
    return await htmlToPdf(html, own);
  } finally {
    await own.close();
  }
}
