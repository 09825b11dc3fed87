/**
 * "Export PNG": the map as it is on screen, with its legend, title and (for synthetic data) the
 * synthetic-data notice, in one image. @sigma/export-image 3 drives sigma 3's per-layer canvases, which
 * sigma 4 no longer has (one WebGL stage canvas), so the stage is copied directly: a synchronous
 * refresh renders it and it is read in the same task, before the browser clears the WebGL buffer.
 */
import { dataStore } from '../core/data';
import { localeStore, t } from '../core/i18n';
import { buildLegendModel, type LegendItem } from './legend-model';

const PANEL = 300;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (ctx.measureText(candidate).width > maxWidth && line !== '') {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number): void {
  ctx.fillStyle = item.color;
  ctx.strokeStyle = item.color;
  if (item.shape === 'line') {
    ctx.lineWidth = item.width ?? 2;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 22, y);
    ctx.stroke();
  } else if (item.shape === 'square') {
    ctx.fillRect(x + 5, y - 6, 12, 12);
  } else {
    ctx.beginPath();
    ctx.arc(x + 11, y, 6.5, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** Draws map, legend and title onto a new canvas. */
/** What the export needs of a sigma instance (any graph type): its stage canvas, size and a render. */
export interface ExportableMap {
  getStageCanvas(): HTMLCanvasElement;
  getDimensions(): { width: number; height: number };
  refresh(): unknown;
}

export function composeExport(sigma: ExportableMap): HTMLCanvasElement {
  const stage = sigma.getStageCanvas();
  const { width, height } = sigma.getDimensions();
  // Render now and copy at once: the stage's drawing buffer is not preserved past this task.
  sigma.refresh();
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  const outWidth = width + PANEL;
  const outHeight = Math.max(height, 520);
  canvas.width = Math.round(outWidth * ratio);
  canvas.height = Math.round(outHeight * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, outWidth, outHeight);
  ctx.drawImage(stage, 0, 0, stage.width, stage.height, 0, 0, width, height);

  ctx.fillStyle = '#f6f7f9';
  ctx.fillRect(width, 0, PANEL, outHeight);
  ctx.strokeStyle = '#d5d9de';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(width + 0.5, 0);
  ctx.lineTo(width + 0.5, outHeight);
  ctx.stroke();

  const left = width + 16;
  const textWidth = PANEL - 32;
  let y = 26;
  const boot = dataStore.get().boot;
  const dataset = boot.status === 'ready' ? boot.data.dataset : null;
  ctx.fillStyle = '#1d232b';
  ctx.font = `600 15px ${FONT}`;
  for (const line of wrap(ctx, `Köprü — ${dataset?.name ?? ''}`, textWidth)) {
    ctx.fillText(line, left, y);
    y += 19;
  }
  const model = buildLegendModel();
  if (model) {
    ctx.font = `600 13px ${FONT}`;
    ctx.fillStyle = '#1d232b';
    y += 4;
    for (const line of wrap(ctx, model.title, textWidth)) {
      ctx.fillText(line, left, y);
      y += 17;
    }
    if (model.tieCount !== null) {
      ctx.font = `12px ${FONT}`;
      ctx.fillText(t('legend.tieCount', { count: model.tieCount }), left, y);
      y += 16;
    }
    for (const section of model.sections) {
      y += 10;
      ctx.font = `600 12px ${FONT}`;
      ctx.fillStyle = '#1d232b';
      for (const line of wrap(ctx, section.title, textWidth)) {
        ctx.fillText(line, left, y);
        y += 16;
      }
      ctx.font = `12px ${FONT}`;
      for (const item of section.items) {
        drawSwatch(ctx, item, left, y - 4);
        ctx.fillStyle = '#1d232b';
        const count =
          item.count !== undefined ? ` (${new Intl.NumberFormat(localeStore.get()).format(item.count)})` : '';
        ctx.fillText(`${item.label}${count}`, left + 30, y);
        y += 18;
      }
      if (section.note) {
        ctx.fillStyle = '#5b6470';
        ctx.font = `11px ${FONT}`;
        for (const line of wrap(ctx, section.note, textWidth)) {
          ctx.fillText(line, left, y);
          y += 14;
        }
      }
    }
  }
  if (dataset?.synthetic) {
    ctx.font = `600 11px ${FONT}`;
    ctx.fillStyle = '#7a4b00';
    let bottom = outHeight - 14;
    const lines = wrap(ctx, t('banner.synthetic'), textWidth);
    bottom -= (lines.length - 1) * 14;
    for (const line of lines) {
      ctx.fillText(line, left, bottom);
      bottom += 14;
    }
  }
  return canvas;
}

export async function downloadPng(sigma: ExportableMap, fileName: string): Promise<void> {
  const canvas = composeExport(sigma);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the image');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
