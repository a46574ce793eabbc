// A small multipart/form-data reader (RFC 7578) for the attachment upload endpoints.

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The parts of a multipart/form-data body, or an error sentence. */
export function parseMultipart(raw: Buffer, contentType: string | undefined): FormPart[] | string {
  const type = contentType ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) return 'the request is not multipart/form-data';
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return 'the multipart boundary is missing';
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = raw.indexOf(delimiter);
  if (pos < 0) return 'the multipart body has no parts';
  for (;;) {
    pos += delimiter.length;
    if (raw.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (raw.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headerEnd = raw.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return 'a multipart part has no header end';
    const headers = new Map<string, string>();
    for (const line of raw.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return 'the multipart body is not terminated';
    const data = raw.subarray(headerEnd + 4, next);
    const disposition = headers.get('content-disposition') ?? '';
    const name = param(disposition, 'name');
    if (name === undefined) return 'a multipart part has no name';
    const part: FormPart = { name, data: Buffer.from(data) };
    const filename = param(disposition, 'filename*') ?? param(disposition, 'filename');
    if (filename !== undefined) part.filename = filename;
    const ct = headers.get('content-type');
    if (ct !== undefined) part.contentType = ct;
    parts.push(part);
    pos = next + 2;
  }
  return parts;
}

function param(header: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${name.replace('*', '\\*')}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  const value = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '').trim();
  if (name.endsWith('*')) {
    const ext = /^([^']*)'[^']*'(.*)$/.exec(value);
    if (ext) {
      try {
        return decodeURIComponent(ext[2]!);
      } catch {
        return ext[2];
      }
    }
  }
  return value;
}
