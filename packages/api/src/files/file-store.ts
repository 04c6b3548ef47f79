/**
 * Where attachment bytes live. The database holds their metadata (name, type, size, SHA-256,
 * storage key); a store holds the bytes under that key. The disk store keeps them under the
 * data folder; an S3-compatible store can implement the same three calls later.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export function createDiskFileStore(root: string): FileStore {
  const where = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, data) {
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data, { flag: 'wx' }); // never overwrite
    },
    async get(key) {
      try {
        return await readFile(where(key));
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(where(key), { force: true });
    },
  };
}

/** In memory: for tests of code that does not care where bytes go. */
export function createMemoryFileStore(): FileStore {
  const files = new Map<string, Buffer>();
  return {
    put: async (key, data) => {
      files.set(key, Buffer.from(data));
    },
    get: async (key) => files.get(key) ?? null,
    delete: async (key) => {
      files.delete(key);
    },
  };
}
