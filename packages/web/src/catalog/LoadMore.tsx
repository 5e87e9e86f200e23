import { useEffect, useRef } from 'react';

/**
 * The next page of a list. While it loads the button stays where it is, focused, only refusing clicks
 * (aria-disabled: a disabled button would drop the keyboard focus to the page's start). The last page
 * removes it: then the focus, which it would otherwise drop the same way, goes to the first item it brought.
 */
export function LoadMore({
  shown,
  loading,
  onLoadMore,
  focusItem,
}: {
  /** Items shown now. */
  shown: number;
  loading: boolean;
  /** Null when everything is loaded. */
  onLoadMore: (() => void) | null;
  /** Moves the focus to the item at this index of the list. */
  focusItem: (index: number) => void;
}) {
  // How many items there were when the button was last clicked, until that page is in.
  const clickedAt = useRef<number | null>(null);

  useEffect(() => {
    if (loading || clickedAt.current === null) return;
    const first = clickedAt.current;
    clickedAt.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && shown > first) focusItem(first);
  }, [loading, shown, focusItem]);

  if (!onLoadMore) return null;
  return (
    <button
      type="button"
      className="secondary load-more"
      aria-disabled={loading}
      onClick={() => {
        if (loading) return;
        clickedAt.current = shown;
        onLoadMore();
      }}
    >
      {loading ? 'Loading more…' : 'Load more'}
    </button>
  );
}
