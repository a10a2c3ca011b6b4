// The scanner's CSV/TSV core in C++ (Node-API): the same one pass over UTF-8 bytes as
// src/scan/core/field-scanner.ts (table mode) and the per-cell counting of tally.ts, ported
// statement by statement so that both give the same report. It exists for speed only (issue 3:
// at least as fast per core as a plain byte loop; the JavaScript core reaches about a quarter).
//
// What it does not do itself it hands back: a record is "deferred" (processed again by the
// JavaScript core, which then counts it) when one of its cells needs a regular expression or
// Unicode normalisation — full-width digits or capitals (NFKC), a value holding a health,
// religion, identity or biometric hint character (term lists), a long free-text cell with
// names or addresses in it, an IPv6 candidate (node:net validates it) — or when the record has
// more fields than the header. The tables it reads (division codes, Han features, plate
// suffixes) and the per-scan key come from JavaScript, so each has one source.
//
// Person tags are HalfSipHash-2-4 over the canonical key exactly as keyed-hash.ts and
// canonical.ts compute them, so people from deferred records, from other threads and from this
// core are one set.

#include <node_api.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

// Profiling builds (-DXBORDER_PROFILE) keep the hot functions apart, so a profile can say which costs what.
#ifdef XBORDER_PROFILE
#define HOT_FN __attribute__((noinline))
#else
#define HOT_FN
#endif

namespace {

// Entity types (src/scan/core/entities.ts).
enum : int {
  T_ID = 0, T_MOBILE, T_LANDLINE, T_CARD, T_EMAIL, T_PASSPORT, T_HKMO_PERMIT, T_TW_PERMIT, T_FPR,
  T_PLATE, T_IPV4, T_IPV6, T_COORD, T_NAME, T_ADDRESS, T_IMEI, T_USCC, T_ID_UNKNOWN_REGION, N_TYPES
};
const uint8_t PERSON_RANK[N_TYPES] = {0, 2, 255, 255, 3, 1, 1, 1, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255};

// Sensitive categories (entities.ts).
const int C_FINANCIAL = 1 << 4, C_LOCATION = 1 << 5, C_MINOR = 1 << 6;
const int N_CATEGORIES = 8;

// Column counter slots (tally.ts).
const int FILLED = N_TYPES, NAME_SHAPED = N_TYPES + 1, ADDRESS_SHAPED = N_TYPES + 2, COORDINATE_PART = N_TYPES + 3,
          OTHER_SHORT_HAN = N_TYPES + 4, TERMS_AT = N_TYPES + 5, COL_SLOTS = TERMS_AT + N_CATEGORIES;
const long CELL_MAX = 96;

// Han features (han.ts).
const int F_SURNAME = 1, F_PLATE = 2, F_MEDICAL = 4, F_OTHER_SENSITIVE = 8, F_ADDR = 0x3f0;
const int HAN_BASE = 0x4e00, HAN_END = 0x9fff;

// Column hints (field-scanner.ts).
const int HINT_TAIWAN_PERMIT = 1, HINT_LATITUDE = 2, HINT_LONGITUDE = 4, HINT_COORDINATE = 8;

// Byte classes.
enum : uint8_t { K_DIGIT = 1, K_AT, K_COLON, K_HAN, K_TWO, K_FOUR, K_QUOTE, K_DELIM, K_NEWLINE };

const int32_t LEAD_NOT_THREE = -2, LEAD_OTHER = -1;
static_assert(HAN_BASE % 64 == 0 && (HAN_END + 1) % 64 == 0, "the Han range is whole blocks of 64 code points");

struct CharSets {
  uint8_t usccLetter[256] = {};
  uint8_t alnum[256] = {}, upper[256] = {}, letter[256] = {}, emailLocal[256] = {}, emailDomain[256] = {},
          hexColon[256] = {}, plate[256] = {}, nevLetter[256] = {}, trimFront[256] = {}, trimBack[256] = {};
  int8_t usccValue[256];
  uint8_t usccCategory[65536] = {};
  /**
   * For the first two bytes of a 3-byte UTF-8 character (byte 0 | byte 1 << 8) of a Han
   * character: its code point without the last 6 bits, minus HAN_BASE (adding the third byte's
   * 6 bits gives the Han table offset). Whether a character is Han depends on its first two bytes
   * only (the range starts and ends on multiples of 64). LEAD_OTHER for another 3-byte character,
   * LEAD_NOT_THREE where byte 0 does not start one.
   */
  int32_t hanLead[65536];
  CharSets() {
    for (int v = 0; v < 65536; v++) {
      int b0 = v & 0xff, b1 = v >> 8;
      int base = (((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6)) - HAN_BASE;
      hanLead[v] = (b0 & 0xf0) != 0xe0 ? LEAD_NOT_THREE : base >= 0 && base + 63 <= HAN_END - HAN_BASE ? base : LEAD_OTHER;
    }
    for (int c = '0'; c <= '9'; c++) alnum[c] = emailLocal[c] = emailDomain[c] = hexColon[c] = 1;
    for (int c = 'A'; c <= 'Z'; c++) alnum[c] = upper[c] = letter[c] = emailLocal[c] = emailDomain[c] = 1;
    for (int c = 'a'; c <= 'z'; c++) alnum[c] = letter[c] = emailLocal[c] = emailDomain[c] = 1;
    for (const char* p = "AGJNQY"; *p; p++) usccLetter[(uint8_t)*p] = 1;
    for (const char* p = "._%+-"; *p; p++) emailLocal[(uint8_t)*p] = 1;
    emailDomain[(uint8_t)'-'] = 1;
    for (const char* p = "ABCDEFabcdef:."; *p; p++) hexColon[(uint8_t)*p] = 1;
    for (int c = '0'; c <= '9'; c++) plate[c] = 1;
    for (int c = 'A'; c <= 'Z'; c++)
      if (c != 'I' && c != 'O') plate[c] = 2;
    for (const char* p = "DABCEFGHJK"; *p; p++) nevLetter[(uint8_t)*p] = 1;
    trimFront[0x20] = trimFront[0x22] = trimFront[0x09] = 1;  // what tally.ts trims off a cell
    trimBack[0x20] = trimBack[0x22] = trimBack[0x09] = trimBack[0x0d] = 1;
    std::memset(usccValue, -1, sizeof usccValue);
    const char* alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (int v = 0; alphabet[v]; v++) usccValue[(uint8_t)alphabet[v]] = (int8_t)v;
    const char* list =
        "11 12 13 19 21 29 31 32 33 34 35 36 39 41 49 51 52 53 54 55 59 61 62 69 71 72 79 81 82 89 91 92 93 99 A1 A9 G1 G9 "
        "J1 J9 N1 N2 N3 N9 Q1 Q2 Q3 Q9 Y1";
    for (const char* p = list; p[0] && p[1]; p += 3) {
      usccCategory[((uint8_t)p[0] << 8) | (uint8_t)p[1]] = 1;
      if (!p[2]) break;
    }
  }
};
const CharSets CS;

// GB 11643 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, written out in idCheckValue.
const int USCC_WEIGHTS[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
const int MONTH_DAYS[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

int idCheckValue(const uint8_t* d) {
  int sum = d[0] * 7 + d[1] * 9 + d[2] * 10 + d[3] * 5 + d[4] * 8 + d[5] * 4 + d[6] * 2 + d[7] + d[8] * 6 + d[9] * 3 +
            d[10] * 7 + d[11] * 9 + d[12] * 10 + d[13] * 5 + d[14] * 8 + d[15] * 4 + d[16] * 2;  // ID_WEIGHTS
  return (12 - sum % 11) % 11;
}
/**
 * The first 17 digits of an 18-character ID number: pairs[k] = 10 d[2k] + d[2k+1] for k = 0–7
 * (the division is pairs 0–2, the birth date pairs 3–6), and checkValue() as idCheckValue gives
 * it, computed only when asked (most 18-digit runs that are not ID numbers fail on the division).
 * SSE2: 16 digits widened to 16-bit lanes, pairs and weighted sums by multiply-add.
 */
struct IdDigits {
  int32_t pairs[8];
  const uint8_t* d;
#if defined(__SSE2__)
  __m128i lo, hi;
  explicit IdDigits(const uint8_t* digits) : d(digits) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d)), zero = _mm_setzero_si128();
    lo = _mm_unpacklo_epi8(raw, zero);
    hi = _mm_unpackhi_epi8(raw, zero);
    const __m128i tenOne = _mm_set1_epi32(0x0001000a);  // 10 × the even digit + 1 × the odd one
    _mm_storeu_si128(reinterpret_cast<__m128i*>(pairs), _mm_madd_epi16(lo, tenOne));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(pairs + 4), _mm_madd_epi16(hi, tenOne));
  }
  int checkValue() const {
    __m128i sum = _mm_add_epi32(_mm_madd_epi16(lo, _mm_setr_epi16(7, 9, 10, 5, 8, 4, 2, 1)),
                                _mm_madd_epi16(hi, _mm_setr_epi16(6, 3, 7, 9, 10, 5, 8, 4)));  // ID_WEIGHTS
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0x4e));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0xb1));
    return (12 - (_mm_cvtsi128_si32(sum) + d[16] * 2) % 11) % 11;
  }
#else
  explicit IdDigits(const uint8_t* digits) : d(digits) {
    for (int k = 0; k < 8; k++) pairs[k] = d[2 * k] * 10 + d[2 * k + 1];
  }
  int checkValue() const { return idCheckValue(d); }
#endif
};

