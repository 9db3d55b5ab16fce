// Files the user chose in main's own dialogs, handed to the renderer as opaque tokens so a
// compromised renderer can never name a path (T8). Tokens are single-use and dropped on lock.
import { randomBytes } from 'node:crypto';
import { fileName } from '../platform/path-names';
import { statSync } from 'node:fs';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface StagedFile {
  token: string;
  name: string;
  bytes: number;
}

export class FileTokens {
  private readonly paths = new Map<string, string>();

  stage(path: string): StagedFile {
    const token = randomBytes(16).toString('hex');
    this.paths.set(token, path);
    return { token, name: fileName(path), bytes: statSync(path).size };
  }

  /** Resolves and forgets the token: a second use is refused like an unknown one. */
  take(token: string): string {
    const path = this.paths.get(token);
    if (path === undefined) throw new CustodiaError('E_NOT_FOUND', 'Unknown or already used file token');
    this.paths.delete(token);
    return path;
  }

  clear(): void {
    this.paths.clear();
  }
}
