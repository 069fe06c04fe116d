// Addressable::URI#normalize, which Jekyll's `absolute_url` and `relative_url` apply to their output.
// jekyll-feed's entry id is the post id (the slug as written, spaces and accents included) through
// `absolute_url`, so `/2019/06/06/hello world` becomes `/2019/06/06/hello%20world`; an id that differs by
// one escape makes feed readers show the post again.

const DEFAULT_PORTS: Record<string, string> = { "http:": ":80", "https:": ":443" };
// RFC 3986 pchar plus `/`; a query and a fragment may also hold `?`.
const PATH_CHARS = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const QUERY_CHARS = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** A URL or path normalized as Addressable does: escapes as needed, `%7e` to `~`, dot segments removed. */
export function normalizeUri(uri: string): string {
  const [, scheme = "", authority = "", path = "", query, fragment] =
    /^([a-zA-Z][a-zA-Z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(uri) ?? [];
  const lowerScheme = scheme.toLowerCase();
  let host = authority.toLowerCase();
  const port = DEFAULT_PORTS[lowerScheme];
  if (port && host.endsWith(port)) host = host.slice(0, -port.length);
  let result = `${lowerScheme}${host}${removeDotSegments(escape(path, PATH_CHARS))}`;
  if (query !== undefined) result += `?${escape(query, QUERY_CHARS)}`;
  if (fragment !== undefined) result += `#${escape(fragment, QUERY_CHARS)}`;
  return result;
}

function escape(component: string, allowed: RegExp): string {
  let out = "";
  for (let i = 0; i < component.length; i++) {
    const char = component[i];
    if (char === "%" && /^[0-9a-fA-F]{2}$/.test(component.slice(i + 1, i + 3))) {
      const byte = String.fromCharCode(parseInt(component.slice(i + 1, i + 3), 16));
      out += UNRESERVED.test(byte) ? byte : `%${component.slice(i + 1, i + 3).toUpperCase()}`;
      i += 2;
    } else if (allowed.test(char)) {
      out += char;
    } else {
      const codePoint = component.codePointAt(i) ?? 0;
      if (codePoint > 0xffff) i++;
      for (const byte of new TextEncoder().encode(String.fromCodePoint(codePoint)))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}

// RFC 3986 section 5.2.4.
function removeDotSegments(path: string): string {
  if (!/(^|\/)\.\.?(\/|$)/.test(path)) return path;
  const output: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") output.splice(Math.max(output.length - 1, 1), 1);
    else if (segment !== ".") output.push(segment);
  }
  const last = path.split("/").pop();
  if (last === "." || last === "..") output.push("");
  return output.join("/");
}
