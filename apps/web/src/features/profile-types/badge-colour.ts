/** The colour a badge without one of its own shows, and the one a new profile type starts with. */
export const defaultBadgeColour = '#3451d1';

/** Text on a badge: the console's dark text, or white. */
export const darkText = '#1c2127';
export const lightText = '#ffffff';

const hexColour = /^#[0-9a-f]{6}$/i;

export function isHexColour(value: string): boolean {
  return hexColour.test(value);
}

function channel(hex: string, start: number): number {
  const value = parseInt(hex.slice(start, start + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

/** The text colour that reads best on a badge of this background: dark or white, whichever contrasts more. */
export function badgeTextColour(background: string): string {
  return contrastRatio(background, darkText) >= contrastRatio(background, lightText) ? darkText : lightText;
}
