// A file's bytes mapped into memory (mmap) for the scanner's table reader: the scanner then reads
// the page cache where it lies instead of having each chunk copied out of it by read(2). On the
// benchmark's 154 MB CSV the copy alone took 75–90 ms of a ~650 ms scan (a tenth of the time, and
// the reference byte loop pays it too).
//
// A mapped file that shrinks while it is read raises SIGBUS on the first page past its new end.
// Inside `readMapped` (the scanner core's calls) that ends the call with false: the caller reports
// the file as changed and scans the next one. Elsewhere the handler names the file and exits with
// 74 (EX_IOERR) instead of dying without a word. A SIGBUS at any other address keeps its default
// action. (JavaScript checks the file's size before each chunk, so this is a race lost by a few
// milliseconds, not the usual way a truncated file is found.)
//
// Not on Windows: there the scanner reads the file (src/scan/sources/files.ts).
#include <node_api.h>

#if !defined(_WIN32)
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace {

/** Mapped ranges by address, for the SIGBUS handler (which only reads them). */
struct Mapping {
  std::atomic<uintptr_t> start{0};
  std::atomic<uintptr_t> end{0};
  char message[320];
};
const int MAX_MAPPINGS = 64;
Mapping mappings[MAX_MAPPINGS];
std::mutex mappingsLock;
struct sigaction previousBus;
bool handlerInstalled = false;

/** Where a SIGBUS in a mapped file returns to on this thread, inside readMapped. */
thread_local sigjmp_buf* readingMapped = nullptr;

void onBus(int sig, siginfo_t* info, void* context) {
  uintptr_t at = reinterpret_cast<uintptr_t>(info->si_addr);
  for (Mapping& m : mappings) {
    if (m.start.load() <= at && at < m.end.load()) {
      if (readingMapped) siglongjmp(*readingMapped, 1);
      ssize_t ignored = write(2, m.message, std::strlen(m.message));
      (void)ignored;
      _exit(74);
    }
  }
  // Not ours: what would have happened without this handler.
  if (previousBus.sa_flags & SA_SIGINFO) {
    if (previousBus.sa_sigaction) return previousBus.sa_sigaction(sig, info, context);
  } else if (previousBus.sa_handler != SIG_DFL && previousBus.sa_handler != SIG_IGN && previousBus.sa_handler) {
    return previousBus.sa_handler(sig);
  }
  signal(SIGBUS, SIG_DFL);
  raise(SIGBUS);
}

/** Records a mapping for the handler; -1 when the table is full (the file is then read, not mapped). */
int remember(uintptr_t start, size_t length, const char* name) {
  std::lock_guard<std::mutex> hold(mappingsLock);
  if (!handlerInstalled) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = onBus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGBUS, &sa, &previousBus) != 0) return -1;
    handlerInstalled = true;
  }
  for (int k = 0; k < MAX_MAPPINGS; k++) {
    Mapping& m = mappings[k];
    if (m.end.load() != 0) continue;
    std::snprintf(m.message, sizeof m.message, "xborder: %s changed while it was being read (truncated?): stopped\n", name);
    m.start.store(start);
    m.end.store(start + length);
    return k;
  }
  return -1;
}

struct Region {
  void* base;
  size_t length;
  int slot;
};

void unmap(napi_env, void*, void* hint) {
  Region* r = static_cast<Region*>(hint);
  {
    std::lock_guard<std::mutex> hold(mappingsLock);
    mappings[r->slot].end.store(0);
    mappings[r->slot].start.store(0);
  }
  munmap(r->base, r->length);
  delete r;
}

size_t pageSize() {
  static size_t size = (size_t)sysconf(_SC_PAGESIZE);
  return size;
}

/**
 * mapFile(fd: number, offset: number, length: number, name: string): ArrayBuffer | null — the
 * file's bytes [offset, offset + length), read-only, unmapped by unmapFile (or when the ArrayBuffer
 * is collected). Null where the file cannot be mapped (the caller reads it instead).
 */
