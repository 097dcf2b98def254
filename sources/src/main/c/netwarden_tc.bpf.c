// SPDX-License-Identifier: (GPL-2.0-only OR MIT)
/*
 * netwarden TC classifier: counts every packet of an interface, both directions, in the kernel so
 * user space reads one aggregate per flow and second instead of packets.
 *
 * Design notes
 * - Attached with clsact on ingress AND egress (one entry point per direction and link kind). It
 *   never changes a packet's fate: it returns TC_ACT_UNSPEC so later filters still run.
 * - Every map exists twice, indexed by the parity of the wall-clock second: during second S the
 *   kernel writes only the S&1 maps. User space harvests them (lookup-and-delete) after S has ended
 *   and before S+2 begins, while nothing writes them, so per-second counts are exact without any
 *   race. The wall-clock offset (CLOCK_REALTIME - CLOCK_MONOTONIC) comes from user space through
 *   nw_settings.
 * - Exact per-port counters: nw_ports{0,1}, per-CPU hashes keyed by (direction, class, local port).
 *   The key space is bounded (2 directions x (2 x 65536 ports + 256 protocols + 1)) and
 *   max_entries covers all of it, so no flood can evict or refuse a key; only a kernel allocation
 *   failure can, and that is counted (STAT_PORT_INSERT_FAILURES).
 * - Flows: nw_flows{0,1}, bounded LRU hashes keyed by (remote, local, local port, proto,
 *   direction). A spoofed flood evicts idle flows; inserts are counted per parity
 *   (STAT_FLOW_INSERTS_0/1), so user space derives evictions as inserts - harvested entries, and
 *   charges the evicted packets (port counts - flow counts) to the service without a source.
 * - Parsing uses bpf_skb_load_bytes, so non-linear skbs work; loops are bounded (3 VLAN tags in
 *   the packet, 6 IPv6 extension headers). A tag offloaded to skb->vlan_tci adds 4 wire bytes, as
 *   libpcap re-inserts it.
 *
 * The layouts below are mirrored by netwarden.sources.ebpf.BpfLayout; change both together.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define DIR_IN 0
#define DIR_OUT 1
#define FLOW_HAS_PORT 2
#define FLOW_IPV6 4

#define CLASS_TCP 0
#define CLASS_UDP 1
#define CLASS_PORTLESS 2 /* IP without ports (ICMP, other protocols, non-first fragments): port = protocol */
#define CLASS_NON_IP 3

#define MAX_VLAN_TAGS 3
#define MAX_IPV6_EXT 6
#define MAX_MPLS_LABELS 8
#define NW_EEXIST 17
#define PROTO_TCP 6
#define PROTO_UDP 17

#define TCP_SYN 0x02
#define TCP_ACK 0x10

struct port_value {
	__u64 packets, bytes, syn_packets, syn_bytes;
};

struct flow_key {
	__u8 remote[16];   /* IPv6, or IPv4-mapped ::ffff:a.b.c.d */
	__u8 local[16];
	__u16 local_port;  /* host byte order; 0 unless FLOW_HAS_PORT */
	__u8 proto;
	__u8 flags;        /* bit 0: direction (DIR_OUT), bit 1: FLOW_HAS_PORT, bit 2: FLOW_IPV6 */
	__u32 pad;         /* always 0 */
};

struct flow_value {
	__u64 packets, bytes, syn_packets, syn_bytes, data_packets;
	__u64 first_ns;    /* wall clock, nanoseconds since the epoch, within the second */
	__u64 last_ns;
	__u32 tcp_flags;   /* OR of every TCP flags byte seen in the second */
	__u32 pad;
};

struct settings {
	__s64 wall_offset_ns;
};

enum stat_index {
	STAT_FLOW_INSERTS_0 = 0,
	STAT_FLOW_INSERTS_1 = 1,
	STAT_FLOW_INSERT_FAILURES = 2,
	STAT_PORT_INSERT_FAILURES = 3,
	STAT_COUNT = 4,
};

