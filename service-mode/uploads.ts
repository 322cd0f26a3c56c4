import type { Db } from '../platform/db';
import { insertUpload, listUploads, type UploadRow } from './store';

/** A file a technical account uploaded (ajouter/fichier): by whom, for which structure, under what name. */
export interface Upload {
  sha256: string;
  userId: string;
  structureId: string;
  name: string;
  createdAt: string;
}

const toUpload = (r: UploadRow): Upload => ({
  sha256: r.sha256,
  userId: r.user_id,
  structureId: r.structure_id,
  name: r.name,
  createdAt: r.created_at,
});

export async function recordUpload(db: Db, u: Omit<Upload, 'createdAt'>): Promise<void> {
  await insertUpload(db, {
    sha256: u.sha256,
    user_id: u.userId,
    structure_id: u.structureId,
    name: u.name,
    created_at: new Date().toISOString(),
  });
}

export async function uploadsOf(db: Db, by: { userId: string } | { structureId: string }): Promise<Upload[]> {
  return (await listUploads(db, by)).map(toUpload);
}
