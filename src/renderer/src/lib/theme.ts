// The consoles' colours, one palette per theme: the dark one for screens, a light,
// high-contrast one for projectors (washed-out beamers lose dark backgrounds first).
import type { ITheme } from '@xterm/xterm';
import type { ThemeName } from './presenter.svelte';

const dark: ITheme = {
  background: '#0b0f14',
  foreground: '#e6edf3',
  cursor: '#7ee787',
  cursorAccent: '#0b0f14',
  selectionBackground: '#2f4a6b',
  black: '#1b2028',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#f2cc60',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#e6edf3',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#a5f2b0',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0f5',
  brightWhite: '#ffffff',
};

/** Every colour at least 4.5:1 on white; "white" is a dark grey so it stays readable. */
const light: ITheme = {
  background: '#ffffff',
  foreground: '#0b0f14',
  cursor: '#0550ae',
  cursorAccent: '#ffffff',
  selectionBackground: '#b6d4fe',
  black: '#24292f',
  red: '#a40e26',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0550ae',
  magenta: '#6639ba',
  cyan: '#0e5b63',
  white: '#57606a',
  brightBlack: '#4b535d',
  brightRed: '#b3142c',
  brightGreen: '#17722f',
  brightYellow: '#6f4500',
  brightBlue: '#0a4fa0',
  brightMagenta: '#7339c4',
  brightCyan: '#0c5a63',
  brightWhite: '#2c3138',
};

export function terminalTheme(name: ThemeName): ITheme {
  return name === 'light' ? light : dark;
}