struct parsed {
	__u8 src[16];
	__u8 dst[16];
	__u16 sport, dport;
	__u8 proto;
	__u8 ip_version;
	__u8 has_ports;
	__u8 has_flags;
	__u8 tcp_flags;
	__u8 tcp_data;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 2 * (2 * 65536 + 256 + 1));
	__type(key, __u32);
	__type(value, struct port_value);
} nw_ports0 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 2 * (2 * 65536 + 256 + 1));
	__type(key, __u32);
	__type(value, struct port_value);
} nw_ports1 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct flow_key);
	__type(value, struct flow_value);
} nw_flows0 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct flow_key);
	__type(value, struct flow_value);
} nw_flows1 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_COUNT);
	__type(key, __u32);
	__type(value, __u64);
} nw_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct settings);
} nw_settings SEC(".maps");

static __always_inline void stat_inc(__u32 index)
{
	__u64 *v = bpf_map_lookup_elem(&nw_stats, &index);
	if (v)
		*v += 1;
}

static __always_inline int is_vlan(__u16 type_be)
{
	return type_be == bpf_htons(0x8100) || type_be == bpf_htons(0x88a8) || type_be == bpf_htons(0x9100);
}

/* Transport header at l4 of an IP packet whose IP payload ends at end. */
static __always_inline void parse_l4(struct __sk_buff *skb, __u32 l4, __u32 end, struct parsed *p)
{
	__u8 h[14];
	if (p->proto == PROTO_UDP) {
		if (l4 + 8 > end || bpf_skb_load_bytes(skb, l4, h, 4))
			return;
	} else if (p->proto == PROTO_TCP) {
		if (l4 + 4 > end || bpf_skb_load_bytes(skb, l4, h, 4))
			return;
		if (l4 + 20 <= end && bpf_skb_load_bytes(skb, l4, h, 14) == 0 && (h[12] >> 4) >= 5) {
			__u32 header = (h[12] >> 4) * 4;
			p->has_flags = 1;
			p->tcp_flags = h[13];
			p->tcp_data = end > l4 + header;
		}
	} else {
		return;
	}
	p->sport = ((__u16)h[0] << 8) | h[1];
	p->dport = ((__u16)h[2] << 8) | h[3];
	p->has_ports = 1;
}

static __always_inline int parse_ipv4(struct __sk_buff *skb, __u32 off, struct parsed *p)
{
	__u8 h[20];
	if (bpf_skb_load_bytes(skb, off, h, 20))
		return 0;
	__u32 ihl = (h[0] & 0x0f) * 4;
	__u32 total = ((__u32)h[2] << 8) | h[3];
	if ((h[0] >> 4) != 4 || ihl < 20 || total < ihl)
		return 0;
	p->ip_version = 4;
	p->proto = h[9];
	p->src[10] = p->src[11] = 0xff;
	p->dst[10] = p->dst[11] = 0xff;
	__builtin_memcpy(&p->src[12], &h[12], 4);
	__builtin_memcpy(&p->dst[12], &h[16], 4);
	__u32 frag_offset = (((__u32)h[6] << 8) | h[7]) & 0x1fff;
	if (frag_offset == 0)
		parse_l4(skb, off + ihl, off + total, p);
	return 1;
}

static __always_inline int parse_ipv6(struct __sk_buff *skb, __u32 off, struct parsed *p)
{
	__u8 h[40];
	if (bpf_skb_load_bytes(skb, off, h, 40))
		return 0;
	if ((h[0] >> 4) != 6)
		return 0;
	__u32 end = off + 40 + (((__u32)h[4] << 8) | h[5]);
	__u8 next = h[6];
	p->ip_version = 6;
	__builtin_memcpy(p->src, &h[8], 16);
	__builtin_memcpy(p->dst, &h[24], 16);
	__u32 at = off + 40;
	int first_fragment = 1;
#pragma unroll
	for (int i = 0; i < MAX_IPV6_EXT; i++) {
		__u8 e[4];
		if (next != 0 && next != 43 && next != 60 && next != 44 && next != 51)
			break;
		if (bpf_skb_load_bytes(skb, at, e, 4)) {
			p->proto = next;
			return 1;
		}
		if (next == 44) {
			if (((((__u32)e[2] << 8) | e[3]) & 0xfff8) != 0)
				first_fragment = 0;
			at += 8;
		} else if (next == 51) {
			at += ((__u32)e[1] + 2) * 4;
		} else {
			at += ((__u32)e[1] + 1) * 8;
		}
		next = e[0];
	}
	p->proto = next;
	if (first_fragment)
		parse_l4(skb, at, end, p);
	return 1;
}

