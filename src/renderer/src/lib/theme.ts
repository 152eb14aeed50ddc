// The consoles' colours: high contrast, readable on a projector.
import type { ITheme } from '@xterm/xterm';

export const terminalTheme: ITheme = {
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
