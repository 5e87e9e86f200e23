/**
 * Routes live in the URL fragment, so a plain `href="#main"` would navigate away; the link moves focus
 * to the main region instead (and keeps the href for its semantics).
 */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; hash routing needs the handler
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
