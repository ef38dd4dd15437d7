/**
 * Whether a canvas drawing really drew, read from its pixels: the screen sets no DOM for what it
 * paints, so the browser tests (the See screen's and the newcomer's journey) count ink in a
 * screenshot of the area instead.
 */
import type { Locator, Page } from "playwright-core";

/** Pixels of the drawing that are not background, and those in the path's colour (#9a3412). */
export async function inked(page: Page, area: Locator): Promise<{ ink: number; path: number }> {
  const png = (await area.screenshot()).toString("base64");
  return (await page.evaluate(`new Promise((resolve) => {
    const image = new Image();
    image.onload = () => {
      const c = document.createElement("canvas");
      c.width = image.width; c.height = image.height;
      const g = c.getContext("2d");
      g.drawImage(image, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let ink = 0, path = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
        if (Math.abs(d[i] - 154) < 30 && Math.abs(d[i + 1] - 52) < 30 && Math.abs(d[i + 2] - 18) < 30) path++;
      }
      resolve({ ink, path });
    };
    image.src = "data:image/png;base64,${png}";
  })`)) as { ink: number; path: number };
}
