// A local file a tool is asked to upload: an absolute path to a regular file, under the size limit,
// with a plain name to give it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertPlainFileName } from '../files/safe-file-name.ts';
import { ToolInputError } from './tool-errors.ts';

const maxMegabytes = () => Number(process.env.TETHER_MAX_UPLOAD_MB ?? 100);

export async function uploadSource(filePath: string, filename?: string): Promise<{ name: string; size: number }> {
  if (!path.isAbsolute(filePath)) throw new ToolInputError(`file_path must be an absolute path (it is "${filePath}"): give the full path of the file.`);
  let name: string;
  try {
    name = assertPlainFileName(filename ?? path.basename(filePath));
  } catch (error) {
    throw new ToolInputError((error as Error).message);
  }
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (!stat?.isFile()) throw new ToolInputError(`There is no file at ${filePath}: check the path.`);
  const max = maxMegabytes();
  if (stat.size > max * 1024 * 1024) throw new ToolInputError(`${name} is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over Tether's ${max} MB upload limit (TETHER_MAX_UPLOAD_MB): attach a smaller file, or raise the limit.`);
  return { name, size: stat.size };
}