/* The IP ether type the first nibble at off names (4 or 6), else 0: raw IP devices, MPLS payloads. */
static __always_inline __u16 ip_type_of(struct __sk_buff *skb, __u32 off)
{
	__u8 v;
	if (bpf_skb_load_bytes(skb, off, &v, 1))
		return 0;
	return (v >> 4) == 4 ? bpf_htons(0x0800) : (v >> 4) == 6 ? bpf_htons(0x86dd) : 0;
}

/* PPPoE session (RFC 2516): a 6-byte header, then the PPP protocol (0x0021 IPv4, 0x0057 IPv6).
 * Moves *off to the payload and sets *type to its ether type (0: not IP); non-zero on a cut header. */
static __always_inline int parse_pppoe(struct __sk_buff *skb, __u32 *off, __u16 *type)
{
	__u16 ppp;
	if (bpf_skb_load_bytes(skb, *off + 6, &ppp, 2))
		return 1;
	*off += 8;
	*type = ppp == bpf_htons(0x0021) ? bpf_htons(0x0800) : ppp == bpf_htons(0x0057) ? bpf_htons(0x86dd) : 0;
	return 0;
}

/* MPLS (RFC 3032): label entries up to the bottom-of-stack bit; the payload's first nibble says
 * IPv4 or IPv6, as user space's decoder and tshark guess. Deeper stacks than MAX_MPLS_LABELS are
 * not IP here. Same contract as parse_pppoe. */
static __always_inline int parse_mpls(struct __sk_buff *skb, __u32 *off, __u16 *type)
{
	*type = 0;
#pragma unroll
	for (int i = 0; i < MAX_MPLS_LABELS; i++) {
		__u8 entry[4];
		if (bpf_skb_load_bytes(skb, *off, entry, 4))
			return 1;
		*off += 4;
		if (entry[2] & 1) {
			*type = ip_type_of(skb, *off);
			return 0;
		}
	}
	return 0;
}

/* 1 when an IP header was read into p, 0 otherwise. */
static __always_inline int parse(struct __sk_buff *skb, int ethernet, struct parsed *p)
{
	__u32 off = 0;
	__u16 type;
	if (ethernet) {
		if (bpf_skb_load_bytes(skb, 12, &type, 2))
			return 0;
		off = 14;
#pragma unroll
		for (int i = 0; i < MAX_VLAN_TAGS; i++) {
			if (!is_vlan(type))
				break;
			if (bpf_skb_load_bytes(skb, off + 2, &type, 2))
				return 0;
			off += 4;
		}
		if (type == bpf_htons(0x8864) && parse_pppoe(skb, &off, &type))
			return 0;
		if ((type == bpf_htons(0x8847) || type == bpf_htons(0x8848)) && parse_mpls(skb, &off, &type))
			return 0;
	} else {
		type = ip_type_of(skb, 0);
	}
	if (type == bpf_htons(0x0800))
		return parse_ipv4(skb, off, p);
	if (type == bpf_htons(0x86dd))
		return parse_ipv6(skb, off, p);
	return 0;
}

static __always_inline void count_port(void *ports, __u32 key, __u64 wire, int syn)
{
	struct port_value *v = bpf_map_lookup_elem(ports, &key);
	if (!v) {
		struct port_value zero = {};
		long err = bpf_map_update_elem(ports, &key, &zero, BPF_NOEXIST);
		if (err && err != -NW_EEXIST) {
			stat_inc(STAT_PORT_INSERT_FAILURES);
			return;
		}
		v = bpf_map_lookup_elem(ports, &key);
		if (!v) {
			stat_inc(STAT_PORT_INSERT_FAILURES);
			return;
		}
	}
	v->packets += 1;
	v->bytes += wire;
	if (syn) {
		v->syn_packets += 1;
		v->syn_bytes += wire;
	}
}

