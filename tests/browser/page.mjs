// Opens an interactive page exported by GER Planner in Debian's Chromium (headless, through
// playwright-core, which never downloads a browser), uses it as a person would and prints what
// it saw as JSON for the Rust tests to judge:
//
//   node page.mjs PAGE.html '{"hover":"ID","focus":"ID","search":"TEXT"}'
//
// The page is opened from disk; every request that is not the file itself is recorded.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [file, plan = "{}"] = process.argv.slice(2);
const steps = JSON.parse(plan);
const url = pathToFileURL(file).href;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const report = { console_errors: [], outside_requests: [], dialogs: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") report.console_errors.push(message.text());
  });
  page.on("pageerror", (error) => report.console_errors.push(String(error)));
  page.on("dialog", async (dialog) => {
    report.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    const address = request.url();
    if (address !== url && !address.startsWith("data:")) report.outside_requests.push(address);
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: "load" });
  report.load_ms = Date.now() - started;

  const visibleIds = (selector, key) => page.$$eval(selector, (elements, key) =>
    elements.filter((e) => getComputedStyle(e).display !== "none").map((e) => e.dataset[key]), key);
  report.bars = await visibleIds("#chart [data-mission]", "mission");
  report.rows = await visibleIds("#missions tbody tr", "for");
  const scale = () => page.$eval("#chart svg", (svg) => new DOMMatrix(getComputedStyle(svg).transform).a);
  report.scale = await scale();

  const cardText = () => page.$eval("#card", (card) => (card.hidden ? "" : card.innerText));
  if (steps.hover) {
    // From the pointer's arrival (the event's time) to the frame after the card was filled.
    await page.evaluate(() => {
      document.addEventListener("pointerover", (event) => {
        requestAnimationFrame(() => setTimeout(() => {
          window.hoverMs ??= performance.now() - event.timeStamp;
        }));
      }, { capture: true });
    });
    await page.hover(`#chart [data-mission="${steps.hover}"]`, { force: true });
    await page.waitForSelector("#card:not([hidden])");
    await page.waitForFunction(() => window.hoverMs !== undefined);
    report.hover_ms = await page.evaluate(() => window.hoverMs);
    report.hover_card = await cardText();
    await page.mouse.move(0, 0);
  }
  if (steps.focus) {
    await page.focus(`#chart [data-mission="${steps.focus}"]`);
    report.focus_card = await cardText();
    await page.keyboard.press("Enter");
    report.pinned = await page.$eval("#card", (card) => !card.hidden && card.querySelector(".close") !== null);
    await page.keyboard.press("Escape");
  }
  // The pointer: the wheel zooms, a drag pans.
  const box = await page.$eval("#chart", (chart) => chart.getBoundingClientRect().toJSON());
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -300);
  report.scale_after_wheel = await scale();
  const shift = () => page.$eval("#chart svg", (svg) => new DOMMatrix(getComputedStyle(svg).transform).e);
  const before = await shift();
  await page.mouse.down();
  for (const step of [10, 40, 80, 120]) await page.mouse.move(x + step, y);
  await page.mouse.up();
  report.dragged_by = (await shift()) - before;
  report.pinned_after_drag = await page.$eval("#card", (card) => card.querySelector(".close") !== null);
  await page.focus("#chart");
  await page.keyboard.press("0");
  await page.keyboard.press("+");
  report.scale_after_plus = await scale();
  await page.keyboard.press("0");
  report.scale_after_fit = await scale();
  const conflict = await page.$("#conflicts button[data-conflict]");
  if (conflict) {
    await conflict.click();
    report.conflict_picked = await page.$$eval("#chart .bar.picked", (bars) => bars.map((b) => b.dataset.mission));
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
  }
  if (steps.search !== undefined) {
    await page.fill("#search", steps.search);
    report.search_bars = await visibleIds("#chart [data-mission]", "mission");
    report.search_rows = await visibleIds("#missions tbody tr", "for");
    report.count = await page.$eval("#count", (output) => output.textContent);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
