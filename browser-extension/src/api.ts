/**
 * The WebExtension API: `browser` in Firefox, `chrome` in Chromium. Both return promises under
 * Manifest V3, with the same names for everything preach uses.
 */
export function extensionApi(): typeof chrome {
  const scope = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
  return (scope.browser ?? scope.chrome)!;
}
