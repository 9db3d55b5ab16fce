// A complete DossierInput built from real parts: JPEG and PNG pictures made by sharp, a non-picture
// exhibit, an incident with real names and consent, and a real signed custody log.
import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { DossierInput, ExhibitInput, OriginalInput, RecipientKind } from '../../../shared/dossier/dossier-types';
import type { Language } from '../../../shared/vocabulary/languages';
import type { Incident } from '../../../shared/incident/incident-schema';
import { buildCustodyLog, type CustodyFixture } from './custody-fixture';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function sampleIncident(): Incident {
  return {
    occurredAt: '2026-10-02T18:30:00-05:00',
    occurredUntil: '2026-10-02T19:00:00-05:00',
    precision: 'exact',
    place: 'Comunidad nativa Tres Islas, Tambopata, Madre de Dios',
    placeDetail: { country: 'PE', region: 'Madre de Dios', province: 'Tambopata', district: 'Inambari', site: 'km 108, Interoceánica' },
    coordinates: { lat: -12.59, lon: -69.19, source: 'gps' },
    channel: 'phone',
    perpetrators: 'Dos hombres en motocicleta, vinculados al campamento minero del km 108',
    perpetratorDetails: [{ description: 'hombre de unos 30 años, cicatriz en la mejilla izquierda', actorType: 'illegal_economy', affiliation: 'minería ilegal de oro' }],
    verbatim: 'Deja de denunciar, María Quispe, o te vamos a desaparecer',
    narrative: 'María Quispe recibió la llamada a las 18:30. Jorge Huamán estaba con ella y escuchó la amenaza.',
    linkToDefenceWork: 'Había denunciado el campamento ante la fiscalía ambiental el 2026-09-20.',
    riskLevel: 'high',
    type: 'threat',
    affected: [{
      name: 'María Quispe', pseudonym: 'Defensora A', role: 'guardaparque', community: 'CN Tres Islas',
      consent: { toFile: true, toNameToState: true, toPublicReport: false, obtainedOn: '2026-10-03', obtainedBy: 'ana' },
    }],
    witnesses: [{ name: 'Jorge Huamán', willingToTestify: true }],
    reportedTo: [{ authority: 'police', reference: 'Denuncia 1234-2026', on: '2026-10-03', status: 'filed' }],
    notReportedReason: null,
    measuresRequested: 'medidas urgentes de protección',
    notes: 'Texto libre.',
  };
}

export async function sampleJpeg(seed: number, width = 640, height = 480): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="rgb(${(seed * 53) % 255},120,${(seed * 91) % 255})"/>
    <circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#f4e04d"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export function bufferExhibit(id: string, name: string, mediaType: string, bytes: Buffer, originalSha256: string): ExhibitInput {
  return { id, name, mediaType, size: bytes.length, sha256: sha256(bytes), originalSha256, removedMetadata: ['GPSLatitude', 'GPSLongitude', 'Make', 'Model'], incidentId: 'inc-1', content: bytes };
}

export interface DossierFixture {
  input: DossierInput;
  custody: CustodyFixture;
  exhibitBytes: Buffer[];
}

export async function buildDossierInput(opts: {
  language?: Language;
  recipient?: RecipientKind;
  showNames?: boolean;
  originals?: boolean;
} = {}): Promise<DossierFixture> {
  const photo = await sampleJpeg(1);
  const png = await sharp(await sampleJpeg(2, 320, 240)).png().toBuffer();
  const audio = randomBytes(50_000);
  const originalPhoto = Buffer.concat([photo, Buffer.from('original-with-exif')]);
  const exhibits = [
    { ...bufferExhibit('ev-11', 'amenaza foto.jpg', 'image/jpeg', photo, sha256(originalPhoto)), pixelsIdentical: true, originalPixelSha256: sha256(Buffer.from('px1')), exhibitPixelSha256: sha256(Buffer.from('px1')) },
    bufferExhibit('ev-12', 'captura.png', 'image/png', png, sha256(Buffer.from('png-original'))),
    // A streamed exhibit, as the vault hands over large files.
    { ...bufferExhibit('ev-13', 'llamada.ogg', 'audio/ogg', audio, sha256(Buffer.from('ogg-original'))), content: () => (async function* () { yield audio.subarray(0, 20_000); yield audio.subarray(20_000); })() },
  ];
  const originals: OriginalInput[] = [{
    sha256: sha256(originalPhoto), id: 'ev-1', name: 'IMG_2041.jpg', mediaType: 'image/jpeg', size: originalPhoto.length,
    identifying: [{ kind: 'device', tag: 'BodySerialNumber', value: 'SN-99812' }, { kind: 'place', tag: 'GPSLatitude', value: '-12.59' }],
    gps: { lat: -12.59, lon: -69.19 }, content: originalPhoto,
  }];
  const custody = buildCustodyLog([
    { action: 'vault_create', subject: 'vault' },
    { action: 'incident_create', subject: 'incident:inc-1' },
    { action: 'receive', subject: 'evidence:ev-1', details: { sha256: sha256(originalPhoto) } },
    { action: 'seal', subject: 'evidence:ev-1', details: { sha256: sha256(originalPhoto) } },
    { action: 'view', subject: 'evidence:ev-1' },
    { action: 'derive', subject: 'evidence:ev-11', details: { sha256: exhibits[0]!.sha256, from: sha256(originalPhoto) } },
    { action: 'derive', subject: 'evidence:ev-12', details: { sha256: exhibits[1]!.sha256 } },
    { action: 'derive', subject: 'evidence:ev-13', details: { sha256: exhibits[2]!.sha256 } },
  ]);
  const input: DossierInput = {
    id: 'D-2026-0007',
    createdAt: '2026-10-05T15:00:00Z',
    organisation: 'Asociación de Defensores Ambientales de Madre de Dios',
    recipient: { kind: opts.recipient ?? 'prosecutor', name: 'Fiscalía Especializada en Materia Ambiental' },
    purpose: 'Denuncia por amenazas de muerte',
    language: opts.language ?? 'es',
    showNames: opts.showNames ?? false,
    incidents: [{ id: 'inc-1', incident: sampleIncident() }],
    exhibits,
    originals: opts.originals ? originals : undefined,
    custody: custody.excerpt([2, 3, 4, 5, 6, 7, 8]),
    checkpoint: custody.checkpoint,
    signer: custody.key,
  };
  return { input, custody, exhibitBytes: [photo, png, audio] };
}