int num(const uint8_t* d, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + d[i];
  return v;
}
int dateValue(int y, int m, int day) {
  if (m < 1 || m > 12 || day < 1 || day > MONTH_DAYS[m]) return -1;
  if (m == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return -1;
  return y * 10000 + m * 100 + day;
}
bool luhn(const uint8_t* d, int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    int v = d[n - 1 - i];
    if (i & 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 == 0;
}
bool cardBrandOk(const uint8_t* d, int n) {
  int p2 = d[0] * 10 + d[1];
  int p4 = p2 * 100 + d[2] * 10 + d[3];
  if (p4 == 8986) return false;
  if (p2 == 62) return n >= 16 && n <= 19;
  if (p4 >= 8100 && p4 <= 8171) return n >= 16 && n <= 19;  // UnionPay's 81 range
  if (d[0] == 4) return n == 16 || n == 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;
  return false;
}
bool mobileSegmentOk(const uint8_t* d) {
  if (d[0] != 1) return false;
  int a = d[1], b = d[2];
  switch (a) {
    case 3:
    case 8:
      return true;
    case 5:
    case 9:
      return b != 4;
    case 7:
      if (b == 9) return false;  // 179: allocated to no carrier (detectors.md §2.1)
      if (b != 4) return true;
      return d[3] == 0 || (d[3] == 1 && d[4] <= 2) || d[3] == 9;
    case 6:
      return b == 2 || b == 5 || b == 6 || b == 7 || (b == 1 && d[3] == 0);  // 1610: China Broadnet
    case 4:
      return b == 5 || b == 7 || b == 9;
    default:
      return false;
  }
}
bool imeiOk(const uint8_t* d) {
  int rb = d[0] * 10 + d[1];
  return (rb == 1 || rb == 35 || rb == 44 || rb == 49 || rb == 86 || rb == 99) && luhn(d, 15);
}
bool landlineOk(const uint8_t* d, int n, int areaLen) {
  if (d[0] != 0) return false;
  bool two = d[1] == 1 ? d[2] == 0 : (d[1] == 2 && d[2] != 6);
  if (areaLen == 0) areaLen = two ? 3 : 4;
  if (two ? areaLen != 3 : (areaLen != 4 || d[1] < 3)) return false;
  int local = n - areaLen;
  if (two ? local != 8 : (local != 7 && local != 8)) return false;
  return d[areaLen] >= 2;
}
inline bool inLat(double v) { return v >= 3 && v <= 54; }
inline bool inLng(double v) { return v >= 73 && v <= 136; }
inline int popcount(int x) {
  int c = 0;
  for (unsigned v = (unsigned)x; v; v &= v - 1) c++;
  return c;
}

// HalfSipHash-2-4, 64-bit tag (keyed-hash.ts).
inline uint32_t rotl(uint32_t x, int b) { return (x << b) | (x >> (32 - b)); }
inline void sipRounds(uint32_t* v, int n) {
  for (int r = 0; r < n; r++) {
    v[0] += v[1]; v[1] = rotl(v[1], 5); v[1] ^= v[0]; v[0] = rotl(v[0], 16);
    v[2] += v[3]; v[3] = rotl(v[3], 8); v[3] ^= v[2];
    v[0] += v[3]; v[3] = rotl(v[3], 7); v[3] ^= v[0];
    v[2] += v[1]; v[1] = rotl(v[1], 13); v[1] ^= v[2]; v[2] = rotl(v[2], 16);
  }
}
HOT_FN void halfSipTag(uint32_t k0, uint32_t k1, const uint8_t* in, int len, uint32_t* hi, uint32_t* lo) {
  uint32_t v[4] = {k0, k1 ^ 0xeeu, 0x6c796765u ^ k0, 0x74656462u ^ k1};
  int blocks = len & ~3, i = 0;
  for (; i < blocks; i += 4) {
    uint32_t m = in[i] | (in[i + 1] << 8) | (in[i + 2] << 16) | ((uint32_t)in[i + 3] << 24);
    v[3] ^= m;
    sipRounds(v, 2);
    v[0] ^= m;
  }
  uint32_t b = (uint32_t)(len & 0xff) << 24;
  int left = len & 3;
  if (left >= 3) b |= in[i + 2] << 16;
  if (left >= 2) b |= in[i + 1] << 8;
  if (left >= 1) b |= in[i];
  v[3] ^= b;
  sipRounds(v, 2);
  v[0] ^= b;
  v[2] ^= 0xee;
  sipRounds(v, 4);
  *lo = v[1] ^ v[3];
  v[1] ^= 0xdd;
  sipRounds(v, 4);
  *hi = v[1] ^ v[3];
}

#if defined(__SSE2__)
// The same HalfSipHash-2-4 in the four 32-bit lanes of SSE2 registers: four 9-byte person keys
// (ID numbers and mobiles, packed by writePersonKey) at once, each lane exactly halfSipTag.
template <int B>
inline __m128i rotl4(__m128i x) {
  return _mm_or_si128(_mm_slli_epi32(x, B), _mm_srli_epi32(x, 32 - B));
}
inline __m128i swapHalves4(__m128i x) { return _mm_shufflehi_epi16(_mm_shufflelo_epi16(x, 0xb1), 0xb1); }  // rotl 16
inline void sipRounds4(__m128i& v0, __m128i& v1, __m128i& v2, __m128i& v3, int n) {
  for (int r = 0; r < n; r++) {
    v0 = _mm_add_epi32(v0, v1); v1 = rotl4<5>(v1); v1 = _mm_xor_si128(v1, v0); v0 = swapHalves4(v0);
    v2 = _mm_add_epi32(v2, v3); v3 = rotl4<8>(v3); v3 = _mm_xor_si128(v3, v2);
    v0 = _mm_add_epi32(v0, v3); v3 = rotl4<7>(v3); v3 = _mm_xor_si128(v3, v0);
    v2 = _mm_add_epi32(v2, v1); v1 = rotl4<13>(v1); v1 = _mm_xor_si128(v1, v2); v2 = swapHalves4(v2);
  }
}
inline uint32_t le32(const uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t)p[3] << 24); }
/** halfSipTag(k0, k1, in[j], 9, …) for j = 0…3. */
HOT_FN void halfSipTag9x4(uint32_t k0, uint32_t k1, const uint8_t (*in)[12], uint32_t* hi, uint32_t* lo) {
  __m128i v0 = _mm_set1_epi32((int)k0), v1 = _mm_set1_epi32((int)(k1 ^ 0xeeu));
  __m128i v2 = _mm_set1_epi32((int)(0x6c796765u ^ k0)), v3 = _mm_set1_epi32((int)(0x74656462u ^ k1));
  const __m128i blocks[3] = {
      _mm_set_epi32((int)le32(in[3]), (int)le32(in[2]), (int)le32(in[1]), (int)le32(in[0])),
      _mm_set_epi32((int)le32(in[3] + 4), (int)le32(in[2] + 4), (int)le32(in[1] + 4), (int)le32(in[0] + 4)),
      _mm_set_epi32((int)(9u << 24 | in[3][8]), (int)(9u << 24 | in[2][8]), (int)(9u << 24 | in[1][8]), (int)(9u << 24 | in[0][8])),
  };
  for (const __m128i& m : blocks) {
    v3 = _mm_xor_si128(v3, m);
    sipRounds4(v0, v1, v2, v3, 2);
    v0 = _mm_xor_si128(v0, m);
  }
  v2 = _mm_xor_si128(v2, _mm_set1_epi32(0xee));
  sipRounds4(v0, v1, v2, v3, 4);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lo), _mm_xor_si128(v1, v3));
  v1 = _mm_xor_si128(v1, _mm_set1_epi32(0xdd));
  sipRounds4(v0, v1, v2, v3, 4);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(hi), _mm_xor_si128(v1, v3));
}
#endif

/** A person table's slot, as person-table.ts reads it: words hi, lo, cats | used << 16, spare (little-endian). */
struct PersonSlot {
  uint32_t hi, lo;
  uint16_t cats;
  uint8_t used, pad[5];
};
static_assert(sizeof(PersonSlot) == 16, "a slot is four 32-bit words");

inline uint32_t personHome(uint32_t h, uint32_t l, uint32_t mask) { return (l ^ (h * 0x9e3779b1u)) & mask; }

/**
 * Adds a person (or categories to one) to a table with room for it, probing as person-table.ts
 * does; `categories` (people per bit 0–15, then people with any) follows. Returns 1 for a new person.
 */
inline int insertPerson(PersonSlot* slots, uint32_t mask, uint32_t h, uint32_t l, uint16_t c, double* categories) {
  uint32_t i = personHome(h, l, mask);
  uint16_t before;
  int added;
  for (;;) {
    PersonSlot& s = slots[i];
    if (!s.used) {
      s.used = 1; s.hi = h; s.lo = l; s.cats = c;
      before = 0;
      added = 1;
      break;
    }
    if (s.lo == l && s.hi == h) {
      before = s.cats;
      s.cats = before | c;
      added = 0;
      break;
    }
    i = (i + 1) & mask;
  }
  uint32_t gained = c & ~before;
  if (gained) {
    if ((gained & 0xff) && !(before & 0xff)) categories[16]++;  // sensitive categories are bits 0–7; 8–15 roles
    for (; gained; gained &= gained - 1) categories[__builtin_ctz(gained)]++;
  }
  return added;
}

/**
 * Distinct people: open addressing over 64-bit tags with their category masks, probed exactly as
 * person-table.ts probes (same slot function, linear), so that its arrays can be handed to
 * JavaScript as a finished table. One 16-byte slot per person keeps a probe to one cache line,
 * and tags wait in a short queue whose slots are prefetched: a table of millions of people
 * does not fit in cache, and the probe would otherwise stall the scan once per record.
 */
struct PersonSet {
  using Slot = PersonSlot;
  Slot* slots = nullptr;
  size_t capacity = 0;
  uint32_t mask = 0;
  size_t size = 0;
  static const int QUEUE = 16;
  uint32_t qh[QUEUE], ql[QUEUE];
  int qc[QUEUE], qn = 0, qi = 0;
  /**
   * People per category bit 0–15, then people with any category, kept as people are added (a
   * pass over a 32 MiB table at the end cost ~8 ms of a ~300 ms scan).
   */
  double categories[17] = {};

  PersonSet() { reset(1 << 12); }
  ~PersonSet() { std::free(slots); }
  PersonSet(const PersonSet&) = delete;
  PersonSet& operator=(const PersonSet&) = delete;
  /** A zeroed table of `cap` slots; big ones on 2 MiB pages where the kernel offers them (fewer TLB misses per probe). */
  void reset(size_t cap) {
    std::free(slots);
    slots = nullptr;
    size_t bytes = cap * sizeof(Slot);
    // calloc: a big table comes from fresh pages the kernel zeroes when first touched (no memset
    // over 32 MiB first); their 2 MiB-aligned part is offered huge pages.
    void* p = std::calloc(1, bytes);
    if (!p) std::abort();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = uintptr_t(2) << 20;
    uintptr_t from = (reinterpret_cast<uintptr_t>(p) + huge - 1) & ~(huge - 1);
    uintptr_t to = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(huge - 1);
    if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
#endif
    slots = static_cast<Slot*>(p);
    capacity = cap;
    mask = (uint32_t)cap - 1;
    size = 0;
    std::fill(categories, categories + 17, 0.0);
  }
  inline uint32_t home(uint32_t h, uint32_t l) const { return personHome(h, l, mask); }
  /** Queues a person; the oldest queued one is inserted (its slot was prefetched when it came). */
  void push(uint32_t h, uint32_t l, int c) {
    __builtin_prefetch(&slots[home(h, l)], 1);
    if (qn == QUEUE) {
      insert(qh[qi], ql[qi], qc[qi]);
      qn--;
    }
    qh[qi] = h;
    ql[qi] = l;
    qc[qi] = c;
    qi = (qi + 1) % QUEUE;
    qn++;
  }
  void flush() {
    int start = (qi - qn + QUEUE) % QUEUE;
    for (int x = 0; x < qn; x++) {
      int at = (start + x) % QUEUE;
      insert(qh[at], ql[at], qc[at]);
    }
    qn = 0;
  }
  void insert(uint32_t h, uint32_t l, int c) {
    if ((size + 1) * 2 > capacity) grow();
    size += insertPerson(slots, mask, h, l, (uint16_t)c, categories);
  }
  /** Makes room for `people` while still empty (growing a full table later rehashes it). */
  void reserve(size_t people) {
    size_t cap = capacity;
    while (cap < people * 2) cap *= 2;
    if (size == 0 && qn == 0 && cap > capacity) reset(cap);
  }
  void grow() {
    Slot* old = slots;
    size_t oldCap = capacity;
    slots = nullptr;
    reset(oldCap * 2);
    double counted[17];
    std::copy(categories, categories + 17, counted);
    for (size_t i = 0; i < oldCap; i++)
      if (old[i].used) insert(old[i].hi, old[i].lo, old[i].cats);
    std::copy(counted, counted + 17, categories);  // the same people: counted once
    std::free(old);
  }
};

