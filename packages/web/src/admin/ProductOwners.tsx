import { type FormEvent, useId, useState } from 'react';
import { OwnersEditor } from '../product/OwnersEditor.tsx';
import { usePrincipalDirectory } from '../product/usePrincipalDirectory.ts';

/**
 * Appointing owners by product id: a private product is invisible to an administrator without a grant,
 * so its page cannot be reached — but its id is known to whoever deployed it.
 */
export function ProductOwners() {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const directory = usePrincipalDirectory();
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setProductId(draft.trim());
  };
  return (
    <section aria-labelledby="product-owners-heading" className="panel">
      <h2 id="product-owners-heading">Product owners</h2>
      <form className="inline-form" onSubmit={open} aria-label="Find a product's owners">
        <div>
          <label htmlFor={inputId}>Product id</label>
          <input
            id={inputId}
            required
            autoComplete="off"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <button type="submit">Show owners</button>
      </form>
      {productId && <OwnersEditor key={productId} productId={productId} directory={directory} />}
    </section>
  );
}
