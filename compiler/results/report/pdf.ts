// report.pdf: report.html printed by headless Chromium through
// playwright-core (the `chromium` on the PATH, or ISU_CHROMIUM), A4 with
// margins, print styles applied. Nothing is fetched: the page is set from
// the string and every request is refused.
import * as fs from "node:fs";
import * as path from "node:path";

export class ChromiumMissingError extends Error {}

/** The Chromium to print with: ISU_CHROMIUM, else `chromium` or `chromium-browser` on the PATH. */
export function findChromium(): string | undefined {
  const configured = process.env.ISU_CHROMIUM;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** What to say when no Chromium is found: the commands check it before they count anything. */
export const NO_CHROMIUM =
  "report.pdf: no Chromium found to print the report (looked for ISU_CHROMIUM and for chromium, chromium-browser and google-chrome on the PATH). Install Chromium (e.g. `apt-get install chromium`) or set ISU_CHROMIUM to its path; report.html holds the same content.";

export async function pdfReport(html: string, chromiumPath = findChromium()): Promise<Buffer> {
  if (!chromiumPath) throw new ChromiumMissingError(NO_CHROMIUM);
  const { chromium } = await import("playwright-core");
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  } catch (e) {
    throw new ChromiumMissingError(
      `report.pdf: Chromium at ${chromiumPath} did not start (${(e as Error).message.split("\n")[0]}). Check that it runs (\`${chromiumPath} --version\`) or set ISU_CHROMIUM to a working one.`,
    );
  }
  try {
    const page = await browser.newPage();
    // The report is self-contained; anything it would fetch is a bug, never a download.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" }, printBackground: true, preferCSSPageSize: true });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