static __always_inline void count_flow(void *flows, __u32 inserts_stat, struct parsed *p, int dir, __u64 now,
				       __u64 wire, int syn)
{
	struct flow_key k = {};
	if (dir == DIR_IN) {
		__builtin_memcpy(k.remote, p->src, 16);
		__builtin_memcpy(k.local, p->dst, 16);
		k.local_port = p->has_ports ? p->dport : 0;
	} else {
		__builtin_memcpy(k.remote, p->dst, 16);
		__builtin_memcpy(k.local, p->src, 16);
		k.local_port = p->has_ports ? p->sport : 0;
	}
	k.proto = p->proto;
	k.flags = dir | (p->has_ports ? FLOW_HAS_PORT : 0) | (p->ip_version == 6 ? FLOW_IPV6 : 0);

	struct flow_value *v = bpf_map_lookup_elem(flows, &k);
	if (!v) {
		struct flow_value init = {};
		init.first_ns = now;
		init.last_ns = now;
		long err = bpf_map_update_elem(flows, &k, &init, BPF_NOEXIST);
		if (err == 0)
			stat_inc(inserts_stat);
		else if (err != -NW_EEXIST) {
			stat_inc(STAT_FLOW_INSERT_FAILURES);
			return;
		}
		v = bpf_map_lookup_elem(flows, &k);
		if (!v) {
			stat_inc(STAT_FLOW_INSERT_FAILURES);
			return;
		}
	}
	__sync_fetch_and_add(&v->packets, 1);
	__sync_fetch_and_add(&v->bytes, wire);
	if (syn) {
		__sync_fetch_and_add(&v->syn_packets, 1);
		__sync_fetch_and_add(&v->syn_bytes, wire);
	}
	if (p->tcp_data)
		__sync_fetch_and_add(&v->data_packets, 1);
	if (p->has_flags && (v->tcp_flags | p->tcp_flags) != v->tcp_flags)
		__sync_fetch_and_or(&v->tcp_flags, (__u32)p->tcp_flags);
	if (now > v->last_ns)
		v->last_ns = now;
}

static __always_inline int handle(struct __sk_buff *skb, int dir, int ethernet)
{
	struct parsed p = {};
	int ip = parse(skb, ethernet, &p);
	__u64 wire = skb->len + (skb->vlan_present ? 4 : 0);

	__u32 zero = 0;
	struct settings *s = bpf_map_lookup_elem(&nw_settings, &zero);
	__u64 now = bpf_ktime_get_ns() + (s ? s->wall_offset_ns : 0);
	__u32 slot = (now / 1000000000ULL) & 1;
	int syn = ip && p.has_flags && (p.tcp_flags & (TCP_SYN | TCP_ACK)) == TCP_SYN;

	__u32 key;
	if (!ip)
		key = CLASS_NON_IP << 16;
	else if (p.has_ports)
		key = ((p.proto == PROTO_TCP ? CLASS_TCP : CLASS_UDP) << 16) | (dir == DIR_IN ? p.dport : p.sport);
	else
		key = (CLASS_PORTLESS << 16) | p.proto;
	key |= (__u32)dir << 24;
	if (slot) {
		count_port(&nw_ports1, key, wire, syn);
		if (ip)
			count_flow(&nw_flows1, STAT_FLOW_INSERTS_1, &p, dir, now, wire, syn);
	} else {
		count_port(&nw_ports0, key, wire, syn);
		if (ip)
			count_flow(&nw_flows0, STAT_FLOW_INSERTS_0, &p, dir, now, wire, syn);
	}
	return TC_ACT_UNSPEC;
}

SEC("tc")
int nw_in_eth(struct __sk_buff *skb) { return handle(skb, DIR_IN, 1); }

SEC("tc")
int nw_out_eth(struct __sk_buff *skb) { return handle(skb, DIR_OUT, 1); }

SEC("tc")
int nw_in_raw(struct __sk_buff *skb) { return handle(skb, DIR_IN, 0); }

SEC("tc")
int nw_out_raw(struct __sk_buff *skb) { return handle(skb, DIR_OUT, 0); }

char LICENSE[] SEC("license") = "Dual MIT/GPL";
