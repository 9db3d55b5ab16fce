// Paths from Windows, macOS and Linux give the names a user expects, whatever system runs the test.
import { describe, expect, it } from 'vitest';
import { fileName, fileStem, hostFlavour, samePath } from '../../main/platform/path-names';

describe('names from chosen paths', () => {
  it('takes the file name from drive-letter, UNC and non-ASCII Windows paths', () => {
    expect(fileName('C:\\Users\\José\\Evidencias\\foto amenaza 1.jpg', 'win32')).toBe('foto amenaza 1.jpg');
    expect(fileName('\\\\servidor-oficina\\compartido\\Bóvedas\\asociación.custodia', 'win32')).toBe('asociación.custodia');
    expect(fileName('D:/Exportaciones/dosier.zip', 'win32')).toBe('dosier.zip');
    expect(fileStem('\\\\?\\C:\\Users\\Ñusta\\defensores.custodia', 'win32')).toBe('defensores');
  });

  it('gives NFC names for macOS decomposed names, and keeps a backslash that is part of a Linux name', () => {
    const decomposed = '/Users/ana/Evide\u0302ncias/vi\u0301deo da ameac\u0327a.mp4';
    expect(fileName(decomposed, 'posix')).toBe('vídeo da ameaça.mp4');
    expect(fileName(decomposed, 'posix')).toHaveLength('vídeo da ameaça.mp4'.length);
    expect(fileName('/home/ana/raro\\nombre.jpg', 'posix')).toBe('raro\\nombre.jpg');
    expect(fileStem('/home/ana/.oculto', 'posix')).toBe('.oculto');
    expect(fileStem('/home/ana/bóveda.2026.custodia', 'posix')).toBe('bóveda.2026');
  });

  it('compares paths as each system resolves them', () => {
    expect(samePath('C:\\Users\\Ana\\v.custodia', 'c:/users/ana/V.CUSTODIA', 'win32')).toBe(true);
    expect(samePath('C:\\Users\\Ana\\v.custodia', 'C:\\Users\\Ana\\w.custodia', 'win32')).toBe(false);
    expect(samePath('/home/ana/v.custodia', '/home/ana/V.custodia', 'posix')).toBe(false);
    expect(samePath('/Users/ana/bo\u0301veda.custodia', '/Users/ana/./bóveda.custodia', 'posix')).toBe(true);
  });

  it('knows which system it runs on', () => {
    expect(hostFlavour('win32')).toBe('win32');
    expect(hostFlavour('darwin')).toBe('posix');
    expect(hostFlavour('linux')).toBe('posix');
  });
});