struct Column {
  int hints = 0, headerCategories = 0;
  bool headerName = false, headerAddress = false, recordNumber = false;
  /**
   * Entity types not reported in this column (bit per type): documents under a record-number
   * header, and every type in a look-alike column (src/scan/core/look-alike.ts). One test a hit.
   */
  uint32_t skip = 0;
  /** Whose the column is: 0 the record's own person, else a role (headers.ts ROLES: 紧急联系人 …). */
  int role = 0;
};

/**
 * A person's category bit for role 0 (the record's own person); role r is ROLE_SELF << r (tally.ts
 * ROLE_BIT). Set only where a table has a role column (selfBit): elsewhere roles are not reported.
 */
const int ROLE_SELF = 1 << 8;
const int N_ROLES = 8;

/** A raw value waiting to become a masked sample (`slot` < 0: entity type −slot−1; else column k × 2 + 0 name / 1 address). */
struct PendingSample {
  int slot;
  long s, e;
};

// Person key kinds (canonical.ts).
const uint8_t KEY_ID = 1, KEY_MOBILE = 2, KEY_EMAIL = 3, KEY_DOCUMENT = 4;

class Core {
 public:
  // Configuration.
  uint8_t cls[256] = {};
  int delim = ',';
  int asOf = 0;
  uint32_t k0 = 0, k1 = 0;
  /** Division codes in use since 1981 as 125 KB of bits: fits the L2 cache. */
  std::vector<uint64_t> areaBits = std::vector<uint64_t>(1000000 / 64 + 1, 0);
  /**
   * From data/areacodes.txt as validate.ts reads it: every line of exactly six digits is a code
   * (comments and anything else are not). Parsed here: in JavaScript, before its code is warm,
   * building the table took ~6 ms of every scan's start.
   */
  void setAreas(const uint8_t* text, size_t n) {
    for (size_t i = 0; i < n;) {
      size_t end = i;
      while (end < n && text[end] != '\n') end++;
      if (end - i == 6) {
        int a = 0;
        bool digits = true;
        for (size_t j = i; j < end; j++) {
          if (text[j] < '0' || text[j] > '9') digits = false;
          a = a * 10 + (text[j] - '0');
        }
        if (digits) areaBits[(size_t)a >> 6] |= uint64_t(1) << (a & 63);
      }
      i = end + 1;
    }
  }
  inline bool isArea(int a) const { return a >= 0 && a < 1000000 && (areaBits[(size_t)a >> 6] >> (a & 63) & 1); }
  /**
   * data/bank-bins.txt as keys (length × 1e11 + prefix digits × 1e10 + prefix, as validate.ts
   * bankBinKeys makes them), and per card length the prefix lengths listed (bit k).
   */
  std::unordered_set<uint64_t> bins;
  uint16_t binLengths[24] = {};
  /** Per card length, the first digits any listed prefix starts with (bit d): most numbers stop here. */
  uint16_t binFirst[24] = {};
  void setBins(const double* keys, size_t n) {
    for (size_t i = 0; i < n; i++) {
      uint64_t key = (uint64_t)keys[i];
      bins.insert(key);
      int len = (int)(key / 100000000000ULL), k = (int)(key % 100000000000ULL / 10000000000ULL);
      uint64_t prefix = key % 10000000000ULL;
      for (int j = 1; j < k; j++) prefix /= 10;
      binLengths[len] |= (uint16_t)(1u << k);
      binFirst[len] |= (uint16_t)(1u << prefix);
    }
  }
  bool binOk(const uint8_t* d, int n) const {
    int ks = n < 24 ? binLengths[n] : 0;
    if (!ks || !(binFirst[n] >> d[0] & 1)) return false;
    uint64_t prefix = 0;
    for (int k = 1; k <= 10 && k <= n; k++) {
      prefix = prefix * 10 + d[k - 1];
      if ((ks >> k & 1) && bins.count((uint64_t)n * 100000000000ULL + (uint64_t)k * 10000000000ULL + prefix)) return true;
    }
    return false;
  }
  /** A bank card: Luhn, and its brand's prefix rule or an issuer's BIN (the table only after Luhn: 1 in 10 get there). */
  bool cardOk(const uint8_t* d, int n) const { return cardBrandOk(d, n) ? luhn(d, n) : binCandidate(d, n) && luhn(d, n) && binOk(d, n); }
  /** Whether any listed prefix of this length starts with d[0]: one table read. */
  inline bool binCandidate(const uint8_t* d, int n) const { return n < 24 && (binFirst[n] >> d[0] & 1); }
  std::vector<uint16_t> hanFeatures;
  std::vector<uint32_t> plateSuffix;
  /** ISO 3166 alpha-3 nationalities (validate.ts NATIONALITIES, 26³ bytes). */
  std::vector<uint8_t> nationalities;
  size_t sampleMax = 3;
  std::vector<Column> cols;

  // Results.
  double records = 0;
  /** The most fields a record had (the JavaScript side adds columns up to it, as its core does). */
  size_t maxFields = 0;
  /** Entity counts (N_TYPES), then COL_SLOTS counters per column (integers: one add in memory each; doubles for JavaScript at the end). */
  std::vector<uint64_t> counts = std::vector<uint64_t>(N_TYPES, 0);
  std::vector<std::string> samples[N_TYPES];
  std::vector<std::vector<std::string>> colSamples;  // k × 2 + 0 names / 1 addresses
  /** Entity types (bits) and column sample lists whose samples are complete. */
  uint32_t typeFull = 0;
  std::vector<uint8_t> colFull;
  PersonSet people;

  // The current field.
  const uint8_t* buf = nullptr;
  long bufLen = 0;
  int n = 0;
  std::vector<uint8_t> types = std::vector<uint8_t>(64), minor = std::vector<uint8_t>(64), hasKey = std::vector<uint8_t>(64);
  /** For ID hits, the packed person key's two words (idHit has the digits at hand). */
  std::vector<uint32_t> keyA = std::vector<uint32_t>(64), keyB = std::vector<uint32_t>(64);
  std::vector<long> starts = std::vector<long>(64), ends = std::vector<long>(64);
  long fieldStart = 0, fieldEnd = 0;
  int han = 0, features = 0, dots = 0;
  bool fullwidth = false, coordinatePart = false, inQuote = false, openQuote = false, ipv6Candidate = false;
  int stop = 0, hints = 0;
  uint8_t dig[32] = {};
  int groupLen[8] = {};
  long groupEnd[8] = {};

  // The current record.
  /** The record's counter increments: applied at once, undone if the record is dropped (a record with more waits for JavaScript). */
  static const int JOURNAL_MAX = 1024;
  uint32_t journal[JOURNAL_MAX];
  int journalLen = 0;
  std::vector<PendingSample> pending;
  int bestRank = 255, bestLen = 0, recCats = 0;
  uint8_t best[96] = {};
  /** The record's other people, by role (bit r of rolesSeen: a cell of role r was read). */
  int roleRank[N_ROLES] = {}, roleLen[N_ROLES] = {}, roleCats[N_ROLES] = {};
  uint8_t roleBest[N_ROLES][96] = {};
  unsigned rolesSeen = 0;
  /** ROLE_SELF once a column names a role (setColumns), else 0: a table without roles pays nothing for them. */
  int selfBit = 0;
  bool deferRecord = false;
  /** Person keys of 9 bytes waiting to be tagged four at a time, and their records' categories. */
  uint8_t tagWait[4][12] = {};
  int tagWaitCats[4] = {};
  int tagWaiting = 0;

  void setDelimiter(int d) {
    delim = d;
    std::memset(cls, 0, sizeof cls);
    for (int c = '0'; c <= '9'; c++) cls[c] = K_DIGIT;
    cls['@'] = K_AT;
    cls[':'] = K_COLON;
    for (int c = 0xc0; c < 0xe0; c++) cls[c] = K_TWO;
    for (int c = 0xe0; c < 0xf0; c++) cls[c] = K_HAN;
    for (int c = 0xf0; c < 0xf8; c++) cls[c] = K_FOUR;
    cls['"'] = K_QUOTE;
    cls[d] = K_DELIM;
    cls['\n'] = K_NEWLINE;
  }

  void setColumns(const int32_t* info, size_t count) {
    cols.resize(count);
    for (size_t k = 0; k < count; k++) {
      const int32_t* c = info + k * 3;
      cols[k].hints = c[0];
      cols[k].headerCategories = c[1];
      cols[k].headerName = c[2] & 1;
      cols[k].headerAddress = c[2] & 2;
      cols[k].recordNumber = c[2] & 4;
      cols[k].role = ((uint32_t)c[2] >> 28) & 7;
      if (cols[k].role) selfBit = ROLE_SELF;
      cols[k].skip = (((uint32_t)c[2] >> 3) & ((1u << N_TYPES) - 1)) |
                     (cols[k].recordNumber ? (1u << T_PASSPORT) | (1u << T_HKMO_PERMIT) | (1u << T_TW_PERMIT) | (1u << T_FPR) : 0u);
    }
    counts.resize(N_TYPES + count * COL_SLOTS, 0);
    colSamples.resize(count * 2);
    colFull.resize(count * 2, sampleMax == 0);
    if (sampleMax == 0) typeFull = ~0u;
  }

  /** Scans whole records of buf[0, regionEnd); deferred records' [start, end) go to `deferred`. */
  long scan(const uint8_t* b, long len, long regionEnd, bool final, std::vector<double>& deferred, bool& unclosed) {
    buf = b;
    bufLen = len;
    const size_t ncols = cols.size();
    long i = 0;
    while (i < regionEnd) {
      long recordStart = i;
      journalLen = 0;
      pending.clear();
      bestRank = 255;
      bestLen = 0;
      recCats = 0;
      if (rolesSeen) clearRoles();
      deferRecord = false;
      size_t k = 0;
      bool empty = true;
      bool recordUnclosed = false;
      for (;;) {
        int h = k < ncols ? cols[k].hints : 0;
        i = scanField(i, regionEnd, h);
        if (openQuote) {
          if (!final) {
            undo();
            return recordStart;
          }
          recordUnclosed = true;
        }
        long flen = fieldEnd - fieldStart;
        if (flen > 1 || (flen == 1 && buf[fieldStart] != 0x0d)) {
          empty = false;
          if (k >= ncols || fullwidth || ipv6Candidate) deferRecord = true;
          if (!deferRecord) addField(k);
        }
        if (stop == 1) {
          i++;
          k++;
          continue;
        }
        if (stop == 2) i++;
        break;
      }
      if (k + 1 > maxFields) maxFields = k + 1;
      if (empty) continue;
      if (deferRecord) {
        undo();
        deferred.push_back((double)recordStart);
        deferred.push_back((double)i);
        continue;
      }
      records++;
      endRecord();
      if (recordUnclosed) unclosed = true;  // the last record, counted here (a deferred one is JavaScript's to report)
    }
    return regionEnd;
  }

