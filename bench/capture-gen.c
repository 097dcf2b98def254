// SPDX-License-Identifier: MIT
// capture-gen: benchmark traffic for bench/capture-bench.sh. Sends minimum-size UDP frames
// through an AF_PACKET socket on IFACE at a fixed rate for a fixed time, rotating the source
// address over SOURCES consecutive addresses, and prints what it sent as one JSON line.
// usage: capture-gen IFACE DST_MAC SRC_IP DST_IP DST_PORT PPS SECONDS [SOURCES]
// Only ever run inside a network namespace made for the benchmark.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 32
#define FRAME 60

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + t.tv_nsec;
}

static void ip_checksum(uint8_t *ip)
{
	uint32_t sum = 0;
	ip[10] = ip[11] = 0;
	for (int i = 0; i < 20; i += 2)
		sum += (ip[i] << 8) | ip[i + 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	ip[10] = (uint8_t)(~sum >> 8);
	ip[11] = (uint8_t)~sum;
}

int main(int argc, char **argv)
{
	if (argc < 8) {
		fprintf(stderr, "usage: %s IFACE DST_MAC SRC_IP DST_IP DST_PORT PPS SECONDS [SOURCES]\n", argv[0]);
		return 2;
	}
	const char *ifname = argv[1];
	unsigned mac[6];
	if (sscanf(argv[2], "%x:%x:%x:%x:%x:%x", &mac[0], &mac[1], &mac[2], &mac[3], &mac[4], &mac[5]) != 6) {
		fprintf(stderr, "bad MAC %s\n", argv[2]);
		return 2;
	}
	struct in_addr src, dst;
	if (!inet_aton(argv[3], &src) || !inet_aton(argv[4], &dst)) {
		fprintf(stderr, "bad address\n");
		return 2;
	}
	int port = atoi(argv[5]);
	double pps = atof(argv[6]);
	double seconds = atof(argv[7]);
	uint32_t sources = argc > 8 ? (uint32_t)atoi(argv[8]) : 1;
	if (sources < 1)
		sources = 1;

	int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	struct sockaddr_ll sll = {0};
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (!sll.sll_ifindex || bind(fd, (struct sockaddr *)&sll, sizeof sll) != 0) {
		perror("bind");
		return 1;
	}

	static uint8_t frames[BATCH][FRAME];
	struct mmsghdr msgs[BATCH];
	struct iovec iov[BATCH];
	memset(msgs, 0, sizeof msgs);
	for (int i = 0; i < BATCH; i++) {
		uint8_t *f = frames[i];
		memset(f, 0, FRAME);
		for (int b = 0; b < 6; b++)
			f[b] = (uint8_t)mac[b];
		f[6] = 0x02; f[11] = 0x01;                      /* a local source MAC */
		f[12] = 0x08; f[13] = 0x00;                     /* IPv4 */
		uint8_t *ip = f + 14;
		ip[0] = 0x45; ip[3] = 46;                       /* total length 20 + 8 + 18 */
		ip[8] = 64; ip[9] = 17;                         /* TTL, UDP */
		memcpy(ip + 16, &dst, 4);
		uint8_t *udp = ip + 20;
		udp[0] = 0x13; udp[1] = 0x88;                   /* source port 5000 */
		udp[2] = (uint8_t)(port >> 8); udp[3] = (uint8_t)port;
		udp[5] = 26;                                    /* UDP length 8 + 18 */
		iov[i].iov_base = f;
		iov[i].iov_len = FRAME;
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}

	uint64_t total = (uint64_t)(pps * seconds);
	uint64_t sent = 0, failed = 0, next_src = 0;
	uint32_t base = ntohl(src.s_addr);
	uint64_t start = now_ns();
	while (sent + failed < total) {
		int n = (int)(total - sent - failed < BATCH ? total - sent - failed : BATCH);
		for (int i = 0; i < n; i++) {
			uint32_t s = htonl(base + (uint32_t)(next_src++ % sources));
			memcpy(frames[i] + 14 + 12, &s, 4);
			ip_checksum(frames[i] + 14);
		}
		uint64_t due = start + (uint64_t)((double)(sent + failed) * 1e9 / pps);
		while (now_ns() < due)
			;
		int r = sendmmsg(fd, msgs, (unsigned)n, 0);
		if (r < 0) {
			failed += (uint64_t)n;
			continue;
		}
		sent += (uint64_t)r;
		failed += (uint64_t)(n - r);
	}
	double took = (double)(now_ns() - start) / 1e9;
	printf("{\"sent\":%llu,\"failed\":%llu,\"seconds\":%.3f,\"pps\":%.0f}\n", (unsigned long long)sent,
	       (unsigned long long)failed, took, (double)sent / took);
	return 0;
}
