/**
 * What the server's operator configures, never a request: the databases a scan may read (named
 * targets) and the proxies whose X-Forwarded-For is believed. Nothing by default.
 */
export interface ServerConfig {
  /** Database scan targets by name: `xborder serve --scan-target NAME=postgres://…` or $XBORDER_SCAN_TARGETS. */
  scanTargets: ReadonlyMap<string, string>;
  /** Socket addresses of trusted reverse proxies (`--trust-proxy ADDR`): only their X-Forwarded-For is read. */
  trustProxy: readonly string[];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const TARGET_NAME = /^[A-Za-z0-9][\w-]{0,39}$/;

/** `NAME=postgres://…` entries (the flag repeated, or $XBORDER_SCAN_TARGETS separated by spaces), each checked. */
export function parseScanTargets(specs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const url = eq < 0 ? "" : spec.slice(eq + 1);
    if (!TARGET_NAME.test(name))
      throw new ConfigError(`--scan-target ${JSON.stringify(name)}: expected NAME=postgres://… (NAME: letters, digits, - or _)`);
    if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url))
      throw new ConfigError(`--scan-target ${name}: expected a postgres:// URL after ${name}=`);
    if (out.has(name)) throw new ConfigError(`--scan-target ${name}: named twice`);
    out.set(name, url);
  }
  return out;
}

export function configFrom(o: { scanTargets?: readonly string[]; trustProxy?: readonly string[] }, env = process.env): ServerConfig {
  const fromEnv = (env.XBORDER_SCAN_TARGETS ?? "").split(/\s+/).filter(Boolean);
  const trust = [...(o.trustProxy ?? []), ...(env.XBORDER_TRUST_PROXY ?? "").split(/[\s,]+/).filter(Boolean)];
  for (const a of trust)
    if (!/^[\d.]+$|^[\da-f:.]+$/i.test(a)) throw new ConfigError(`--trust-proxy ${JSON.stringify(a)}: expected an IP address`);
  return { scanTargets: parseScanTargets([...fromEnv, ...(o.scanTargets ?? [])]), trustProxy: trust };
}