  /** Tags the 9-byte keys waiting and adds their people (before the people are read). */
  void tagWaitingKeys() {
#if defined(__SSE2__)
    if (tagWaiting == 4) {
      uint32_t hi[4], lo[4];
      halfSipTag9x4(k0, k1, tagWait, hi, lo);
      for (int j = 0; j < 4; j++) people.push(hi[j], lo[j], tagWaitCats[j]);
    } else
      for (int j = 0; j < tagWaiting; j++) {
        uint32_t hi, lo;
        halfSipTag(k0, k1, tagWait[j], 9, &hi, &lo);
        people.push(hi, lo, tagWaitCats[j]);
      }
    tagWaiting = 0;
#endif
  }

 private:
  inline int at(long i) const { return i >= 0 && i < bufLen ? buf[i] : -1; }
  inline bool isDigitAt(long i, long limit) const { return i < limit && buf[i] >= '0' && buf[i] <= '9'; }
  inline bool alnumAt(long i) const {
    int c = at(i);
    return c >= 0 && CS.alnum[c];
  }

  // ---- the field scanner (field-scanner.ts, table mode) ----

  HOT_FN long scanField(long i, long limit, int h) {
    n = 0;
    fieldStart = i;
    han = features = dots = 0;
    fullwidth = coordinatePart = ipv6Candidate = false;
    hints = h;
    inQuote = false;
    return loop(i, limit);
  }

  long loop(long i, long limit) {
    while (i < limit) {
      int c = buf[i];
      int k = cls[c];
      if (k == 0) {
        i++;
        continue;
      }
      switch (k) {
        case K_DIGIT:
          i = digits(i, limit);
          // Most values are one digit run: end the field here, without another dispatch.
          if (i < limit && (buf[i] == delim || buf[i] == '\n') && !inQuote) {
            fieldEnd = i;
            stop = buf[i] == delim ? 1 : 2;
            openQuote = false;
            return i;
          }
          break;
        case K_AT:
          i = email(i, limit);
          break;
        case K_COLON:
          i = ipv6(i, limit);
          break;
        case K_HAN: {
          i = hanRun(i, limit);
          if (i + 2 >= limit && i < limit && buf[i] >= 0xe0 && buf[i] < 0xf0) i = limit;
          if (i < limit && (buf[i] == delim || buf[i] == '\n') && !inQuote) {
            fieldEnd = i;
            stop = buf[i] == delim ? 1 : 2;
            openQuote = false;
            return i;
          }
          break;
        }
        case K_TWO:
          if (c == 0xc2 && at(i + 1) == 0xb7) dots++;
          i += 2;
          break;
        case K_FOUR:
          i += 4;
          break;
        case K_QUOTE:
          inQuote = !inQuote;
          i++;
          break;
        case K_DELIM:
        case K_NEWLINE:
          if (!inQuote) {
            fieldEnd = i;
            stop = k == K_DELIM ? 1 : 2;
            openQuote = false;
            return i;
          }
          i++;
          break;
        default:
          i++;
      }
    }
    fieldEnd = limit;
    stop = 0;
    openQuote = inQuote;
    return limit;
  }

  /**
   * A run of 3-byte characters from i, read in place (names and addresses are mostly this): Han
   * features, plates, full-width letters and digits. A function of its own so that its few
   * variables stay in registers (inside loop() they were spilled and reloaded per character).
   */
  __attribute__((noinline)) long hanRun(long i, long limit) {
    const uint8_t* b = buf;
    const uint16_t* hf = hanFeatures.data();
    int hn = han, feats = features;
    // Below fastEnd a character's 3 bytes are inside the region and a 4-byte load inside the buffer.
    const long fastEnd = limit - 2 < bufLen - 3 ? limit - 2 : bufLen - 3;
    for (;;) {
      int32_t lead;
      unsigned last;
      if (i < fastEnd) {
        uint32_t w;
        std::memcpy(&w, b + i, 4);  // little-endian: bytes 0, 1, 2 in bits 0, 8, 16
        lead = CS.hanLead[w & 0xffff];
        last = (w >> 16) & 0x3f;
      } else if (i < limit - 2) {
        lead = CS.hanLead[b[i] | (b[i + 1] << 8)];
        last = b[i + 2] & 0x3f;
      } else
        break;
      if (lead >= 0) {
        int f = hf[lead + last];
        hn++;
        feats |= f;
        // A province abbreviation followed by a capital may start a plate.
        if (__builtin_expect((f & F_PLATE) && i + 3 < limit && CS.plate[b[i + 3]] == 2, 0)) {
          han = hn;
          features = feats;
          long j = plate(i, limit);
          hn = han;
          if (j != i + 3) {
            i = j;
            continue;
          }
        }
      } else if (lead == LEAD_NOT_THREE)
        break;
      else if (b[i] == 0xef && b[i + 1] == 0xbc) {
        int b2 = b[i + 2];
        if ((b2 >= 0x90 && b2 <= 0x99) || (b2 >= 0xa1 && b2 <= 0xba)) fullwidth = true;
      }
      i += 3;
    }
    han = hn;
    features = feats;
    return i;
  }

  __attribute__((noinline)) void grow() {
    size_t size = types.size() * 2;
    types.resize(size); minor.resize(size); starts.resize(size); ends.resize(size);
    hasKey.resize(size); keyA.resize(size); keyB.resize(size);
  }

  // Inlined into every detector: the growth path apart. (With more call sites than before the
  // compiler stopped inlining it by itself: 80 instructions a record, measured with callgrind.)
  __attribute__((always_inline)) inline int hit(int type, long s, long e) {
    if (__builtin_expect(n == (int)types.size(), 0)) grow();
    int h = n++;
    types[h] = (uint8_t)type;
    starts[h] = s;
    ends[h] = e;
    minor[h] = 0;
    hasKey[h] = 0;
    return h;
  }

  HOT_FN long digits(long s, long limit) {
    long j = s;
    int cnt = 0;
#if defined(__SSE2__)
    // 16 bytes at a time: their digit values go to dig[] (what follows the run is overwritten or never read).
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    while (j + 16 <= limit) {
      __m128i d = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + j)), zero);
      unsigned notDigit = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d)) & 0xffffu;
      if (cnt <= 16) _mm_storeu_si128(reinterpret_cast<__m128i*>(dig + cnt), d);
      if (notDigit) {
        int r = __builtin_ctz(notDigit);
        cnt += r;
        j += r;
        goto runEnd;
      }
      cnt += 16;
      j += 16;
    }
#endif
    while (j < limit) {
      int c = buf[j];
      if (c < '0' || c > '9') break;
      if (cnt < 32) dig[cnt] = (uint8_t)(c - '0');
      cnt++;
      j++;
    }
#if defined(__SSE2__)
  runEnd:
