// The native twin of netwarden.bench.ReadFloor: the same work in C, to show what the replay
// benchmark's file costs with no JVM at all. It maps the file, walks the records, reads the
// Ethernet/IPv4/UDP headers and keeps exact per-destination-port packet, byte and distinct-source
// counts, one contiguous part of the file per thread (cut at a re-synchronised record header),
// merged at the end. No players, services, flows, detection, IPv6, VLANs or other formats.
// Build: cc -O2 -march=native -pthread -o read-floor bench/read-floor.c
// Usage: read-floor FILE.pcap [threads=2]   (little-endian classic pcap of Ethernet frames)
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PORTS 65536
#define MAX_THREADS 64

// Open addressing, linear probing, load <= 1/2; address 0 is kept as a flag.
typedef struct {
    uint32_t *slots;
    uint32_t mask, shift, size;
    int zero;
} set_t;

static set_t *set_new(void) {
    set_t *s = calloc(1, sizeof *s);
    s->slots = calloc(1024, sizeof *s->slots);
    s->mask = 1023;
    s->shift = 32 - 10;
    return s;
}

static void set_add(set_t *s, uint32_t a);

static void set_grow(set_t *s) {
    uint32_t *old = s->slots, n = s->mask + 1;
    s->slots = calloc((size_t)n * 2, sizeof *s->slots);
    s->mask = n * 2 - 1;
    s->shift--;
    s->size = s->zero;
    for (uint32_t i = 0; i < n; i++)
        if (old[i]) set_add(s, old[i]);
    free(old);
}

static void set_add(set_t *s, uint32_t a) {
    if (a == 0) {
        if (!s->zero) s->size++;
        s->zero = 1;
        return;
    }
    uint32_t i = (a * 0x9E3779B9u) >> s->shift, v;
    while ((v = s->slots[i]) != 0) {
        if (v == a) return;
        i = (i + 1) & s->mask;
    }
    s->slots[i] = a;
    if (++s->size > (s->mask + 1) / 2) set_grow(s);
}

typedef struct {
    const uint8_t *map;
    size_t size, from, to;
    uint64_t frames, packets[PORTS], bytes[PORTS];
    set_t *sources[PORTS];
} part_t;

static uint32_t le32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static void *read_part(void *arg) {
    part_t *c = arg;
    const uint8_t *m = c->map;
    size_t off = c->from;
    while (off + 16 <= c->to) {
        uint32_t captured = le32(m + off + 8), wire = le32(m + off + 12);
        size_t frame = off + 16;
        off = frame + captured;
        if (off > c->size) break;
        c->frames++;
        if (captured < 42 || m[frame + 12] != 0x08 || m[frame + 13] != 0x00) continue;
        int ihl = (m[frame + 14] & 15) * 4;
        if (m[frame + 23] != 17 || captured < 14u + ihl + 4) continue;
        int port = m[frame + 14 + ihl + 2] << 8 | m[frame + 14 + ihl + 3];
        c->packets[port]++;
        c->bytes[port] += wire;
        if (!c->sources[port]) c->sources[port] = set_new();
        set_add(c->sources[port], __builtin_bswap32(le32(m + frame + 26)));
    }
    return NULL;
}

// The first offset at or after `from` where 16 records in a row have plausible lengths.
static size_t resync(const uint8_t *m, size_t size, size_t from) {
    for (size_t o = from; o + 16 <= size; o++) {
        size_t r = o;
        int ok = 0;
        while (ok < 16 && r + 16 <= size) {
            uint32_t captured = le32(m + r + 8), wire = le32(m + r + 12);
            if (captured == 0 || captured > 262144 || wire < captured) break;
            r += 16 + captured;
            ok++;
        }
        if (ok == 16 || r == size) return o;
    }
    return size;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: read-floor FILE.pcap [threads]\n");
        return 2;
    }
    int threads = argc > 2 ? atoi(argv[2]) : 2;
    if (threads < 1 || threads > MAX_THREADS) threads = 2;
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < 24) {
        perror(argv[1]);
        return 1;
    }
    const uint8_t *m = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED || le32(m) != 0xa1b2c3d4u) {
        fprintf(stderr, "%s: not a little-endian microsecond pcap\n", argv[1]);
        return 1;
    }
    size_t bounds[MAX_THREADS + 1];
    bounds[0] = 24;
    bounds[threads] = st.st_size;
    for (int t = 1; t < threads; t++) bounds[t] = resync(m, st.st_size, (size_t)st.st_size * t / threads);
    part_t *parts[MAX_THREADS];
    pthread_t workers[MAX_THREADS];
    for (int t = 0; t < threads; t++) {
        parts[t] = calloc(1, sizeof(part_t));
        *parts[t] = (part_t){.map = m, .size = st.st_size, .from = bounds[t], .to = bounds[t + 1]};
        pthread_create(&workers[t], NULL, read_part, parts[t]);
    }
    part_t *all = parts[0];
    pthread_join(workers[0], NULL);
    for (int t = 1; t < threads; t++) {
        pthread_join(workers[t], NULL);
        all->frames += parts[t]->frames;
        for (int p = 0; p < PORTS; p++) {
            all->packets[p] += parts[t]->packets[p];
            all->bytes[p] += parts[t]->bytes[p];
            set_t *s = parts[t]->sources[p];
            if (!s) continue;
            if (!all->sources[p]) all->sources[p] = set_new();
            if (s->zero) set_add(all->sources[p], 0);
            for (uint32_t i = 0; i <= s->mask; i++)
                if (s->slots[i]) set_add(all->sources[p], s->slots[i]);
        }
    }
    for (int p = 0; p < PORTS; p++)
        if (all->packets[p])
            printf("udp/%d packets=%llu wire_bytes=%llu unique_sources=%u\n", p,
                   (unsigned long long)all->packets[p], (unsigned long long)all->bytes[p], all->sources[p]->size);
    printf("frames=%llu\n", (unsigned long long)all->frames);
    return 0;
}
