import { LocalAccounts } from '../admin/LocalAccounts.tsx';
import { ProductOwners } from '../admin/ProductOwners.tsx';
import { useAuth } from '../auth/AuthContext.tsx';
import { Page } from '../layout/Page.tsx';

/** What node administrators do here: local accounts and their first tokens, and products' owners. */
export function AdminPage() {
  const { me } = useAuth();
  if (me.user?.admin !== true)
    return (
      <Page title="Administration">
        <p>
          This page is for node administrators. <a href="#/signin">Sign in</a> as one, or go to the{' '}
          <a href="#/">catalog</a>.
        </p>
      </Page>
    );
  return (
    <Page title="Administration">
      <LocalAccounts />
      <ProductOwners />
    </Page>
  );
}