#endif
    long e1 = j;
    int sep = j + 1 < limit ? buf[j] : -1;
    if ((sep == 0x20 || sep == 0x2d) && cnt <= 6 && isDigitAt(j + 1, limit) && (inQuote || sep != delim)) {
      long end = grouped(s, e1, cnt, limit);
      if (end > 0) return end;
    }
    if (sep == 0x2e && isDigitAt(j + 1, limit) && cnt <= 3) return dotted(s, e1, cnt, limit);
    // Under seven digits plain() finds nothing: documents need 7+, a USCC has 8 digits from a
    // digit start (positions 1–8) or 7 after a letter-digit category, and no length case is shorter.
    if (cnt >= 7 && cnt <= 24) plain(s, e1, cnt, limit);
    return e1;
  }

  HOT_FN long grouped(long s, long e1, int n1, long limit) {
    int* L = groupLen;
    long* E = groupEnd;
    int groups = 1;
    L[0] = n1;
    E[0] = e1;
    int total = n1;
    long j = e1;
    while (groups < 6 && j + 1 < limit) {
      int c = buf[j];
      if ((c != 0x20 && c != 0x2d) || !isDigitAt(j + 1, limit)) break;
      long k = j + 1;
      int len = 0;
      while (k < limit && buf[k] >= '0' && buf[k] <= '9') {
        if (total + len < 32) dig[total + len] = (uint8_t)(buf[k] - '0');
        len++;
        k++;
      }
      if (total + len > 24) break;
      L[groups] = len;
      E[groups] = k;
      groups++;
      total += len;
      j = k;
    }
    if (groups < 2) return 0;
    int g0 = 0, o = 0;
    if ((L[0] == 2 && dig[0] == 8 && dig[1] == 6) || (L[0] == 4 && dig[0] == 0 && dig[1] == 0 && dig[2] == 8 && dig[3] == 6)) {
      g0 = 1;
      o = L[0];
    }
    for (int g = g0, sum = 0; g < groups; g++) {
      sum += L[g];
      if (sum == 11) {
        bool shape = g - g0 + 1 == 1 || L[g0] == 3 || (L[g0] == 7 && g - g0 == 1);
        if (shape && mobileSegmentOk(dig + o) && !touches(E[g], limit) && !lettersBefore(s)) {
          hit(T_MOBILE, s, E[g]);
          return E[g];
        }
        break;
      }
      if (sum > 11) break;
    }
    if (dig[0] == 0 && (L[0] == 3 || L[0] == 4) && (L[1] == 7 || L[1] == 8) && landlineOk(dig, L[0] + L[1], L[0])) {
      int last = groups > 2 && L[2] <= 6 && at(E[1]) == 0x2d ? 2 : 1;
      if (!touches(E[last], limit) && !lettersBefore(s)) {
        hit(T_LANDLINE, s, E[last]);
        return E[last];
      }
    }
    for (int g = 1, sum = L[0]; g < groups; g++) {
      sum += L[g];
      if (sum >= 16 && sum <= 19) {
        bool fours = true;
        for (int x = 0; x < g; x++)
          if (L[x] != 4) fours = false;
        if ((fours && L[g] <= 4) || (g == 1 && L[0] == 6)) {
          if (!touches(E[g], limit) && cardOk(dig, sum) && !lettersBefore(s)) {
            hit(T_CARD, s, E[g]);
            return E[g];
          }
        }
      }
      if (sum > 19) break;
    }
    if (groups >= 3 && L[0] == 6 && L[1] == 8 && (L[2] == 4 || L[2] == 3)) {
      long end = E[2];
      int check = -1;
      if (L[2] == 4)
        check = dig[17];
      else if (at(end) == 0x58 || at(end) == 0x78) {
        check = 10;
        end++;
      }
      if (check >= 0 && !touches(end, limit) && idHit(s, end, check)) return end;
    }
    return 0;
  }

  bool touches(long e, long limit) const { return e < limit && (CS.alnum[buf[e]] || buf[e] == 0x40); }
  bool lettersBefore(long s) const { return s > fieldStart && CS.letter[buf[s - 1]]; }

  int residentIdBirth(const IdDigits& id, int check) const {
    const int32_t* p = id.pairs;
    int a = p[0] * 10000 + p[1] * 100 + p[2];
    if (!isArea(a) && a != 810000 && a != 820000 && a != 830000) return -1;
    int birth = dateValue(p[3] * 100 + p[4], p[5], p[6]);
    if (birth < 18800101 || birth > asOf) return -1;
    return id.checkValue() == check ? birth : -1;
  }
  /** A valid date and check under a division code not in the table (validate.ts unknownRegionIdBirth). */
  int unknownRegionIdBirth(const IdDigits& id, int check) const {
    const int32_t* p = id.pairs;
    if (p[0] < 11 || p[0] > 82) return -1;
    int birth = dateValue(p[3] * 100 + p[4], p[5], p[6]);
    if (birth < 18800101 || birth > asOf) return -1;
    return id.checkValue() == check ? birth : -1;
  }
  int legacyIdBirth(const uint8_t* d) const {
    if (!isArea(num(d, 6))) return -1;
    int birth = dateValue(1900 + num(d + 6, 2), num(d + 8, 2), num(d + 10, 2));
    return birth > 0 && birth <= asOf ? birth : -1;
  }
  int foreignPrBirth(const uint8_t* d, const IdDigits& id, int check) const {
    if (d[0] != 9 || id.checkValue() != check) return -1;
    int province = num(d + 1, 2);
    if (province < 11 || province > 65 || !isArea(province * 10000)) return -1;
    int nationality = num(d + 3, 3);
    if (nationality == 0 || nationality == 156) return -1;
    int birth = dateValue(num(d + 6, 4), num(d + 10, 2), num(d + 12, 2));
    return birth >= 18800101 && birth <= asOf ? birth : -1;
  }
  /** validate.ts fpr2017FieldsOk: an alpha-3 nationality, a province, a date (the 12 digits are in dig). */
  bool fpr2017FieldsOk(const uint8_t* letters) const {
    if (nationalities.empty() || !nationalities[(letters[0] - 65) * 676 + (letters[1] - 65) * 26 + (letters[2] - 65)]) return false;
    int province = dig[0] * 10 + dig[1];
    if (province < 11 || province > 65 || !isArea(province * 10000)) return false;
    int yy = dig[4] * 10 + dig[5], m = dig[6] * 10 + dig[7], day = dig[8] * 10 + dig[9];
    int recent = dateValue(2000 + yy, m, day);
    if (recent > 0 && recent <= asOf) return true;
    return dateValue(1900 + yy, m, day) > 0;
  }
  int ageOn(int birth) const {
    // Math.floor((asOf - birth) / 10000) for yyyymmdd numbers (asOf ≥ birth here).
    int diff = asOf - birth;
    return diff >= 0 ? diff / 10000 : -((-diff + 9999) / 10000);
  }

  HOT_FN bool idHit(long s, long end, int check) {
    const IdDigits id(dig);
    int birth = residentIdBirth(id, check);
    int type = T_ID;
    if (birth < 0) {
      birth = foreignPrBirth(dig, id, check);
      type = T_FPR;
    }
    if (birth < 0) {
      if (unknownRegionIdBirth(id, check) < 0) return false;
      hit(T_ID_UNKNOWN_REGION, s, end);
      return true;
    }
    int h = hit(type, s, end);
    if (ageOn(birth) < 14) minor[h] = 1;
    // num(dig, 9) and num(dig + 9, 8), from the pairs.
    const int32_t* p = id.pairs;
    keyA[h] = (uint32_t)((p[0] * 1000000 + p[1] * 10000 + p[2] * 100 + p[3]) * 10 + dig[8]);
    keyB[h] = (uint32_t)(dig[9] * 10000000 + p[5] * 100000 + p[6] * 1000 + p[7] * 10 + dig[16]) * 11u + (uint32_t)check;
    hasKey[h] = 1;
    return true;
  }

  HOT_FN void plain(long s, long e, int cnt, long limit) {
    long end = e;
    int after = e < limit ? buf[e] : -1;
    int check = -1;
    if ((after == 0x58 || after == 0x78) && cnt == 17) {
      check = 10;
      end = e + 1;
      after = end < limit ? buf[end] : -1;
    }
    int before = s > fieldStart ? buf[s - 1] : -1;
    // A credit code of a letter authority (A1, N1–N3, Y1 …) with letters later on too: its digits
    // run from the second character, between the category letter and the organisation code's letters.
    if (before >= 0 && CS.usccLetter[before] && (s - 1 == fieldStart || !CS.alnum[buf[s - 2]])) {
      int had = n;
      uscc(s - 1, limit);
      if (n > had) return;
    }
    if (after >= 0 && (CS.alnum[after] || after == 0x40)) {
      if (before < 0 || !CS.alnum[before]) uscc(s, limit);
      return;
    }
    if (before >= 0 && CS.letter[before]) {
      prefixed(s, end, cnt, limit);
      return;
    }
    if (check == 10) {
      // 17 digits and X: an ID number, else a credit code whose MOD 31 check is X (GB 32100 §5.2).
      if (!idHit(s, end, 10)) uscc(s, limit);
      return;
    }
    switch (cnt) {
      case 18:
        if (idHit(s, end, dig[17])) return;
        if (cardOk(dig, cnt))
          hit(T_CARD, s, end);
        else
          uscc(s, limit);
        return;
      case 15: {
        int birth = legacyIdBirth(dig);
        if (birth > 0) {
          int h = hit(T_ID, s, end);
          if (ageOn(birth) < 14) minor[h] = 1;
          return;
        }
        if (dig[0] == 0 && dig[1] == 0 && dig[2] == 8 && dig[3] == 6 && mobileSegmentOk(dig + 4)) {
          hit(T_MOBILE, s, end);
          return;
        }
        if (imeiOk(dig))
          hit(T_IMEI, s, end);
        else if (binCandidate(dig, 15) && luhn(dig, 15) && binOk(dig, 15))
          hit(T_CARD, s, end);  // 37xxxx cards of Chinese banks
        return;
      }
      case 20:
        if (binCandidate(dig, 20) && luhn(dig, 20) && binOk(dig, 20)) hit(T_CARD, s, end);
        return;
      case 11:
        if (mobileSegmentOk(dig))
          hit(T_MOBILE, s, end);
        else if (landlineOk(dig, 11, 0))
          hit(T_LANDLINE, s, end);
        return;
      case 13:
        if (dig[0] == 8 && dig[1] == 6 && mobileSegmentOk(dig + 2)) hit(T_MOBILE, s, end);
        return;
      case 12:
        if (dig[0] == 0 && mobileSegmentOk(dig + 1))
          hit(T_MOBILE, s, end);  // 0 + mobile: the long-distance prefix written before it
        else if (landlineOk(dig, 12, 0))
          hit(T_LANDLINE, s, end);
        else if (before == 0x29)
          parenLandline(s, end, cnt);
        return;
      case 16:
      case 17:
      case 19:
        if (cardOk(dig, cnt)) hit(T_CARD, s, end);
        return;
      case 8:
        if (hints & HINT_TAIWAN_PERMIT)
          hit(T_TW_PERMIT, s, end);
        else if (before == 0x29 || before == 0x20)
          parenLandline(s, end, cnt);
        return;
      case 7:
        if (before == 0x29 || before == 0x20) parenLandline(s, end, cnt);
        return;
      default:
        return;
    }
  }

  void parenLandline(long s, long end, int cnt) {
    long p = s - 1;
    if (at(p) == 0x20 && p > fieldStart) p--;
    if (at(p) != 0x29) return;
    long a = p - 1;
    while (a > fieldStart && buf[a - 1] >= '0' && buf[a - 1] <= '9') a--;
    long areaLen = p - a;
    if ((areaLen != 3 && areaLen != 4) || a <= fieldStart || at(a - 1) != 0x28) return;
    uint8_t d[32] = {};  // area (3–4) + local digits (up to 12 from the 12-digit case): landlineOk reads at most 9
    for (long i = 0; i < areaLen; i++) d[i] = (uint8_t)(buf[a + i] - '0');
    for (int i = 0; i < cnt; i++) d[areaLen + i] = dig[i];
    if (landlineOk(d, (int)areaLen + cnt, (int)areaLen)) hit(T_LANDLINE, a - 1, end);
  }

  HOT_FN void prefixed(long s, long end, int cnt, long limit) {
    long p = s;
    while (p > fieldStart && CS.letter[buf[p - 1]] && s - p < 4) p--;
    long L = s - p;
    if (p > fieldStart && CS.alnum[buf[p - 1]]) return;
    int a = buf[p];
    int b = L > 1 ? buf[p + 1] : 0;
    if (L == 1 && CS.upper[a]) {
      if (cnt == 8 && (a == 'E' || a == 'G')) return (void)hit(T_PASSPORT, s - 1, end);
      if (cnt == 8 && a == 'C') return (void)hit(T_HKMO_PERMIT, s - 1, end);
      if ((cnt == 8 || cnt == 10) && (a == 'H' || a == 'M')) return (void)hit(T_HKMO_PERMIT, s - 1, end);
      if (cnt == 8 && a == 'L') return (void)hit(T_TW_PERMIT, s - 1, end);
    } else if (L == 2 && CS.upper[a] && CS.upper[b] && cnt == 7) {
      bool secondOk = b != 'I' && b != 'O';
      if ((a == 'E' && secondOk) || (b == 'E' && (a == 'P' || a == 'S' || a == 'D'))) return (void)hit(T_PASSPORT, s - 2, end);
      if (a == 'C' && secondOk) return (void)hit(T_HKMO_PERMIT, s - 2, end);
    } else if (L == 3 && CS.upper[a] && CS.upper[b] && CS.upper[buf[p + 2]] && cnt == 12) {
      static const int W[3] = {7, 3, 1};
      int sum = 0;
      for (int k = 0; k < 14; k++) sum += (k < 3 ? buf[p + k] - 55 : dig[k - 3]) * W[k % 3];
      if (sum % 10 == dig[11] && fpr2017FieldsOk(buf + p)) {
        hit(T_FPR, p, end);
        return;
      }
    }
    if (L <= 2) uscc(p, limit);
  }

  HOT_FN void uscc(long s, long limit) {
    if (s + 18 > limit || (s + 18 < limit && CS.alnum[buf[s + 18]])) return;
    const uint8_t* b = buf + s;
    if (!CS.usccCategory[(b[0] << 8) | b[1]]) return;
    int sum = 0, a = 0;
    for (int k = 0; k < 17; k++) {
      int v = CS.usccValue[b[k]];
      if (v < 0 || (k >= 2 && k < 8 && v > 9)) return;
      if (k >= 2 && k < 8) a = a * 10 + v;
      sum += v * USCC_WEIGHTS[k];
    }
    if (a != 100000 && !isArea(a)) return;
    if (CS.usccValue[b[17]] == (31 - sum % 31) % 31) hit(T_USCC, s, s + 18);
  }

  double value(long s, long e) const {
    double v = 0;
    for (long i = s; i < e; i++) v = v * 10 + (buf[i] - '0');
    return v;
  }

  /** Number(`0.${digits}`) / Number(`${a}.${b}`): strtod rounds correctly, as V8 does. */
  double decimal(long intS, long intE, long fracS, long fracE) const {
    std::string t;
    t.reserve((size_t)(intE - intS + fracE - fracS + 2));
    if (intE > intS)
      t.append((const char*)buf + intS, (size_t)(intE - intS));
    else
      t.push_back('0');
    t.push_back('.');
    t.append((const char*)buf + fracS, (size_t)(fracE - fracS));
    return std::strtod(t.c_str(), nullptr);
  }

  HOT_FN long dotted(long s, long e1, int n1, long limit) {
    int before = s > fieldStart ? buf[s - 1] : -1;
    double parts[5];
    int lens[5];
    int count = 1;
    parts[0] = value(s, e1);
    lens[0] = n1;
    long j = e1;
    while (count < 5 && at(j) == 0x2e && isDigitAt(j + 1, limit)) {
      long k = j + 1;
      while (k < limit && buf[k] >= '0' && buf[k] <= '9') k++;
      lens[count] = (int)(k - j - 1);
      parts[count] = value(j + 1, k < j + 10 ? k : j + 10);
      count++;
      j = k;
    }
    bool clean = !(before >= 0 && (CS.alnum[before] || before == 0x2e || before == 0x2d)) && !touches(j, limit) && at(j) != 0x2e;
    if (!clean) return j;
    if (count == 4) {
      bool ok = true;
      for (int x = 0; x < 4; x++)
        if (lens[x] > 3 || parts[x] > 255) ok = false;
      if (ok) {
        hit(T_IPV4, s, j);
        return j;
      }
    }
    if (count != 2 || lens[1] < 4) return j;
    double a = parts[0] + decimal(0, 0, e1 + 1, j);
    long k = j;
    int sep = at(k);
    if ((sep == 0x2c && (inQuote || delim != 0x2c)) || sep == 0x20) {
      k++;
      if (at(k) == 0x20) k++;
      // /^(\d{1,3})\.(\d{4,15})/ on the next 20 characters.
      long windowEnd = limit < k + 20 ? limit : k + 20;
      long x = k;
      while (x < windowEnd && buf[x] >= '0' && buf[x] <= '9') x++;
      long intLen = x - k;
      if (intLen >= 1 && intLen <= 3 && x < windowEnd && buf[x] == 0x2e) {
        long f = x + 1;
        while (f < windowEnd && f - (x + 1) < 15 && buf[f] >= '0' && buf[f] <= '9') f++;
        if (f - (x + 1) >= 4) {
          double b = decimal(k, x, x + 1, f);
          long end = f;
          if (!touches(end, limit) && ((inLng(a) && inLat(b)) || (inLat(a) && inLng(b)))) {
            hit(T_COORD, s, end);
            return end;
          }
        }
      }
    }
    if (((hints & HINT_LATITUDE) && inLat(a)) || ((hints & HINT_COORDINATE) && (inLat(a) || inLng(a))))
      hit(T_COORD, s, j);
    else if ((hints & HINT_LONGITUDE) && inLng(a))
      coordinatePart = true;
    return j;
  }

  HOT_FN long email(long atPos, long limit) {
    long l = atPos;
    while (l > fieldStart && atPos - l < 64 && CS.emailLocal[buf[l - 1]]) l--;
    while (l < atPos && buf[l] == 0x2e) l++;
    if (l == atPos) return atPos + 1;
    long r = atPos + 1;
    long lastDot = -1;
    int labelLen = 0;
    while (r < limit && r - atPos < 254) {
      int c = buf[r];
      if (CS.emailDomain[c])
        labelLen++;
      else if (c == 0x2e && labelLen > 0 && r + 1 < limit && CS.emailDomain[buf[r + 1]]) {
        lastDot = r;
        labelLen = 0;
      } else
        break;
      r++;
    }
    if (lastDot < 0) return r;
    long tld = 0;
    for (long i = lastDot + 1; i < r; i++)
      if (CS.letter[buf[i]]) tld++;
    if (tld != r - lastDot - 1 || tld < 2 || tld > 24) return r;
    hit(T_EMAIL, l, r);
    return r;
  }

  /** The shape test of field-scanner.ts; what passes it needs node:net, so the record is deferred. */
  long ipv6(long atPos, long limit) {
    long l = atPos;
    while (l > fieldStart && atPos - l < 40 && CS.hexColon[buf[l - 1]]) l--;
    long r = atPos + 1;
    int colons = 1;
    bool dbl = at(atPos - 1) == 0x3a || at(atPos + 1) == 0x3a;
    while (r < limit && r - l < 46 && CS.hexColon[buf[r]]) {
      if (buf[r] == 0x3a) {
        colons++;
        if (buf[r - 1] == 0x3a) dbl = true;
      }
      r++;
    }
    for (long i = l; i < atPos; i++)
      if (buf[i] == 0x3a) colons++;
    if (colons < 2 || (!dbl && colons != 7) || r - l < 6) return atPos + 1;
    if ((l > fieldStart && CS.alnum[buf[l - 1]]) || touches(r, limit)) return atPos + 1;
    if (l < atPos && n > 0 && ends[n - 1] > l) return atPos + 1;
    ipv6Candidate = true;
    return atPos + 1;
  }

  bool plateSuffixAt(long j) const {
    int cp = ((buf[j] & 0x0f) << 12) | ((buf[j + 1] & 0x3f) << 6) | (buf[j + 2] & 0x3f);
    for (uint32_t x : plateSuffix)
      if ((int)x == cp) return true;
    return false;
  }

  HOT_FN long plate(long i, long limit) {
    long j = i + 3;
    if (j >= limit || CS.plate[buf[j]] != 2) return i + 3;
    j++;
    if (at(j) == 0xc2 && at(j + 1) == 0xb7)
      j += 2;
    else if (at(j) == 0x20)
      j++;
    long s = j;
    int digitCount = 0;
    while (j < limit && j - s < 7 && CS.plate[buf[j]]) {
      if (CS.plate[buf[j]] == 1) digitCount++;
      j++;
    }
    long k = j - s;
    bool ok = false;
    if (k == 5)
      ok = digitCount >= 3;
    else if (k == 4 && digitCount >= 3 && j + 2 < limit && buf[j] >= 0xe0 && buf[j] < 0xf0)
      ok = plateSuffixAt(j);
    else if (k == 6)
      ok = (CS.nevLetter[buf[s]] && digitCount >= 4 && CS.plate[buf[s + 2]] == 1) || (digitCount == 5 && CS.nevLetter[buf[s + 5]]);
    if (!ok || (j < limit && CS.alnum[buf[j]])) return i + 3;
    if (j + 2 < limit && buf[j] >= 0xe0 && buf[j] < 0xf0 && plateSuffixAt(j)) {
      j += 3;
      han++;
    }
    hit(T_PLATE, i, j);
    return j;
  }

  // ---- counting (tally.ts addField / endRecord, table cells) ----

  /** Room for a field's increments (at most 3 per hit and 6 more); else the record is deferred. */
  inline bool journalRoom() const { return journalLen + 3 * n + 8 <= JOURNAL_MAX; }
  inline void inc(uint32_t idx) {
    journal[journalLen++] = idx;
    counts[idx]++;
  }
  /** Takes back the current record's increments (it is deferred, or continues in the next chunk). */
  void undo() {
    uint64_t* c = counts.data();
    for (int j = 0; j < journalLen; j++) c[journal[j]]--;
    journalLen = 0;
  }
  inline uint32_t colIdx(size_t k, int slot) const { return (uint32_t)(N_TYPES + k * COL_SLOTS + slot); }

  /** The Han features of the character at p (a Han character: its three bytes are in the buffer). */
  int hanFeaturesAt(long p) const {
    int32_t lead = CS.hanLead[buf[p] | (buf[p + 1] << 8)];
    return lead >= 0 ? hanFeatures[lead + (buf[p + 2] & 0x3f)] : 0;
  }

  HOT_FN void addField(size_t k) {
    const Column& col = cols[k];
    long s = fieldStart, e = fieldEnd;
    while (s < e && CS.trimFront[buf[s]]) s++;
    while (e > s && CS.trimBack[buf[e - 1]]) e--;
    if (s == e) return;
    if (!journalRoom()) {
      deferRecord = true;
      return;
    }
    inc(colIdx(k, FILLED));
    int cats = 0;
    for (int h = 0; h < n; h++) {
      int type = types[h];
      if (col.skip >> type & 1) continue;
      long hs = starts[h], he = ends[h];
      inc((uint32_t)type);
      if (!(typeFull >> type & 1)) pending.push_back({-type - 1, hs, he});
      inc(colIdx(k, type));
      if (type == T_CARD)
        cats |= C_FINANCIAL;
      else if (type == T_COORD)
        cats |= C_LOCATION;
      if (minor[h]) cats |= C_MINOR;
      int rank = type == T_FPR && buf[hs] >= 0x41 ? 1 : PERSON_RANK[type];  // the 2017 card ranks with passports
      if (col.role) {
        if (rank < 255) roleKey(col.role, rank, h, type, hs, he);
      } else if (rank < bestRank) {
        bestRank = rank;
        bestLen = hitKey(h, type, hs, he);
      }
    }
    if (coordinatePart) {
      inc(colIdx(k, COORDINATE_PART));
      cats |= C_LOCATION;
    }
    cats |= col.headerCategories;
    if (han > 0) {
      long len = e - s;
      if (features & (F_MEDICAL | F_OTHER_SENSITIVE)) {
        deferRecord = true;  // term lists are regular expressions
        return;
      }
      if (len > CELL_MAX) {
        if ((features & F_SURNAME) || popcount(features & F_ADDR) >= 2) deferRecord = true;  // names, addresses in text
      } else {
        // A cell of 3 × han bytes is all Han characters: its first one (the surname) is at s.
        bool nameShape = dots == 0 ? han >= 2 && han <= 4 && len == 3 * han && (hanFeaturesAt(s) & F_SURNAME) != 0
                                   : han >= 2 && han <= 20 && len == 3 * han + 2 * dots;
        if (nameShape) {
          inc(colIdx(k, NAME_SHAPED));
          if (!colFull[k * 2]) pending.push_back({(int)(k * 2), s, e});
        } else if (dots == 0 && han >= 2 && han <= 4 && len == 3 * han) {
          inc(colIdx(k, OTHER_SHORT_HAN));
          if (col.headerName && !colFull[k * 2]) pending.push_back({(int)(k * 2), s, e});
        } else if (han >= 4 && popcount(features & F_ADDR) >= 2) {
          inc(colIdx(k, ADDRESS_SHAPED));
          if (!colFull[k * 2 + 1]) pending.push_back({(int)(k * 2 + 1), s, e});
        }
      }
    }
    if (col.role) {
      touchRole(col.role);
      roleCats[col.role] |= cats;
    } else
      recCats |= cats;
  }

  void clearRoles() { rolesSeen = 0; }

  /** Hit h's person key into best (an ID number's from its validation); returns its length. */
  __attribute__((always_inline)) inline int hitKey(int h, int type, long hs, long he) {
    if (!hasKey[h]) return writePersonKey(type, hs, he);
    best[0] = KEY_ID;
    putUint32(1, keyA[h]);
    putUint32(5, keyB[h]);
    return 9;
  }

  /** Role r's state, reset at its first cell in the record. */
  void touchRole(int r) {
    if (rolesSeen >> r & 1) return;
    rolesSeen |= 1u << r;
    roleRank[r] = 255;
    roleLen[r] = 0;
    roleCats[r] = 0;
  }

  /** A person key for role r's best identifier so far (the record's own stays in best). */
  void roleKey(int r, int rank, int h, int type, long hs, long he) {
    touchRole(r);
    if (rank >= roleRank[r]) return;
    roleRank[r] = rank;
    uint8_t saved[96];
    std::memcpy(saved, best, sizeof best);
    int len = hitKey(h, type, hs, he);
    std::memcpy(roleBest[r], best, (size_t)len);
    roleLen[r] = len;
    std::memcpy(best, saved, sizeof best);
  }

  /** The record's people in other roles, each with its role's bit. */
  void pushRoles() {
    for (int r = 1; r < N_ROLES; r++) {
      if (!(rolesSeen >> r & 1) || roleLen[r] == 0) continue;
      uint32_t hi, lo;
      halfSipTag(k0, k1, roleBest[r], roleLen[r], &hi, &lo);
      people.push(hi, lo, roleCats[r] | (ROLE_SELF << r));
    }
  }

  HOT_FN void endRecord() {
    journalLen = 0;
    for (const PendingSample& p : pending) {
      std::vector<std::string>& list = p.slot < 0 ? samples[-p.slot - 1] : colSamples[(size_t)p.slot];
      if (list.size() < sampleMax) list.emplace_back((const char*)buf + p.s, (size_t)(p.e - p.s));
      if (list.size() >= sampleMax) {
        if (p.slot < 0)
          typeFull |= 1u << (-p.slot - 1);
        else
          colFull[(size_t)p.slot] = 1;
      }
    }
    if (rolesSeen) pushRoles();
    if (bestLen == 0) return;
#if defined(__SSE2__)
    // Keys of 9 bytes wait for three more and are tagged four at a time.
    if (bestLen == 9) {
      std::memcpy(tagWait[tagWaiting], best, 9);
      tagWaitCats[tagWaiting] = recCats | selfBit;
      if (++tagWaiting == 4) tagWaitingKeys();
      return;
    }
#endif
    uint32_t hi, lo;
    halfSipTag(k0, k1, best, bestLen, &hi, &lo);
    people.push(hi, lo, recCats | selfBit);
  }

  /** canonical.ts writePersonKey: the canonical value packed after a kind byte. */
  HOT_FN int writePersonKey(int type, long start, long end) {
    uint8_t d[32];
    if (type == T_ID || (type == T_FPR && buf[start] < 0x41)) {
      int cnt = 0;
      bool x = false;
      for (long i = start; i < end; i++) {
        int c = buf[i];
        if (c >= '0' && c <= '9') {
          if (cnt < 32) d[cnt] = (uint8_t)(c - '0');
          cnt++;
        } else if (c == 'X' || c == 'x')
          x = true;
      }
      if (cnt == 15) {
        std::memmove(d + 8, d + 6, 9);
        d[6] = 1;
        d[7] = 9;
        cnt = 17;
      }
      int check = cnt == 17 && !x ? idCheckValue(d) : x ? 10 : d[17];
      best[0] = KEY_ID;
      putUint32(1, (uint32_t)num(d, 9));
      putUint32(5, (uint32_t)num(d + 9, 8) * 11u + (uint32_t)check);
      return 9;
    }
    if (type == T_MOBILE) {
      int cnt = 0;
      for (long i = start; i < end; i++) {
        int c = buf[i];
        if (c >= '0' && c <= '9' && cnt < 32) d[cnt++] = (uint8_t)(c - '0');
      }
      best[0] = KEY_MOBILE;
      putUint32(1, (uint32_t)num(d + cnt - 11, 2));
      putUint32(5, (uint32_t)num(d + cnt - 9, 9));
      return 9;
    }
    const int cap = (int)sizeof best;
    int o = 1;
    if (type == T_EMAIL) {
      best[0] = KEY_EMAIL;
      for (long i = start; i < end && o < cap; i++) {
        int c = buf[i];
        best[o++] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      return o;
    }
    best[0] = KEY_DOCUMENT;
    int keep = type == T_HKMO_PERMIT && (buf[start] == 'H' || buf[start] == 'M') ? 9 : 64;
    for (long i = start, k = 0; i < end && k < keep && o < cap; i++) {
      int c = buf[i];
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        best[o++] = (uint8_t)c;
        k++;
      } else if (c >= 'a' && c <= 'z') {
        best[o++] = (uint8_t)(c - 32);
        k++;
      }
    }
    return o;
  }

  void putUint32(int o, uint32_t v) {
    best[o] = (uint8_t)v;
    best[o + 1] = (uint8_t)(v >> 8);
    best[o + 2] = (uint8_t)(v >> 16);
    best[o + 3] = (uint8_t)(v >> 24);
  }
};

