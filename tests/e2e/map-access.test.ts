/**
 * End to end, the map's remaining pieces: arrowheads in directed mode, the line drawn for a
 * suggested introduction, the keyboard on the map (Tab reaches it; arrows pan, + and - zoom) and a
 * top bar that stays on one line at 1280 px with the Upload button. Real server, database and
 * Chromium; screenshots in tests/artifacts/e2e/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countColor, decodePng } from './png.js';
import { artifact, getJson, launchBrowser, nodePosition, waitForMap, watchErrors } from './browser.js';

interface GraphJson {
  edges: { source: string; target: string }[];
}
interface WavesJson {
  waves: { id: string; date: string }[];
}
interface IsolatedJson {
  organizations: { id: string; kind: string; suggestions: { id: string }[] }[];
}
interface Camera {
  x: number;
  y: number;
  ratio: number;
}

const base = inject('kopruUrl');
let browser: Browser;
let last: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const waves = (await getJson<WavesJson>(`${base}/api/waves`)).waves.sort((a, b) =>
    a.date < b.date ? -1 : 1,
  );
  last = waves[waves.length - 1]!.id;
});

afterAll(async () => {
  await browser?.close();
});

async function open(
  query: string,
  viewport = { width: 1280, height: 720 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/${query}`);
  return { context, page, errors };
}

const camera = (page: Page): Promise<Camera> => page.evaluate<Camera>('window.__kopruTest.cameraState()');

describe('the map, continued', () => {
  it('directed mode draws ties with arrowheads; undirected mode without', async () => {
    const graph = await getJson<GraphJson>(`${base}/api/graph?wave=${last}&mode=directed`);
    // A tie reported one way only: its arrow must point from the reporter.
    const pairs = new Set(graph.edges.map((e) => `${e.source}>${e.target}`));
    const oneWay = graph.edges.find((e) => !pairs.has(`${e.target}>${e.source}`))!;
    expect(oneWay).toBeDefined();

    const { context, page, errors } = await open(`?lang=en&wave=${last}&mode=directed`);
    await waitForMap(page);
    expect(await page.evaluate('window.__kopruTest.graphType()')).toBe('directed');
    expect(
      await page.evaluate(
        `window.__kopruTest.edgeHead(${JSON.stringify(oneWay.source)}, ${JSON.stringify(oneWay.target)})`,
      ),
    ).toBe('arrow');
    // No tie the other way round: nothing is drawn from the target back to the reporter.
    expect(
      await page.evaluate(
        `window.__kopruTest.edgeHead(${JSON.stringify(oneWay.target)}, ${JSON.stringify(oneWay.source)})`,
      ),
    ).toBeNull();
    await page.screenshot({ path: artifact('16-directed-arrows.png') });
    expect(errors).toEqual([]);
    await context.close();

    const undirected = await open(`?lang=en&wave=${last}`);
    await waitForMap(undirected.page);
    expect(await undirected.page.evaluate('window.__kopruTest.graphType()')).toBe('undirected');
    const [a, b] = [oneWay.source, oneWay.target];
    const head = await undirected.page.evaluate(
      `window.__kopruTest.edgeHead(${JSON.stringify(a)}, ${JSON.stringify(b)}) ?? window.__kopruTest.edgeHead(${JSON.stringify(b)}, ${JSON.stringify(a)})`,
    );
    expect(head).toBe('none');
    await undirected.context.close();
  });

  it('a suggested introduction draws a dashed line between the two organizations, gone when closed', async () => {
    const isolated = await getJson<IsolatedJson>(`${base}/api/isolated?wave=${last}`);
    const ngo = isolated.organizations.find((org) => org.kind === 'ngo' && org.suggestions.length > 0)!;
    expect(ngo, 'the demo data has an isolated NGO with suggestions').toBeDefined();
    const partner = ngo.suggestions[0]!.id;
    const { context, page, errors } = await open('?lang=en');
    await waitForMap(page);
    const line = page.getByTestId('pair-line');
    expect(await line.isVisible()).toBe(false);
    await page.getByTestId('tab-dashboard').click();
    await page.locator(`[data-testid="isolated-org"][data-id="${ngo.id}"]`).click();
    await page.locator('[data-testid="suggestion"] .suggestion-name').first().click();
    await page.waitForFunction(`new URL(location.href).searchParams.get('pair') === '${ngo.id},${partner}'`);
    await line.waitFor({ state: 'visible' });
    await page.waitForTimeout(1200); // the camera fits both
    // The line's ends are the two organizations, wherever the camera put them.
    const ends = await page.evaluate(`(() => {
      const l = document.querySelector('[data-testid="pair-line"] line');
      const box = document.querySelector('[data-testid="pair-line"]').getBoundingClientRect();
      const n = (name) => Number(l.getAttribute(name));
      return [{ x: box.left + n('x1'), y: box.top + n('y1') }, { x: box.left + n('x2'), y: box.top + n('y2') }];
    })()`);
    const [from, to] = ends as { x: number; y: number }[];
    const a = await nodePosition(page, ngo.id);
    const b = await nodePosition(page, partner);
    expect(Math.hypot(from!.x - a.x, from!.y - a.y)).toBeLessThan(1.5);
    expect(Math.hypot(to!.x - b.x, to!.y - b.y)).toBeLessThan(1.5);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(10);
    // Drawn: the line's orange (#d55e00) is on screen.
    const shot = decodePng(await page.locator('[data-testid="map-canvas"]').screenshot());
    expect(countColor(shot, '#d55e00', 40)).toBeGreaterThan(30);
    await page.screenshot({ path: artifact('17-suggestion-line.png') });

    await page.getByTestId('details-close').click();
    await page.waitForFunction(`new URL(location.href).searchParams.get('pair') === null`);
    await line.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the map is reachable with Tab and the keyboard pans and zooms it', async () => {
    const { context, page, errors } = await open('?lang=en');
    await waitForMap(page);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate<boolean>(
        `document.activeElement && document.activeElement.dataset.testid === 'map-canvas'`,
      );
    }
    expect(reached, 'Tab reaches the map').toBe(true);
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.screenshot({ path: artifact('18-map-focus.png') });

    const start = await camera(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    const right = await camera(page);
    expect(right.x).not.toBeCloseTo(start.x, 4);
    expect(right.y).toBeCloseTo(start.y, 6);
    expect(right.ratio).toBeCloseTo(start.ratio, 6);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(500);
    const back = await camera(page);
    expect(back.x).toBeCloseTo(start.x, 4);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(500);
    expect((await camera(page)).y).not.toBeCloseTo(start.y, 4);

    const before = (await camera(page)).ratio;
    await page.keyboard.press('+');
    await page.waitForTimeout(600);
    const zoomedIn = (await camera(page)).ratio;
    expect(zoomedIn).toBeLessThan(before);
    await page.keyboard.press('-');
    await page.waitForTimeout(600);
    expect((await camera(page)).ratio).toBeGreaterThan(zoomedIn);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const viewport of [
    { width: 1280, height: 720, oneLine: true },
    { width: 820, height: 1180, oneLine: false },
  ]) {
    it(`the top bar at ${viewport.width}×${viewport.height} keeps every control visible${viewport.oneLine ? ' on one line' : ''}`, async () => {
      const { context, page } = await open('?lang=en', viewport);
      await waitForMap(page);
      const rows = await page.evaluate<{ tops: number[]; height: number; overflow: boolean }>(`(() => {
        const bar = document.querySelector('.topbar');
        const items = [...bar.children].filter((el) => el.getClientRects().length > 0);
        return {
          tops: items.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)),
          height: bar.getBoundingClientRect().height,
          overflow: bar.scrollWidth > bar.clientWidth + 1,
        };
      })()`);
      expect(rows.overflow).toBe(false);
      await expect(page.getByTestId('upload-open').isVisible()).resolves.toBe(true);
      if (viewport.oneLine) {
        // Every item's centre on the same line, and the bar one control high.
        expect(Math.max(...rows.tops) - Math.min(...rows.tops)).toBeLessThanOrEqual(4);
        expect(rows.height).toBeLessThan(60);
      }
      await page.screenshot({ path: artifact(`19-topbar-${viewport.width}x${viewport.height}.png`) });
      await context.close();
    });
  }
});
