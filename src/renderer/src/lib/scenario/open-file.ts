// A file the person picked or dropped: a recording goes to the replay, anything
// else is read as a scenario. Both are checked on the main side.
import { RECORDING_FORMAT } from '../../../../shared/recording';
import { layout } from '../layout.svelte';
import { replay } from '../replay/replay.svelte';
import { player } from './player.svelte';

const MAX_BYTES = 20 << 20;

export function isRecording(name: string, text: string): boolean {
  if (/\.cast$/i.test(name)) return true;
  const head = text.slice(0, 400);
  return head.includes(RECORDING_FORMAT) || /^\s*\{[^\n]*"version"\s*:\s*2\b/.test(head);
}

export async function openFile(file: File): Promise<void> {
  if (file.size > MAX_BYTES) {
    player.error = {
      code: 'invalid-input',
      message: `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB.`,
      hint: 'Scenarios and recordings Crosstalk opens are at most 20 MB.',
    };
    layout.panel = 'scenario';
    return;
  }
  const text = await file.text();
  if (isRecording(file.name, text)) {
    const ok = await replay.open(text, file.name);
    if (!ok) layout.panel = 'scenario';
  } else {
    await player.open(text, file.name);
    layout.panel = 'scenario';
  }
}