#ifndef XBORDER_SCAN_CORE_STANDALONE
}  // namespace

void registerPersonKeys(napi_env env, napi_value exports);  // person_keys.cc
void registerMappedFile(napi_env env, napi_value exports);  // mapped_file.cc
bool readMapped(void (*fn)(void*), void* arg);              // mapped_file.cc

namespace {
// ---- Node-API glue ----

#define CHECK(call)                                                   \
  do {                                                                \
    if ((call) != napi_ok) {                                          \
      napi_throw_error(env, nullptr, "scan core: " #call " failed"); \
      return nullptr;                                                 \
    }                                                                 \
  } while (0)

bool typedBytes(napi_env env, napi_value v, void** data, size_t* bytes) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return false;
  napi_typedarray_type type;
  size_t length, offset;
  napi_value ab;
  if (napi_get_typedarray_info(env, v, &type, &length, data, &ab, &offset) != napi_ok) return false;
  size_t width = type == napi_uint16_array || type == napi_int16_array   ? 2
                 : type == napi_uint32_array || type == napi_int32_array ? 4
                 : type == napi_float64_array                            ? 8
                                                                         : 1;
  *bytes = length * width;
  return true;
}

void finalizeCore(napi_env, void* data, void*) { delete static_cast<Core*>(data); }
void freeSlots(napi_env, void* data, void*) { std::free(data); }

/**
 * new Core(delimiter, asOf, key: Uint8Array(8), areaCodesText: Uint8Array, hanFeatures: Uint16Array,
 *          plateSuffixes: Uint32Array, sampleMax[, expectedPeople[, bankBins: Float64Array[, nationalities: Uint8Array]]])
 */
napi_value New(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10], self;
  CHECK(napi_get_cb_info(env, info, &argc, argv, &self, nullptr));
  if (argc < 7) {
    napi_throw_type_error(env, nullptr, "scan core: 7 arguments expected");
    return nullptr;
  }
  auto* core = new Core();
  int32_t delim, asOf, sampleMax;
  napi_get_value_int32(env, argv[0], &delim);
  napi_get_value_int32(env, argv[1], &asOf);
  napi_get_value_int32(env, argv[6], &sampleMax);
  void* p;
  size_t bytes;
  if (!typedBytes(env, argv[2], &p, &bytes) || bytes < 8) {
    delete core;
    napi_throw_type_error(env, nullptr, "scan core: an 8-byte key expected");
    return nullptr;
  }
  const uint8_t* key = static_cast<const uint8_t*>(p);
  core->k0 = key[0] | (key[1] << 8) | (key[2] << 16) | ((uint32_t)key[3] << 24);
  core->k1 = key[4] | (key[5] << 8) | (key[6] << 16) | ((uint32_t)key[7] << 24);
  if (!typedBytes(env, argv[3], &p, &bytes) || bytes == 0) {
    delete core;
    napi_throw_type_error(env, nullptr, "scan core: the division codes (data/areacodes.txt) expected");
    return nullptr;
  }
  core->setAreas(static_cast<uint8_t*>(p), bytes);
  if (!typedBytes(env, argv[4], &p, &bytes) || bytes != (size_t)(HAN_END - HAN_BASE + 1) * 2) {
    delete core;
    napi_throw_type_error(env, nullptr, "scan core: the Han feature table expected");
    return nullptr;
  }
  core->hanFeatures.assign(static_cast<uint16_t*>(p), static_cast<uint16_t*>(p) + bytes / 2);
  if (!typedBytes(env, argv[5], &p, &bytes)) {
    delete core;
    napi_throw_type_error(env, nullptr, "scan core: plate suffixes expected");
    return nullptr;
  }
  core->plateSuffix.assign(static_cast<uint32_t*>(p), static_cast<uint32_t*>(p) + bytes / 4);
  if (argc >= 9 && typedBytes(env, argv[8], &p, &bytes)) core->setBins(static_cast<const double*>(p), bytes / 8);
  if (argc >= 10 && typedBytes(env, argv[9], &p, &bytes) && bytes == 26 * 26 * 26)
    core->nationalities.assign(static_cast<uint8_t*>(p), static_cast<uint8_t*>(p) + bytes);
  core->setDelimiter(delim & 0xff);
  core->asOf = asOf;
  core->sampleMax = sampleMax < 0 ? 0 : (size_t)sampleMax;
  double expected = 0;
  if (argc >= 8) napi_get_value_double(env, argv[7], &expected);
  if (expected > 0) core->people.reserve((size_t)(expected < 1e6 ? expected : 1e6));  // at most 32 MiB up front
  CHECK(napi_wrap(env, self, core, finalizeCore, nullptr, nullptr));
  return self;
}

