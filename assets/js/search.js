// The /search/ page's glue to Pagefind's Component UI (loaded just before this module): the query and the
// chosen filters live in the URL (?q=volumes&category=docker), so a search can be shared, runs on load, and
// survives the back button. An external file, as the Content-Security-Policy allows no inline script.
const components = window.PagefindComponents;
const page = document.querySelector("[data-search-page]");
/** The filters post pages declare (data-pagefind-filter), each a repeatable URL parameter. */
const FILTERS = ["category", "tag"];

if (components && page) {
  const instance = components.getInstanceManager().getInstance("default");
  // A large blog's index comes in parts (src/search/indexer.ts, which writes their number here), merged into one.
  const parts = Number(page.dataset.searchParts) || 1;
  if (parts > 1) {
    const bundlePath = instance.options.bundlePath;
    instance.applyOptions({
      mergeIndex: Array.from({ length: parts - 1 }, (_, i) => ({ bundlePath: `${bundlePath}part-${i + 2}/` })),
    });
  }
  // A clearer message than Pagefind's "0 results for …"; the UI writes it as text, never as HTML.
  instance.setTranslations({ zero_results: page.dataset.noResults });

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const name of FILTERS) if (params.has(name)) filters[name] = params.getAll(name);
    return { term: params.get("q") ?? "", filters };
  };

  const runFromUrl = () => {
    const { term, filters } = fromUrl();
    instance.triggerSearchWithFilters(term, filters);
  };

  // Typing replaces the current history entry rather than adding one per keystroke.
  instance.on("search", (term, filters) => {
    const url = new URL(location.href);
    for (const name of ["q", ...FILTERS]) url.searchParams.delete(name);
    if (term) url.searchParams.set("q", term);
    for (const name of FILTERS) for (const value of filters?.[name] ?? []) url.searchParams.append(name, value);
    if (url.href !== location.href) history.replaceState(history.state, "", url);
  });

  addEventListener("popstate", runFromUrl);
  if (location.search) runFromUrl();
}
