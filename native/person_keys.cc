// HMAC-SHA-256 of many short messages under one key: the ledger's person keys
// (src/identity/keys.ts), a batch per call. SHA-256 itself is OpenSSL's — the copy inside the
// running Node, found at run time (dlsym), so nothing is linked in and nothing is hand-written
// cryptography. Where Node does not export it (or on Windows) `available` is false and the
// caller uses node:crypto, with the same keys.
//
// Why: node:crypto's createHmac costs 2–4 µs a call, almost all of it creating the Hmac object
// and crossing into C++; an import of a million events spent more time keying people than
// reading and merging the events. Here the key's inner and outer SHA-256 states are computed
// once per batch and copied per message (two compression calls a message).
//
// Also the scanner's per-scan key, from the kernel (randomKey, Linux).
#include <node_api.h>

#include <cstdint>
#include <cstring>
#include <vector>
#if !defined(_WIN32)
#include <dlfcn.h>
#endif
#if defined(__linux__)
#include <sys/random.h>

#include <cerrno>
#endif

namespace {

// OpenSSL's SHA256_CTX is a plain struct of 112 bytes (public since 0.9.8, no pointers): it is
// only allocated and copied here, with room to spare.
struct alignas(16) ShaState {
  unsigned char bytes[256];
};
using InitFn = int (*)(ShaState*);
using UpdateFn = int (*)(ShaState*, const void*, size_t);
using FinalFn = int (*)(unsigned char*, ShaState*);

struct Sha256 {
  InitFn init = nullptr;
  UpdateFn update = nullptr;
  FinalFn final = nullptr;
};

const Sha256* openSsl() {
  static Sha256 fns;
  static bool looked = false;
  if (!looked) {
    looked = true;
#if !defined(_WIN32)
    fns.init = reinterpret_cast<InitFn>(dlsym(RTLD_DEFAULT, "SHA256_Init"));
    fns.update = reinterpret_cast<UpdateFn>(dlsym(RTLD_DEFAULT, "SHA256_Update"));
    fns.final = reinterpret_cast<FinalFn>(dlsym(RTLD_DEFAULT, "SHA256_Final"));
#endif
  }
  return fns.init && fns.update && fns.final ? &fns : nullptr;
}

bool bytesOf(napi_env env, napi_value v, napi_typedarray_type want, void** data, size_t* length) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return false;
  napi_typedarray_type type;
  napi_value ab;
  size_t offset;
  if (napi_get_typedarray_info(env, v, &type, length, data, &ab, &offset) != napi_ok) return false;
  return type == want;
}

/**
 * hmacSha256Many(key: Uint8Array, data: Uint8Array, ends: Uint32Array, out: Uint8Array): boolean —
 * message i is data[ends[i-1], ends[i]) (from 0 for i = 0); its MAC goes to out[32 i, 32 i + 32).
 * False (and nothing written) where OpenSSL's SHA-256 is not reachable.
 */
napi_value HmacSha256Many(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok) return nullptr;
  void *key, *data, *ends, *out;
  size_t keyLen, dataLen, count, outLen;
  if (argc < 4 || !bytesOf(env, argv[0], napi_uint8_array, &key, &keyLen) || !bytesOf(env, argv[1], napi_uint8_array, &data, &dataLen) ||
      !bytesOf(env, argv[2], napi_uint32_array, &ends, &count) || !bytesOf(env, argv[3], napi_uint8_array, &out, &outLen)) {
    napi_throw_type_error(env, nullptr, "hmacSha256Many(key: Uint8Array, data: Uint8Array, ends: Uint32Array, out: Uint8Array)");
    return nullptr;
  }
  const uint32_t* end = static_cast<const uint32_t*>(ends);
  if (outLen < count * 32) {
    napi_throw_range_error(env, nullptr, "hmacSha256Many: out needs 32 bytes per message");
    return nullptr;
  }
  for (size_t i = 0; i < count; i++)
    if (end[i] > dataLen || (i > 0 && end[i] < end[i - 1])) {
      napi_throw_range_error(env, nullptr, "hmacSha256Many: message ends must rise and stay inside data");
      return nullptr;
    }
  napi_value result;
  const Sha256* sha = openSsl();
  if (!sha) {
    napi_get_boolean(env, false, &result);
    return result;
  }
  // RFC 2104: a key longer than the block is hashed first; then padded to 64 bytes.
  unsigned char block[64] = {};
  if (keyLen > 64) {
    ShaState s;
    sha->init(&s);
    sha->update(&s, key, keyLen);
    sha->final(block, &s);
  } else if (keyLen > 0)
    std::memcpy(block, key, keyLen);
  unsigned char pad[64];
  ShaState inner, outer;
  for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
  sha->init(&inner);
  sha->update(&inner, pad, 64);
  for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
  sha->init(&outer);
  sha->update(&outer, pad, 64);
  const unsigned char* bytes = static_cast<const unsigned char*>(data);
  unsigned char* mac = static_cast<unsigned char*>(out);
  unsigned char digest[32];
  for (size_t i = 0, from = 0; i < count; from = end[i], i++) {
    ShaState s = inner;
    sha->update(&s, bytes + from, end[i] - from);
    sha->final(digest, &s);
    s = outer;
    sha->update(&s, digest, 32);
    sha->final(mac + i * 32, &s);
  }
  napi_get_boolean(env, true, &result);
  return result;
}

#if defined(__linux__)
/**
 * randomKey(out: Uint8Array): boolean — fills `out` from the kernel's CSPRNG (getrandom(2), the
 * source OpenSSL seeds node:crypto from). The scanner's per-scan key comes from here: loading
 * node:crypto for 8 bytes cost 4–6 ms of a command's start-up.
 */
napi_value RandomKey(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_value result;
  void* data;
  size_t length;
  bool ok = napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) == napi_ok && argc == 1 &&
            bytesOf(env, argv[0], napi_uint8_array, &data, &length) && length <= 256;
  if (ok) {
    uint8_t* p = static_cast<uint8_t*>(data);
    size_t done = 0;
    while (ok && done < length) {
      ssize_t n = getrandom(p + done, length - done, 0);
      if (n > 0)
        done += (size_t)n;
      else if (!(n < 0 && errno == EINTR))
        ok = false;
    }
  }
  napi_get_boolean(env, ok, &result);
  return result;
}
#endif

}  // namespace

/** Adds hmacSha256Many (and randomKey on Linux) to the addon's exports (called from scan_core.cc's Init). */
void registerPersonKeys(napi_env env, napi_value exports) {
  napi_value fn;
  if (napi_create_function(env, "hmacSha256Many", NAPI_AUTO_LENGTH, HmacSha256Many, nullptr, &fn) == napi_ok)
    napi_set_named_property(env, exports, "hmacSha256Many", fn);
#if defined(__linux__)
  if (napi_create_function(env, "randomKey", NAPI_AUTO_LENGTH, RandomKey, nullptr, &fn) == napi_ok)
    napi_set_named_property(env, exports, "randomKey", fn);
#endif
}