Core* unwrap(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv) {
  napi_value self;
  if (napi_get_cb_info(env, info, argc, argv, &self, nullptr) != napi_ok) return nullptr;
  void* data = nullptr;
  if (napi_unwrap(env, self, &data) != napi_ok) return nullptr;
  return static_cast<Core*>(data);
}

/** setColumns(Int32Array of [hints, headerCategories, flags] per column) */
napi_value SetColumns(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  Core* core = unwrap(env, info, &argc, argv);
  void* p;
  size_t bytes;
  if (!core || argc < 1 || !typedBytes(env, argv[0], &p, &bytes)) {
    napi_throw_type_error(env, nullptr, "scan core: setColumns(Int32Array)");
    return nullptr;
  }
  core->setColumns(static_cast<int32_t*>(p), bytes / 12);
  return nullptr;
}

/** scan(buf, regionEnd, final) → [consumed, 1 if the last record it counted never closed its quotes, records so far, most fields in a record, ...deferred start/end pairs] */
napi_value Scan(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  Core* core = unwrap(env, info, &argc, argv);
  void* p;
  size_t bytes;
  if (!core || argc < 3 || !typedBytes(env, argv[0], &p, &bytes)) {
    napi_throw_type_error(env, nullptr, "scan core: scan(buffer, regionEnd, final)");
    return nullptr;
  }
  int64_t regionEnd;
  bool final;
  napi_get_value_int64(env, argv[1], &regionEnd);
  napi_get_value_bool(env, argv[2], &final);
  if (regionEnd < 0 || (size_t)regionEnd > bytes) {
    napi_throw_range_error(env, nullptr, "scan core: regionEnd outside the buffer");
    return nullptr;
  }
  // Run through readMapped: the buffer may be a mapped file that shrinks while it is read.
  struct Call {
    Core* core;
    const uint8_t* buf;
    long bytes, regionEnd;
    bool final, unclosed;
    std::vector<double> deferred;
    long consumed;
  } call{core, static_cast<uint8_t*>(p), (long)bytes, (long)regionEnd, final, false, {}, 0};
  bool read = readMapped(
      [](void* a) {
        Call* c = static_cast<Call*>(a);
        c->consumed = c->core->scan(c->buf, c->bytes, c->regionEnd, c->final, c->deferred, c->unclosed);
      },
      &call);
  if (!read) {
    napi_throw_error(env, "ERR_XBORDER_FILE_CHANGED", "the file changed while it was being read (truncated?)");
    return nullptr;
  }
  const std::vector<double>& deferred = call.deferred;
  bool unclosed = call.unclosed;
  long consumed = call.consumed;
  napi_value out, v;
  CHECK(napi_create_array_with_length(env, 4 + deferred.size(), &out));
  napi_create_double(env, (double)consumed, &v);
  napi_set_element(env, out, 0, v);
  napi_create_double(env, unclosed ? 1 : 0, &v);
  napi_set_element(env, out, 1, v);
  napi_create_double(env, core->records, &v);
  napi_set_element(env, out, 2, v);
  napi_create_double(env, (double)core->maxFields, &v);
  napi_set_element(env, out, 3, v);
  for (size_t i = 0; i < deferred.size(); i++) {
    napi_create_double(env, deferred[i], &v);
    napi_set_element(env, out, (uint32_t)(4 + i), v);
  }
  return out;
}

