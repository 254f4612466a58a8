import { describe, expect, it } from 'vitest';
import { badgeTextColour, contrastRatio, darkText, isHexColour, lightText } from './badge-colour.ts';

function hex(red: number, green: number, blue: number): string {
  return `#${[red, green, blue].map((part) => part.toString(16).padStart(2, '0')).join('')}`;
}

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrastRatio('#1f6feb', '#1f6feb')).toBe(1);
  });
});

describe('badgeTextColour', () => {
  it('puts dark text on light colours and white text on dark ones', () => {
    expect(badgeTextColour('#f5c518')).toBe(darkText);
    expect(badgeTextColour('#ffffff')).toBe(darkText);
    expect(badgeTextColour('#1f6feb')).toBe(lightText);
    expect(badgeTextColour('#000000')).toBe(lightText);
  });

  it('chooses the text that contrasts more, and readably, on every background', () => {
    for (let red = 0; red <= 255; red += 15) {
      for (let green = 0; green <= 255; green += 15) {
        for (let blue = 0; blue <= 255; blue += 15) {
          const background = hex(red, green, blue);
          const text = badgeTextColour(background);
          const other = text === darkText ? lightText : darkText;
          expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(contrastRatio(background, other));
          expect(contrastRatio(background, text)).toBeGreaterThan(4);
        }
      }
    }
  });
});

describe('isHexColour', () => {
  it('takes #rrggbb only', () => {
    expect(isHexColour('#A1b2C3')).toBe(true);
    expect(isHexColour('#abc')).toBe(false);
    expect(isHexColour('a1b2c3')).toBe(false);
    expect(isHexColour('#a1b2c3 ')).toBe(false);
  });
});
