// Runs the image checks (decode, perceptual hashes, metadata inflate) in a worker thread, so a hostile picture can
// only ever occupy this thread; the pool in image-pool.ts enforces the time limit by terminating it. Plain JS: a
// worker does not inherit the parent's TypeScript loader, so it loads the checks through tsx's API itself.
import { parentPort } from 'node:worker_threads';

const { tsImport } = await import('tsx/esm/api');
const { checkImage } = await tsImport('./domain/checks.ts', import.meta.url);

parentPort.on('message', (m) => {
  try {
    const buf = Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength);
    parentPort.postMessage({ id: m.id, report: checkImage(buf, m.ctx) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message ? e.message : e) });
  }
});
parentPort.postMessage({ ready: true });
