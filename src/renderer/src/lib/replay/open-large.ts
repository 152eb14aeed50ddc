// Opens a recording of any size: a small one in one call, a large one in chunks
// (browser mode's WebSocket carries at most 2 MiB a message), checked on the main side.
import type { RecordingBundle } from '../../../../shared/recording';
import { UPLOAD_CHUNK_CHARS } from '../../../../shared/recording';
import { api } from '../api';

/** Up to this many characters go in one message. */
const ONE_MESSAGE_CHARS = UPLOAD_CHUNK_CHARS;

export async function openLarge(text: string, source: string): Promise<RecordingBundle> {
  if (text.length <= ONE_MESSAGE_CHARS) return api.openRecording({ text, source });
  const total = Math.ceil(text.length / UPLOAD_CHUNK_CHARS);
  const { upload } = await api.beginUpload({ total, chars: text.length });
  for (let index = 0; index < total; index++) {
    const chunk = text.slice(index * UPLOAD_CHUNK_CHARS, (index + 1) * UPLOAD_CHUNK_CHARS);
    await api.uploadChunk({ upload, index, text: chunk });
  }
  return api.openUploadedRecording({ upload, source });
}
