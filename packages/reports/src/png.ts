import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const fontDir = new URL('../fonts/', import.meta.url);
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => fileURLToPath(new URL(file, fontDir)));

/** A bitmap of an SVG (journey map) for formats that need one, drawn with the shipped fonts only. */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * 1.5) },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}