napi_value MapFile(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_value none;
  napi_get_null(env, &none);
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 4) return none;
  int32_t fd;
  double offset, length;
  char name[256];
  size_t nameLength;
  if (napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_value_double(env, argv[1], &offset) != napi_ok ||
      napi_get_value_double(env, argv[2], &length) != napi_ok ||
      napi_get_value_string_utf8(env, argv[3], name, sizeof name, &nameLength) != napi_ok)
    return none;
  if (!(offset >= 0) || !(length > 0)) return none;
  size_t from = (size_t)offset & ~(pageSize() - 1);
  size_t skip = (size_t)offset - from;
  size_t total = skip + (size_t)length;
  void* base = mmap(nullptr, total, PROT_READ, MAP_SHARED, fd, (off_t)from);
  if (base == MAP_FAILED) return none;
  // This thread's readingMapped exists from here on: the handler never has it allocated (a
  // module's thread_local is allocated at first use, which is not async-signal-safe).
  *static_cast<sigjmp_buf* volatile*>(&readingMapped) = readingMapped;
  int slot = remember(reinterpret_cast<uintptr_t>(base), total, name);
  if (slot < 0) {
    munmap(base, total);
    return none;
  }
  Region* region = new Region{base, total, slot};
  napi_value out;
  if (napi_create_external_arraybuffer(env, static_cast<uint8_t*>(base) + skip, (size_t)length, unmap, region, &out) != napi_ok) {
    unmap(env, nullptr, region);
    return none;
  }
  return out;
}

/**
 * unmapFile(buffer: ArrayBuffer): void — unmaps a mapped file now rather than when the buffer is
 * collected: the buffer is detached, so a view of it left behind reads as empty instead of
 * reaching unmapped memory.
 */
napi_value UnmapFile(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  bool detachable = false;
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) == napi_ok && argc == 1 &&
      napi_is_detached_arraybuffer(env, argv[0], &detachable) == napi_ok && !detachable)
    napi_detach_arraybuffer(env, argv[0]);
  return nullptr;
}

/**
 * dropPages(buffer: ArrayBuffer, from: number, to: number): void — gives back the whole pages of
 * [from, to) of a mapped file (they stay readable: read again, they come back from the page
 * cache), so that a long file does not stay resident as it is scanned.
 */
napi_value DropPages(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 3) return nullptr;
  void* data;
  size_t length;
  double from, to;
  if (napi_get_arraybuffer_info(env, argv[0], &data, &length) != napi_ok || napi_get_value_double(env, argv[1], &from) != napi_ok ||
      napi_get_value_double(env, argv[2], &to) != napi_ok)
    return nullptr;
  if (!(from >= 0) || !(to <= (double)length) || !(from < to)) return nullptr;
  uintptr_t page = pageSize();
  uintptr_t start = (reinterpret_cast<uintptr_t>(data) + (uintptr_t)from + page - 1) & ~(page - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(data) + (uintptr_t)to) & ~(page - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_DONTNEED);
  return nullptr;
}

}  // namespace

/**
 * Runs fn(arg); false if it was stopped by reading past the end of a mapped file that shrank.
 * fn must hold no lock and own nothing that needs a destructor: a stopped call does not unwind.
 */
bool readMapped(void (*fn)(void*), void* arg) {
  sigjmp_buf here;
  sigjmp_buf* outer = readingMapped;
  if (sigsetjmp(here, 1)) {
    readingMapped = outer;
    return false;
  }
  readingMapped = &here;
  fn(arg);
  readingMapped = outer;
  return true;
}

/** Adds mapFile, dropPages and unmapFile to the addon's exports (called from scan_core.cc's Init). */
void registerMappedFile(napi_env env, napi_value exports) {
  napi_value fn;
  if (napi_create_function(env, "mapFile", NAPI_AUTO_LENGTH, MapFile, nullptr, &fn) == napi_ok)
    napi_set_named_property(env, exports, "mapFile", fn);
  if (napi_create_function(env, "dropPages", NAPI_AUTO_LENGTH, DropPages, nullptr, &fn) == napi_ok)
    napi_set_named_property(env, exports, "dropPages", fn);
  if (napi_create_function(env, "unmapFile", NAPI_AUTO_LENGTH, UnmapFile, nullptr, &fn) == napi_ok)
    napi_set_named_property(env, exports, "unmapFile", fn);
}
#else
bool readMapped(void (*fn)(void*), void* arg) {
  fn(arg);
  return true;
}
void registerMappedFile(napi_env, napi_value) {}
#endif
