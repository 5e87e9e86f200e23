import { InputError } from '@plexus/spec';
import type { Principal, ProductAccess } from '../ControlStore.ts';
import type { SqlExecutor } from '../sql/SqlDriver.ts';
import { textFrom } from '../sql/values.ts';
import { assertPrincipalExists, principalFrom } from './principals.ts';

export async function getProductAccess(db: SqlExecutor, productId: string): Promise<ProductAccess | null> {
  const [row] = await db.all('SELECT visibility FROM product_access WHERE product_id = ?', [productId]);
  if (row === undefined) return null;
  const owners = await db.all(
    'SELECT principal_kind, principal_id FROM product_owners WHERE product_id = ? ORDER BY position',
    [productId],
  );
  return {
    productId,
    visibility: textFrom(row.visibility) as ProductAccess['visibility'],
    owners: owners.map(principalFrom),
  };
}

/** Runs inside a transaction: visibility and the whole owner list are replaced together. */
export async function setProductAccess(db: SqlExecutor, access: ProductAccess): Promise<void> {
  if (access.visibility !== 'public' && access.visibility !== 'private') {
    throw new InputError('visibility is public or private', [
      {
        at: 'visibility',
        message: 'unknown visibility',
        found: access.visibility,
        allowed: ['public', 'private'],
      },
    ]);
  }
  const owners = distinct(access.owners);
  for (const owner of owners) await assertPrincipalExists(db, owner);
  await db.run(
    `INSERT INTO product_access (product_id, visibility) VALUES (?, ?)
     ON CONFLICT (product_id) DO UPDATE SET visibility = excluded.visibility`,
    [access.productId, access.visibility],
  );
  await db.run('DELETE FROM product_owners WHERE product_id = ?', [access.productId]);
  for (const [position, owner] of owners.entries()) {
    await db.run(
      'INSERT INTO product_owners (product_id, principal_kind, principal_id, position) VALUES (?, ?, ?, ?)',
      [access.productId, owner.kind, owner.id, position],
    );
  }
}

function distinct(principals: readonly Principal[]): Principal[] {
  const seen = new Set<string>();
  return principals.filter((p) => {
    const key = `${p.kind}:${p.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
