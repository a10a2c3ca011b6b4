/**
 * Filing documents as PDF for the workspace: printed by one shared Chromium (two pages at a time,
 * sixteen waiting; more answer 503), and each document version's PDF kept (a stored document
 * never changes, so its id and the digest of its HTML name the PDF).
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { SharedChromium } from "../chromium.js";
import { htmlToPdf } from "../report/documents/pdf.js";

export class PdfPrinter {
  readonly chromium = new SharedChromium(2, 16);
  /** Up to 64 MiB of PDFs. */
  private readonly kept = new LRUCache<string, Buffer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (b) => b.length || 1 });
  private readonly printing = new Map<string, Promise<Buffer>>();

  async print(orgId: number, documentId: number, html: string): Promise<Buffer> {
    const key = `${orgId}:${documentId}:${createHash("sha256").update(html).digest("hex")}`;
    const kept = this.kept.get(key) ?? (await this.printing.get(key));
    if (kept) return kept;
    const p = this.chromium.run((browser) => htmlToPdf(html, browser));
    this.printing.set(key, p);
    try {
      const pdf = await p;
      this.kept.set(key, pdf);
      return pdf;
    } finally {
      this.printing.delete(key);
    }
  }

  close(): Promise<void> {
    return this.chromium.close();
  }
}
