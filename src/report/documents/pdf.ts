/** A filing document as PDF: Debian's Chromium prints the HTML (fonts embedded, Chinese text extractable). */
import { chromiumPath, hasChromium, launchChromium } from "../../chromium.js";

export class PdfUnavailable extends Error {
  override name = "PdfUnavailable";
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!hasChromium())
    throw new PdfUnavailable(
      `PDF needs Chromium (${chromiumPath()}; apt-get install chromium fonts-noto-cjk): write .docx or .html instead`,
    );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
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
    await browser.close();
  }
}
