// The words an export writes into dossier.json and the report in place of what it took out: a
// pseudonym's stem, the marker left where a contact or number was, a staff member's role.
import type { Language } from '../vocabulary/languages';
import type { Role } from '../vocabulary/roles';
import type { StaffNaming } from '../vocabulary/export-protection';

export interface ExportWords {
  affected: string;
  witness: string;
  phone: string;
  email: string;
  id: string;
  coordinates: string;
  /** Someone the vault does not know as a user, named by role only. */
  staff: string;
  role: Record<Role, string>;
}

export const EXPORT_WORDS: Record<Language, ExportWords> = {
  es: {
    affected: 'Persona', witness: 'Testigo', phone: 'teléfono retirado', email: 'correo retirado', id: 'documento retirado',
    coordinates: 'coordenadas retiradas', staff: 'personal de la organización',
    role: { admin: 'administración', documenter: 'equipo de documentación', legal: 'equipo legal', auditor: 'auditoría' },
  },
  pt: {
    affected: 'Pessoa', witness: 'Testemunha', phone: 'telefone retirado', email: 'e-mail retirado', id: 'documento retirado',
    coordinates: 'coordenadas retiradas', staff: 'equipe da organização',
    role: { admin: 'administração', documenter: 'equipe de documentação', legal: 'equipe jurídica', auditor: 'auditoria' },
  },
  en: {
    affected: 'Person', witness: 'Witness', phone: 'phone removed', email: 'e-mail removed', id: 'document removed',
    coordinates: 'coordinates removed', staff: 'organisation staff',
    role: { admin: 'administration', documenter: 'documentation team', legal: 'legal team', auditor: 'audit' },
  },
};

/** A staff member as the export shows them: by name, or by their role in the vault (a generic word when not a user). */
export function staffShown(name: string, naming: StaffNaming, staff: Readonly<Record<string, Role>> | undefined, words: ExportWords): string {
  if (naming === 'name') return name;
  const role = staff?.[name];
  return role ? words.role[role] : words.staff;
}