napi_value float64Array(napi_env env, const double* data, size_t count) {
  napi_value ab, arr;
  void* dst;
  if (napi_create_arraybuffer(env, count * 8, &dst, &ab) != napi_ok) return nullptr;
  if (count) std::memcpy(dst, data, count * 8);
  if (napi_create_typedarray(env, napi_float64_array, count, ab, 0, &arr) != napi_ok) return nullptr;
  return arr;
}

napi_value stringList(napi_env env, const std::vector<std::string>& list) {
  napi_value arr, s;
  napi_create_array_with_length(env, list.size(), &arr);
  for (size_t i = 0; i < list.size(); i++) {
    napi_create_string_utf8(env, list[i].data(), list[i].size(), &s);
    napi_set_element(env, arr, (uint32_t)i, s);
  }
  return arr;
}

/**
 * takePeople() → Uint32Array: the person table's slots, laid out as person-table.ts reads them,
 * handed over without a copy (after finish(); once).
 */
napi_value TakePeople(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Core* core = unwrap(env, info, &argc, nullptr);
  if (!core || !core->people.slots) {
    napi_throw_error(env, nullptr, "scan core: takePeople() after finish(), once");
    return nullptr;
  }
  PersonSet& ps = core->people;
  size_t bytes = ps.capacity * sizeof(PersonSet::Slot);
  napi_value ab, slots;
  if (napi_create_external_arraybuffer(env, ps.slots, bytes, freeSlots, nullptr, &ab) == napi_ok) {
    ps.slots = nullptr;  // the ArrayBuffer owns them now
  } else {
    void* dst;
    CHECK(napi_create_arraybuffer(env, bytes, &dst, &ab));
    std::memcpy(dst, ps.slots, bytes);
    std::free(ps.slots);
    ps.slots = nullptr;
  }
  CHECK(napi_create_typedarray(env, napi_uint32_array, bytes / 4, ab, 0, &slots));
  return slots;
}

/**
 * finish() → {records, entities, samples, columns (flat counts), columnSlots, names, addresses,
 * peopleCapacity, peopleSize, peopleCategories}
 */
napi_value Finish(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Core* core = unwrap(env, info, &argc, nullptr);
  if (!core) {
    napi_throw_error(env, nullptr, "scan core: not a core");
    return nullptr;
  }
  napi_value out, v;
  CHECK(napi_create_object(env, &out));
  napi_create_double(env, core->records, &v);
  napi_set_named_property(env, out, "records", v);
  std::vector<double> counted(core->counts.begin(), core->counts.end());
  napi_set_named_property(env, out, "entities", float64Array(env, counted.data(), N_TYPES));
  napi_value samples;
  napi_create_array_with_length(env, N_TYPES, &samples);
  for (int t = 0; t < N_TYPES; t++) napi_set_element(env, samples, t, stringList(env, core->samples[t]));
  napi_set_named_property(env, out, "samples", samples);
  napi_set_named_property(env, out, "columns", float64Array(env, counted.data() + N_TYPES, counted.size() - N_TYPES));
  napi_value names, addresses;
  size_t ncols = core->cols.size();
  napi_create_array_with_length(env, ncols, &names);
  napi_create_array_with_length(env, ncols, &addresses);
  for (size_t k = 0; k < ncols; k++) {
    napi_set_element(env, names, (uint32_t)k, stringList(env, core->colSamples[k * 2]));
    napi_set_element(env, addresses, (uint32_t)k, stringList(env, core->colSamples[k * 2 + 1]));
  }
  napi_set_named_property(env, out, "names", names);
  napi_set_named_property(env, out, "addresses", addresses);
  // The people: their number and categories; the table itself stays here until takePeople() asks
  // for it (a report of one table needs only the counts, and handing 32 MiB to JavaScript makes
  // V8 count it as external memory and collect garbage: 6–9 ms at the end of a million records).
  PersonSet& ps = core->people;
  core->tagWaitingKeys();
  ps.flush();
  napi_create_double(env, (double)ps.capacity, &v);
  napi_set_named_property(env, out, "peopleCapacity", v);
  napi_create_double(env, (double)ps.size, &v);
  napi_set_named_property(env, out, "peopleSize", v);
  napi_set_named_property(env, out, "peopleCategories", float64Array(env, ps.categories, 17));
  napi_create_uint32(env, COL_SLOTS, &v);
  napi_set_named_property(env, out, "columnSlots", v);
  return out;
}

/**
 * insertPeople(slots, size, from, stride, categories) → people added: every person of `from` — packed
 * [hi, lo, cats] triples (stride 3) or another table's slots (stride 4, unused ones skipped) —
 * into the table `slots` holding `size` people, which must have room for all of them at half load; `categories`
 * (Float64Array(17), see PersonSet) follows. The slot of the person 16 ahead is prefetched: the
 * table is bigger than the cache and each probe would otherwise wait for memory.
 */
napi_value InsertPeople(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  void *dst, *src, *cat;
  size_t dstBytes, srcBytes, catBytes;
  int32_t stride = 0;
  double size = 0;
  if (argc < 5 || !typedBytes(env, argv[0], &dst, &dstBytes) || napi_get_value_double(env, argv[1], &size) != napi_ok ||
      !typedBytes(env, argv[2], &src, &srcBytes) || napi_get_value_int32(env, argv[3], &stride) != napi_ok ||
      (stride != 3 && stride != 4) || !typedBytes(env, argv[4], &cat, &catBytes) || catBytes != 17 * sizeof(double)) {
    napi_throw_type_error(env, nullptr, "insertPeople(Uint32Array, size, Uint32Array, 3 | 4, Float64Array(17))");
    return nullptr;
  }
  size_t cap = dstBytes / sizeof(PersonSlot);
  if (cap < 16 || (cap & (cap - 1)) != 0) {
    napi_throw_range_error(env, nullptr, "insertPeople: a power-of-two number of slots expected");
    return nullptr;
  }
  PersonSlot* slots = static_cast<PersonSlot*>(dst);
  const uint32_t* w = static_cast<const uint32_t*>(src);
  const size_t words = srcBytes / 4 - (srcBytes / 4) % (size_t)stride;
  const uint32_t mask = (uint32_t)cap - 1;
  size_t used = size > 0 ? (size_t)size : 0;
  double* categories = static_cast<double*>(cat);
  const size_t ahead = 16 * (size_t)stride;
  double added = 0;
  for (size_t o = 0; o < words; o += stride) {
    if (o + ahead < words) __builtin_prefetch(&slots[personHome(w[o + ahead], w[o + ahead + 1], mask)], 1);
    if (stride == 4 && !(w[o + 2] >> 16)) continue;
    if ((used + 1) * 2 > cap) {
      napi_throw_range_error(env, nullptr, "insertPeople: the table is full (make room first)");
      return nullptr;
    }
    int a = insertPerson(slots, mask, w[o], w[o + 1], (uint16_t)w[o + 2], categories);
    used += a;
    added += a;
  }
  napi_value out;
  CHECK(napi_create_double(env, added, &out));
  return out;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor methods[] = {
      {"setColumns", nullptr, SetColumns, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"scan", nullptr, Scan, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"finish", nullptr, Finish, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"takePeople", nullptr, TakePeople, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_value cls;
  if (napi_define_class(env, "CsvCore", NAPI_AUTO_LENGTH, New, nullptr, 4, methods, &cls) != napi_ok) return nullptr;
  napi_set_named_property(env, exports, "CsvCore", cls);
  napi_value fn;
  if (napi_create_function(env, "insertPeople", NAPI_AUTO_LENGTH, InsertPeople, nullptr, &fn) == napi_ok)
    napi_set_named_property(env, exports, "insertPeople", fn);
  registerPersonKeys(env, exports);
  registerMappedFile(env, exports);
  return exports;
}

}  // namespace

NAPI_MODULE_INIT() { return Init(env, exports); }
#else
}  // namespace
#endif
