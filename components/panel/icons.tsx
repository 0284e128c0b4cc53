/** @jsxRuntime classic */
/** @jsx h */
/*
 * The panel's icons: inline SVG in the shadow root (no font, no request), 16-unit strokes in the
 * text's colour, in the manner of Ant Design's outlined set.
 */
// biome-ignore lint/correctness/noUnusedImports: h (and Fragment) are the classic JSX factories the pragmas above name.
import { h } from 'preact';

const PATHS = {
  right: 'M6 3l5 5-5 5',
  left: 'M10 3L5 8l5 5',
  swap: 'M2 5h11m-3-3l3 3-3 3m4 3H3m3-3l-3 3 3 3',
  check: 'M3.5 8.5l3 3 6-6.5',
  warn: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 4.5V9m0 2.5v.5',
  out: 'M9 2.5h4.5V7m0-4.5L7.5 8.5M11.5 9.5v4h-9v-9h4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="i" viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
