// A dropped file goes to main as its bytes, 1 MiB at a time: the page never learns or sends a
// path, and main streams the chunks straight into the vault.
import { UPLOAD_CHUNK_BYTES, type Request, type Response } from '../../shared/ipc/contract';
import { api, unwrap } from './api';

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

export async function uploadDropped(
  file: File,
  incidentId: number,
  acquisition: Request<'evidence.uploadBegin'>['acquisition'],
  onProgress: (done: number, total: number) => void,
): Promise<Response<'evidence.uploadEnd'>> {
  const { uploadId } = await unwrap(api().evidence.uploadBegin({ incidentId, name: file.name, bytes: file.size, acquisition }));
  try {
    for (let at = 0; at < file.size; at += UPLOAD_CHUNK_BYTES) {
      const data = await base64Of(file.slice(at, at + UPLOAD_CHUNK_BYTES));
      const { received } = await unwrap(api().evidence.uploadChunk({ uploadId, data }));
      onProgress(received, file.size);
    }
    return await unwrap(api().evidence.uploadEnd({ uploadId }));
  } catch (e) {
    await api().evidence.uploadAbort({ uploadId });
    throw e;
  }
}
